#include "ui/MainWindow.h"

#include "ui/label/LabelContentBuilder.h"

#include "ui/SessionFiles.h"
#include "ui/compare/CompareController.h"
#include "ui/forecast/ForecastWorkspace.h"
#include "ui/gates/GatesWorkspace.h"
#include "ui/history/HistoryFollower.h"
#include "ui/lessons/LessonDirector.h"
#include "ui/lessons/LessonsPanel.h"
#include "ui/mechanism/MechanismWorkspace.h"
#include "ui/panels/DatasetPanel.h"
#include "ui/panels/ElidedLabel.h"
#include "ui/panels/HealthHintsPanel.h"
#include "ui/panels/InspectPanel.h"
#include "ui/panels/PinnedPairsPanel.h"
#include "ui/panels/SettingsPanel.h"
#include "ui/panels/TrainingControls.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/LossPlot.h"
#include "ui/session/RunBook.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>

#include <QToolBar>
#include <filesystem>

// The icon lives in attnlab_ui's resources; a static library must register them itself.
static void initAttnLabResources() {
    Q_INIT_RESOURCE(attnlab);
}

namespace attnlab::ui {

namespace {
constexpr int kDatasetDockWidth = 300;
constexpr int kPinnedDockWidth = 260;

QDockWidget* dock(const QString& title, const QString& name, QWidget* content, QMainWindow* window) {
    auto* d = new QDockWidget(title, window);
    d->setObjectName(name);
    d->setWidget(content);
    return d;
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("AttnLab"));
    setObjectName("MainWindow");
    initAttnLabResources();
    setWindowIcon(QIcon(":/attnlab/attnlab.svg"));
    m_session = new TrainingSession(this);
    m_confirm = [this](const QString& title, const QString& text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Yes) == QMessageBox::Yes;
    };
    createPanels();
    m_runBook = std::make_unique<RunBook>(*m_lossPlot);
    createActions();
    createStatusBar();
    connectPanels();
    // After connectPanels: a session restores once the window has taken the new dataset in.
    m_sessionFiles = new SessionFiles(*this);
    connect(m_sessionFiles, &SessionFiles::status, this, &MainWindow::showStatus);
    resize(1500, 940);
    restoreLayout();
    onStateChanged(m_session->state());
}

MainWindow::~MainWindow() = default;

