#include "ui/compare/RunPalette.h"

#include <array>

namespace attnlab::ui {

namespace {
constexpr std::array<QRgb, 8> kOkabeIto = {
    0xE69F00, // orange
    0x56B4E9, // sky blue
    0x009E73, // bluish green
    0xD55E00, // vermillion
    0x0072B2, // blue
    0xCC79A7, // reddish purple
    0x000000, // black
    0xF0E442, // yellow
};
} // namespace

QColor runColor(int run) {
    const int n = runPaletteSize();
    return QColor(kOkabeIto[static_cast<size_t>(((run % n) + n) % n)]);
}

int runPaletteSize() {
    return static_cast<int>(kOkabeIto.size());
}

} // namespace attnlab::ui
