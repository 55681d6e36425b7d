#pragma once
// The application window. It only assembles panels, actions, menus and the status bar, and
// wires the panels to the TrainingSession; the panels and the session do the work.
#include "ui/TrainingSession.h"

#include <QMainWindow>

class QLabel;
class QAction;

namespace attnlab::ui {

class DatasetPanel;
class ElidedLabel;
class SettingsPanel;
class TrainingControls;
class LossPlot;
class InspectPanel;
class PinnedPairsPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // A shipped dataset's name or a TSV/CSV path (attnlab --dataset, File > Open Dataset).
    void openDataset(const QString& nameOrPath);

    TrainingSession* session() const { return m_session; }
    DatasetPanel* datasetPanel() const { return m_datasetPanel; }
    SettingsPanel* settingsPanel() const { return m_settingsPanel; }
    TrainingControls* trainingControls() const { return m_controls; }
    LossPlot* lossPlot() const { return m_lossPlot; }
    InspectPanel* inspectPanel() const { return m_inspectPanel; }
    PinnedPairsPanel* pinnedPairsPanel() const { return m_pinnedPanel; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createPanels();
    void createActions();
    void createStatusBar();
    void connectPanels();
    void restoreLayout();

    void startTraining();
    void onDatasetLoaded();
    void onDataPrepared(const std::shared_ptr<const TrainingData>& data);
    void onProgress(const ProgressChunk& chunk);
    void onEpoch(const EpochReport& report);
    void onFinished(const TrainingResult& result);
    void onStateChanged(TrainingSession::State state);
    void openDatasetFile();
    void openModelFile();
    void saveModelFile();
    void exportLossPlot();
    void exportHeatmap();
    void exportLossCsv();
    void exportAttentionCsv();
    void showStatus(const QString& text);
    void onDatasetLoadFailed(const QString& message);
    void closeDatasetError();
    void updateStatusLabels();
    void showAbout();

    TrainingSession* m_session = nullptr;
    DatasetPanel* m_datasetPanel = nullptr;
    SettingsPanel* m_settingsPanel = nullptr;
    TrainingControls* m_controls = nullptr;
    LossPlot* m_lossPlot = nullptr;
    InspectPanel* m_inspectPanel = nullptr;
    PinnedPairsPanel* m_pinnedPanel = nullptr;
    ElidedLabel* m_datasetLabel = nullptr; // elided: a long model description never widens the window
    ElidedLabel* m_modelLabel = nullptr;
    QLabel* m_trainingLabel = nullptr;
    QAction* m_logScaleAction = nullptr;
    int m_runs = 0; // training runs started from fresh weights, to label kept curves
};

} // namespace attnlab::ui
