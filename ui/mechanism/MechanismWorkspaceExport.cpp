// The Mechanism tab's exports: the step view and the heatmaps as PNG, SVG or PDF, every step's
// numbers and the beam tree as CSV.
#include "ui/mechanism/BeamTreeView.h"
#include "ui/mechanism/InspectionCsv.h"
#include "ui/mechanism/MechanismControls.h"
#include "ui/mechanism/MechanismWorkspace.h"
#include "ui/mechanism/StepView.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/CsvWriter.h"
#include "ui/plots/PlotExport.h"

#include <QFileDialog>
#include <QMenu>

namespace attnlab::ui {

void MechanismWorkspace::buildExportMenu() {
    QMenu* menu = m_controls->exportMenu();
    menu->addAction(tr("&Step view as image…"), this, [this] {
        exportWith(tr("step view"), QStringLiteral("attention-step.png"), false,
                   [this](const QString& path, QString* error) { return exportStepImage(path, error); });
    });
    menu->addAction(tr("&Heatmaps as image…"), this, [this] {
        exportWith(tr("heatmaps"), QStringLiteral("attention-heatmaps.png"), false,
                   [this](const QString& path, QString* error) { return exportHeatmapsImage(path, error); });
    });
    menu->addAction(tr("&Beam tree as image…"), this, [this] {
        exportWith(tr("beam tree"), QStringLiteral("beam-tree.png"), false,
                   [this](const QString& path, QString* error) { return exportBeamImage(path, error); });
    });
    menu->addAction(tr("Every step's &numbers as CSV…"), this, [this] {
        exportWith(tr("numbers"), QStringLiteral("attention-steps.csv"), true,
                   [this](const QString& path, QString* error) { return exportNumbersCsv(path, error); });
    });
    menu->addAction(tr("Beam tree as &CSV…"), this, [this] {
        exportWith(tr("beam tree"), QStringLiteral("beam-tree.csv"), true,
                   [this](const QString& path, QString* error) { return exportBeamCsv(path, error); });
    });
}

bool MechanismWorkspace::exportStepImage(const QString& path, QString* error) {
    return exportWidgetImage(*m_stepView, path, error, tr("AttnLab: one step of attention"));
}

bool MechanismWorkspace::exportHeatmapsImage(const QString& path, QString* error) {
    return exportWidgetImage(*m_heatmap->parentWidget(), path, error, tr("AttnLab: attention heatmaps"));
}

bool MechanismWorkspace::exportBeamImage(const QString& path, QString* error) {
    if (m_beamTree->tree().nodes.empty()) {
        if (error) *error = tr("Set a beam width above 1 first.");
        return false;
    }
    return exportWidgetImage(*m_beamTree, path, error, tr("AttnLab: the beam's hypotheses"));
}

bool MechanismWorkspace::exportNumbersCsv(const QString& path, QString* error) const {
    if (!m_result || !m_result->ok()) {
        if (error) *error = tr("Nothing is inspected yet.");
        return false;
    }
    CsvWriter csv;
    writeInspectionCsv(*m_result, csv);
    return csv.save(path, error);
}

bool MechanismWorkspace::exportBeamCsv(const QString& path, QString* error) const {
    if (m_beamTree->tree().nodes.empty()) {
        if (error) *error = tr("Set a beam width above 1 first.");
        return false;
    }
    CsvWriter csv;
    m_beamTree->writeCsv(csv);
    return csv.save(path, error);
}

void MechanismWorkspace::exportWith(const QString& what, const QString& name, bool csv,
                                    const std::function<bool(const QString&, QString*)>& write) {
    const QString filter = csv ? tr("CSV (*.csv)") : imageFileFilter();
    const QString path = m_askSave
                             ? m_askSave(tr("Export %1").arg(what), name, filter)
                             : QFileDialog::getSaveFileName(this, tr("Export %1").arg(what), name, filter);
    if (path.isEmpty()) return;
    QString error;
    if (write(path, &error))
        Q_EMIT status(tr("Exported the %1 to %2").arg(what, path));
    else
        Q_EMIT status(tr("Could not export the %1: %2").arg(what, error));
}

} // namespace attnlab::ui
