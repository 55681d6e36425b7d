#include "ui/plots/HeatmapNavigator.h"

#include <qcustomplot.h>

#include <QKeyEvent>
#include <QNativeGestureEvent>
#include <QToolButton>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {

namespace {

constexpr double kWheelZoomStep = 1.25; // per wheel notch
constexpr double kKeyZoomStep = 1.5;    // per + or -
constexpr double kRowsPerNotch = 3.0;   // as a text view scrolls
constexpr int kDragThreshold = 4;       // pixels; less is a click (AlignmentHeatmap selects a row)

} // namespace

HeatmapNavigator::HeatmapNavigator(QCustomPlot* plot, QCPAxisRect* map, QCPAxis* stripAxis)
    : QObject(plot), m_plot(plot), m_map(map), m_stripAxis(stripAxis) {
    m_fitButton = new QToolButton(plot);
    m_fitButton->setObjectName(QStringLiteral("heatmapFitButton"));
    m_fitButton->setText(tr("Fit"));
    m_fitButton->setToolTip(tr("Show the whole matrix again (0). Ctrl+wheel zooms, the wheel and a drag "
                               "scroll."));
    m_fitButton->setFocusPolicy(Qt::NoFocus); // the heatmap keeps the keyboard
    m_fitButton->hide();
    connect(m_fitButton, &QToolButton::clicked, this, &HeatmapNavigator::fit);
    plot->installEventFilter(this);
    connect(plot, &QCustomPlot::afterReplot, this, [this] { m_pin.reset(); });
}

void HeatmapNavigator::setMatrix(int columns, int rows) {
    m_pin.reset();
    m_hasMatrix = columns > 0 && rows > 0;
    m_viewport.setMatrix(columns, rows);
    apply();
}

void HeatmapNavigator::layout(QRect map, QRect corner) {
    m_viewport.setPixelSize(map.size());
    if (m_pin) m_viewport.pin(m_pin->first, m_pin->second - QPointF(map.topLeft()));
    apply();
    // Top-left, clear of the output labels, which may reach half a line above the map.
    const QSize hint = m_fitButton->sizeHint();
    const int height = std::clamp(corner.height() - 8, std::min(hint.height(), 16), hint.height());
    m_fitButton->setGeometry(corner.left() + 2, corner.top() + 2, hint.width(), height);
}

void HeatmapNavigator::apply() {
    const CellSpan columns = m_viewport.columnSpan();
    const CellSpan rows = m_viewport.rowSpan();
    m_map->axis(QCPAxis::atBottom)->setRange(columns.lower, columns.upper);
    m_map->axis(QCPAxis::atLeft)->setRange(rows.lower, rows.upper);
    if (m_stripAxis) m_stripAxis->setRange(columns.lower, columns.upper);
    m_fitButton->setVisible(m_hasMatrix && !m_viewport.isFit());
}

void HeatmapNavigator::changed(bool moved) {
    if (!moved) return;
    apply();
    Q_EMIT viewChanged();
}

void HeatmapNavigator::restore(const HeatmapViewport& saved) {
    m_viewport = saved;
    apply();
}

void HeatmapNavigator::fit() {
    m_pin.reset();
    const bool wasFit = m_viewport.isFit();
    m_viewport.fit();
    changed(!wasFit);
}

QPointF HeatmapNavigator::cellAt(QPointF pixel) const {
    return {m_map->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x()),
            m_map->axis(QCPAxis::atLeft)->pixelToCoord(pixel.y())};
}

void HeatmapNavigator::zoomBy(double factor, QPointF pixel) {
    if (!m_hasMatrix) return;
    if (!m_map->rect().contains(pixel.toPoint())) pixel = m_map->rect().center();
    const QPointF cell = cellAt(pixel);
    if (!m_viewport.zoomBy(factor, cell)) return;
    // Pinned only when the view is a window into the matrix: at fit it starts at the first cell.
    if (m_viewport.isFit())
        m_pin.reset();
    else
        m_pin = std::make_pair(cell, pixel);
    changed(true);
}

