#pragma once
// W window, K horizon. One series of a forecast on a time axis: the past window, the truth that
// followed (when known) and the forecast, each its own colour in a legend above the plot, and the
// 95% interval μ ± 1.96σ as a band when the model predicts a variance. For the chosen forecast step
// j, every past point's column is shaded by its weight α_j (the heatmap's colour map, alpha-blended
// so the lines stay readable, the heaviest point the most opaque), the step's gold past points are
// ringed and a dashed line marks the step. Hovering over a step's column reports it (stepHovered);
// the view decides what is chosen. Past position i sits at x = firstTimeIndex + i, step j at
// x = firstTimeIndex + W + j.
#include "ui/forecast/ForecastContent.h"

#include <QColor>
#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCPLegend;
class QMouseEvent;

namespace attnlab::ui {

// The opacity of the heaviest past point's shade: more would hide the past line under a light
// colour (viridis' yellow), much less would not read on a projector.
inline constexpr double kMaxShadeAlpha = 0.6;
// The interval: μ ± 1.96σ covers 95% of a Gaussian.
inline constexpr double kIntervalZ = 1.96;

class ForecastPlot : public QWidget {
    Q_OBJECT
public:
    explicit ForecastPlot(QWidget* parent = nullptr);
    ~ForecastPlot() override;

    // Draws content.series[content.shownSeries] of a checked content; no step chosen.
    void setContent(const ForecastContent& content);
    void clear();
    // Shades by attention row `step` and marks its gold points; -1 (or out of range, or a content
    // without attention) takes the shading away.
    void setStep(int step);
    int step() const { return m_step; }

    // What is drawn, for tests and tooltips.
    int shadeCount() const { return int(m_shades.size()); } // W with attention, else 0
    double shadeAlpha(int position) const;                  // 0 when not shaded
    QColor shadeColour(int position) const;                 // opaque; invalid when not shaded
    bool intervalShown() const;
    // The interval's band as drawn: lower and upper edge at each step (empty when not shown).
    std::vector<double> intervalLower() const;
    std::vector<double> intervalUpper() const;
    std::vector<int> goldMarked() const; // past positions ringed for the step
    QStringList legendNames() const;     // the visible legend entries, top left to bottom right
    QCustomPlot* plot() const { return m_plot; }

    // Pixel positions in plot() coordinates: the centre of step j's column, and the step under a
    // pixel (-1 outside the plot area or outside the forecast).
    QPointF stepPixel(int step) const;
    int stepAt(QPointF pixel) const;
    int pastAt(QPointF pixel) const; // the past position under a pixel, -1 elsewhere
    // What hovering says: over a past point "t−9 (time 114): 14.33; step t+3 gives it 41% (gold)",
    // over a step "t+3 (time 126): forecast 14.5, 95% interval 13.9 to 15.1, truth 14.33"; empty
    // elsewhere. Values to 4 significant digits.
    QString toolTipAt(QPointF pixel) const;

Q_SIGNALS:
    void stepHovered(int step);

private:
    void restyle();
    void reshade();
    void fitRanges();
    void onMouseMove(QMouseEvent* event);
    QCPGraph* addGraph(const QString& name, bool inLegend);

    QCustomPlot* m_plot = nullptr;
    QCPLegend* m_legend = nullptr;
    QCPGraph* m_past = nullptr;
    QCPGraph* m_truth = nullptr;
    QCPGraph* m_forecast = nullptr;
    QCPGraph* m_upper = nullptr; // the band's top edge, filled down to m_lower (its legend entry)
    QCPGraph* m_lower = nullptr;
    QCPGraph* m_gold = nullptr; // rings on the gold past points of the step
    QCPItemStraightLine* m_stepLine = nullptr;
    QCPItemStraightLine* m_nowLine = nullptr; // between the past and the forecast
    std::vector<QCPItemRect*> m_shades;       // (W) one column per past point; owned by the plot
    ForecastContent m_content;
    int m_step = -1;
};

} // namespace attnlab::ui
