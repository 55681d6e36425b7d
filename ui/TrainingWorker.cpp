#include "ui/TrainingWorker.h"

#include "core/train/Trainer.h"

#include <QElapsedTimer>

namespace attnlab::ui {

void registerTrainingMetaTypes() {
    qRegisterMetaType<ProgressChunk>();
    qRegisterMetaType<ModelSnapshot>();
    qRegisterMetaType<EpochReport>();
    qRegisterMetaType<AttentionSnapshot>();
    qRegisterMetaType<TrainingResult>();
    qRegisterMetaType<std::shared_ptr<const TrainingData>>();
}

namespace {
constexpr qint64 kProgressIntervalMs = 100;
constexpr qint64 kSnapshotIntervalMs = 1000;

ModelSnapshot copyOf(Seq2Seq<float>& model) {
    auto copy = std::make_shared<Seq2Seq<float>>(model.config());
    copy->copyValuesFrom(model);
    return copy;
}
} // namespace

// Receives the trainer's callbacks on the training thread and turns them into throttled signals.
class TrainingWorker::Relay : public TrainingObserver {
public:
    Relay(TrainingWorker& worker, Seq2Seq<float>& model, const TrainingControl& control)
        : m_worker(worker), m_model(model), m_control(control) {
        m_sinceProgress.start();
        m_sinceSnapshot.start();
    }

    void onStep(const StepProgress& p) override {
        m_chunk.steps.push_back(p.step);
        m_chunk.losses.push_back(p.loss);
        m_chunk.latest = p;
        // Single-stepping wants every step shown at once; otherwise at most every 100 ms.
        if (m_control.paused() || p.step == p.totalSteps || m_sinceProgress.elapsed() >= kProgressIntervalMs)
            flush();
        if (m_control.paused() || m_sinceSnapshot.elapsed() >= kSnapshotIntervalMs) publishModel();
    }
    void onEpoch(const EpochReport& report) override {
        flush();
        Q_EMIT m_worker.epochFinished(report);
        publishModel();
    }
    void onAttention(const AttentionSnapshot& snapshot) override {
        Q_EMIT m_worker.attentionUpdated(snapshot);
    }
    void onMessage(const std::string& text) override {
        Q_EMIT m_worker.message(QString::fromStdString(text));
    }
    void onWarning(const std::string& text) override {
        Q_EMIT m_worker.warning(QString::fromStdString(text));
    }

    void flush() {
        if (m_chunk.steps.empty()) return;
        Q_EMIT m_worker.progressed(m_chunk);
        m_chunk = {};
        m_sinceProgress.restart();
    }
    void publishModel() {
        Q_EMIT m_worker.snapshotReady(copyOf(m_model));
        m_sinceSnapshot.restart();
    }

private:
    TrainingWorker& m_worker;
    Seq2Seq<float>& m_model;
    const TrainingControl& m_control;
    ProgressChunk m_chunk;
    QElapsedTimer m_sinceProgress;
    QElapsedTimer m_sinceSnapshot;
};

TrainingWorker::TrainingWorker(TrainingJob job, QObject* parent) : QObject(parent), m_job(std::move(job)) {}

void TrainingWorker::prepare() {
    ModelBundle& bundle = *m_job.bundle;
    if (!m_job.data) {
        if (!m_job.dataset) throw std::invalid_argument("there is no dataset to train on");
        auto data = std::make_shared<TrainingData>(
            prepareTrainingData(*m_job.dataset, m_job.prepare, m_job.settings.seed));
        if (bundle.model) { // continue a model that has its own vocabularies
            for (EncodedSplit* split : {&data->train, &data->validation, &data->test})
                *split = encodePairs(*m_job.dataset, split->datasetIndices, bundle.sourceVocabulary,
                                     bundle.targetVocabulary);
            data->sourceVocabulary = bundle.sourceVocabulary;
            data->targetVocabulary = bundle.targetVocabulary;
        }
        m_job.data = data;
    }
    if (!bundle.model) {
        const TrainingData& data = *m_job.data;
        bundle.sourceVocabulary = data.sourceVocabulary;
        bundle.targetVocabulary = data.targetVocabulary;
        bundle.config.sourceVocabulary = data.sourceVocabulary.size();
        bundle.config.targetVocabulary = data.targetVocabulary.size();
        int longest = 1;
        for (const auto* split : {&data.train, &data.validation, &data.test})
            for (const EncodedPair& pair : split->pairs)
                longest = std::max(longest, static_cast<int>(pair.source.size()));
        bundle.config.maxSourceLength = std::max(bundle.config.maxSourceLength, longest);
        bundle.model = std::make_unique<Seq2Seq<float>>(bundle.config);
        bundle.model->initialize(m_job.settings.seed);
    }
    bundle.training = m_job.settings;
    Q_EMIT prepared(m_job.data);
}

void TrainingWorker::run() {
    TrainingResult result;
    try {
        prepare();
        Seq2Seq<float>& model = *m_job.bundle->model;
        Trainer trainer(model, *m_job.data, m_job.settings, m_job.dataset.get());
        Relay relay(*this, model, m_control);
        result = trainer.run(relay, m_control);
        relay.flush();
        relay.publishModel();
    } catch (const std::exception& e) {
        result.outcome = TrainingOutcome::Failed;
        result.message = std::string("Training failed: ") + e.what();
        Q_EMIT message(QString::fromStdString(result.message));
    }
    Q_EMIT finished(result);
}

} // namespace attnlab::ui
