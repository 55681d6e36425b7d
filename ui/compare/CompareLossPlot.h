#pragma once
// The loss curves of every run of a comparison on one plot: each run's training loss smoothed
// (a debiased exponential moving average, as TensorBoard draws it) as a line, its validation loss
// at each epoch as markers, both in the run's colour. Clicking a run's legend entry hides or shows
// both; hovering names the nearest point. Points arrive from the CompareSession on the GUI thread;
// each update appends and queues one coalesced replot.
#include "ui/plots/GraphHover.h"

#include "ui/plots/ThinnedSeries.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPAbstractLegendItem;
class QCPLegend;

namespace attnlab::ui {

class CompareSession;

class CompareLossPlot : public QWidget {
    Q_OBJECT
public:
    static constexpr double kSmoothing = 0.9; // EMA weight of the training curve

    explicit CompareLossPlot(const CompareSession& session, QWidget* parent = nullptr);
    ~CompareLossPlot() override;

    int runCount() const { return static_cast<int>(m_runs.size()); }
    QCPGraph* trainingGraph(int run) const;
    QCPGraph* validationGraph(int run) const;
    bool isRunVisible(int run) const;
    void setRunVisible(int run, bool visible);
    QCustomPlot* plot() const { return m_plot; }
    // The view follows new points until the person drags or zooms; a double-click gives it back.
    bool followsData() const { return m_follow; }

public Q_SLOTS:
    void rebuild();
    void updateRun(int run);
    bool exportImage(const QString& path, QString* error = nullptr);

private:
    struct RunCurves {
        QCPGraph* training = nullptr;
        QCPGraph* validation = nullptr;
        size_t lossesDrawn = 0; // step losses already in the training graph
        size_t epochsDrawn = 0;
        // The training curve is a_n / (1 - w^n) with a_n = w a_{n-1} + (1 - w) loss_n, a_0 = 0.
        double average = 0.0;      // a_n
        double weightPower = 1.0;  // w^n
        ThinnedSeries drawn;       // the smoothed curve, at most 512 points however long the run
        size_t samplesPlotted = 0; // drawn's samples when the graph last took its points
    };
    void onLegendClick(QCPLegend* legend, QCPAbstractLegendItem* item);
    void onMouseMove(QMouseEvent* event);
    void restyleRuns(); // the runs' colours for the plot's palette

    const CompareSession& m_session;
    QCustomPlot* m_plot = nullptr;
    std::unique_ptr<GraphHover> m_hover;
    std::vector<RunCurves> m_runs;
    bool m_follow = true;
};

} // namespace attnlab::ui
