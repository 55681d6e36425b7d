#pragma once
// The strip under the alignment heatmap: the selected output row's attention distribution as bars,
// one per source column, lined up with the heatmap's columns above it. Bars read more precisely
// than colours: two weights of 0.30 and 0.35 look alike in the map and not in the strip.
#include <QFont>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPBars;
class QCPItemText;

namespace attnlab::ui {

class DistributionStrip {
public:
    // Pixels of the bars' own area: a quarter of the plot's height, within these bounds, so the map
    // above keeps readable rows on a low screen.
    static constexpr int kBarsHeight = 110;
    static constexpr int kMinBarsHeight = 48;
    static constexpr int kAxisWidth = 46; // room for the 0 / 0.5 / 1 tick labels left of the bars

    // Adds the strip's axis rect to `plot`'s layout at (row, column).
    DistributionStrip(QCustomPlot* plot, int row, int column);

    QCPAxisRect* rect() const { return m_rect; }
    void setColumnCount(int columns);
    // The source tokens under the bars, one per column, so a bar can be read without the map.
    void setTokenLabels(const QStringList& labels);
    // Sizes the token labels for columns `cellPixels` wide (turned upright, shrunk and thinned to
    // every step-th as the map's own labels are; elided past `maxLabelPixels`) and the strip's
    // height: full with a distribution, one text line with the hint.
    void fitLabels(double cellPixels, int maxLabelPixels = 110);
    int labelStep() const { return m_step; }
    int outerHeight() const; // the height fitLabels gave the strip
    bool labelsRotated() const { return m_rotated; }
    // Left and right margins, so the bars line up with the heatmap's cells.
    void setHorizontalMargins(int left, int right);
    void setVisible(bool visible);
    bool isVisible() const { return m_visible; }

    void showDistribution(const QString& title, const std::vector<double>& weights);
    void showHint(); // no row selected: a line telling how to select one
    std::vector<double> values() const;

private:
    void applyMode();

    QCPAxisRect* m_rect = nullptr;
    QStringList m_labels;
    int m_labelExtent = 0; // pixels the token labels need below the bars
    int m_step = 1;        // every m_step-th column is labelled
    int m_tickedStep = 0;  // the step the ticker was built for (0: none yet)
    int m_tickedMaxPixels = 0;
    // The widest label (capped) by font pixel size, for the font and cap in m_measured*: fitLabels
    // runs before every replot.
    std::map<int, int> m_widest;
    QFont m_measuredFont;
    int m_measuredMaxPixels = 0;
    bool m_rotated = false;
    bool m_visible = true;
    bool m_showsDistribution = false;
    QCPBars* m_bars = nullptr;
    QCPItemText* m_title = nullptr;
};

} // namespace attnlab::ui