void HeatmapNavigator::zoomBy(double factor) {
    zoomBy(factor, QPointF(m_map->rect().center()));
}

void HeatmapNavigator::panBy(double columns, double rows) {
    m_pin.reset();
    if (m_hasMatrix) changed(m_viewport.panBy(columns, rows));
}

void HeatmapNavigator::showRow(int row) {
    m_pin.reset();
    if (m_hasMatrix) changed(m_viewport.showRow(row));
}

bool HeatmapNavigator::handleKey(QKeyEvent* event) {
    if (!m_hasMatrix) return false;
    const double quarter = std::max(1.0, std::floor(m_viewport.columnSpan().size() / 4));
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: // + without Shift on most layouts
        zoomBy(kKeyZoomStep);
        return true;
    case Qt::Key_Minus:
        zoomBy(1.0 / kKeyZoomStep);
        return true;
    case Qt::Key_0:
        fit();
        return true;
    case Qt::Key_Left:
    case Qt::Key_Right:
        if (m_viewport.isFit()) return false;
        panBy(event->key() == Qt::Key_Left ? -quarter : quarter, 0.0);
        return true;
    default:
        return false;
    }
}

// Ctrl+wheel zooms; otherwise the wheel scrolls, and only a zoomed map has anywhere to scroll to,
// so a map at fit leaves the wheel to whatever holds it.
bool HeatmapNavigator::wheel(QWheelEvent* event) {
    if (!m_hasMatrix) return false;
    const QPoint angle = event->angleDelta();
    const bool sideways = (event->modifiers() & Qt::ShiftModifier) || (angle.y() == 0 && angle.x() != 0);
    const double notches = (angle.y() != 0 ? angle.y() : angle.x()) / 120.0;
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(kWheelZoomStep, notches), event->position());
        return true;
    }
    if (m_viewport.isFit()) return false;
    // A touchpad reports pixels: the view follows the fingers exactly.
    const QPoint pixels = event->pixelDelta();
    const bool exact = !pixels.isNull();
    if (sideways) {
        const double delta = exact ? (pixels.x() != 0 ? pixels.x() : pixels.y()) / m_viewport.cellWidth()
                                   : notches * kRowsPerNotch;
        panBy(-delta, 0.0);
    } else {
        panBy(0.0, -(exact ? pixels.y() / m_viewport.cellHeight() : notches * kRowsPerNotch));
    }
    return true;
}

bool HeatmapNavigator::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_plot) return false;
    switch (event->type()) {
    case QEvent::Wheel:
        return wheel(static_cast<QWheelEvent*>(event));
    case QEvent::NativeGesture: {
        auto* gesture = static_cast<QNativeGestureEvent*>(event);
        if (gesture->gestureType() != Qt::ZoomNativeGesture || !m_hasMatrix) return false;
        zoomBy(1.0 + gesture->value(), gesture->position());
        return true;
    }
    case QEvent::MouseButtonPress: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        m_pressed = mouse->button() == Qt::LeftButton;
        m_pressPixel = m_lastPixel = mouse->position();
        return false; // a press may still be a click
    }
    case QEvent::MouseMove: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (!m_pressed || !(mouse->buttons() & Qt::LeftButton) || m_viewport.isFit()) return false;
        if (!m_dragging && (mouse->position() - m_pressPixel).manhattanLength() <= kDragThreshold)
            return false;
        if (!m_dragging) m_plot->setCursor(Qt::ClosedHandCursor);
        m_dragging = true;
        const QPointF moved = mouse->position() - m_lastPixel;
        m_lastPixel = mouse->position();
        // The cells follow the pointer: the view moves the other way.
        panBy(-moved.x() / m_viewport.cellWidth(), -moved.y() / m_viewport.cellHeight());
        return true; // no hover tooltips while dragging
    }
    case QEvent::MouseButtonRelease:
        m_pressed = false;
        if (m_dragging) m_plot->unsetCursor();
        m_dragging = false;
        return false; // AlignmentHeatmap tells a click from a drag by the distance
    default:
        return false;
    }
}

} // namespace attnlab::ui
