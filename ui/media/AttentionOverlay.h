#pragma once
// One output's attention over a picture, drawn as Xu et al. (2015) show it: the picture scaled up
// with its pixels kept square (nearest neighbour), each pixel tinted with the colour map's colour
// of the weight over it, the more opaque the higher the weight, so the region the word looks at
// stands out and the rest stays visible. Cell-sharp by default (a weight belongs to a whole
// patch); smooth upsamples the grid bilinearly between cell centres first, as the paper's
// figures do. The big view and the strip's thumbnails draw through the same function.
// rows x cols: the grid of cells over the whole picture.
#include "ui/plots/ColorGradients.h"

#include <QColor>
#include <QImage>
#include <QLineF>
#include <QPointF>
#include <QRect>
#include <QSize>

#include <vector>

namespace attnlab::ui {

struct OverlayStyle {
    bool smooth = false;    // bilinear between cell centres; else each cell one flat colour
    double colourMax = 1.0; // the weight drawn in the colour map's top colour; weights are clamped to it
    HeatmapColours colours = HeatmapColours::Viridis;
};

// The colour a weight is laid over the picture in, its alpha the opacity: from kMinOpacity at 0
// to kMaxOpacity at colourMax.
QColor overlayColour(double weight, const OverlayStyle& style);
// Below two thirds at the top, so the shape under a bright cell keeps its own colour visible.
constexpr double kMinOpacity = 0.25;
constexpr double kMaxOpacity = 0.62;

// The weight a pixel of an image of `size` shows: its cell's (sharp) or the bilinear mix of the
// four nearest cell centres (smooth; clamped at the border). weights (rows x cols) row-major.
double overlayWeightAt(int rows, int cols, const float* weights, QSize size, QPointF pixel, bool smooth);

// The picture scaled to `size` with weights (rows x cols, row-major) laid over it; weights may be
// null (the picture alone). A NaN weight leaves its pixels untinted.
QImage renderAttentionOverlay(const QImage& picture, int rows, int cols, const float* weights, QSize size,
                              const OverlayStyle& style);

// The largest finite weight of n, or 1 when none is above 0: the colourMax that stretches one
// output's colours over its own range ("Scale to largest weight").
double largestWeight(const float* weights, int n);

// The largest rectangle with the aspect ratio of `picture` that fits in `area`, centred in it.
QRect fitPicture(QSize picture, const QRect& area);

// The rectangle cell (row, col) covers in a picture drawn at `target`.
QRectF cellRect(int rows, int cols, int row, int col, const QRectF& target);

// The outline of a set of cells (raster indices, sorted) in a picture drawn at `target`: each side
// of a cell whose neighbour there is not in the set, so a shape covering several cells gets one
// outline around all of them.
std::vector<QLineF> outlineEdges(const std::vector<int>& cells, int rows, int cols, const QRectF& target);

} // namespace attnlab::ui
