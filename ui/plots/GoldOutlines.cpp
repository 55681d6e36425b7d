#include "ui/plots/GoldOutlines.h"

#include "ui/media/MediaColours.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/CellOutline.h"
#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"

#include <qcustomplot.h>

#include <QPainter>

namespace attnlab::ui {

GoldOutlines::GoldOutlines(AlignmentHeatmap& heatmap, QObject* owner) : m_heatmap(heatmap), m_owner(owner) {}

void GoldOutlines::show(const Alignment& links) {
    while (m_outlines.size() < links.size())
        m_outlines.push_back(
            new CellOutline(m_heatmap.mapRect(), {QPen(kOutlineDark, 4.0), QPen(kGoldColour, 2.0)}, m_owner));
    for (size_t k = 0; k < m_outlines.size(); ++k) {
        if (k < links.size())
            m_outlines[k]->setCells(links[k].source, links[k].source, links[k].target, links[k].target);
        else
            m_outlines[k]->hide();
    }
    m_shown = int(links.size());
    m_heatmap.plot()->replot(QCustomPlot::rpQueuedReplot);
}

std::vector<QRectF> GoldOutlines::shownRects() const {
    std::vector<QRectF> out;
    for (int k = 0; k < m_shown; ++k) out.push_back(m_outlines[size_t(k)]->shownRect());
    return out;
}

QPixmap GoldOutlines::swatch(int side, qreal devicePixelRatio) {
    // Device pixels, truncated as QPixmap(int, int) takes them.
    const int pixels = int(side * devicePixelRatio);
    QPixmap pixmap(pixels, pixels);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const QRectF cell(2, 2, side - 4, side - 4);
    painter.fillRect(cell, heatmapColor(HeatmapColourChoice::instance().current(), 0.7));
    painter.setPen(QPen(kOutlineDark, 4.0));
    painter.drawRect(cell);
    painter.setPen(QPen(kGoldColour, 2.0));
    painter.drawRect(cell);
    painter.end();
    return pixmap;
}

} // namespace attnlab::ui
