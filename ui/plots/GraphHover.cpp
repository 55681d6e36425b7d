#include "ui/plots/GraphHover.h"

#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {

GraphHover::GraphHover(QCustomPlot* plot) : m_plot(plot) {
    m_tracer = new QCPItemTracer(plot);
    m_tracer->setStyle(QCPItemTracer::tsCircle);
    m_tracer->setSize(10);
    m_text = new QCPItemText(plot);
    m_text->position->setParentAnchor(m_tracer->position); // coordinates become pixel offsets
    m_text->setPadding(QMargins(5, 3, 5, 3));
    m_text->setTextAlignment(Qt::AlignLeft);
    m_text->setClipToAxisRect(false);
    for (QCPAbstractItem* item :
         {static_cast<QCPAbstractItem*>(m_tracer), static_cast<QCPAbstractItem*>(m_text)}) {
        item->setLayer(QStringLiteral("overlay"));
        item->setSelectable(false);
        item->setVisible(false);
    }
}

std::optional<GraphHover::Point> GraphHover::nearest(QPointF pixel, const std::vector<QCPAxisRect*>& rects) {
    const auto rect = std::find_if(rects.begin(), rects.end(),
                                   [pixel](QCPAxisRect* r) { return r->rect().contains(pixel.toPoint()); });
    if (rect == rects.end()) return std::nullopt;
    std::optional<Point> best;
    double bestDistance = kRadius * kRadius;
    for (QCPGraph* graph : (*rect)->graphs()) {
        if (!graph->visible() || graph->data()->isEmpty()) continue;
        // Only the points within the radius along the key axis: a binary search, not a scan.
        const double a = graph->keyAxis()->pixelToCoord(pixel.x() - kRadius);
        const double b = graph->keyAxis()->pixelToCoord(pixel.x() + kRadius);
        const auto end = graph->data()->findEnd(std::max(a, b), false);
        for (auto it = graph->data()->findBegin(std::min(a, b), false); it != end; ++it) {
            if (!std::isfinite(it->value)) continue;
            const QPointF offset = graph->coordsToPixels(it->key, it->value) - pixel;
            const double distance = QPointF::dotProduct(offset, offset);
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = Point{graph, it->key, it->value};
            }
        }
    }
    return best;
}

void GraphHover::show(const Point& point, const QString& text) {
    QCPAxisRect* rect = point.graph->keyAxis()->axisRect();
    m_tracer->position->setAxes(point.graph->keyAxis(), point.graph->valueAxis());
    m_tracer->setClipAxisRect(rect);
    m_tracer->position->setCoords(point.key, point.value);
    // Keep the box inside the panel: left of points in the right half, below points in the top half.
    const QPointF at = point.graph->coordsToPixels(point.key, point.value);
    const bool right = at.x() > rect->center().x();
    const bool upper = at.y() < rect->center().y();
    m_text->setPositionAlignment((right ? Qt::AlignRight : Qt::AlignLeft) |
                                 (upper ? Qt::AlignTop : Qt::AlignBottom));
    m_text->position->setCoords(right ? -10 : 10, upper ? 10 : -10);
    m_text->setText(text);
    // In the plot's colours as they are now (the theme may have changed since the last hover).
    const QPalette palette = m_plot->palette();
    m_tracer->setPen(QPen(PlotTheme::text(palette), 1.5));
    QColor box = PlotTheme::background(palette);
    box.setAlpha(230);
    m_text->setBrush(box);
    m_text->setColor(PlotTheme::text(palette));
    m_text->setPen(QPen(PlotTheme::mutedText(palette)));
    m_tracer->setVisible(true);
    m_text->setVisible(true);
    m_plot->layer(QStringLiteral("overlay"))->replot();
}

void GraphHover::hide() {
    if (!isShown()) return;
    m_tracer->setVisible(false);
    m_text->setVisible(false);
    m_plot->layer(QStringLiteral("overlay"))->replot();
}

void GraphHover::dismiss() {
    m_tracer->setVisible(false);
    m_text->setVisible(false);
}

bool GraphHover::isShown() const {
    return m_tracer->visible();
}

} // namespace attnlab::ui
