#pragma once
// Image files in and out (PNG through libpng, JPEG through libjpeg), and resizing to the size a
// model reads.
#include "core/data/image/Image.h"

#include <string>

namespace attnlab {

// The largest width or height readImageFile accepts: a bigger picture is almost surely a wrong
// file, and 8192 x 8192 RGB is already 192 MiB.
constexpr int MaxImageSide = 8192;

// Reads a PNG or a JPEG, told apart by the file's first bytes (its extension is not trusted), as
// 8-bit RGB: grey is spread to the three channels, a palette expanded, 16-bit samples scaled to 8
// bits, and transparency composited on white (what a viewer shows on a white page). No gamma
// or colour-profile conversion: the stored values are what the model sees.
// Throws MediaError naming the file and the reason: missing or unreadable, empty, not a PNG or
// JPEG, truncated or corrupt, no pixels, or a side larger than MaxImageSide.
Image readImageFile(const std::string& path);

// Writes `image` (1 grey, 2 grey + alpha, 3 RGB or 4 RGBA channels) as an 8-bit PNG, atomically:
// the bytes go beside the file and are renamed over it (core/util/AtomicFile.h), so a failure
// leaves any previous file whole. Throws std::invalid_argument for an image whose pixel count
// does not match its size, FileWriteError when the disk refuses.
void writePngFile(const std::string& path, const Image& image);

// Resamples to width x height, each axis on its own: an area average where it shrinks (every
// source pixel counts, weighted by how much of it falls in the output pixel, so thin lines do not
// vanish), bilinear where it grows (pixel centres aligned, edges clamped). Any channel count.
Image resizeImage(const Image& image, int width, int height);

} // namespace attnlab
