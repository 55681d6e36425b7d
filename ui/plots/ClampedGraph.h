#pragma once
// A QCPGraph that never hands the painter a coordinate far outside its axis rect. QCustomPlot maps
// values to pixels without bounds, so a diverged loss (1e30) in a panel showing 0..5, or a tiny
// positive loss on a log axis, becomes a vertex billions of pixels away. Qt's raster engine strokes
// and rasterises such a polyline over its whole length: tst_plot_stress hung for minutes inside
// QRasterPaintEngine::fill with vertices only 1e5 pixels out. So the line is clipped to the panel
// (plus a few pixels) segment by segment, which draws exactly the visible part of every segment,
// and scatter markers outside the panel are skipped.
#include <qcustomplot.h>

namespace attnlab::ui {

class ClampedGraph : public QCPGraph {
public:
    static constexpr double kMargin = 8.0; // pixels beyond the rect, so pen caps at the edge stay whole

    ClampedGraph(QCPAxis* keyAxis, QCPAxis* valueAxis);

    // The part of the polyline `points` inside `rect` grown by kMargin: segments are clipped
    // (Liang-Barsky), pieces that do not join are separated by a NaN point, which QCustomPlot draws
    // as a gap. A NaN input point is a gap too; ±inf counts as very far away.
    static QVector<QPointF> clipPolyline(const QVector<QPointF>& points, const QRectF& rect);

protected:
    void drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const override;
    void drawScatterPlot(QCPPainter* painter, const QVector<QPointF>& scatters,
                         const QCPScatterStyle& style) const override;
};

} // namespace attnlab::ui
