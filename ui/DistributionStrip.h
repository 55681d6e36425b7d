#pragma once
// The strip under the alignment heatmap: the selected output row's attention distribution as bars,
// one per source column, lined up with the heatmap's columns above it. Bars read more precisely
// than colours: two weights of 0.30 and 0.35 look alike in the map and not in the strip.
#include <QString>

#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPBars;
class QCPItemText;

namespace attnlab::ui {

class DistributionStrip {
public:
    static constexpr int kHeight = 96;    // outer height, pixels
    static constexpr int kAxisWidth = 46; // room for the 0 / 0.5 / 1 tick labels left of the bars

    // Adds the strip's axis rect to `plot`'s layout at (row, column).
    DistributionStrip(QCustomPlot* plot, int row, int column);

    QCPAxisRect* rect() const { return m_rect; }
    void setColumnCount(int columns);
    // Left and right margins, so the bars line up with the heatmap's cells.
    void setHorizontalMargins(int left, int right);
    void setVisible(bool visible);

    void showDistribution(const QString& title, const std::vector<double>& weights);
    void showHint(); // no row selected: a line telling how to select one
    std::vector<double> values() const;

private:
    QCPAxisRect* m_rect = nullptr;
    QCPBars* m_bars = nullptr;
    QCPItemText* m_title = nullptr;
};

} // namespace attnlab::ui
