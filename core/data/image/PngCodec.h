#pragma once
// libpng behind two plain calls (private to attnlab_image). libpng reports errors by longjmp;
// here they become MediaError exceptions without jumping over any C++ destructor.
#include "core/data/image/Image.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace attnlab {

// True when `data` starts with the 8-byte PNG signature.
bool looksLikePng(const std::uint8_t* data, std::size_t size);

// Decodes a whole PNG file held in memory to 8-bit RGB (see readImageFile). `file` names it in
// errors.
Image decodePng(const std::uint8_t* data, std::size_t size, const std::string& file);

// Encodes an 8-bit image of 1-4 channels (grey, grey + alpha, RGB, RGBA) as a PNG file's bytes.
std::string encodePng(const Image& image);

} // namespace attnlab
