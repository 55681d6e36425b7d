#include "ui/session/CompareSession.h"

#include "core/experiment/Experiment.h"
#include "core/train/ModelFile.h"
#include "ui/session/ExperimentWorker.h"

#include <QDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>

Q_DECLARE_METATYPE(attnlab::ExperimentSummary)
Q_DECLARE_METATYPE(std::shared_ptr<attnlab::Experiment>)
Q_DECLARE_METATYPE(std::vector<attnlab::ui::InferenceModel>)

namespace attnlab::ui {

namespace {
CompareSession::RunState stateOf(TrainingOutcome outcome) {
    switch (outcome) {
    case TrainingOutcome::Completed:
        return CompareSession::RunState::Completed;
    case TrainingOutcome::Stopped:
        return CompareSession::RunState::Stopped;
    case TrainingOutcome::EarlyStopped:
        return CompareSession::RunState::EarlyStopped;
    case TrainingOutcome::Diverged:
        return CompareSession::RunState::Diverged;
    case TrainingOutcome::Failed:
        return CompareSession::RunState::Failed;
    }
    return CompareSession::RunState::Failed;
}
} // namespace

CompareSession::CompareSession(QObject* parent) : QObject(parent) {
    registerTrainingMetaTypes();
    qRegisterMetaType<ExperimentSummary>();
    qRegisterMetaType<std::shared_ptr<Experiment>>();
    qRegisterMetaType<std::vector<InferenceModel>>();
    m_progressTimer = new QTimer(this);
    m_progressTimer->setSingleShot(true);
    m_progressTimer->setInterval(kProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &CompareSession::flushProgress);
    m_modelTimer = new QTimer(this);
    m_modelTimer->setSingleShot(true);
    m_modelTimer->setInterval(kModelIntervalMs);
    connect(m_modelTimer, &QTimer::timeout, this, &CompareSession::flushModels);
}

void CompareSession::flushProgress() {
    for (size_t i = 0; i < m_progressPending.size(); ++i)
        if (m_progressPending[i]) {
            m_progressPending[i] = false;
            Q_EMIT runProgressed(static_cast<int>(i));
        }
    for (size_t i = 0; i < m_epochPending.size(); ++i)
        if (m_epochPending[i]) {
            m_epochPending[i] = false;
            Q_EMIT runEpoch(static_cast<int>(i));
        }
}

void CompareSession::flushModels() {
    for (size_t i = 0; i < m_modelPending.size(); ++i)
        if (m_modelPending[i]) {
            m_modelPending[i] = false;
            Q_EMIT modelChanged(static_cast<int>(i));
        }
}

CompareSession::~CompareSession() {
    stopThread();
}

QString CompareSession::runStateName(RunState state) {
    static const char* names[] = {"waiting", "training",      "paused",   "completed",
                                  "stopped", "stopped early", "diverged", "failed"};
    return tr(names[static_cast<int>(state)]);
}

void CompareSession::setState(State state) {
    if (m_state == state) return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void CompareSession::setDataset(std::shared_ptr<const Dataset> dataset, const PrepareOptions& prepare) {
    m_dataset = std::move(dataset);
    m_prepare = prepare;
    if (isRunning()) return;
    setState(hasExperiment() && m_trainedDataset == m_dataset ? State::Finished
             : m_dataset                                      ? State::Ready
                                                              : State::NoData);
}

bool CompareSession::continues(const std::vector<RunSpec>& specs) const {
    if (!m_experiment || m_trainedDataset != m_dataset ||
        m_experiment->size() != static_cast<int>(specs.size()))
        return false;
    for (int i = 0; i < m_experiment->size(); ++i)
        if (m_summary.runs[static_cast<size_t>(i)].name != specs[static_cast<size_t>(i)].name) return false;
    return true;
}

bool CompareSession::train(std::vector<RunSpec> specs, int threads, QString* problem) {
    const auto refuse = [problem](const QString& text) {
        if (problem) *problem = text;
        return false;
    };
    if (isRunning()) return refuse(tr("The comparison is already training."));
    if (!m_dataset) return refuse(tr("Open a dataset first."));
    if (specs.empty()) return refuse(tr("Pick at least one run to compare."));
    for (size_t i = 0; i < specs.size(); ++i)
        for (size_t j = 0; j < i; ++j)
            if (specs[i].name == specs[j].name)
                return refuse(tr("Two runs are called %1.").arg(QString::fromStdString(specs[i].name)));
    stopThread();
    ExperimentJob job;
    job.dataset = m_dataset;
    job.prepare = m_prepare;
    job.threads = threads;
    if (continues(specs)) {
        job.experiment = m_experiment;
        for (size_t i = 0; i < m_summary.runs.size(); ++i) {
            m_stepOffsets[i] = m_summary.runs[i].record.result.steps;
            m_epochOffsets[i] = m_summary.runs[i].record.result.epochs;
        }
    } else {
        m_experiment.reset();
        m_prepared.reset();
    }
    job.specs = std::move(specs);
    m_thread = new QThread(this);
    m_worker = new ExperimentWorker(std::move(job));
    m_worker->moveToThread(m_thread);
    // The worker's signals come from the runs' threads: every connection here is queued.
    connect(m_thread, &QThread::started, m_worker, &ExperimentWorker::run, Qt::QueuedConnection);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ExperimentWorker::prepared, this, &CompareSession::onPrepared, Qt::QueuedConnection);
    connect(m_worker, &ExperimentWorker::progressed, this, &CompareSession::onProgress, Qt::QueuedConnection);
    connect(m_worker, &ExperimentWorker::epochFinished, this, &CompareSession::onEpoch, Qt::QueuedConnection);
    connect(m_worker, &ExperimentWorker::snapshotReady, this, &CompareSession::onSnapshot,
            Qt::QueuedConnection);
    connect(m_worker, &ExperimentWorker::runFinished, this, &CompareSession::onRunFinished,
            Qt::QueuedConnection);
    connect(
        m_worker, &ExperimentWorker::warning, this,
        [this](int run, const QString& text) {
            if (run < runCount())
                Q_EMIT message(QStringLiteral("%1: %2").arg(
                    QString::fromStdString(m_summary.runs[size_t(run)].name), text));
        },
        Qt::QueuedConnection);
    connect(m_worker, &ExperimentWorker::finished, this, &CompareSession::onFinished, Qt::QueuedConnection);
    m_thread->start();
    setState(State::Running);
    return true;
}

void CompareSession::onPrepared(const std::shared_ptr<Experiment>& experiment, const ExperimentSummary& start,
                                const std::vector<InferenceModel>& readers) {
    if (experiment == m_experiment) { // continued: the records go on
        for (size_t i = 0; i < m_runStates.size(); ++i)
            m_runStates[i] = m_state == State::Paused ? RunState::Paused : RunState::Training;
        for (int i = 0; i < runCount(); ++i) Q_EMIT runProgressed(i);
        return;
    }
    m_experiment = experiment;
    m_trainedDataset = m_dataset;
    m_prepared = std::shared_ptr<const PreparedData>(experiment, &experiment->data());
    m_summary = start;
    const size_t runs = m_summary.runs.size();
    m_runStates.assign(runs, m_state == State::Paused ? RunState::Paused : RunState::Training);
    m_progress.assign(runs, StepProgress{});
    m_models = readers;
    m_progressPending.assign(runs, false);
    m_epochPending.assign(runs, false);
    m_modelPending.assign(runs, false);
    m_stepOffsets.assign(runs, 0);
    m_epochOffsets.assign(runs, 0);
    Q_EMIT runsReset();
}

void CompareSession::onProgress(int run, const ProgressChunk& chunk) {
    if (run < 0 || run >= runCount()) return;
    const size_t i = static_cast<size_t>(run);
    RunRecord& record = m_summary.runs[i].record;
    for (double loss : chunk.losses) record.stepLosses.push_back(static_cast<float>(loss));
    StepProgress progress = chunk.latest;
    progress.step += m_stepOffsets[i];
    progress.totalSteps += m_stepOffsets[i];
    progress.epoch += m_epochOffsets[i];
    m_progress[i] = progress;
    record.result.steps = progress.step;
    m_progressPending[i] = true;
    // A single step (paused) shows at once; otherwise with the others, at most every 200 ms.
    if (m_state == State::Paused) return flushProgress();
    if (!m_progressTimer->isActive()) m_progressTimer->start();
}

void CompareSession::onEpoch(int run, EpochReport report) {
    if (run < 0 || run >= runCount()) return;
    const size_t i = static_cast<size_t>(run);
    report.step += m_stepOffsets[i];
    report.epoch += m_epochOffsets[i];
    RunRecord& record = m_summary.runs[i].record;
    record.history.push_back(report);
    // A validation that Stop cut short covers some pairs only: it is kept in the history but does
    // not stand for the run.
    if (report.validation.examples >= report.validationPairs) {
        record.result.validation = report.validation;
        record.result.epochs = report.epoch;
    }
    // With the progress, at most every 200 ms: seven small runs end an epoch every few
    // milliseconds between them, and each redraws the table and three plots.
    m_epochPending[i] = true;
    if (m_state == State::Paused) return flushProgress();
    if (!m_progressTimer->isActive()) m_progressTimer->start();
}

void CompareSession::onSnapshot(int run, const ModelSnapshot& model) {
    if (run < 0 || run >= static_cast<int>(m_models.size())) return;
    m_models[static_cast<size_t>(run)].model = model;
    m_modelPending[static_cast<size_t>(run)] = true;
    if (m_state == State::Paused) return flushModels();
    if (!m_modelTimer->isActive()) m_modelTimer->start();
}

void CompareSession::onRunFinished(int run, TrainingResult result, double trainingSeconds) {
    if (run < 0 || run >= runCount()) return;
    const size_t i = static_cast<size_t>(run);
    flushProgress();
    RunRecord& record = m_summary.runs[i].record;
    result.steps += m_stepOffsets[i];
    result.epochs += m_epochOffsets[i];
    result.seconds += m_stepOffsets[i] > 0 ? record.result.seconds : 0.0;
    if (result.epochs == m_epochOffsets[i] && m_epochOffsets[i] > 0 && std::isnan(result.validation.loss))
        result.validation = record.result.validation; // continued without a complete validation
    record.trainingSeconds += trainingSeconds;
    record.result = result;
    m_runStates[i] = stateOf(result.outcome);
    Q_EMIT runEnded(run);
}

void CompareSession::onFinished(const QString& problem) {
    stopThread();
    flushProgress();
    flushModels(); // the last snapshots: the heatmaps show the final weights
    if (!problem.isEmpty()) Q_EMIT message(tr("Cannot compare: %1").arg(problem));
    setState(hasExperiment() ? State::Finished : (m_dataset ? State::Ready : State::NoData));
}

void CompareSession::pause() {
    if (m_state != State::Running || !m_worker) return;
    m_worker->pause();
    for (RunState& state : m_runStates)
        if (state == RunState::Training) state = RunState::Paused;
    setState(State::Paused);
    for (int i = 0; i < runCount(); ++i) Q_EMIT runProgressed(i);
}

void CompareSession::resume() {
    if (m_state != State::Paused || !m_worker) return;
    m_worker->resume();
    for (RunState& state : m_runStates)
        if (state == RunState::Paused) state = RunState::Training;
    setState(State::Running);
    for (int i = 0; i < runCount(); ++i) Q_EMIT runProgressed(i);
}

void CompareSession::step() {
    if (!m_worker) return;
    if (m_state == State::Running) pause();
    m_worker->step();
}

void CompareSession::stop() {
    if (m_worker) m_worker->stop();
}

void CompareSession::stopRun(int run) {
    if (m_worker) m_worker->stopRun(run);
}

void CompareSession::reset() {
    if (isRunning()) return;
    m_experiment.reset();
    m_trainedDataset.reset();
    m_prepared.reset();
    m_summary = ExperimentSummary{};
    m_runStates.clear();
    m_progress.clear();
    m_models.clear();
    m_progressPending.clear();
    m_epochPending.clear();
    m_modelPending.clear();
    m_stepOffsets.clear();
    m_epochOffsets.clear();
    setState(m_dataset ? State::Ready : State::NoData);
    Q_EMIT runsReset();
}

bool CompareSession::showSummary(ExperimentSummary summary, std::vector<InferenceModel> models,
                                 QString* problem) {
    if (isRunning()) {
        if (problem) *problem = tr("Stop the comparison before opening another.");
        return false;
    }
    reset();
    m_summary = std::move(summary);
    const size_t runs = m_summary.runs.size();
    models.resize(runs);
    m_models = std::move(models);
    m_progressPending.assign(runs, false);
    m_epochPending.assign(runs, false);
    m_modelPending.assign(runs, false);
    m_runStates.clear();
    m_progress.assign(runs, StepProgress{});
    for (size_t i = 0; i < runs; ++i) {
        const RunRecord& record = m_summary.runs[i].record;
        m_runStates.push_back(stateOf(record.result.outcome));
        m_progress[i].step = m_progress[i].totalSteps = record.result.steps;
        m_progress[i].epoch = record.result.epochs;
        m_progress[i].stepsPerSecond = record.stepsPerSecond();
    }
    m_stepOffsets.assign(runs, 0);
    m_epochOffsets.assign(runs, 0);
    Q_EMIT runsReset();
    return true;
}

QString CompareSession::modelFileName(const std::string& runName) {
    QString name = QString::fromStdString(runName);
    for (QChar& c : name)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char('.'))
            c = QLatin1Char('_');
    return name + QStringLiteral(".safetensors");
}

