// MainWindow's file commands: open and save through file dialogs, and the exports of the Train
// tab's plots; each failure is shown to the person and loses nothing.
#include "ui/MainWindow.h"

#include "ui/SessionFiles.h"
#include "ui/panels/DatasetPanel.h"
#include "ui/panels/InspectPanel.h"
#include "ui/panels/SettingsPanel.h"
#include "ui/panels/TrainingControls.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/LossPlot.h"
#include "ui/session/RunBook.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace attnlab::ui {

void MainWindow::openDatasetFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Dataset"), QString(),
                                                      tr("Datasets (*.tsv *.txt *.csv);;All files (*)"));
    if (!path.isEmpty()) m_datasetPanel->loadFile(path);
}

void MainWindow::openModelFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Model"), QString(),
                                                      tr("Models (*.safetensors);;All files (*)"));
    if (!path.isEmpty()) openModel(path);
}

bool MainWindow::openModel(const QString& path, QString* problem) {
    QString reason;
    if (!m_session->openModel(path, &reason)) {
        if (problem)
            *problem = reason;
        else
            QMessageBox::warning(this, tr("Open Model"), reason);
        return false;
    }
    const ModelBundle* bundle = m_session->bundle();
    m_settingsPanel->setFromModel(bundle->config, bundle->training);
    modelOpened();
    showStatus(tr("Opened %1").arg(path));
    return true;
}

void MainWindow::modelOpened() {
    const ModelBundle* bundle = m_session->bundle();
    m_runBook->replaceModel({QString::fromStdString(bundle->dataset), bundle->config, bundle->training});
    m_controls->clearProgress(); // the bar and any warning were the replaced model's
    updateStatusLabels();
}

void MainWindow::openSessionFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Session"), QString(),
                                                      tr("AttnLab sessions (*.attnlab);;All files (*)"));
    if (!path.isEmpty()) openSession(path);
}

bool MainWindow::openSession(const QString& path) {
    QString problem;
    if (m_sessionFiles->open(path, &problem)) return true;
    showStatus(problem);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Open Session"),
                                tr("AttnLab could not open the session %1.").arg(QFileInfo(path).fileName()),
                                QMessageBox::Ok, this);
    box->setObjectName("sessionErrorBox");
    box->setInformativeText(problem);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // nothing waits on it
    return false;
}

bool MainWindow::saveSession(const QString& path, QString* problem) {
    return m_sessionFiles->save(path, problem);
}

void MainWindow::saveSessionFile() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Session"), "session.attnlab",
                                                      tr("AttnLab sessions (*.attnlab)"));
    if (path.isEmpty()) return;
    QString problem;
    if (saveSession(path, &problem))
        showSaved(tr("session"), path);
    else
        QMessageBox::warning(this, tr("Save Session"), problem);
}

void MainWindow::saveModelFile() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Model"), "model.safetensors",
                                                      tr("Models (*.safetensors)"));
    if (path.isEmpty()) return;
    QString problem;
    if (m_session->saveModel(path, &problem))
        showSaved(tr("model"), path);
    else
        QMessageBox::warning(this, tr("Save Model"), problem);
}

void MainWindow::exportLossPlot() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Loss Plot"), "loss.png",
                                                      tr("Images (*.png *.svg *.pdf)"));
    QString problem;
    if (path.isEmpty()) return;
    if (m_lossPlot->exportImage(path, &problem))
        showSaved(tr("loss plot"), path);
    else
        QMessageBox::warning(this, tr("Export"), problem);
}

void MainWindow::exportHeatmap() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Heatmap"), "attention.png",
                                                      tr("Images (*.png *.svg *.pdf)"));
    QString problem;
    if (path.isEmpty()) return;
    if (m_inspectPanel->heatmap()->exportImage(path, &problem))
        showSaved(tr("heatmap"), path);
    else
        QMessageBox::warning(this, tr("Export"), problem);
}

void MainWindow::exportLossCsv() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Loss History"), "loss.csv", tr("CSV (*.csv)"));
    QString problem;
    if (path.isEmpty()) return;
    if (m_lossPlot->exportCsv(path, &problem))
        showSaved(tr("loss history"), path);
    else
        QMessageBox::warning(this, tr("Export"), problem);
}

void MainWindow::exportAttentionCsv() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Attention Matrix"), "attention.csv", tr("CSV (*.csv)"));
    QString problem;
    if (path.isEmpty()) return;
    if (m_inspectPanel->heatmap()->exportCsv(path, &problem))
        showSaved(tr("attention matrix"), path);
    else
        QMessageBox::warning(this, tr("Export"), problem);
}

} // namespace attnlab::ui
