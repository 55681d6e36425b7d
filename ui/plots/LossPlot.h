#pragma once
// The live training plot: training loss (raw and smoothed) and validation loss against step on top,
// validation exact match against epoch below. Drag to pan, wheel to zoom (each panel on its own);
// while a panel is untouched it follows new data, double-click gives the following back. Hovering
// marks the nearest point and shows its value. Earlier runs can be kept as grey reference curves.
// Points arrive on the GUI thread (the worker's snapshots come over queued connections); each add
// appends to the graph and queues one coalesced replot, so a burst of points costs one redraw.
#include "ui/plots/GraphHover.h"
#include "ui/plots/LossHistory.h"

#include <QPointF>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

#include <qcustomplot.h> // QCPAxis::ScaleType in the interface

namespace attnlab::ui {

class LossPlot : public QWidget {
    Q_OBJECT
public:
    explicit LossPlot(QWidget* parent = nullptr);
    ~LossPlot() override;

    int pointCount(LossSeries series) const;
    int previousPointCount(int run, LossSeries series) const; // run 0 is the oldest kept
    QStringList previousRunLabels() const;
    QCPAxis::ScaleType lossScaleType() const;
    bool followsData(int panel) const; // panel 0: losses, 1: exact match
    const LossHistory& history() const { return m_history; }
    // Steps of the current run whose training or validation loss was NaN or infinite; each is drawn
    // as a mark at the top edge of the loss panel.
    int divergenceCount() const;
    QCPGraph* divergenceGraph() const { return m_divergence; }
    // The loss axis ranges fitted to data bounds; always ranges QCPRange accepts, so a diverged
    // loss widens the view instead of leaving it where it was.
    static QCPRange fittedLogRange(const QCPRange& positive);
    static QCPRange fittedLinearRange(const QCPRange& values);

    // The text shown when hovering at `pixel` (plot() coordinates): the nearest point within a few
    // pixels, e.g. "validation loss\nstep 1200: 0.4312"; empty when nothing is near.
    QString hoverTextAt(QPointF pixel) const;

    QCustomPlot* plot() const { return m_plot; }
    QCPAxisRect* lossRect() const { return m_lossRect; }
    QCPAxisRect* accuracyRect() const { return m_accuracyRect; }
    QCPLegend* accuracyLegend() const { return m_accuracyLegend; } // in its own row above the panel
    QCPGraph* graph(LossSeries series) const;
    // The grey curves of kept run `run` (nullptr for TrainingLoss: a reference run is drawn smoothed).
    QCPGraph* previousGraph(int run, LossSeries series) const;

public Q_SLOTS:
    void addTrainingLoss(int step, double loss);
    void addValidation(int step, int epoch, double loss, double exactMatch);
    // Clears the current run and the kept previous runs.
    void clear();
    // What the lower panel's rate is called: "exact match" (sequence outputs) or "accuracy" (a
    // label model's exact match is its accuracy).
    void setAccuracyName(const QString& name);
    void clearPreviousRuns();
    // The current curves become a grey reference run named `label` (at most three are kept, the
    // oldest goes first); the current curves start empty.
    void keepCurrentAsPrevious(const QString& label);
    // Renames kept run `run` (0 is the oldest) in the legend, the hover text and the CSV.
    void relabelPreviousRun(int run, const QString& label);
    void setLogScale(bool logarithmic);
    void setSmoothing(double weight);
    // Both panels follow the data again.
    void resetView();
    // A vertical line at a training step (the attention snapshot a scrubber shows); nullopt hides it.
    void showStepMarker(std::optional<long long> step);
    std::optional<long long> stepMarker() const;
    bool exportImage(const QString& path, QString* error = nullptr);
    bool exportCsv(const QString& path, QString* error = nullptr) const;

private:
    struct RunGraphs {
        QCPGraph* training = nullptr; // raw; only the current run draws it
        QCPGraph* smoothed = nullptr;
        QCPGraph* validation = nullptr;
        QCPGraph* exactMatch = nullptr;
    };

    void buildPlot();
    QCPGraph* addGraph(QCPAxisRect* rect, const QString& name, QCPLegend* legend);
    void styleCurrent();
    void stylePrevious();
    void fitPanels();
    void onRangeChanged(int panel);
    void onMouseMove(QMouseEvent* event);
    QString describe(const GraphHover::Point& point) const;
    void requestReplot();
    void removeGraph(QCPGraph* graph);
    void markDivergence(int step);
    void clearDivergence();
    double markerValue() const;

    QCustomPlot* m_plot = nullptr;
    QCPAxisRect* m_lossRect = nullptr;
    QCPAxisRect* m_accuracyRect = nullptr;
    QCPLegend* m_lossLegend = nullptr;
    QCPLegend* m_accuracyLegend = nullptr;
    std::unique_ptr<GraphHover> m_hover;
    RunGraphs m_current;
    QCPItemStraightLine* m_stepMarker = nullptr; // the scrubbed snapshot's step; hidden when live
    QCPGraph* m_divergence = nullptr;  // the current run's non-finite losses, marked at the top edge
    std::vector<RunGraphs> m_previous; // oldest first, parallel to m_history.previous()
    LossHistory m_history;
    bool m_follow[2] = {true, true};
    bool m_fitting = false; // set while the widget itself moves the ranges
};

} // namespace attnlab::ui
