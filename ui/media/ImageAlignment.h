#pragma once
// What the image view shows: a model's attention over the patch cells of one picture. Plain Qt and
// std types, filled by whoever decoded it, so the widgets depend on nothing of the core's image
// front end. The grid covers the whole picture: cell (row i, column j) is the rectangle
// [j*W/cols, (j+1)*W/cols) x [i*H/rows, (i+1)*H/rows) of a W x H picture.
// N = gridRows * gridCols cells (the keys, in raster order), T output tokens.
#include <QImage>

#include <string>
#include <vector>

namespace attnlab::ui {

struct ImageAlignment {
    QImage image;                            // the picture as the model saw it (RGB)
    int gridRows = 0, gridCols = 0;          // cells = keys, raster order: key = row * gridCols + col
    std::vector<std::string> outputs;        // (T)
    std::vector<float> attention;            // (T x N) row-major
    std::vector<std::vector<int>> goldCells; // (T or empty) the cells each output names
};

inline int imageCellCount(const ImageAlignment& alignment) {
    return alignment.gridRows * alignment.gridCols;
}

// Output t's gold cells inside the grid, sorted, each once (empty without gold).
std::vector<int> goldCellsOf(const ImageAlignment& alignment, int output);

// Throws std::invalid_argument naming the field, the expected and the actual size when the shapes
// disagree (attention not T x N, goldCells neither empty nor T), when the grid is negative, or
// when there are outputs but no picture or no grid. Gold cells outside the grid are not an error:
// the views leave them out.
void checkImageAlignment(const ImageAlignment& alignment);

} // namespace attnlab::ui
