// The Forecast tab's training: a ForecastWorker on its own QThread per job, and the GUI side of
// its snapshots.
#include "ui/forecast/ForecastCompareTable.h"
#include "ui/forecast/ForecastLossPlot.h"
#include "ui/forecast/ForecastMetricsText.h"
#include "ui/forecast/ForecastSettingsRow.h"
#include "ui/forecast/ForecastView.h"
#include "ui/forecast/ForecastWorker.h"
#include "ui/forecast/ForecastWorkspace.h"

#include <QComboBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QThread>

namespace attnlab::ui {
namespace {

QString outcomeText(TrainingOutcome outcome) {
    switch (outcome) {
    case TrainingOutcome::Completed:
        return QObject::tr("Finished");
    case TrainingOutcome::Stopped:
        return QObject::tr("Stopped");
    case TrainingOutcome::EarlyStopped:
        return QObject::tr("Stopped early");
    case TrainingOutcome::Diverged:
        return QObject::tr("Diverged");
    case TrainingOutcome::Failed:
        return QObject::tr("Failed");
    }
    return {};
}

QString counted(long long count, const QString& one, const QString& many) {
    return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? one : many);
}

} // namespace

ForecastWorkspace::~ForecastWorkspace() {
    if (!m_thread) return;
    m_worker->stop(); // takes effect within one batch
    m_thread->quit();
    m_thread->wait();
}

void ForecastWorkspace::train() {
    trainWith(m_settings->spec());
}

void ForecastWorkspace::trainWith(const ForecastRunSpec& spec) {
    if (isTraining()) return;
    start({spec}, false);
}

void ForecastWorkspace::compareScorers() {
    if (isTraining()) return;
    std::vector<ForecastRunSpec> specs;
    for (ScorerKind scorer : m_compare->chosen()) specs.push_back(m_settings->spec(scorer));
    if (specs.empty()) {
        setStatus(tr("Tick at least one scorer to compare."));
        return;
    }
    m_compare->clearRows();
    start(std::move(specs), true);
}

void ForecastWorkspace::stop() {
    if (m_worker) m_worker->stop();
}

void ForecastWorkspace::start(std::vector<ForecastRunSpec> specs, bool comparing) {
    m_comparing = comparing;
    m_runs = static_cast<int>(specs.size());
    m_epochs = specs.front().training.epochs;
    m_lastMessage.clear();
    m_lossPlot->clear();
    m_epochLine->clear();
    m_thread = new QThread(this);
    m_worker = new ForecastWorker(ForecastJob{m_data, std::move(specs)});
    m_worker->moveToThread(m_thread);
    // run() executes on m_thread; every signal back is queued to this (GUI) thread, so the slots
    // below only ever see copies.
    connect(m_thread, &QThread::started, m_worker, &ForecastWorker::run);
    connect(m_worker, &ForecastWorker::runStarted, this, &ForecastWorkspace::onRunStarted,
            Qt::QueuedConnection);
    connect(m_worker, &ForecastWorker::stepsDone, this, &ForecastWorkspace::onSteps, Qt::QueuedConnection);
    connect(m_worker, &ForecastWorker::epochDone, this, &ForecastWorkspace::onEpoch, Qt::QueuedConnection);
    connect(
        m_worker, &ForecastWorker::message, this,
        [this](const QString& text) {
            m_lastMessage = text;
            setStatus(text);
        },
        Qt::QueuedConnection);
    connect(m_worker, &ForecastWorker::failed, this, &ForecastWorkspace::onFailed, Qt::QueuedConnection);
    connect(m_worker, &ForecastWorker::runFinished, this, &ForecastWorkspace::onRunFinished,
            Qt::QueuedConnection);
    connect(m_worker, &ForecastWorker::finished, this, &ForecastWorkspace::onFinished, Qt::QueuedConnection);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    setBusy(true);
    setStatus(comparing ? tr("Comparing %n scorer(s)…", nullptr, m_runs) : tr("Training…"));
    m_thread->start();
}

void ForecastWorkspace::setBusy(bool busy) {
    m_train->setEnabled(!busy);
    m_compareButton->setEnabled(!busy);
    m_stop->setEnabled(busy);
    m_open->setEnabled(!busy);
    m_save->setEnabled(!busy && m_model != nullptr);
    // The data stays while a run trains on it: its epochs' weights are shown on it.
    m_dataBox->setEnabled(!busy);
    m_openCsv->setEnabled(!busy);
    m_settings->setEnabled(!busy);
    m_compare->setEnabled(!busy);
}

void ForecastWorkspace::onRunStarted(int run, const QString& name, long long plannedSteps) {
    m_runName = name;
    m_progress->setRange(0, static_cast<int>(plannedSteps));
    m_progress->setValue(0);
    m_progress->setFormat(m_comparing ? tr("%1 (%2 of %3): %v / %m steps").arg(name).arg(run + 1).arg(m_runs)
                                      : tr("%v / %m steps"));
    if (m_comparing) m_lossPlot->clear(); // the plot follows the scorer training now
}

void ForecastWorkspace::onSteps(const ForecastSteps& steps) {
    for (std::size_t i = 0; i < steps.steps.size(); ++i)
        m_lossPlot->addTrainingLoss(steps.steps[i], steps.losses[i]);
    if (!steps.steps.empty()) m_progress->setValue(static_cast<int>(steps.steps.back()));
}

void ForecastWorkspace::onEpoch(const ForecastEpoch& epoch) {
    const ForecastEpochReport& r = epoch.report;
    m_lossPlot->addValidation(r.step, r.validation.mse);
    m_metrics = r.validation;
    m_epochLine->setText(tr("%1epoch %2/%3 · train loss %4 · %5")
                             .arg(m_comparing ? m_runName + QStringLiteral(": ") : QString())
                             .arg(r.epoch)
                             .arg(m_epochs)
                             .arg(r.trainLoss, 0, 'f', 4)
                             .arg(forecastMetricsText(r.validation, m_data->table.names())));
    // The view follows a single run live; a comparison leaves the shown model alone.
    if (!m_comparing && epoch.model) setModel(epoch.model);
    Q_EMIT epochShown();
}

void ForecastWorkspace::onFailed(int run, const QString& reason) {
    const QString text = tr("Cannot train on %1: %2").arg(QString::fromStdString(m_data->name), reason);
    setStatus(text);
    if (m_comparing) {
        ForecastTrainingResult failed;
        failed.outcome = TrainingOutcome::Failed;
        failed.message = reason.toStdString();
        m_compare->addRow(QStringLiteral("run %1").arg(run + 1), failed);
    }
}

void ForecastWorkspace::onRunFinished(const ForecastRunEnd& end) {
    const ForecastTrainingResult& r = end.result;
    if (m_comparing)
        m_compare->addRow(end.name, r);
    else if (end.model)
        setModel(end.model); // after a divergence: the last good weights
    QString text = tr("%1 after %2 and %3 in %4 s.")
                       .arg(outcomeText(r.outcome), counted(r.steps, tr("step"), tr("steps")),
                            counted(r.epochs, tr("epoch"), tr("epochs")))
                       .arg(r.seconds, 0, 'f', 1);
    if (!r.message.empty()) text += QLatin1Char(' ') + QString::fromStdString(r.message);
    if (m_comparing) text = end.name + QStringLiteral(": ") + text;
    setStatus(text);
}

void ForecastWorkspace::onFinished() {
    // The worker has left run(): the thread ends at once, and the worker is deleted with it.
    m_thread->quit();
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    m_worker = nullptr;
    setBusy(false);
    Q_EMIT trainingFinished();
}

} // namespace attnlab::ui
