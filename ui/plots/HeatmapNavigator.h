#pragma once
// Zoom and pan for the attention heatmap, so a 100 x 100 alignment can be read cell by cell:
// Ctrl+wheel (or a pinch) zooms around the mouse, the wheel scrolls rows, Shift+wheel (or a
// sideways wheel) scrolls columns, a drag pans, and + / - / 0 zoom in, out and back to the whole
// matrix when the heatmap has focus. A "Fit" button in the map's top-left corner shows while zoomed.
// The view is a HeatmapViewport; this class applies it to the map's axes (and the strip's, so the
// bars stay under their columns) and reads the events.
#include "ui/plots/HeatmapViewport.h"

#include <QObject>
#include <QPointF>
#include <QRect>

#include <optional>
#include <utility>

class QCPAxis;
class QCPAxisRect;
class QCustomPlot;
class QKeyEvent;
class QWheelEvent;
class QToolButton;

namespace attnlab::ui {

class HeatmapNavigator : public QObject {
    Q_OBJECT
public:
    // Moves the map's axes and the strip's column axis (`stripAxis`, may be null); reads the plot's
    // wheel, gesture and mouse events.
    HeatmapNavigator(QCustomPlot* plot, QCPAxisRect* map, QCPAxis* stripAxis);

    const HeatmapViewport& viewport() const { return m_viewport; }
    // A new matrix: back to fit.
    void setMatrix(int columns, int rows);
    // The layout's rectangle for the map: applies the view without signalling (the plot is already
    // being laid out), and puts the Fit button in `corner`. After a zoom, the cell that was under
    // the mouse stays under it even when the labels' margins moved the map.
    void layout(QRect map, QRect corner);

    // Puts back a view saved from viewport() after the plot was laid out at another size for a
    // moment (an export), without signalling: that layout's clamping is undone.
    void restore(const HeatmapViewport& saved);

    // Each signals viewChanged() when the view moved.
    void fit();
    // `pixel` in plot coordinates; zooms around the map's centre when it lies outside the map.
    void zoomBy(double factor, QPointF pixel);
    void zoomBy(double factor);
    void panBy(double columns, double rows);
    void showRow(int row);
    // + / = zoom in, - zooms out, 0 fits, Left / Right scroll columns. Returns whether it was one.
    bool handleKey(QKeyEvent* event);
    bool dragging() const { return m_dragging; }
    QToolButton* fitButton() const { return m_fitButton; }

Q_SIGNALS:
    void viewChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void apply();
    void changed(bool moved);
    bool wheel(QWheelEvent* event);
    QPointF cellAt(QPointF pixel) const;

    QCustomPlot* m_plot;
    QCPAxisRect* m_map;
    QCPAxis* m_stripAxis;
    QToolButton* m_fitButton;
    HeatmapViewport m_viewport;
    bool m_hasMatrix = false;
    bool m_pressed = false;
    bool m_dragging = false;
    QPointF m_pressPixel;
    QPointF m_lastPixel;
    // The last zoom's anchor (cell coordinate, plot pixel) until the plot has been drawn with it.
    std::optional<std::pair<QPointF, QPointF>> m_pin;
};

} // namespace attnlab::ui
