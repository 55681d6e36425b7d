#include "ui/plots/CellOutline.h"

#include <qcustomplot.h>

#include <algorithm>

namespace attnlab::ui {

CellOutline::CellOutline(QCPAxisRect* map, const std::vector<QPen>& pens, QObject* parent)
    : QObject(parent), m_map(map) {
    QCPAxis* x = map->axis(QCPAxis::atBottom);
    QCPAxis* y = map->axis(QCPAxis::atLeft);
    for (const QPen& pen : pens) {
        auto* rect = new QCPItemRect(map->parentPlot());
        rect->setPen(pen);
        rect->setBrush(Qt::NoBrush);
        rect->setClipToAxisRect(false);
        rect->setSelectable(false);
        rect->setVisible(false);
        for (QCPItemPosition* corner : {rect->topLeft, rect->bottomRight}) corner->setAxes(x, y);
        m_items.push_back(rect);
    }
    // QCPAxis::rangeChanged has overloads: pick the one-argument signal.
    const auto changed = qOverload<const QCPRange&>(&QCPAxis::rangeChanged);
    connect(x, changed, this, &CellOutline::place);
    connect(y, changed, this, &CellOutline::place);
}

CellOutline::~CellOutline() = default; // the plot deletes its items

void CellOutline::setCells(int firstColumn, int lastColumn, int firstRow, int lastRow) {
    m_cells = QRectF(QPointF(firstColumn - 0.5, firstRow - 0.5), QPointF(lastColumn + 0.5, lastRow + 0.5));
    m_set = true;
    place();
}

void CellOutline::hide() {
    m_set = false;
    place();
}

QRectF CellOutline::shownRect() const {
    if (!m_set) return {};
    const QCPRange x = m_map->axis(QCPAxis::atBottom)->range();
    const QCPRange y = m_map->axis(QCPAxis::atLeft)->range();
    const QRectF view(QPointF(x.lower, y.lower), QPointF(x.upper, y.upper));
    return m_cells.intersected(view);
}

void CellOutline::place() {
    const QRectF shown = shownRect();
    for (QCPItemRect* rect : m_items) {
        rect->setVisible(!shown.isEmpty());
        if (shown.isEmpty()) continue;
        rect->topLeft->setCoords(shown.left(), shown.top());
        rect->bottomRight->setCoords(shown.right(), shown.bottom());
    }
}

} // namespace attnlab::ui