void MainWindow::createPanels() {
    m_datasetPanel = new DatasetPanel(this);
    m_settingsPanel = new SettingsPanel(this);
    m_controls = new TrainingControls(this);
    m_lossPlot = new LossPlot(this);
    m_inspectPanel = new InspectPanel(this);
    m_pinnedPanel = new PinnedPairsPanel(this);

    // The centre column is what a class watches: the loss curves over the inspect panel's heatmap,
    // which needs the more height of the two.
    // The run's health hints, when it has any, sit between them.
    m_hintsPanel = new HealthHintsPanel(this);
    auto* centre = new QSplitter(Qt::Vertical, this);
    centre->setObjectName("centreSplitter");
    centre->addWidget(m_lossPlot);
    centre->addWidget(m_hintsPanel);
    centre->addWidget(m_inspectPanel);
    centre->setChildrenCollapsible(false);
    centre->setStretchFactor(0, 2);
    centre->setStretchFactor(1, 0);
    centre->setStretchFactor(2, 3);
    centre->setSizes({300, 120, 450});
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName("centralTabs");
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(centre, tr("Train"));
    setCentralWidget(m_tabs);

    QDockWidget* datasetDock = dock(tr("Dataset"), "datasetDock", m_datasetPanel, this);
    QDockWidget* settingsDock = dock(tr("Model and training"), "settingsDock", m_settingsPanel, this);
    QDockWidget* pinnedDock = dock(tr("Pinned validation pairs"), "pinnedDock", m_pinnedPanel, this);
    addDockWidget(Qt::LeftDockWidgetArea, datasetDock);
    addDockWidget(Qt::LeftDockWidgetArea, settingsDock);
    tabifyDockWidget(datasetDock, settingsDock);
    datasetDock->raise();
    addDockWidget(Qt::RightDockWidgetArea, pinnedDock);
    // Fixed widths, not shares: when the window is narrower (1024 or 1280 pixels) the centre gives
    // way, and at these widths it still keeps more than 40% of a 1024-pixel screen.
    resizeDocks({datasetDock, pinnedDock}, {kDatasetDockWidth, kPinnedDockWidth}, Qt::Horizontal);

    QToolBar* toolbar = addToolBar(tr("Training"));
    toolbar->setObjectName("trainingToolBar");
    toolbar->addWidget(m_controls);

    // The Compare tab; the toolbar's controls drive it while it is in front.
    m_compare = new CompareController(*m_tabs, *m_controls, *m_settingsPanel, this);
    // The Mechanism tab: the current model's decoding taken apart, step by step.
    // It scrolls on a small screen (a 1024 x 768 laptop) rather than widen the window.
    m_mechanism = new MechanismWorkspace(this);
    auto* mechanismScroll = new QScrollArea(this);
    mechanismScroll->setObjectName("mechanismScroll");
    mechanismScroll->setWidgetResizable(true);
    mechanismScroll->setFrameShape(QFrame::NoFrame);
    mechanismScroll->setWidget(m_mechanism);
    m_tabs->addTab(mechanismScroll, tr("Mechanism"));
    // The Gates tab: the LSTMs' gates over a typed sentence; it scrolls as the Mechanism tab does.
    m_gates = new GatesWorkspace(this);
    auto* gatesScroll = new QScrollArea(this);
    gatesScroll->setObjectName("gatesScroll");
    gatesScroll->setWidgetResizable(true);
    gatesScroll->setFrameShape(QFrame::NoFrame);
    gatesScroll->setWidget(m_gates);
    m_tabs->addTab(gatesScroll, tr("Gates"));
    // The Forecast tab: trains and shows forecasters on its own (issue 15); it scrolls as Gates does.
    auto* forecastScroll = new QScrollArea(this);
    forecastScroll->setObjectName("forecastScroll");
    forecastScroll->setWidgetResizable(true);
    forecastScroll->setFrameShape(QFrame::NoFrame);
    m_forecast = new ForecastWorkspace(this);
    forecastScroll->setWidget(m_forecast);
    // Series opened from the Dataset panel, File > Open Dataset or the command line go to this tab.
    connect(
        m_datasetPanel, &DatasetPanel::seriesRequested, this, [this, forecastScroll](const QString& path) {
            m_tabs->setCurrentWidget(forecastScroll);
            if (m_forecast->openData(path))
                showStatus(tr("%1 holds series: opened in the Forecast tab").arg(QFileInfo(path).fileName()));
        });
    m_tabs->addTab(forecastScroll, tr("Forecast"));

    // Help > Lessons: a dock, hidden until asked for; Set it up goes through the director.
    m_lessons = new LessonsPanel(this);
    QDockWidget* lessonsDock = dock(tr("Lessons"), "lessonsDock", m_lessons, this);
    addDockWidget(Qt::RightDockWidgetArea, lessonsDock);
    lessonsDock->hide();
    auto* director = new LessonDirector(*this);
    connect(m_lessons, &LessonsPanel::setUpRequested, director, &LessonDirector::setUp);
    connect(director, &LessonDirector::status, this, &MainWindow::showStatus);
}

