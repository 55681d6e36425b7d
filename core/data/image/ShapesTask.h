#pragma once
// The shapes captioning task (issue 14): small synthetic scenes and a caption naming one shape or
// a pair with their relation, with gold links from each colour and shape word to the grid cells
// that shape covers, so a captioning model's attention can be scored against where the words are.
//
//   "a red circle"                       one shape
//   "a red circle above a blue square"   two or three shapes: two named, any third a distractor
//   "a green triangle left of a yellow circle"
//
// Scenes: a plain light-grey background, grey speckles (1 or 2 px) so the model must look at
// shapes rather than any mark, and one to three shapes (circle, square, triangle) in six colours,
// at random sizes (size/4 .. 3·size/8) and positions, never touching, no two alike in both form
// and colour. Colours are exact (no anti-aliasing, no noise on shapes), so a test can find each
// shape from its pixels.
//
// The relation compares the centres of the two named shapes' drawn pixels' bounding boxes along
// the axis where they differ most: vertically when |dy| >= |dx|, else horizontally; the upper
// (left) shape is named first, so the relation is "above" ("left of"): A's centre is higher
// (further left). With three shapes the third is a small distractor (side size/8 .. size/6) and
// the two large ones are named, so each picture has exactly one right caption.
//
// Gold links (cell, word index): the colour word and the shape word of each named shape link to
// every P x P cell in which that shape covers at least 20% of the pixels; every named shape has
// at least one such cell. "a", the relation words and the distractor have no links.
#include "core/data/image/Image.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace attnlab {

struct ShapesScene {
    Image image; // (size x size x 3) RGB
    std::string caption;
    std::vector<std::pair<int, int>> links; // (cell, word index), sorted; cell in raster order
};

struct ShapesOptions {
    int size = 48; // the scene's width and height; a multiple of patch, 16..1024
    int patch = 8; // the grid's cell side; at most size / 4 so every shape can fill 20% of a cell
};

// `count` scenes drawn from `seed`: the same seed gives the same scenes, and a longer run starts
// with the scenes of a shorter one. Throws std::invalid_argument for options outside the above.
std::vector<ShapesScene> generateShapes(int count, std::uint64_t seed, const ShapesOptions& options = {});

// Every word a caption can use: a, the colours, the shapes, above, left, of.
const std::vector<std::string>& shapesWords();

} // namespace attnlab
