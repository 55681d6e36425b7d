#pragma once
// Hover read-out for QCPGraph plots: finds the data point nearest the mouse (in pixels, within a
// small radius) and marks it with a circle and a text box. Both live on QCustomPlot's buffered
// "overlay" layer, so following the mouse redraws only that layer, not the (possibly large) graphs.
#include <QPointF>
#include <QString>

#include <optional>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPItemText;
class QCPItemTracer;

namespace attnlab::ui {

class GraphHover {
public:
    struct Point {
        QCPGraph* graph = nullptr;
        double key = 0.0;
        double value = 0.0;
    };
    static constexpr double kRadius = 16.0; // pixels

    explicit GraphHover(QCustomPlot* plot);

    // The nearest finite point of a visible graph in whichever of `rects` contains `pixel`.
    static std::optional<Point> nearest(QPointF pixel, const std::vector<QCPAxisRect*>& rects);

    void show(const Point& point, const QString& text);
    void hide();
    // Hides without redrawing the overlay: for use while the plot is already replotting.
    void dismiss();
    bool isShown() const;
    QCPItemTracer* tracer() const { return m_tracer; }

private:
    QCustomPlot* m_plot;
    QCPItemTracer* m_tracer = nullptr;
    QCPItemText* m_text = nullptr;
};

} // namespace attnlab::ui