void MainWindow::connectPanels() {
    connect(m_datasetPanel, &DatasetPanel::datasetLoaded, this, &MainWindow::onDatasetLoaded);
    connect(m_datasetPanel, &DatasetPanel::loadFailed, this, &MainWindow::onDatasetLoadFailed);
    connect(m_datasetPanel, &DatasetPanel::datasetLoaded, this, &MainWindow::closeDatasetError);

    // One set of controls: it drives the comparison while the Compare tab is in front.
    const auto route = [this](auto single, auto compare) {
        return
            [this, single, compare] { m_compare->isActive() ? (m_compare->*compare)() : (this->*single)(); };
    };
    connect(m_controls, &TrainingControls::trainRequested, this,
            route(&MainWindow::startTraining, &CompareController::train));
    connect(m_controls, &TrainingControls::pauseRequested, this,
            route(&MainWindow::pauseTraining, &CompareController::pause));
    connect(m_controls, &TrainingControls::resumeRequested, this,
            route(&MainWindow::resumeTraining, &CompareController::resume));
    connect(m_controls, &TrainingControls::stepRequested, this,
            route(&MainWindow::stepTraining, &CompareController::step));
    connect(m_controls, &TrainingControls::stopRequested, this,
            route(&MainWindow::stopTraining, &CompareController::stop));
    connect(m_controls, &TrainingControls::resetRequested, this,
            route(&MainWindow::resetModel, &CompareController::reset));
    connect(m_compare, &CompareController::status, this, &MainWindow::showStatus);
    connect(m_compare, &CompareController::activated, this, &MainWindow::onCompareActivated);

    // The session re-emits the worker's queued signals on this (the GUI) thread.
    connect(m_session, &TrainingSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &TrainingSession::dataPrepared, this, &MainWindow::onDataPrepared);
    connect(m_session, &TrainingSession::progressed, this, &MainWindow::onProgress);
    connect(m_session, &TrainingSession::epochFinished, this, &MainWindow::onEpoch);
    connect(m_session, &TrainingSession::finished, this, &MainWindow::onFinished);
    connect(m_session, &TrainingSession::message, this, &MainWindow::showStatus);
    connect(m_session, &TrainingSession::warning, this, [this](const QString& text) {
        m_controls->showWarning(text);
        showStatus(text);
    });
    connect(m_session, &TrainingSession::inferenceModelChanged, m_inspectPanel, &InspectPanel::setModel);
    connect(m_session, &TrainingSession::inferenceModelChanged, m_pinnedPanel, &PinnedPairsPanel::setModel);
    connect(m_session, &TrainingSession::inferenceModelChanged, this, &MainWindow::updateStatusLabels);
    connect(m_session, &TrainingSession::inferenceModelChanged, m_mechanism, &MechanismWorkspace::setModel);
    connect(m_mechanism, &MechanismWorkspace::status, this, &MainWindow::showStatus);
    // Attention through training: what the run records, the scrubbers, the loss curve's marker.
    new HistoryFollower(*m_session, *m_pinnedPanel, *m_inspectPanel, this);
    connect(m_pinnedPanel, &PinnedPairsPanel::historyStepShown, m_lossPlot, &LossPlot::showStepMarker);
    connect(m_inspectPanel, &InspectPanel::historyStepShown, m_lossPlot, &LossPlot::showStepMarker);
    connect(m_session, &TrainingSession::inferenceModelChanged, m_gates, &GatesWorkspace::setModel);
    connect(m_session, &TrainingSession::hintFound, this, [this](const HealthHint& hint) {
        m_hintsPanel->addHint(hint);
        showStatus(tr("Hint: %1").arg(QString::fromStdString(hint.title)));
    });
}

// A failed load is shown where the user will see it, not only for a few seconds in the status
// bar: the Dataset tab comes to the front (its red error stays until a load succeeds), and a file
// the user chose also gets a message box. The box is opened, not exec()'d: nothing waits on it.
void MainWindow::onDatasetLoadFailed(const QString& message) {
    showStatus(message);
    if (auto* datasetDock = findChild<QDockWidget*>("datasetDock")) {
        datasetDock->show();
        datasetDock->raise();
    }
    const QString file = m_datasetPanel->lastFailedFile();
    if (file.isEmpty()) return;
    auto* box = findChild<QMessageBox*>("datasetErrorBox"); // one box, holding the newest failure
    if (!box) {
        box = new QMessageBox(QMessageBox::Warning, tr("Open Dataset"), QString(), QMessageBox::Ok, this);
        box->setObjectName("datasetErrorBox");
        box->setAttribute(Qt::WA_DeleteOnClose);
    }
    box->setText(tr("AttnLab could not read %1.").arg(QFileInfo(file).fileName()));
    box->setInformativeText(message);
    box->open();
}

void MainWindow::closeDatasetError() {
    if (auto* box = findChild<QMessageBox*>("datasetErrorBox")) box->close();
}

