#include "ui/plots/ClampedGraph.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace attnlab::ui {

namespace {

// Coordinates are first bounded to ±kFar pixels: 1e300 - 1e300 + 60 is 0 in doubles, so clipping
// needs magnitudes whose sums keep pixel precision. Moving a vertex from beyond kFar to kFar turns
// the visible part of its segment by less than |dx| * height / kFar: a thousandth of a pixel.
constexpr double kFar = 1e7;

QPointF finiteOrFar(QPointF p) {
    auto bound = [](double v) { return std::isnan(v) ? v : std::clamp(v, -kFar, kFar); };
    return QPointF(bound(p.x()), bound(p.y()));
}

bool isNaNPoint(QPointF p) {
    return std::isnan(p.x()) || std::isnan(p.y());
}

// Liang-Barsky: the part of segment a-b inside `box`, if any.
std::optional<std::pair<QPointF, QPointF>> clipSegment(QPointF a, QPointF b, const QRectF& box) {
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    double t0 = 0.0, t1 = 1.0;
    // Each edge as p * t <= q: left, right, top, bottom.
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - box.left(), box.right() - a.x(), a.y() - box.top(), box.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0) return std::nullopt; // parallel to this edge and outside it
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1) return std::nullopt;
    }
    const QPointF from = t0 > 0.0 ? QPointF(a.x() + t0 * dx, a.y() + t0 * dy) : a;
    const QPointF to = t1 < 1.0 ? QPointF(a.x() + t1 * dx, a.y() + t1 * dy) : b;
    return std::make_pair(from, to);
}

} // namespace

ClampedGraph::ClampedGraph(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPGraph(keyAxis, valueAxis) {}

QVector<QPointF> ClampedGraph::clipPolyline(const QVector<QPointF>& points, const QRectF& rect) {
    const QRectF box = rect.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    const QPointF gap(std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN());
    QVector<QPointF> result;
    bool joined = false; // the last point of result is the end of the previous segment
    for (qsizetype i = 0; i + 1 < points.size(); ++i) {
        const QPointF a = finiteOrFar(points[i]), b = finiteOrFar(points[i + 1]);
        const auto piece = isNaNPoint(a) || isNaNPoint(b) ? std::nullopt : clipSegment(a, b, box);
        if (!piece) {
            joined = false;
            continue;
        }
        if (!joined) {
            if (!result.isEmpty()) result.push_back(gap);
            result.push_back(piece->first);
        }
        result.push_back(piece->second);
        joined = piece->second == b; // the next segment starts where this one ended
    }
    // A single point (a one-point graph) is drawn by QCustomPlot as nothing; keep it if inside.
    if (points.size() == 1 && box.contains(points.front())) result.push_back(points.front());
    return result;
}

void ClampedGraph::drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const {
    QCPGraph::drawLinePlot(painter, clipPolyline(lines, clipRect()));
}

void ClampedGraph::drawScatterPlot(QCPPainter* painter, const QVector<QPointF>& scatters,
                                   const QCPScatterStyle& style) const {
    // A marker is a few pixels wide: one outside the rect (plus its size) cannot show.
    const double r = style.size();
    const QRectF visible = QRectF(clipRect()).adjusted(-r, -r, r, r);
    QVector<QPointF> shown;
    shown.reserve(scatters.size());
    for (const QPointF& point : scatters)
        if (std::isfinite(point.x()) && std::isfinite(point.y()) && visible.contains(point))
            shown.push_back(point);
    QCPGraph::drawScatterPlot(painter, shown, style);
}

} // namespace attnlab::ui
