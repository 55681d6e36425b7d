#pragma once
// The Compare tab: which runs to train (scorers and variants) and how each is doing, on the left;
// on the right every run's loss curves, accuracy by source length, the metrics table and one
// attention heatmap per run for the same input, all in each run's colour and updated live. It
// shows a CompareSession; the window's training controls drive it while the tab is in front.
#include "ui/compare/RunPicker.h"

#include <QWidget>

class QTableView;
class QSortFilterProxyModel;

namespace attnlab::ui {

class CompareLossPlot;
class CompareSession;
class HeatmapGrid;
class LengthAccuracyPlot;
class MetricsTableModel;
class RunProgressTable;

class CompareWorkspace : public QWidget {
    Q_OBJECT
public:
    CompareWorkspace(CompareSession& session, RunPicker::BaseSettings base, QWidget* parent = nullptr);

    // Trains the picked runs with `base` and `settings` for everything they do not set
    // themselves; false with a message when nothing is picked or the session refuses.
    bool train(const ModelConfig& base, const TrainingSettings& settings, QString* problem);
    bool exportTableCsv(const QString& path, QString* error = nullptr) const;

    CompareSession& session() const { return m_session; }
    RunPicker* picker() const { return m_picker; }
    RunProgressTable* progressTable() const { return m_progress; }
    CompareLossPlot* lossPlot() const { return m_lossPlot; }
    LengthAccuracyPlot* lengthPlot() const { return m_lengthPlot; }
    MetricsTableModel* metricsModel() const { return m_metrics; }
    QTableView* metricsView() const { return m_metricsView; }
    HeatmapGrid* heatmapGrid() const { return m_heatmaps; }

private:
    CompareSession& m_session;
    RunPicker* m_picker = nullptr;
    RunProgressTable* m_progress = nullptr;
    CompareLossPlot* m_lossPlot = nullptr;
    LengthAccuracyPlot* m_lengthPlot = nullptr;
    MetricsTableModel* m_metrics = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    QTableView* m_metricsView = nullptr;
    HeatmapGrid* m_heatmaps = nullptr;
};

} // namespace attnlab::ui
