#pragma once
// libjpeg behind one plain call (private to attnlab_image). libjpeg's error_exit must not return;
// here it longjmps back to the decoder, which throws MediaError with no C++ destructor skipped.
#include "core/data/image/Image.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace attnlab {

// True when `data` starts with a JPEG start-of-image marker followed by another marker.
bool looksLikeJpeg(const std::uint8_t* data, std::size_t size);

// Decodes a whole JPEG file held in memory to 8-bit RGB (grey and CMYK converted). A file that
// ends before its image does is refused, not filled with grey as libjpeg would. `file` names it
// in errors.
Image decodeJpeg(const std::uint8_t* data, std::size_t size, const std::string& file);

} // namespace attnlab
