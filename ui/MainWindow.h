#pragma once
// The application window. It assembles panels, actions, menus and the status bar, wires the
// panels to the TrainingSession, and turns the person's commands (train, reset, open, save,
// export) into calls; the panels, the session and the RunBook do the work.
#include "ui/session/RunLabel.h"
#include "ui/session/TrainingSession.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;
class QAction;
class QTabWidget;

namespace attnlab::ui {

class DatasetPanel;
class ElidedLabel;
class SettingsPanel;
class TrainingControls;
class LossPlot;
class HealthHintsPanel;
class LessonsPanel;
class ForecastWorkspace;
class InspectPanel;
class PinnedPairsPanel;
class RunBook;
class CompareController;
class MechanismWorkspace;
class SessionFiles;
class GatesWorkspace;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // A shipped dataset's name or a TSV/CSV path (attnlab --dataset, File > Open Dataset).
    void openDataset(const QString& nameOrPath);
    // A session file (File > Open Session, `attnlab FILE.attnlab`); false with a message box
    // when it cannot be used.
    bool openSession(const QString& path);
    bool saveSession(const QString& path, QString* problem);
    SessionFiles* sessionFiles() const { return m_sessionFiles; }
    // After the session opened a model: the plot's runs, the progress and the status follow it.
    void modelOpened();

    TrainingSession* session() const { return m_session; }
    // File > Open Model once a file is chosen: opens it, shows its settings and says so in the
    // status bar. When the file cannot be opened: false, with the reason in *problem when given,
    // else in a warning box.
    bool openModel(const QString& path, QString* problem = nullptr);
    DatasetPanel* datasetPanel() const { return m_datasetPanel; }
    SettingsPanel* settingsPanel() const { return m_settingsPanel; }
    TrainingControls* trainingControls() const { return m_controls; }
    LossPlot* lossPlot() const { return m_lossPlot; }
    InspectPanel* inspectPanel() const { return m_inspectPanel; }
    PinnedPairsPanel* pinnedPairsPanel() const { return m_pinnedPanel; }
    CompareController* compare() const { return m_compare; }
    MechanismWorkspace* mechanism() const { return m_mechanism; }
    GatesWorkspace* gates() const { return m_gates; }
    HealthHintsPanel* hintsPanel() const { return m_hintsPanel; }
    LessonsPanel* lessonsPanel() const { return m_lessons; }
    QTabWidget* centralTabs() const { return m_tabs; }

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
    void pauseTraining();
    void resumeTraining();
    void stepTraining();
    void stopTraining();
    void onCompareActivated(bool active);
    RunSettings settingsOfNextRun() const;
    void onDatasetLoaded();
    void applyRecommendedSettings(const Dataset* dataset);
    void onDataPrepared(const std::shared_ptr<const TrainingData>& data);
    void onProgress(const ProgressChunk& chunk);
    void onEpoch(const EpochReport& report);
    void onFinished(const TrainingResult& result);
    void onStateChanged(TrainingSession::State state);
    void openDatasetFile();
    void openModelFile();
    void saveModelFile();
    void openSessionFile();
    void saveSessionFile();
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
    ForecastWorkspace* m_forecast = nullptr;
    HealthHintsPanel* m_hintsPanel = nullptr;
    LessonsPanel* m_lessons = nullptr;
    PinnedPairsPanel* m_pinnedPanel = nullptr;
    ElidedLabel* m_datasetLabel = nullptr; // elided: a long model description never widens the window
    ElidedLabel* m_modelLabel = nullptr;
    QLabel* m_trainingLabel = nullptr;
    QAction* m_logScaleAction = nullptr;
    std::unique_ptr<RunBook> m_runBook; // the runs on the loss plot, current and grey
    QTabWidget* m_tabs = nullptr;       // Train and Compare
    CompareController* m_compare = nullptr;
    MechanismWorkspace* m_mechanism = nullptr;
    SessionFiles* m_sessionFiles = nullptr;
    GatesWorkspace* m_gates = nullptr;
    bool m_pinnedShownOnTrain = true;
    Confirmation m_confirm;
};

} // namespace attnlab::ui
