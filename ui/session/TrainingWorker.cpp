#include "ui/session/TrainingWorker.h"

#include "core/experiment/Run.h"

#include "ui/session/ProgressThrottle.h"

#include <QElapsedTimer>

#include <limits>

namespace attnlab::ui {

void registerTrainingMetaTypes() {
    qRegisterMetaType<ProgressChunk>();
    qRegisterMetaType<ModelSnapshot>();
    qRegisterMetaType<EpochReport>();
    qRegisterMetaType<AttentionSnapshot>();
    qRegisterMetaType<TrainingResult>();
    qRegisterMetaType<HealthHint>();
    qRegisterMetaType<std::vector<TrackFrame>>();
    qRegisterMetaType<std::shared_ptr<const TrainingData>>();
}

// Receives the trainer's callbacks on the training thread and turns them into throttled signals.
class TrainingWorker::Relay : public TrainingObserver {
public:
    Relay(TrainingWorker& worker, Seq2Seq<float>& model, const TrainingControl& control,
          AttentionRecorder& recorder)
        : m_worker(worker), m_model(model), m_control(control), m_recorder(recorder) {
        m_sinceFrames.start();
    }

    void onStep(const StepProgress& p) override {
        // Single-stepping wants every step shown at once; otherwise at most every 100 ms.
        if (m_throttle.add(p, m_control.paused())) flush();
        if (m_throttle.snapshotDue(m_control.paused())) publishModel();
        m_lastStep = p;
        if (m_recorder.due(p.step, p.totalSteps)) record(p.step, p.epoch, p.loss);
    }
    // The attention of the followed sentences now, sent with the others of the last 100 ms (a
    // short run records at every step). A frame that cannot be taken (non-finite weights just
    // before a divergence is caught) is left out; the run goes on.
    void record(long long step, int epoch, double loss) {
        try {
            for (TrackFrame& shot : m_recorder.record(m_model, step, epoch, loss))
                if (shot.frame.attention.allFinite()) m_frames.push_back(std::move(shot));
        } catch (const std::exception& e) {
            if (!m_recordFailed)
                Q_EMIT m_worker.warning(QString("Attention through training: %1").arg(e.what()));
            m_recordFailed = true;
        }
        if (m_control.paused() || m_sinceFrames.elapsed() >= kFramesIntervalMs) flushFrames();
    }
    void flushFrames() {
        if (!m_frames.empty()) Q_EMIT m_worker.historyRecorded(m_frames);
        m_frames.clear();
        m_sinceFrames.restart();
    }
    // The run's last step, unless it was just recorded (a stopped or early-stopped run).
    void recordEnd() {
        if (m_lastStep.step > 0 && m_recorder.lastRecordedStep() != m_lastStep.step)
            record(m_lastStep.step, m_lastStep.epoch, m_lastStep.loss);
        flushFrames();
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
    void onHint(const HealthHint& hint) override { Q_EMIT m_worker.hintFound(hint); }

    void flush() {
        if (m_throttle.hasSteps()) Q_EMIT m_worker.progressed(m_throttle.take());
    }
    void publishModel() { Q_EMIT m_worker.snapshotReady(m_throttle.snapshot(m_model)); }

private:
    TrainingWorker& m_worker;
    Seq2Seq<float>& m_model;
    const TrainingControl& m_control;
    AttentionRecorder& m_recorder;
    StepProgress m_lastStep;
    ProgressThrottle m_throttle;
    static constexpr qint64 kFramesIntervalMs = 100;
    std::vector<TrackFrame> m_frames; // recorded, not sent yet
    QElapsedTimer m_sinceFrames;
    bool m_recordFailed = false; // warned once
};

TrainingWorker::TrainingWorker(TrainingJob job, QObject* parent) : QObject(parent), m_job(std::move(job)) {}

std::shared_ptr<const PreparedData> TrainingWorker::prepare() {
    const ModelBundle& bundle = *m_job.bundle;
    const std::string label = m_job.dataset ? m_job.dataset->name() : bundle.dataset;
    std::shared_ptr<const PreparedData> prepared;
    if (m_job.data)
        prepared = wrapPreparedData(m_job.dataset, m_job.data, label);
    else if (!m_job.dataset)
        throw std::invalid_argument("there is no dataset to train on");
    else if (bundle.model) // continue a model that has its own vocabularies
        prepared = prepareDataFor(bundle, m_job.dataset, m_job.prepare, m_job.settings.seed, label);
    else
        prepared = prepareData(m_job.dataset, m_job.prepare, m_job.settings.seed, label);
    m_job.data = prepared->data;
    return prepared;
}

void TrainingWorker::run() {
    TrainingResult result;
    try {
        std::shared_ptr<const PreparedData> data = prepare();
        const bool newModel = !m_job.bundle->model;
        Run run(data, m_job.bundle, m_job.settings, data->label);
        Q_EMIT prepared(m_job.data); // the bundle's vocabularies and model are fixed from here on
        AttentionRecorder recorder(m_job.followed, m_job.bundle->targetVocabulary, m_job.stepOffset,
                                   m_job.epochOffset);
        Relay relay(*this, *m_job.bundle->model, m_control, recorder);
        if (newModel) { // the weights before the first step: every sentence's step 0
            recorder.keepInitial(*m_job.bundle->model);
            relay.record(0, 0, std::numeric_limits<double>::quiet_NaN());
        }
        result = run.train(relay, m_control).result;
        relay.flush();
        relay.recordEnd();
        relay.publishModel();
    } catch (const std::exception& e) {
        result.outcome = TrainingOutcome::Failed;
        result.message = std::string("Training failed: ") + e.what();
        Q_EMIT message(QString::fromStdString(result.message));
    }
    Q_EMIT finished(result);
}

} // namespace attnlab::ui
