#pragma once
// The GUI thread's side of training: owns the loaded dataset, the prepared data, the model and
// the worker thread of the current run, and turns the worker's queued signals into state the
// panels show. The model is never touched here while a run is going: inference uses the
// snapshots the worker publishes.
#include "ui/InferenceModel.h"
#include "ui/TrainingJob.h"
#include "ui/TrainingSnapshots.h"

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
    bool hasModel() const { return m_bundle && m_bundle->model; }
    const InferenceModel& inferenceModel() const { return m_inference; }
    QString modelDescription() const; // "general · luong · H 128 · 12,345 parameters"

    // A new dataset: an idle model trained on other data is kept for inspection, but the next
    // Train starts a fresh model unless the vocabularies are the model's own (see train()).
    void setDataset(std::shared_ptr<const Dataset> dataset);

    // Starts (or continues, when a model exists) training on the current dataset.
    // Returns false with a message when it cannot start.
    bool train(const ModelConfig& config, const TrainingSettings& settings, const PrepareOptions& prepare,
               QString* message);
    void pause();
    void resume();
    void step();
    void stop();
    // Forgets the model (not while running): the next Train starts from new weights.
    void reset();

    // Saves the current model (the latest snapshot while training) atomically.
    bool saveModel(const QString& path, QString* message);
    // Opens a model file for inspection (and further training); not while running.
    bool openModel(const QString& path, QString* message);
    const ModelBundle* bundle() const { return m_bundle.get(); }

Q_SIGNALS:
    void stateChanged(attnlab::ui::TrainingSession::State state);
    void dataPrepared(const std::shared_ptr<const attnlab::TrainingData>& data);
    void progressed(const attnlab::ui::ProgressChunk& chunk);
    void epochFinished(const attnlab::EpochReport& report);
    void attentionUpdated(const attnlab::AttentionSnapshot& snapshot);
    void inferenceModelChanged(const attnlab::ui::InferenceModel& model);
    void message(const QString& text);
    void finished(const attnlab::TrainingResult& result);

private:
    void setState(State state);
    void onPrepared(const std::shared_ptr<const TrainingData>& data);
    void onSnapshot(const ModelSnapshot& snapshot);
    void onFinished(const TrainingResult& result);
    // Copies m_bundle's vocabularies and tokenisation into m_inference, once they are fixed (the
    // run's data prepared, or a model opened); publishInference() then only swaps the weights.
    void setInferenceVocabularies();
    void publishInference(ModelSnapshot snapshot);
    void stopThread();

    State m_state = State::NoData;
    std::shared_ptr<const Dataset> m_dataset;
    std::shared_ptr<const TrainingData> m_data; // prepared for m_dataset and m_bundle's vocabularies
    std::shared_ptr<ModelBundle> m_bundle;
    InferenceModel m_inference;
    QThread* m_thread = nullptr;
    QPointer<TrainingWorker> m_worker;
};

} // namespace attnlab::ui
