#include "ui/compare/CompareLossPlot.h"

#include "ui/compare/RunPalette.h"
#include "ui/plots/LegendRow.h"
#include "ui/plots/PlotExport.h"
#include "ui/plots/PlotTheme.h"
#include "ui/session/CompareSession.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <cmath>

namespace attnlab::ui {

CompareLossPlot::CompareLossPlot(const CompareSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    setObjectName(QStringLiteral("compareLossPlot"));
    m_plot = new QCustomPlot(this);
    m_plot->setPlottingHint(QCP::phFastPolylines, true); // 2 px curves without joins: 3x faster
    m_plot->xAxis->setLabel(tr("step"));
    m_plot->yAxis->setLabel(tr("cross-entropy"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setSelectableParts(QCPLegend::spItems);
    PlotTheme::setFontScale(*m_plot->legend, 0.9);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectLegend);
    m_plot->plotLayout()->insertRow(0);
    auto* title = new QCPTextElement(m_plot, tr("Loss: training (line), validation (●)"));
    PlotTheme::setFontScale(*title, 1.1, true);
    m_plot->plotLayout()->addElement(0, 0, title);
    placeLegendInRow(*m_plot, 1, 3); // click an entry to hide or show its run
    m_hover = std::make_unique<GraphHover>(m_plot);
    PlotTheme::follow(*m_plot, [this] {
        // Room for the title, the legend's row, the axes and a few lines of curve, at any font size.
        m_plot->setMinimumSize(22 * m_plot->fontMetrics().averageCharWidth(),
                               8 * m_plot->fontMetrics().lineSpacing());
        restyleRuns();
    });
    connect(m_plot, &QCustomPlot::legendClick, this,
            [this](QCPLegend* legend, QCPAbstractLegendItem* item, QMouseEvent*) {
                onLegendClick(legend, item);
            });
    connect(m_plot, &QCustomPlot::mouseMove, this, &CompareLossPlot::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_follow = false; });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        m_follow = true;
        m_plot->rescaleAxes(true);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    connect(&session, &CompareSession::runsReset, this, &CompareLossPlot::rebuild);
    connect(&session, &CompareSession::runProgressed, this, &CompareLossPlot::updateRun);
    connect(&session, &CompareSession::runEpoch, this, &CompareLossPlot::updateRun);
    rebuild();
}

CompareLossPlot::~CompareLossPlot() = default;

void CompareLossPlot::rebuild() {
    m_hover->dismiss();
    m_plot->clearGraphs();
    m_runs.clear();
    const ExperimentSummary& summary = m_session.summary();
    for (size_t i = 0; i < summary.runs.size(); ++i) {
        RunCurves curves;
        curves.training = m_plot->addGraph();
        curves.training->setName(QString::fromStdString(summary.runs[i].name));
        curves.validation = m_plot->addGraph();
        curves.validation->setName(tr("%1 validation").arg(QString::fromStdString(summary.runs[i].name)));
        curves.validation->setLineStyle(QCPGraph::lsNone);
        curves.validation->removeFromLegend();
        m_runs.push_back(curves);
    }
    restyleRuns();
    m_follow = true;
    m_plot->legend->setVisible(runCount() > 0);
    for (int i = 0; i < runCount(); ++i) updateRun(i);
    m_plot->rescaleAxes(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CompareLossPlot::updateRun(int run) {
    if (run < 0 || run >= runCount() || run >= m_session.runCount()) return;
    RunCurves& curves = m_runs[static_cast<size_t>(run)];
    const RunRecord& record = m_session.summary().runs[static_cast<size_t>(run)].record;
    // Steps count from 1; a run's losses are appended in order, so only the new ones are added.
    for (; curves.lossesDrawn < record.stepLosses.size(); ++curves.lossesDrawn) {
        const double loss = record.stepLosses[curves.lossesDrawn];
        if (!std::isfinite(loss)) continue;
        curves.average = kSmoothing * curves.average + (1.0 - kSmoothing) * loss;
        curves.weightPower *= kSmoothing;
        curves.drawn.add(static_cast<double>(curves.lossesDrawn + 1),
                         curves.average / (1.0 - curves.weightPower));
    }
    if (curves.drawn.samples() != curves.samplesPlotted) {
        curves.samplesPlotted = curves.drawn.samples();
        const std::vector<double> keys = curves.drawn.keys(), values = curves.drawn.values();
        curves.training->setData(QVector<double>(keys.begin(), keys.end()),
                                 QVector<double>(values.begin(), values.end()), true);
    }
    for (; curves.epochsDrawn < record.history.size(); ++curves.epochsDrawn) {
        const EpochReport& epoch = record.history[curves.epochsDrawn];
        if (epoch.validation.examples < epoch.validationPairs || !std::isfinite(epoch.validation.loss))
            continue;
        curves.validation->addData(static_cast<double>(epoch.step), epoch.validation.loss);
    }
    if (m_follow) m_plot->rescaleAxes(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph* CompareLossPlot::trainingGraph(int run) const {
    return m_runs.at(static_cast<size_t>(run)).training;
}

QCPGraph* CompareLossPlot::validationGraph(int run) const {
    return m_runs.at(static_cast<size_t>(run)).validation;
}

bool CompareLossPlot::isRunVisible(int run) const {
    return trainingGraph(run)->visible();
}

void CompareLossPlot::setRunVisible(int run, bool visible) {
    RunCurves& curves = m_runs.at(static_cast<size_t>(run));
    curves.training->setVisible(visible);
    curves.validation->setVisible(visible);
    restyleRuns();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// Okabe–Ito colours, the black one lightened on a dark theme; each validation point ringed in the
// background colour; a hidden run's legend entry greyed.
void CompareLossPlot::restyleRuns() {
    const QPalette palette = m_plot->palette();
    for (int i = 0; i < runCount(); ++i) {
        const RunCurves& curves = m_runs[static_cast<size_t>(i)];
        const QColor colour = PlotTheme::seriesColour(runColor(i), palette);
        curves.training->setPen(QPen(colour, 2.0));
        curves.validation->setScatterStyle(QCPScatterStyle(
            QCPScatterStyle::ssCircle, QPen(PlotTheme::background(palette), 1.0), QBrush(colour), 8));
        if (QCPPlottableLegendItem* item = m_plot->legend->itemWithPlottable(curves.training))
            item->setTextColor(curves.training->visible() ? PlotTheme::text(palette)
                                                          : PlotTheme::mutedText(palette));
    }
}

void CompareLossPlot::onLegendClick(QCPLegend*, QCPAbstractLegendItem* item) {
    auto* plottableItem = qobject_cast<QCPPlottableLegendItem*>(item);
    if (!plottableItem) return;
    for (int i = 0; i < runCount(); ++i)
        if (trainingGraph(i) == plottableItem->plottable()) setRunVisible(i, !isRunVisible(i));
    m_plot->deselectAll();
}

void CompareLossPlot::onMouseMove(QMouseEvent* event) {
    if (event->buttons() != Qt::NoButton) m_follow = false; // a drag: the person looks somewhere
    const auto point = GraphHover::nearest(event->position(), {m_plot->axisRect()});
    if (!point) return m_hover->hide();
    m_hover->show(
        *point, tr("%1\nstep %2: %3").arg(point->graph->name()).arg(point->key).arg(point->value, 0, 'f', 4));
}

bool CompareLossPlot::exportImage(const QString& path, QString* error) {
    return exportPlotImage(*m_plot, path, error, ExportOptions{QSize(), 2.0, tr("Loss of every run")});
}

} // namespace attnlab::ui
