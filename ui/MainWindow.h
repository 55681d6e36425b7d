#pragma once
// The application window. It only assembles panels, actions, menus and the status bar, and
// wires the panels to the TrainingSession; the panels and the session do the work.
#include "ui/RunLabel.h"
#include "ui/TrainingSession.h"

#include <QMainWindow>

#include <deque>
#include <functional>

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

    // Asks the person a yes/no question (title, text); true for yes. A message box by default;
    // tests answer it themselves.
    using Confirmation = std::function<bool(const QString& title, const QString& text)>;
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createPanels();
    void createActions();
    void createStatusBar();
    void connectPanels();
    void restoreLayout();

    void startTraining();
    // The model does not fit the dataset (trained on other data): asks, then resets the model and
    // clears the plot of runs on the other dataset. False when the person declines.
    bool startNewModelForDataset();
    void resetModel();
    // The current curves become a grey reference run labelled by its settings.
    void keepCurrentRun();
    void relabelKeptRuns();
    RunSettings settingsOfNextRun() const;
    void onDatasetLoaded();
    void onDataPrepared(const std::shared_ptr<const TrainingData>& data);
    void warnAboutCoverage(const TrainingData& data);
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
    void showSaved(const QString& what, const QString& path); // "Saved the heatmap to /path/x.png"
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
    int m_runs = 0;           // training runs started from fresh weights, to number kept curves
    RunSettings m_currentRun; // the settings of the curves being drawn
    struct KeptRun {
        int number = 0;
        RunSettings settings;
    };
    std::deque<KeptRun> m_keptRuns; // parallel to the plot's grey runs, oldest first
    Confirmation m_confirm;
    bool m_runIsFresh = true;  // the current run started from new weights
    QString m_coverageWarning; // the current run's data is largely unknown to the model
};

} // namespace attnlab::ui
