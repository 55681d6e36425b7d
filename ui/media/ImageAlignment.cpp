#include "ui/media/ImageAlignment.h"

#include <algorithm>
#include <stdexcept>

namespace attnlab::ui {

namespace {
[[noreturn]] void fail(const std::string& what) {
    throw std::invalid_argument("ImageAlignment: " + what);
}
} // namespace

std::vector<int> goldCellsOf(const ImageAlignment& a, int output) {
    std::vector<int> cells;
    if (output < 0 || size_t(output) >= a.goldCells.size()) return cells;
    const int N = imageCellCount(a);
    for (int cell : a.goldCells[size_t(output)])
        if (cell >= 0 && cell < N) cells.push_back(cell);
    std::sort(cells.begin(), cells.end());
    cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
    return cells;
}

void checkImageAlignment(const ImageAlignment& a) {
    if (a.gridRows < 0 || a.gridCols < 0)
        fail("the grid must not be negative (" + std::to_string(a.gridRows) + " x " +
             std::to_string(a.gridCols) + ")");
    const size_t T = a.outputs.size();
    const size_t N = size_t(imageCellCount(a));
    if (a.attention.size() != T * N)
        fail("attention (T x N = " + std::to_string(T) + " x " + std::to_string(N) + ") has " +
             std::to_string(a.attention.size()) + " values, expected " + std::to_string(T * N));
    if (!a.goldCells.empty() && a.goldCells.size() != T)
        fail("goldCells has " + std::to_string(a.goldCells.size()) +
             " lists, expected 0 or T = " + std::to_string(T));
    if (T > 0 && (a.image.isNull() || N == 0))
        fail(a.image.isNull() ? "there are outputs but no picture" : "there are outputs but no grid cells");
}

} // namespace attnlab::ui
