#pragma once
// An image cut into the grid of P x P patches the image front end projects: one column per cell.
#include "core/data/image/Image.h"

#include <vector>

namespace attnlab {

// P patch side, C channels, N = (H/P)·(W/P) cells.
// Returns (P·P·C x N) column-major floats in [0, 1] (sample / 255). Cells in raster order: the
// cell in grid row r, column c is column r·(W/P) + c. Within a column the samples go (y, x,
// channel), y and x inside the patch, as the pixels do in the image. H and W must be multiples
// of P (resize first); throws std::invalid_argument otherwise.
std::vector<float> imagePatches(const Image& image, int patch);

} // namespace attnlab
