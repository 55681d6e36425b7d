#include "ui/compare/CompareController.h"

#include "core/experiment/ExperimentFile.h"
#include "core/train/ModelFile.h"
#include "core/util/FileError.h"
#include "ui/compare/CompareLossPlot.h"
#include "ui/compare/CompareWorkspace.h"
#include "ui/compare/HeatmapGrid.h"
#include "ui/compare/LengthAccuracyPlot.h"
#include "ui/panels/SettingsPanel.h"
#include "ui/panels/TrainingControls.h"
#include "ui/plots/PlotExport.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>

#include <filesystem>

namespace attnlab::ui {

namespace {
InferenceModel inferenceOf(ModelBundle bundle) {
    InferenceModel model;
    model.model = ModelSnapshot(bundle.model.release());
    model.sourceVocabulary = std::make_shared<const Vocabulary>(std::move(bundle.sourceVocabulary));
    model.targetVocabulary = std::make_shared<const Vocabulary>(std::move(bundle.targetVocabulary));
    model.sourceTokens = bundle.sourceTokens;
    model.targetTokens = bundle.targetTokens;
    model.text = bundle.text;
    return model;
}
} // namespace

CompareController::CompareController(QTabWidget& tabs, TrainingControls& controls, SettingsPanel& settings,
                                     QWidget* window)
    : QObject(window), m_tabs(tabs), m_controls(controls), m_settings(settings), m_window(window) {
    m_session = new CompareSession(this);
    m_workspace = new CompareWorkspace(
        *m_session,
        [this] {
            return std::pair{m_settings.modelConfig(), m_settings.trainingSettings().dropout};
        },
        &tabs);
    m_tabs.addTab(m_workspace, tr("Compare"));
    m_askOpen = [this](const QString& title, const QString&, const QString& filter) {
        return QFileDialog::getOpenFileName(m_window, title, QString(), filter);
    };
    m_askSave = [this](const QString& title, const QString& name, const QString& filter) {
        return QFileDialog::getSaveFileName(m_window, title, name, filter);
    };
    connect(&m_tabs, &QTabWidget::currentChanged, this, [this] {
        // Only a move to or from the Compare tab: Train -> Mechanism keeps the run's progress bar.
        if (isActive() == m_wasActive) return;
        m_wasActive = isActive();
        showState();
        Q_EMIT activated(m_wasActive);
    });
    connect(m_session, &CompareSession::stateChanged, this, &CompareController::showState);
    connect(m_session, &CompareSession::runProgressed, this, [this] {
        if (isActive()) m_controls.showProgress(m_session->overallProgress());
    });
    connect(m_session, &CompareSession::message, this, &CompareController::status);
    connect(m_session, &CompareSession::runEnded, this, [this](int run) {
        const RunSummary& summary = m_session->summary().runs[size_t(run)];
        Q_EMIT status(tr("%1: %2").arg(QString::fromStdString(summary.name),
                                       QString::fromStdString(summary.record.result.message)));
    });
}

bool CompareController::isActive() const {
    return m_tabs.currentWidget() == m_workspace;
}

void CompareController::setFileQuestions(FileQuestion open, FileQuestion save) {
    m_askOpen = std::move(open);
    m_askSave = std::move(save);
}

void CompareController::showState() {
    if (!isActive()) return;
    m_controls.setState(m_session->state());
    if (m_session->runCount() > 0) m_controls.showProgress(m_session->overallProgress());
}

void CompareController::addActions(QMenu& file, QMenu& exports) {
    QAction* fresh = file.addAction(tr("New &Comparison"), this, &CompareController::newComparison);
    fresh->setObjectName(QStringLiteral("newComparisonAction"));
    QAction* open = file.addAction(tr("Open Ex&periment…"), this, [this] {
        const QString path =
            m_askOpen(tr("Open Experiment"), QString(), tr("Experiments (*.json);;All files (*)"));
        QString problem;
        if (!path.isEmpty() && !openExperiment(path, &problem))
            QMessageBox::warning(m_window, tr("Open Experiment"), problem);
    });
    open->setObjectName(QStringLiteral("openExperimentAction"));
    QAction* save = file.addAction(tr("Save E&xperiment…"), this, [this] {
        const QString path =
            m_askSave(tr("Save Experiment"), QStringLiteral("experiment.json"), tr("Experiments (*.json)"));
        QString problem;
        if (!path.isEmpty() && !saveExperiment(path, &problem))
            QMessageBox::warning(m_window, tr("Save Experiment"), problem);
    });
    save->setObjectName(QStringLiteral("saveExperimentAction"));
    exports.addSeparator();
    exports.addAction(tr("Comparison &Table as CSV…"), this, [this] {
        exportView(
            tr("comparison table"), QStringLiteral("comparison.csv"),
            [this](const QString& path, QString* error) { return m_workspace->exportTableCsv(path, error); });
    });
    exports.addAction(tr("Comparison Loss C&urves as Image…"), this, [this] {
        exportView(tr("comparison loss curves"), QStringLiteral("comparison-loss.png"),
                   [this](const QString& path, QString* error) {
                       return m_workspace->lossPlot()->exportImage(path, error);
                   });
    });
    exports.addAction(tr("Accuracy by &Source Length as Image…"), this, [this] {
        exportView(tr("accuracy by source length"), QStringLiteral("accuracy-by-length.png"),
                   [this](const QString& path, QString* error) {
                       return m_workspace->lengthPlot()->exportImage(path, error);
                   });
    });
    exports.addAction(tr("Comparison Heat&maps as Image…"), this, [this] {
        exportView(tr("comparison heatmaps"), QStringLiteral("comparison-attention.png"),
                   [this](const QString& path, QString* error) {
                       return m_workspace->heatmapGrid()->exportImage(path, error);
                   });
    });
}

void CompareController::exportView(const QString& what, const QString& name,
                                   const std::function<bool(const QString&, QString*)>& save) {
    const bool csv = name.endsWith(QLatin1String(".csv"));
    const QString path = m_askSave(tr("Export"), name, csv ? tr("CSV (*.csv)") : imageFileFilter());
    if (path.isEmpty()) return;
    QString problem;
    if (save(path, &problem))
        Q_EMIT status(
            tr("Saved the %1 to %2").arg(what, QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    else
        QMessageBox::warning(m_window, tr("Export"), problem);
}

void CompareController::setDataset(std::shared_ptr<const Dataset> dataset, const PrepareOptions& prepare) {
    m_session->setDataset(std::move(dataset), prepare);
}

void CompareController::train() {
    QString problem;
    if (!m_settings.validate(&problem) ||
        !m_workspace->train(m_settings.modelConfig(), m_settings.trainingSettings(), &problem)) {
        Q_EMIT status(tr("Cannot compare: %1").arg(problem));
        m_controls.showMessage(problem);
        return;
    }
    m_controls.showMessage(QString());
}

void CompareController::pause() {
    m_session->pause();
}

void CompareController::resume() {
    m_session->resume();
}

void CompareController::step() {
    if (!m_session->isRunning()) train();
    m_session->step();
}

void CompareController::stop() {
    m_session->stop();
}

void CompareController::reset() {
    m_session->reset();
    m_controls.clearProgress();
}

void CompareController::newComparison() {
    m_tabs.setCurrentWidget(m_workspace);
    if (!m_session->isRunning()) reset();
    Q_EMIT status(tr("Tick the runs to compare, then Train"));
}

bool CompareController::openExperiment(const QString& path, QString* problem) {
    ExperimentSummary summary;
    try {
        summary = loadExperiment(path.toStdString());
    } catch (const std::exception& e) {
        if (problem) *problem = QString::fromStdString(e.what());
        return false;
    }
    std::vector<InferenceModel> models;
    int found = 0;
    for (const RunSummary& run : summary.runs) {
        const std::string modelPath = experimentModelPath(path.toStdString(), run);
        models.emplace_back();
        if (modelPath.empty() || !std::filesystem::exists(modelPath)) continue;
        try {
            models.back() = inferenceOf(loadModel(modelPath));
            ++found;
        } catch (const std::exception& e) {
            Q_EMIT status(
                tr("%1: %2").arg(QString::fromStdString(run.name), QString::fromStdString(e.what())));
        }
    }
    const int runs = static_cast<int>(summary.runs.size());
    if (!m_session->showSummary(std::move(summary), std::move(models), problem)) return false;
    m_tabs.setCurrentWidget(m_workspace);
    Q_EMIT status(tr("Opened %1: %2 runs, %3 with their models").arg(path).arg(runs).arg(found));
    return true;
}

bool CompareController::saveExperiment(const QString& path, QString* problem) {
    const auto refuse = [problem](const QString& text) {
        if (problem) *problem = text;
        return false;
    };
    if (m_session->isRunning()) return refuse(tr("Stop the comparison before saving it."));
    if (m_session->runCount() == 0) return refuse(tr("There is no comparison to save yet."));
    try {
        ExperimentSummary summary = m_session->summary();
        if (m_session->hasExperiment()) m_session->saveModels(QFileInfo(path).absolutePath(), summary);
        attnlab::saveExperiment(path.toStdString(), summary);
    } catch (const std::exception& e) {
        return refuse(QString::fromStdString(e.what()));
    }
    Q_EMIT status(
        tr("Saved the experiment to %1").arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    return true;
}

} // namespace attnlab::ui
