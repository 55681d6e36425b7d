#include "ui/session/ExperimentWorker.h"

#include "core/experiment/Experiment.h"

#include "ui/session/ProgressThrottle.h"

#include <stdexcept>

#include <sys/resource.h>
#include <unistd.h>

namespace attnlab::ui {

namespace {
// Seven runs on two cores would otherwise leave the GUI thread one CPU share in eight: a run's
// thread yields to it (nice 10: about a tenth of the GUI thread's weight) and loses nothing
// when the GUI thread is idle.
constexpr int kRunThreadNice = 10;

void yieldToTheGuiThread() {
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kRunThreadNice);
}
} // namespace

// One run's callbacks, on the thread training it, turned into throttled signals with its index.
class ExperimentWorker::Relay : public TrainingObserver {
public:
    Relay(ExperimentWorker& worker, int run, Seq2Seq<float>& model, const TrainingControl& control)
        : m_worker(worker), m_run(run), m_model(model), m_control(control) {}

    void onStep(const StepProgress& p) override {
        if (!m_niced) {
            yieldToTheGuiThread(); // this run's thread, which Experiment started
            m_niced = true;
        }
        if (m_throttle.add(p, m_control.paused())) flush();
        if (m_throttle.snapshotDue(m_control.paused())) publishModel();
    }
    void onEpoch(const EpochReport& report) override {
        flush();
        Q_EMIT m_worker.epochFinished(m_run, report);
        publishModel();
    }
    void onWarning(const std::string& text) override {
        Q_EMIT m_worker.warning(m_run, QString::fromStdString(text));
    }

    void flush() {
        if (m_throttle.hasSteps()) Q_EMIT m_worker.progressed(m_run, m_throttle.take());
    }
    void publishModel() { Q_EMIT m_worker.snapshotReady(m_run, m_throttle.snapshot(m_model)); }

private:
    ExperimentWorker& m_worker;
    int m_run;
    Seq2Seq<float>& m_model;
    const TrainingControl& m_control;
    ProgressThrottle m_throttle;
    bool m_niced = false;
};

ExperimentWorker::ExperimentWorker(ExperimentJob job, QObject* parent)
    : QObject(parent), m_job(std::move(job)) {
    const size_t runs = m_job.experiment ? static_cast<size_t>(m_job.experiment->size()) : m_job.specs.size();
    for (size_t i = 0; i < runs; ++i) m_controls.push_back(std::make_unique<TrainingControl>());
}

ExperimentWorker::~ExperimentWorker() = default;

void ExperimentWorker::pause() {
    for (auto& control : m_controls) control->pause();
}

void ExperimentWorker::resume() {
    for (auto& control : m_controls) control->resume();
}

void ExperimentWorker::step() {
    for (auto& control : m_controls) control->step();
}

void ExperimentWorker::stop() {
    for (auto& control : m_controls) control->requestStop();
}

void ExperimentWorker::stopRun(int run) {
    if (run >= 0 && run < static_cast<int>(m_controls.size()))
        m_controls[static_cast<size_t>(run)]->requestStop();
}

void ExperimentWorker::run() {
    std::shared_ptr<Experiment> experiment = m_job.experiment;
    try {
        if (!experiment) {
            if (!m_job.dataset) throw std::invalid_argument("there is no dataset to train on");
            if (m_job.specs.empty()) throw std::invalid_argument("there are no runs to train");
            const std::uint64_t seed = m_job.specs.front().settings.seed;
            experiment = std::make_shared<Experiment>(
                prepareData(m_job.dataset, m_job.prepare, seed, m_job.dataset->name()));
            for (RunSpec& spec : m_job.specs) experiment->add(spec);
        }
        std::vector<InferenceModel> readers;
        for (int i = 0; i < experiment->size(); ++i) {
            const ModelBundle& bundle = experiment->run(i).bundle();
            readers.push_back({nullptr, std::make_shared<const Vocabulary>(bundle.sourceVocabulary),
                               std::make_shared<const Vocabulary>(bundle.targetVocabulary),
                               bundle.sourceTokens, bundle.targetTokens, bundle.text});
        }
        Q_EMIT prepared(experiment, summarize(*experiment), readers);
    } catch (const std::exception& e) {
        Q_EMIT finished(QString::fromStdString(e.what()));
        return;
    }
    std::vector<std::unique_ptr<Relay>> relays;
    std::vector<TrainingControl*> controls;
    for (int i = 0; i < experiment->size(); ++i) {
        relays.push_back(std::make_unique<Relay>(*this, i, *experiment->run(i).bundle().model,
                                                 *m_controls[static_cast<size_t>(i)]));
        controls.push_back(m_controls[static_cast<size_t>(i)].get());
    }
    experiment->train(
        m_job.threads, [&](int i) -> TrainingObserver& { return *relays[static_cast<size_t>(i)]; }, controls,
        Schedule::Together,
        [&](int i) {
            Relay& relay = *relays[static_cast<size_t>(i)];
            relay.flush();
            const RunRecord& record = experiment->run(i).record();
            if (record.result.steps > 0) relay.publishModel();
            Q_EMIT runFinished(i, record.result, record.trainingSeconds);
        });
    Q_EMIT finished(QString());
}

} // namespace attnlab::ui
