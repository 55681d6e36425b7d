#include "ui/session/TrainingSession.h"

#include "core/eval/TokenCoverage.h"
#include "core/train/CheckpointError.h"
#include "ui/session/TrainingWorker.h"

#include <QLocale>
#include <QThread>

#include <algorithm>
#include <filesystem>

namespace attnlab::ui {

TrainingSession::TrainingSession(QObject* parent) : QObject(parent) {
    registerTrainingMetaTypes();
}

TrainingSession::~TrainingSession() {
    stopThread();
}

void TrainingSession::setState(State state) {
    if (m_state == state) return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString TrainingSession::modelDescription() const {
    if (!hasModel()) return tr("No model");
    // The running worker may be writing the bundle: describe the GUI thread's snapshot instead.
    // (parameters() is not const, but it only lists the layers' parameters: nothing is written.)
    Seq2Seq<float>& model = isRunning() ? const_cast<Seq2Seq<float>&>(*m_inference.model) : *m_bundle->model;
    const ModelConfig& c = model.config();
    const qint64 parameters = parameterCount(model.parameters());
    return tr("%1 · %2%3 · E %4 · H %5 · %6 parameters")
        .arg(QString::fromStdString(scorerName(c.scorer)),
             QString::fromStdString(decoderStyleName(c.decoder)),
             c.bidirectional ? tr(" · bidirectional") : QString())
        .arg(c.embedding)
        .arg(c.hidden)
        .arg(QLocale().toString(parameters));
}

QString TrainingSession::modelDataset() const {
    return hasModel() ? QString::fromStdString(m_bundle->dataset) : QString();
}

bool TrainingSession::modelFitsDataset() const {
    if (!hasModel() || !m_dataset) return true;
    // The window names a file's dataset by its stem, attnlab-cli by the path it was given.
    const std::string trainedOn = std::filesystem::path(m_bundle->dataset).stem().string();
    return trainedOn == m_dataset->name() && m_bundle->sourceTokens == m_dataset->options().sourceTokens &&
           m_bundle->targetTokens == m_dataset->options().targetTokens;
}

void TrainingSession::setDataset(std::shared_ptr<const Dataset> dataset) {
    m_dataset = std::move(dataset);
    m_data.reset(); // prepared again for the new pairs at the next Train
    if (!isRunning()) setState(m_dataset ? (hasModel() ? State::Finished : State::Ready) : State::NoData);
}

bool TrainingSession::train(const ModelConfig& config, const TrainingSettings& settings,
                            const PrepareOptions& prepare, QString* message) {
    if (isRunning()) {
        if (message) *message = tr("A training run is already going.");
        return false;
    }
    if (!m_dataset) {
        if (message) *message = tr("Load a dataset first.");
        return false;
    }
    if (!modelFitsDataset()) {
        if (message)
            *message =
                tr("The model was trained on %1, whose vocabularies do not cover %2: reset it to train "
                   "a new model on %2.")
                    .arg(modelDataset(), QString::fromStdString(m_dataset->name()));
        return false;
    }
    try {
        settings.validate();
    } catch (const std::exception& e) {
        if (message) *message = QString::fromUtf8(e.what());
        return false;
    }
    if (!m_bundle) {
        setHistory({}); // a new model: its history starts at its step 0
        m_bundle = std::make_shared<ModelBundle>();
        m_bundle->config = config;
        m_bundle->sourceTokens = m_dataset->options().sourceTokens;
        m_bundle->targetTokens = m_dataset->options().targetTokens;
        m_bundle->text = textNormalization(m_dataset->options());
        m_bundle->dataset = m_dataset->name();
    }
    m_runReencodes = m_bundle->model && !m_data; // see TrainingWorker::prepare
    m_coverageWarning.clear();
    m_runStepOffset = m_stepsTrained;
    m_runEpochOffset = m_epochsTrained;
    m_runLatestStep = m_stepsTrained;
    m_runLatestEpoch = m_epochsTrained;
    TrainingJob job;
    job.dataset = m_dataset;
    job.data = m_data;
    job.prepare = prepare;
    job.bundle = m_bundle;
    job.settings = settings;
    job.followed = m_followed;
    job.stepOffset = m_stepsTrained;
    job.epochOffset = m_epochsTrained;
    m_runSettings = settings;

    m_thread = new QThread(this);
    m_worker = new TrainingWorker(std::move(job));
    m_worker->moveToThread(m_thread);
    // The worker lives on m_thread; every connection from it to this GUI-thread object is queued.
    connect(m_thread, &QThread::started, m_worker, &TrainingWorker::run, Qt::QueuedConnection);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TrainingWorker::prepared, this, &TrainingSession::onPrepared, Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::progressed, this, &TrainingSession::onProgress, Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::epochFinished, this, &TrainingSession::onEpoch, Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::attentionUpdated, this, &TrainingSession::onAttention,
            Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::snapshotReady, this, &TrainingSession::onSnapshot,
            Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::message, this, &TrainingSession::message, Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::warning, this, &TrainingSession::warning, Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::hintFound, this, &TrainingSession::hintFound, Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::finished, this, &TrainingSession::onFinished, Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::historyRecorded, this, &TrainingSession::onHistory,
            Qt::QueuedConnection);
    m_thread->start();
    setState(State::Running);
    return true;
}

void TrainingSession::pause() {
    if (m_state != State::Running || !m_worker) return;
    m_worker->pause();
    setState(State::Paused);
}

void TrainingSession::resume() {
    if (m_state != State::Paused || !m_worker) return;
    m_worker->resume();
    setState(State::Running);
}

void TrainingSession::step() {
    if (!isRunning() || !m_worker) return;
    m_worker->step(); // runs one batch, then stays paused
    setState(State::Paused);
}

void TrainingSession::stop() {
    if (isRunning() && m_worker) m_worker->stop(); // finished() arrives when the batch in flight is done
}

void TrainingSession::reset() {
    if (isRunning()) return;
    m_bundle.reset();
    m_data.reset();
    m_stepsTrained = 0;
    m_epochsTrained = 0;
    m_inference = {};
    setHistory({});
    Q_EMIT inferenceModelChanged(m_inference);
    setState(m_dataset ? State::Ready : State::NoData);
}

// The frames' steps are the model's already (the recorder counts from the job's offsets).
void TrainingSession::onHistory(const std::vector<TrackFrame>& frames) {
    for (const TrackFrame& shot : frames) m_history.add(shot.sentence, shot.frame);
    Q_EMIT historyChanged();
}

void TrainingSession::setHistory(AttentionHistory history) {
    m_history = std::move(history);
    Q_EMIT historyChanged();
}

void TrainingSession::onPrepared(const std::shared_ptr<const TrainingData>& data) {
    m_data = data;
    // The worker has fixed the bundle's vocabularies before emitting prepared(); they stay as
    // they are for the rest of the run.
    setInferenceVocabularies();
    m_coverageWarning = describeCoverage(*data);
    Q_EMIT dataPrepared(data);
    if (!m_coverageWarning.isEmpty()) Q_EMIT warning(m_coverageWarning);
}

// References the model cannot spell count as wrong, so the person hears it before the metrics:
// an edited file loaded again under its name, a model opened from a file, or a validation split
// with tokens the training pairs lack.
QString TrainingSession::describeCoverage(const TrainingData& data) const {
    const TokenCoverage coverage = tokenCoverage(data.validation);
    if (!coverage.warrantsWarning()) return {};
    const QString why = m_runReencodes
                            ? tr("it was trained on other tokens; Reset trains a new model on this data")
                            : tr("they are not in the training pairs, whose tokens make the vocabulary");
    return tr("%1% of the validation references (%2 of %3 tokens) are unknown to the model and count as "
              "wrong: %4.")
        .arg(100.0 * coverage.unknownTargetShare(), 0, 'f', 1)
        .arg(QLocale().toString(static_cast<qint64>(coverage.unknownTargetTokens)))
        .arg(QLocale().toString(static_cast<qint64>(coverage.targetTokens)))
        .arg(why);
}

void TrainingSession::onSnapshot(const ModelSnapshot& snapshot) {
    publishInference(snapshot);
}

// A continued run counts on from the model's earlier runs (the worker counts from 0).
void TrainingSession::onProgress(ProgressChunk chunk) {
    for (long long& step : chunk.steps) step += m_runStepOffset;
    chunk.latest.step += m_runStepOffset;
    chunk.latest.totalSteps += m_runStepOffset;
    chunk.latest.epoch += m_runEpochOffset;
    m_runLatestStep = chunk.latest.step;
    Q_EMIT progressed(chunk);
}

void TrainingSession::onEpoch(EpochReport report) {
    report.step += m_runStepOffset;
    report.epoch += m_runEpochOffset;
    if (report.validation.examples >= report.validationPairs) m_runLatestEpoch = report.epoch;
    Q_EMIT epochFinished(report);
}

void TrainingSession::onAttention(AttentionSnapshot snapshot) {
    snapshot.step += m_runStepOffset;
    Q_EMIT attentionUpdated(snapshot);
}

void TrainingSession::setInferenceVocabularies() {
    if (!m_bundle) return;
    m_inference.sourceVocabulary = std::make_shared<const Vocabulary>(m_bundle->sourceVocabulary);
    m_inference.targetVocabulary = std::make_shared<const Vocabulary>(m_bundle->targetVocabulary);
    m_inference.sourceTokens = m_bundle->sourceTokens;
    m_inference.targetTokens = m_bundle->targetTokens;
    m_inference.text = m_bundle->text;
}

void TrainingSession::publishInference(ModelSnapshot snapshot) {
    m_inference.model = std::move(snapshot); // the vocabularies were set with the bundle's
    Q_EMIT inferenceModelChanged(m_inference);
}

void TrainingSession::onFinished(const TrainingResult& result) {
    stopThread();
    if (hasModel()) {
        m_stepsTrained = m_runStepOffset + result.steps;
        m_epochsTrained = m_runEpochOffset + result.epochs;
    }
    setState(hasModel() ? State::Finished : (m_dataset ? State::Ready : State::NoData));
    Q_EMIT finished(result);
}

void TrainingSession::stopThread() {
    if (!m_thread) return;
    if (m_worker) m_worker->stop();
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

ModelBundle TrainingSession::modelForSaving() const {
    if (!hasModel()) throw std::runtime_error(tr("There is no model to save yet.").toStdString());
    // The GUI thread's snapshot: while a run goes the worker owns the live weights (and writes the
    // bundle as it prepares the run); when idle the snapshot is the bundle's weights.
    if (!m_inference.ready()) throw std::runtime_error("no snapshot of the weights yet");
    ModelBundle copy;
    copy.config = m_inference.model->config();
    copy.training = isRunning() ? m_runSettings : m_bundle->training;
    copy.sourceTokens = m_inference.sourceTokens;
    copy.targetTokens = m_inference.targetTokens;
    copy.text = m_inference.text;
    copy.sourceVocabulary = *m_inference.sourceVocabulary;
    copy.targetVocabulary = *m_inference.targetVocabulary;
    copy.model = std::make_unique<Seq2Seq<float>>(copy.config);
    copy.model->copyValuesFrom(*m_inference.model);
    copy.dataset = m_bundle->dataset; // written on the GUI thread only
    copy.history = m_history;
    return copy;
}

bool TrainingSession::saveModel(const QString& path, QString* message) {
    try {
        ModelBundle copy = modelForSaving();
        attnlab::saveModel(path.toStdString(), copy);
    } catch (const std::exception& e) {
        if (message) *message = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

bool TrainingSession::openModel(const QString& path, QString* message) {
    if (isRunning()) {
        if (message) *message = tr("Stop training before opening another model.");
        return false;
    }
    ModelBundle bundle;
    try {
        bundle = loadModel(path.toStdString());
    } catch (const std::exception& e) {
        if (message) *message = QString::fromUtf8(e.what());
        return false;
    }
    // The file does not say how long it trained; its history, when it has one, says at least how
    // far: a continued run counts on from there.
    const long long steps = bundle.history.lastStep();
    const int epochs = bundle.history.lastEpoch();
    return openBundle(std::move(bundle), steps, epochs, message);
}

bool TrainingSession::openBundle(ModelBundle bundle, long long stepsTrained, int epochsTrained,
                                 QString* message) {
    if (isRunning()) {
        if (message) *message = tr("Stop training before opening another model.");
        return false;
    }
    adoptBundle(std::make_shared<ModelBundle>(std::move(bundle)));
    m_stepsTrained = stepsTrained;
    m_epochsTrained = epochsTrained;
    return true;
}

void TrainingSession::adoptBundle(std::shared_ptr<ModelBundle> bundle) {
    m_bundle = std::move(bundle);
    m_data.reset(); // the dataset is encoded again with this model's vocabularies at the next Train
    setHistory(m_bundle->history);
    setInferenceVocabularies();
    auto snapshot = std::make_shared<Seq2Seq<float>>(m_bundle->config);
    snapshot->copyValuesFrom(*m_bundle->model);
    publishInference(std::move(snapshot));
    setState(State::Finished);
}

bool TrainingSession::prepareForInspection(const PrepareOptions& prepare, std::uint64_t seed,
                                           QString* message) {
    if (isRunning() || !hasModel() || !m_dataset || !modelFitsDataset()) {
        if (message) *message = tr("There is no idle model that fits the dataset.");
        return false;
    }
    try {
        const auto prepared = prepareDataFor(*m_bundle, m_dataset, prepare, seed, m_dataset->name());
        m_data = prepared->data;
    } catch (const std::exception& e) {
        if (message) *message = QString::fromUtf8(e.what());
        return false;
    }
    Q_EMIT dataPrepared(m_data);
    return true;
}

} // namespace attnlab::ui
