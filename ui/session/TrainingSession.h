#pragma once
// The GUI thread's side of training: owns the loaded dataset, the prepared data, the model and
// the worker thread of the current run, and turns the worker's queued signals into state the
// panels show. The model is never touched here while a run is going: inference uses the
// snapshots the worker publishes.
#include "ui/session/InferenceModel.h"
#include "ui/session/TrainingJob.h"
#include "ui/session/TrainingSnapshots.h"

#include <QObject>
#include <QPointer>

class QThread;

namespace attnlab::ui {

class TrainingWorker;

class TrainingSession : public QObject {
    Q_OBJECT
public:
    enum class State { NoData, Ready, Running, Paused, Finished };
    Q_ENUM(State)

    explicit TrainingSession(QObject* parent = nullptr);
    ~TrainingSession() override;

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running || m_state == State::Paused; }
    std::shared_ptr<const Dataset> dataset() const { return m_dataset; }
    std::shared_ptr<const TrainingData> trainingData() const { return m_data; }
    // While a run goes, the worker builds and writes the bundle (TrainingWorker::prepare): the GUI
    // thread then answers from the latest snapshot, which is its own copy.
    bool hasModel() const { return isRunning() ? m_inference.model != nullptr : m_bundle && m_bundle->model; }
    const InferenceModel& inferenceModel() const { return m_inference; }
    QString modelDescription() const; // "general · luong · H 128 · 12,345 parameters"
    // What the model was trained on (a shipped name or a file); empty without a model.
    QString modelDataset() const;
    // A model is tied to its vocabularies: it fits the current dataset only when it was trained
    // on it (same name, or a path with that stem, and the same tokenisation). True when there is
    // no model. A file edited under the same name still fits: coverageWarning() then says how
    // much of it the model cannot spell.
    bool modelFitsDataset() const;
    // Steps and finished epochs the current model has trained in this window (0 for a model
    // opened from a file). A continued run reports its steps and epochs after these, so its
    // curves go on from where the last run ended instead of starting again at 0.
    long long stepsTrained() const { return m_stepsTrained; }
    int epochsTrained() const { return m_epochsTrained; }
    // The same counted up to now: while a run goes, its steps and finished epochs so far (what a
    // snapshot saved now has trained, within a second).
    long long stepsSoFar() const { return isRunning() ? m_runLatestStep : m_stepsTrained; }
    int epochsSoFar() const { return isRunning() ? m_runLatestEpoch : m_epochsTrained; }
    // Set when the current run's data was prepared and more than 2% of its validation references
    // are unknown to the model (they count as wrong); also sent as warning(). Empty otherwise.
    QString coverageWarning() const { return m_coverageWarning; }

    // A new dataset: an idle model trained on other data is kept for inspection until the next
    // run; train() refuses to continue it on data it does not fit (see modelFitsDataset()).
    void setDataset(std::shared_ptr<const Dataset> dataset);

    // Starts (or continues, when a model exists) training on the current dataset.
    // Returns false with a message when it cannot start, or when the model does not fit the
    // dataset (reset() first to train a new model on it).
    bool train(const ModelConfig& config, const TrainingSettings& settings, const PrepareOptions& prepare,
               QString* message);
    void pause();
    void resume();
    void step();
    void stop();
    // Forgets the model (not while running): the next Train starts from new weights.
    void reset();

    // A run's thread or worker still exists (between train() and its finished(); tests check that
    // none is left over).
    bool hasWorkerThread() const { return m_thread != nullptr || !m_worker.isNull(); }

    // A copy of the current model (the latest snapshot while training) with its attention history,
    // as it is saved; throws std::runtime_error when there is none.
    ModelBundle modelForSaving() const;
    // Saves the current model (the latest snapshot while training) atomically.
    bool saveModel(const QString& path, QString* message);
    // Opens a model file for inspection (and further training); not while running.
    bool openModel(const QString& path, QString* message);
    const ModelBundle* bundle() const { return m_bundle.get(); }
    // A model from a session file, as openModel, with the steps and epochs it had trained.
    bool openBundle(ModelBundle bundle, long long stepsTrained, int epochsTrained, QString* message);
    // Splits (with `seed`) and encodes the dataset for the idle model now (the next Train uses it), so the
    // validation pairs can be pinned before training; emits dataPrepared. False when there is no
    // model or dataset, the model does not fit the dataset, or a run is going.
    bool prepareForInspection(const PrepareOptions& prepare, std::uint64_t seed, QString* message);

    // The sentences whose attention the model records through training from now on (this run
    // and the next); the running worker reads them at its next recording.
    void follow(std::vector<FollowedSentence> sentences) { m_followed->set(std::move(sentences)); }
    // The current model's attention through training: recorded by its runs in this window, or
    // read from its file; saved with it. Empty for a new model until its first run starts.
    const AttentionHistory& history() const { return m_history; }

Q_SIGNALS:
    void stateChanged(attnlab::ui::TrainingSession::State state);
    void dataPrepared(const std::shared_ptr<const attnlab::TrainingData>& data);
    void progressed(const attnlab::ui::ProgressChunk& chunk);
    void epochFinished(const attnlab::EpochReport& report);
    void attentionUpdated(const attnlab::AttentionSnapshot& snapshot);
    void inferenceModelChanged(const attnlab::ui::InferenceModel& model);
    void message(const QString& text);
    void warning(const QString& text);
    void hintFound(const attnlab::HealthHint& hint); // a new health hint about the run
    void finished(const attnlab::TrainingResult& result);
    void historyChanged(); // frames added (or the history replaced or cleared)

private:
    void setState(State state);
    void onPrepared(const std::shared_ptr<const TrainingData>& data);
    void onSnapshot(const ModelSnapshot& snapshot);
    void onProgress(ProgressChunk chunk);
    void onEpoch(EpochReport report);
    void onAttention(AttentionSnapshot snapshot);
    void onFinished(const TrainingResult& result);
    void onHistory(const std::vector<TrackFrame>& frames);
    void setHistory(AttentionHistory history);
    // Copies m_bundle's vocabularies and tokenisation into m_inference, once they are fixed (the
    // run's data prepared, or a model opened); publishInference() then only swaps the weights.
    void setInferenceVocabularies();
    QString describeCoverage(const TrainingData& data) const;
    void publishInference(ModelSnapshot snapshot);
    void adoptBundle(std::shared_ptr<ModelBundle> bundle); // an opened model becomes the current one
    void stopThread();

    State m_state = State::NoData;
    std::shared_ptr<const Dataset> m_dataset;
    std::shared_ptr<const TrainingData> m_data; // prepared for m_dataset and m_bundle's vocabularies
    std::shared_ptr<ModelBundle> m_bundle;
    InferenceModel m_inference;
    QThread* m_thread = nullptr;
    QPointer<TrainingWorker> m_worker;
    long long m_stepsTrained = 0;
    int m_epochsTrained = 0;
    QString m_coverageWarning;
    bool m_runReencodes = false;   // the run encodes the data with an earlier model's vocabularies
    long long m_runStepOffset = 0; // m_stepsTrained when the current run started
    long long m_runLatestStep = 0; // the model's step at the run's latest progress
    int m_runLatestEpoch = 0;      // the model's epochs finished at the run's latest report
    int m_runEpochOffset = 0;
    TrainingSettings m_runSettings; // of the current run, for saving a snapshot while it goes
    std::shared_ptr<FollowedSentences> m_followed = std::make_shared<FollowedSentences>();
    AttentionHistory m_history;
};

} // namespace attnlab::ui