void MainWindow::restoreLayout() {
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
    // The default size, or one saved on a bigger screen, may not fit this one (a 1280 x 720
    // projector): shrink to the screen's free area; the centre column gives way, not the docks.
    if (const QScreen* current = screen()) {
        const QRect available = current->availableGeometry();
        if (width() > available.width() || height() > available.height()) {
            resize(size().boundedTo(available.size()));
            move(available.topLeft());
        }
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    m_session->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::openDataset(const QString& nameOrPath) {
    m_datasetPanel->load(nameOrPath);
}

void MainWindow::onDatasetLoaded() {
    const auto dataset = m_datasetPanel->dataset();
    applyRecommendedSettings(dataset.get());
    m_lossPlot->setAccuracyName(dataset && isLabelTask(dataset->task()) ? tr("accuracy") : tr("exact match"));
    m_session->setDataset(dataset);
    m_compare->setDataset(dataset, m_settingsPanel->prepareOptions());
    if (!m_session->isRunning()) m_controls->clearProgress(); // the last run's warning was about other data
    if (dataset && dataset->size() > 0) {
        // A frames or image pair's source is a label ("scene 3"), no sentence to try: the Mechanism
        // and Gates tabs would only report that the model reads features.
        const QString example =
            dataset->hasFeatures() ? QString() : QString::fromUtf8(dataset->source(dataset->size() / 2));
        m_inspectPanel->setExampleSentence(example);
        m_mechanism->setExampleSentence(example);
        m_gates->setExampleSentence(example);
    }
    updateStatusLabels();
}

// A shipped dataset read from its own file may bring settings it trains best with (copy_long);
// the settings panel takes them as attnlab-cli does, and the status bar says so.
void MainWindow::applyRecommendedSettings(const Dataset* dataset) {
    const ShippedDataset* shipped = dataset ? findShippedDataset(dataset->name()) : nullptr;
    std::error_code error;
    // Speech and picture tasks are generated on the machine, never read from a file.
    const bool fromShippedFile =
        shipped && ((shipped->input != InputKind::Tokens && dataset->path().empty()) ||
                    (!dataset->path().empty() &&
                     std::filesystem::equivalent(dataset->path(), shippedDatasetFile(*shipped), error)));
    const QString applied =
        m_settingsPanel->recommend(fromShippedFile ? shipped->recommended : RecommendedSettings{});
    if (!applied.isEmpty())
        showStatus(tr("%1 trains best with %2: set in Model and training")
                       .arg(QString::fromStdString(shipped->name), applied));
}

void MainWindow::startTraining() {
    QString problem;
    if (!m_settingsPanel->validate(&problem)) {
        showStatus(tr("Cannot train: %1").arg(problem));
        m_controls->showMessage(problem);
        return;
    }
    if (!m_session->modelFitsDataset() && !startNewModelForDataset()) return;
    const bool fresh = !m_session->hasModel();
    const long long continuedFrom = m_session->stepsTrained();
    const RunSettings settings = settingsOfNextRun();
    if (!m_session->train(settings.config, settings.training, m_settingsPanel->prepareOptions(), &problem)) {
        showStatus(tr("Cannot train: %1").arg(problem));
        m_controls->showMessage(problem);
        return;
    }
    m_runBook->startRun(settings, fresh); // the run's points arrive later, over queued signals
    if (fresh) m_hintsPanel->clear();     // hints are about the model being trained
    // The last run's "Training finished" has no place under a running progress bar.
    m_controls->showMessage(fresh
                                ? QString()
                                : tr("Continuing the trained model: steps and epochs count on from step %1. "
                                     "Reset starts a new model.")
                                      .arg(QLocale().toString(continuedFrom)));
}

RunSettings MainWindow::settingsOfNextRun() const {
    const auto dataset = m_session->dataset();
    return {dataset ? QString::fromStdString(dataset->name()) : QString(), m_settingsPanel->modelConfig(),
            m_settingsPanel->trainingSettings()};
}

bool MainWindow::startNewModelForDataset() {
    const QString trained = m_session->modelDataset();
    const QString next = QString::fromStdString(m_session->dataset()->name());
    const QString text =
        tr("The model was trained on %1. A model is tied to its vocabularies, and %2 has other tokens, so "
           "training on %2 needs a new model.\n\nStart a new model on %2? The %1 model is discarded (to keep "
           "it, cancel and use File > Save Model first), and its curves leave the plot: losses on "
           "different data do not compare.")
            .arg(trained, next);
    const bool yes = m_confirm(tr("New Model for %1").arg(next), text);
    // The question's event loop may have let a dataset load finish: answer only what was asked.
    const auto dataset = m_session->dataset();
    if (!yes || m_session->isRunning() || !dataset || QString::fromStdString(dataset->name()) != next) {
        showStatus(tr("Not trained: the model belongs to %1.").arg(trained));
        return false;
    }
    m_session->reset();
    m_runBook->clear();
    return true;
}

void MainWindow::resetModel() {
    if (m_session->isRunning()) return;
    m_session->reset();
    m_runBook->keepCurrent(); // greyed at once, so the plot shows the model is gone
    m_hintsPanel->clear();
    m_controls->clearProgress();
    m_controls->showMessage(QString());
}

void MainWindow::onProgress(const ProgressChunk& chunk) {
    for (size_t i = 0; i < chunk.steps.size(); ++i)
        m_lossPlot->addTrainingLoss(static_cast<int>(chunk.steps[i]), chunk.losses[i]);
    if (!m_compare->isActive()) m_controls->showProgress(chunk.latest);
}

void MainWindow::pauseTraining() {
    m_session->pause();
}

void MainWindow::resumeTraining() {
    m_session->resume();
}

void MainWindow::stepTraining() {
    // Step while idle starts a run that pauses after its first batch.
    if (!m_session->isRunning()) startTraining();
    m_session->step();
}

void MainWindow::stopTraining() {
    m_session->stop();
}

// The comparison needs the room the pinned pairs take; they come back with the Train tab.
void MainWindow::onCompareActivated(bool active) {
    if (auto* pinnedDock = findChild<QDockWidget*>("pinnedDock")) {
        if (active) {
            m_pinnedShownOnTrain = pinnedDock->isVisible();
            pinnedDock->hide();
        } else if (m_pinnedShownOnTrain) {
            pinnedDock->show();
        }
    }
    if (!active) {
        m_controls->clearProgress();
        onStateChanged(m_session->state());
    }
}

void MainWindow::onEpoch(const EpochReport& report) {
    const Metrics& v = report.validation;
    if (v.examples < report.validationPairs) { // Stop cut the validation short: no point to plot
        showStatus(tr("Epoch %1: training loss %2; validation stopped after %3 of %4 pairs")
                       .arg(report.epoch)
                       .arg(report.trainLoss, 0, 'f', 4)
                       .arg(v.examples)
                       .arg(report.validationPairs));
        return;
    }
    m_lossPlot->addValidation(static_cast<int>(report.step), report.epoch, v.loss, v.exactMatch);
    m_inspectPanel->setValidationMetrics(v, report.epoch);
    QString text = tr(v.confusion ? "Epoch %1: training loss %2, validation loss %3, accuracy %4%"
                                  : "Epoch %1: training loss %2, validation loss %3, exact match %4%")
                       .arg(report.epoch)
                       .arg(report.trainLoss, 0, 'f', 4)
                       .arg(v.loss, 0, 'f', 4)
                       .arg(100.0 * v.exactMatch, 0, 'f', 1);
    if (!std::isnan(v.alignmentErrorRate)) text += tr(", AER %1").arg(v.alignmentErrorRate, 0, 'f', 3);
    if (v.confusion) text += tr(", macro-F1 %1").arg(v.macroF1, 0, 'f', 3);
    if (v.rouge) text += tr(", ROUGE-L %1").arg(100.0 * v.rouge->rougeL().f1, 0, 'f', 1);
    showStatus(text);
}

void MainWindow::onFinished(const TrainingResult& result) {
    QString text = QString::fromStdString(result.message);
    const QString coverage = m_session->coverageWarning(); // still true at the end
    if (!coverage.isEmpty()) text += QLatin1Char(' ') + coverage;
    showStatus(text);
    if (m_compare->isActive()) return updateStatusLabels(); // the controls show the comparison
    if (result.warning.empty() && coverage.isEmpty())
        m_controls->showMessage(text);
    else
        m_controls->showWarning(text);
    updateStatusLabels();
}

void MainWindow::onStateChanged(TrainingSession::State state) {
    if (!m_compare->isActive()) m_controls->setState(state);
    m_settingsPanel->setLocked(m_session->isRunning() || m_session->hasModel());
    updateStatusLabels();
}

void MainWindow::updateStatusLabels() {
    const auto dataset = m_session->dataset();
    m_datasetLabel->setFullText(
        dataset ? tr("%1 · %2 pairs").arg(QString::fromStdString(dataset->name())).arg(dataset->size())
                : tr("No dataset"));
    m_modelLabel->setFullText(m_session->modelDescription());
    static const char* names[] = {"No data", "Ready", "Training", "Paused", "Trained"};
    m_trainingLabel->setText(tr(names[static_cast<int>(m_session->state())]));
}

void MainWindow::showSaved(const QString& what, const QString& path) {
    showStatus(
        tr("Saved the %1 to %2").arg(what, QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
}

void MainWindow::showStatus(const QString& text) {
    statusBar()->showMessage(text, 15000);
}

} // namespace attnlab::ui
