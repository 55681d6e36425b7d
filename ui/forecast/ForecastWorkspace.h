#pragma once
// D series, W window, K horizon.
// The Forecast tab (issue 15): train a forecaster on `seasonal` or a CSV of series and see which
// past points each forecast step used. Top: the data row (the shipped task or a file, its size,
// or the file's error as `attnlab-cli` words it), the settings row, Train / Stop / Compare scorers
// / Save model… / Open model… and the progress. Left: the loss plot, the epoch line (MAE, RMSE,
// MASE per series, gold mass) and the scorer comparison's table. Right: "window N of M" over the
// validation windows and the ForecastView of the chosen one, in the data's own units.
// Training runs in a ForecastWorker on its own QThread; the GUI thread only receives snapshots,
// and forecasts the one window it shows with its own copy of the weights (sent at every epoch and
// at the end), so it never waits on training.
#include "core/data/forecast/ForecastData.h"
#include "core/experiment/ForecastRun.h"
#include "ui/forecast/ForecastSnapshots.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QThread;

namespace attnlab::ui {

class ForecastCompareTable;
class ForecastLossPlot;
class ForecastSettingsRow;
class ForecastView;
class ForecastWorker;

class ForecastWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit ForecastWorkspace(QWidget* parent = nullptr);
    ~ForecastWorkspace() override; // stops a run and waits for its thread to end

    // "seasonal" or a path. On failure the error (file, line and reason) is shown in the data row
    // and the data before stays; returns whether it opened.
    bool openData(const QString& nameOrPath);
    // Saves the shown model atomically (a failed save leaves the old file); false and the reason
    // in the status line on failure.
    bool saveModel(const QString& path);
    // Opens a forecaster file (e.g. from `attnlab-cli train --data seasonal`), scores it on the
    // validation windows of the data (a model trained on seasonal opens seasonal) and shows it.
    bool openModel(const QString& path);

    bool isTraining() const { return m_thread != nullptr; }
    bool hasModel() const { return m_model != nullptr; }
    const ForecastData& data() const { return *m_data; }
    ForecastModel model() const { return m_model; }
    const ForecastMetrics& metrics() const { return m_metrics; } // of the last epoch or the opened model
    int windowCount() const { return static_cast<int>(m_starts.size()); }
    int shownWindow() const; // 0-based, -1 without a model

    QString dataText() const;
    QString statusText() const;
    QString epochText() const;
    ForecastView& view() const { return *m_view; }
    ForecastSettingsRow& settings() const { return *m_settings; }
    ForecastCompareTable& compareTable() const { return *m_compare; }
    ForecastLossPlot& lossPlot() const { return *m_lossPlot; }
    QComboBox& dataBox() const { return *m_dataBox; }
    QSpinBox& windowBox() const { return *m_windowBox; }
    QSlider& windowSlider() const { return *m_windowSlider; }
    QPushButton& trainButton() const { return *m_train; }
    QPushButton& stopButton() const { return *m_stop; }
    QPushButton& compareButton() const { return *m_compareButton; }
    QProgressBar& progressBar() const { return *m_progress; }

public Q_SLOTS:
    void train(); // one run with the settings row's choices
    // One run of any spec, for settings the row does not offer (learning rate, sizes, seed).
    void trainWith(const attnlab::ForecastRunSpec& spec);
    void compareScorers();      // one run per ticked scorer, one after another
    void stop();                // the worker's atomic flag; the tab stays usable
    void showWindow(int index); // 0-based validation window

Q_SIGNALS:
    void trainingFinished(); // the worker's thread has ended and the buttons are back
    void epochShown();       // an epoch's line and forecast are on screen
    void status(const QString& text);

private:
    void buildLayout();
    void chooseDataFile();
    void chooseModelToSave();
    void chooseModelToOpen();
    void start(std::vector<ForecastRunSpec> specs, bool comparing);
    void setBusy(bool busy);
    void setStatus(const QString& text);
    // Shows model on the current data (keeps the window index when it still exists); false and the
    // reason in the status line when the model does not fit the data.
    bool setModel(ForecastModel model);
    void clearModel();

    // The worker's snapshots, on the GUI thread (queued connections).
    void onRunStarted(int run, const QString& name, long long plannedSteps);
    void onSteps(const ForecastSteps& steps);
    void onEpoch(const ForecastEpoch& epoch);
    void onFailed(int run, const QString& reason);
    void onRunFinished(const ForecastRunEnd& end);
    void onFinished();

    std::shared_ptr<const ForecastData> m_data;
    QString m_dataKey;     // what opened m_data: "seasonal" or the path (the data box's item data)
    ForecastModel m_model; // the weights shown; never the ones being trained
    std::unique_ptr<ForecastEvaluation> m_eval; // m_model's windows over m_data
    std::vector<int> m_starts;                  // the validation windows' first past steps
    ForecastMetrics m_metrics;
    QThread* m_thread = nullptr;
    ForecastWorker* m_worker = nullptr; // lives on m_thread
    bool m_comparing = false;
    int m_runs = 0;        // runs in the job
    int m_epochs = 0;      // planned epochs of each run
    QString m_runName;     // the run training now
    QString m_lastMessage; // the trainer's latest sentence (a divergence says what it kept)

    QComboBox* m_dataBox = nullptr;
    QLabel* m_dataInfo = nullptr;
    QPushButton* m_openCsv = nullptr;
    ForecastSettingsRow* m_settings = nullptr;
    QPushButton* m_train = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_compareButton = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_open = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_epochLine = nullptr;
    ForecastLossPlot* m_lossPlot = nullptr;
    ForecastCompareTable* m_compare = nullptr;
    QSpinBox* m_windowBox = nullptr; // 1-based: "window N of M"
    QSlider* m_windowSlider = nullptr;
    QLabel* m_windowCount = nullptr;
    ForecastView* m_view = nullptr;
};

} // namespace attnlab::ui