void CompareSession::saveModels(const QString& directory, ExperimentSummary& summary) {
    if (isRunning() || !m_experiment) return;
    for (int i = 0; i < m_experiment->size() && i < static_cast<int>(summary.runs.size()); ++i) {
        const QString file = modelFileName(summary.runs[size_t(i)].name);
        saveModel(QDir(directory).filePath(file).toStdString(), m_experiment->run(i).bundle());
        summary.runs[size_t(i)].modelPath = file.toStdString();
    }
}

StepProgress CompareSession::overallProgress() const {
    StepProgress all;
    all.epoch = 0;
    for (size_t i = 0; i < m_progress.size(); ++i) {
        const StepProgress& p = m_progress[i];
        all.step += p.step;
        all.totalSteps += p.totalSteps;
        all.epoch = i == 0 ? p.epoch : std::min(all.epoch, p.epoch);
        // Summed, so that planned steps over batches per epoch is still the epochs planned.
        all.batchesPerEpoch += p.batchesPerEpoch;
        all.elapsedSeconds = std::max(all.elapsedSeconds, p.elapsedSeconds);
        if (m_runStates[i] != RunState::Training && m_runStates[i] != RunState::Paused) continue;
        all.stepsPerSecond += p.stepsPerSecond;
        all.pairsPerSecond += p.pairsPerSecond;
        all.etaSeconds = std::max(all.etaSeconds, p.etaSeconds);
    }
    return all;
}

void CompareSession::stopThread() {
    if (!m_thread) return;
    if (m_worker) m_worker->stop();
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

} // namespace attnlab::ui
