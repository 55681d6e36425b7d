#include "ui/media/AttentionOverlay.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace attnlab::ui {

namespace {

constexpr int kLevels = 256;

double unit(double weight, double colourMax) {
    return std::clamp(weight / (colourMax > 0 ? colourMax : 1.0), 0.0, 1.0);
}

// The overlay's colours at kLevels levels, premultiplied by their opacity: blending a pixel is
// then out = pixel * (1 - a) + colour.
struct Levels {
    std::array<double, kLevels> alpha{};
    std::array<std::array<double, 3>, kLevels> colour{};
};

Levels levels(const OverlayStyle& style) {
    Levels out;
    OverlayStyle top = style;
    top.colourMax = 1.0;
    for (int i = 0; i < kLevels; ++i) {
        const QColor c = overlayColour(double(i) / (kLevels - 1), top);
        const double a = c.alphaF();
        out.alpha[size_t(i)] = a;
        out.colour[size_t(i)] = {c.red() * a, c.green() * a, c.blue() * a};
    }
    return out;
}

// Where one destination pixel samples the grid along one axis: the two cells either side of its
// centre and the share of the second (sharp: its own cell, twice). `pixels` destination pixels
// span `cells` cells.
struct Tap {
    int first, second;
    double share;
};
Tap tapAt(int p, int pixels, int cells, bool smooth) {
    const double position = (p + 0.5) * cells / pixels; // in cells, from the picture's edge
    if (!smooth) {
        const int cell = std::min(int(position), cells - 1);
        return {cell, cell, 0.0};
    }
    const double centre = std::clamp(position - 0.5, 0.0, double(cells - 1)); // between centres
    const int first = std::min(int(centre), cells - 1);
    return {first, std::min(first + 1, cells - 1), centre - first};
}
std::vector<Tap> taps(int pixels, int cells, bool smooth) {
    std::vector<Tap> out(size_t(std::max(pixels, 0)));
    for (int p = 0; p < pixels; ++p) out[size_t(p)] = tapAt(p, pixels, cells, smooth);
    return out;
}

double sample(const float* weights, int cols, const Tap& row, const Tap& col) {
    auto at = [&](int r, int c) { return double(weights[size_t(r) * size_t(cols) + size_t(c)]); };
    const double top = at(row.first, col.first) * (1 - col.share) + at(row.first, col.second) * col.share;
    const double bottom =
        at(row.second, col.first) * (1 - col.share) + at(row.second, col.second) * col.share;
    return top * (1 - row.share) + bottom * row.share;
}

} // namespace

QColor overlayColour(double weight, const OverlayStyle& style) {
    const double v = unit(weight, style.colourMax);
    QColor colour = heatmapColor(style.colours, v);
    colour.setAlphaF(float(kMinOpacity + (kMaxOpacity - kMinOpacity) * v));
    return colour;
}

double overlayWeightAt(int rows, int cols, const float* weights, QSize size, QPointF pixel, bool smooth) {
    if (rows <= 0 || cols <= 0 || !weights || size.isEmpty()) return std::nan("");
    const int x = std::clamp(int(pixel.x()), 0, size.width() - 1);
    const int y = std::clamp(int(pixel.y()), 0, size.height() - 1);
    return sample(weights, cols, tapAt(y, size.height(), rows, smooth), tapAt(x, size.width(), cols, smooth));
}

QImage renderAttentionOverlay(const QImage& picture, int rows, int cols, const float* weights, QSize size,
                              const OverlayStyle& style) {
    if (picture.isNull() || size.isEmpty()) return {};
    const QImage source = picture.convertToFormat(QImage::Format_RGB32);
    QImage out(size, QImage::Format_RGB32);
    const int W = source.width(), H = source.height();
    const bool tinted = weights && rows > 0 && cols > 0;
    const std::vector<Tap> rowTaps = tinted ? taps(size.height(), rows, style.smooth) : std::vector<Tap>();
    const std::vector<Tap> colTaps = tinted ? taps(size.width(), cols, style.smooth) : std::vector<Tap>();
    const Levels lut = tinted ? levels(style) : Levels();
    for (int y = 0; y < size.height(); ++y) {
        // Nearest neighbour, the pixel whose area holds this pixel's centre: no blur, no new colours.
        const int sy = std::min(H - 1, int((y + 0.5) * H / size.height()));
        const auto* in = reinterpret_cast<const QRgb*>(source.constScanLine(sy));
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const QRgb pixel = in[std::min(W - 1, int((x + 0.5) * W / size.width()))];
            if (!tinted) {
                line[x] = pixel;
                continue;
            }
            const double weight = sample(weights, cols, rowTaps[size_t(y)], colTaps[size_t(x)]);
            if (!std::isfinite(weight)) {
                line[x] = pixel;
                continue;
            }
            const size_t level = size_t(std::lround(unit(weight, style.colourMax) * (kLevels - 1)));
            const double keep = 1.0 - lut.alpha[level];
            const auto& c = lut.colour[level];
            line[x] = qRgb(int(std::lround(qRed(pixel) * keep + c[0])),
                           int(std::lround(qGreen(pixel) * keep + c[1])),
                           int(std::lround(qBlue(pixel) * keep + c[2])));
        }
    }
    return out;
}

double largestWeight(const float* weights, int n) {
    double largest = 0.0;
    for (int i = 0; weights && i < n; ++i)
        if (std::isfinite(weights[i])) largest = std::max(largest, double(weights[i]));
    return largest > 0 ? largest : 1.0;
}

QRect fitPicture(QSize picture, const QRect& area) {
    if (picture.isEmpty() || area.isEmpty()) return {};
    const QSize fitted = picture.scaled(area.size(), Qt::KeepAspectRatio);
    return QRect(area.left() + (area.width() - fitted.width()) / 2,
                 area.top() + (area.height() - fitted.height()) / 2, fitted.width(), fitted.height());
}

QRectF cellRect(int rows, int cols, int row, int col, const QRectF& target) {
    const double w = target.width() / cols, h = target.height() / rows;
    return QRectF(target.left() + col * w, target.top() + row * h, w, h);
}

std::vector<QLineF> outlineEdges(const std::vector<int>& cells, int rows, int cols, const QRectF& target) {
    auto in = [&](int r, int c) {
        return r >= 0 && r < rows && c >= 0 && c < cols &&
               std::binary_search(cells.begin(), cells.end(), r * cols + c);
    };
    std::vector<QLineF> edges;
    for (int cell : cells) {
        const int r = cell / cols, c = cell % cols;
        const QRectF box = cellRect(rows, cols, r, c, target);
        if (!in(r - 1, c)) edges.emplace_back(box.topLeft(), box.topRight());
        if (!in(r + 1, c)) edges.emplace_back(box.bottomLeft(), box.bottomRight());
        if (!in(r, c - 1)) edges.emplace_back(box.topLeft(), box.bottomLeft());
        if (!in(r, c + 1)) edges.emplace_back(box.topRight(), box.bottomRight());
    }
    return edges;
}

} // namespace attnlab::ui
