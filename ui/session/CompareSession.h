#pragma once
// The GUI thread's side of a comparison: the runs to train, the worker thread training them, and
// what they have done so far as an ExperimentSummary that the compare views draw from (live while
// the runs train, or opened from a file). The experiment's models are never touched here while
// it trains: each run's inference model is the latest snapshot its thread published.
#include "core/experiment/ExperimentSummary.h"
#include "core/experiment/PreparedData.h"
#include "ui/session/ExperimentJob.h"
#include "ui/session/InferenceModel.h"
#include "ui/session/TrainingSession.h"

#include <QObject>
#include <QPointer>

class QThread;
class QTimer;

namespace attnlab::ui {

class ExperimentWorker;

class CompareSession : public QObject {
    Q_OBJECT
public:
    using State = TrainingSession::State; // the training controls show either session's state
    enum class RunState { Waiting, Training, Paused, Completed, Stopped, EarlyStopped, Diverged, Failed };

    explicit CompareSession(QObject* parent = nullptr);
    ~CompareSession() override;

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running || m_state == State::Paused; }
    std::shared_ptr<const Dataset> dataset() const { return m_dataset; }
    // Trained models exist (an experiment trained here, not one opened from a file).
    bool hasExperiment() const { return m_experiment != nullptr; }

    // The data the next comparison trains on. A trained experiment stays shown until the next
    // Train, which starts a new one when the data changed.
    void setDataset(std::shared_ptr<const Dataset> dataset, const PrepareOptions& prepare);

    // Trains `specs` (unique names, at least one). When the same runs were trained here on the
    // same data, they go on from their weights; otherwise a new experiment starts, from equal
    // values for every parameter the runs share. threads: 0 = every hardware thread.
    bool train(std::vector<RunSpec> specs, int threads, QString* problem);
    void pause();
    void resume();
    void step();
    void stop();
    void stopRun(int run);
    // Forgets the models and the records (not while running).
    void reset();
    // Shows a comparison saved before, with the models found beside it (a null model where there
    // was none). Not while running; replaces what is shown and forgets the trained experiment.
    bool showSummary(ExperimentSummary summary, std::vector<InferenceModel> models, QString* problem);

    // Saves each run's model (trained here, not while running) in `directory` as
    // <run>.safetensors (characters a file name cannot hold become '_') and records the file
    // name, relative, as the run's modelPath in `summary`. Throws CheckpointError.
    void saveModels(const QString& directory, ExperimentSummary& summary);
    static QString modelFileName(const std::string& runName);

    const ExperimentSummary& summary() const { return m_summary; }
    int runCount() const { return static_cast<int>(m_summary.runs.size()); }
    RunState runState(int run) const { return m_runStates.at(static_cast<size_t>(run)); }
    // The run's latest progress (steps and epochs counted over every Train of this experiment).
    const StepProgress& runProgress(int run) const { return m_progress.at(static_cast<size_t>(run)); }
    // All runs together: steps done and planned summed, the slowest run's epoch and time left.
    StepProgress overallProgress() const;
    const InferenceModel& inferenceModel(int run) const { return m_models.at(static_cast<size_t>(run)); }
    // Validation pairs of the data trained on (null before the first Train, or for a file).
    std::shared_ptr<const PreparedData> preparedData() const { return m_prepared; }

    static QString runStateName(RunState state);

    // Updates reach the views at most this often, all runs' in one event-loop turn (so each
    // plot redraws once for all of them): seven runs would otherwise ask for 70 redraws a second.
    static constexpr int kProgressIntervalMs = 200;
    static constexpr int kModelIntervalMs = 1500;

Q_SIGNALS:
    void stateChanged(attnlab::ui::TrainingSession::State state);
    void runsReset(); // a new set of runs: views rebuild
    void runProgressed(int run);
    void runEpoch(int run);
    void runEnded(int run);
    void modelChanged(int run);
    void message(const QString& text);

private:
    void setState(State state);
    void onPrepared(const std::shared_ptr<Experiment>& experiment, const ExperimentSummary& start,
                    const std::vector<InferenceModel>& readers);
    void onProgress(int run, const ProgressChunk& chunk);
    void onEpoch(int run, EpochReport report);
    void onSnapshot(int run, const ModelSnapshot& model);
    void onRunFinished(int run, TrainingResult result, double trainingSeconds);
    void onFinished(const QString& problem);
    bool continues(const std::vector<RunSpec>& specs) const;
    void stopThread();
    void flushProgress();
    void flushModels();

    State m_state = State::NoData;
    std::shared_ptr<const Dataset> m_dataset;
    PrepareOptions m_prepare;
    std::shared_ptr<Experiment> m_experiment;        // trained here; only the worker touches it while it runs
    std::shared_ptr<const Dataset> m_trainedDataset; // what m_experiment trained on
    std::shared_ptr<const PreparedData> m_prepared;
    ExperimentSummary m_summary;
    std::vector<RunState> m_runStates;
    std::vector<StepProgress> m_progress;
    std::vector<InferenceModel> m_models;
    std::vector<long long> m_stepOffsets; // steps each run had before this Train
    std::vector<int> m_epochOffsets;
    QThread* m_thread = nullptr;
    QPointer<ExperimentWorker> m_worker;
    QTimer* m_progressTimer = nullptr; // single shot: pending runProgressed
    QTimer* m_modelTimer = nullptr;    // single shot: pending modelChanged
    std::vector<bool> m_progressPending;
    std::vector<bool> m_epochPending; // runEpoch not yet sent (with the next progress flush)
    std::vector<bool> m_modelPending;
};

} // namespace attnlab::ui
