#include "ui/compare/LengthAccuracyPlot.h"

#include "ui/compare/RunPalette.h"
#include "ui/plots/LegendRow.h"
#include "ui/plots/PlotExport.h"
#include "ui/plots/PlotTheme.h"
#include "ui/session/CompareSession.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include <cmath>

namespace attnlab::ui {

LengthAccuracyPlot::LengthAccuracyPlot(const CompareSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    setObjectName(QStringLiteral("lengthAccuracyPlot"));
    m_measureBox = new QComboBox(this);
    m_measureBox->setObjectName(QStringLiteral("lengthMeasureBox"));
    m_measureBox->addItems({tr("Exact match"), tr("Token accuracy")});
    m_measureBox->setToolTip(tr("Exact match: the whole output right. Token accuracy: the share of "
                                "reference tokens the output has in the same place."));
    connect(m_measureBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setMeasure(index == 0 ? Measure::ExactMatch : Measure::TokenAccuracy); });
    m_plot = new QCustomPlot(this);
    m_plot->xAxis->setLabel(tr("source length (tokens)"));
    m_plot->yAxis->setRange(0, 100);
    m_plot->legend->setVisible(true);
    PlotTheme::setFontScale(*m_plot->legend, 0.9);
    m_hover = std::make_unique<GraphHover>(m_plot);
    connect(m_plot, &QCustomPlot::mouseMove, this, &LengthAccuracyPlot::onMouseMove);

    m_plot->plotLayout()->insertRow(0);
    auto* title = new QCPTextElement(m_plot, tr("Accuracy by source length"));
    PlotTheme::setFontScale(*title, 1.1, true);
    m_plot->plotLayout()->addElement(0, 0, title);
    placeLegendInRow(*m_plot, 1, 3);
    // The runs' colours as on the loss plot: Okabe–Ito, the black one lightened on a dark theme.
    PlotTheme::follow(*m_plot, [this] {
        // As the loss curves beside it: title, legend, axes and some curve, at any font size.
        m_plot->setMinimumSize(22 * m_plot->fontMetrics().averageCharWidth(),
                               8 * m_plot->fontMetrics().lineSpacing());
        for (size_t i = 0; i < m_graphs.size(); ++i) {
            const QColor colour = PlotTheme::seriesColour(runColor(static_cast<int>(i)), m_plot->palette());
            m_graphs[i]->setPen(QPen(colour, 2.0));
            m_graphs[i]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 6));
        }
    });
    auto* top = new QHBoxLayout;
    top->addStretch(1);
    top->addWidget(m_measureBox);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);
    connect(&session, &CompareSession::runsReset, this, &LengthAccuracyPlot::redraw);
    connect(&session, &CompareSession::runEpoch, this, &LengthAccuracyPlot::redraw);
    connect(&session, &CompareSession::runEnded, this, &LengthAccuracyPlot::redraw);
    redraw();
}

LengthAccuracyPlot::~LengthAccuracyPlot() = default;

void LengthAccuracyPlot::setMeasure(Measure measure) {
    m_measure = measure;
    m_measureBox->setCurrentIndex(measure == Measure::ExactMatch ? 0 : 1);
    redraw();
}

void LengthAccuracyPlot::redraw() {
    m_hover->dismiss();
    const ExperimentSummary& summary = m_session.summary();
    if (m_graphs.size() != summary.runs.size()) {
        m_plot->clearGraphs();
        m_graphs.clear();
        for (size_t i = 0; i < summary.runs.size(); ++i) {
            QCPGraph* graph = m_plot->addGraph();
            const QColor colour = PlotTheme::seriesColour(runColor(static_cast<int>(i)), m_plot->palette());
            graph->setName(QString::fromStdString(summary.runs[i].name));
            graph->setPen(QPen(colour, 2.0));
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 6));
            m_graphs.push_back(graph);
        }
    }
    m_plot->legend->setVisible(!m_graphs.empty());
    m_buckets.clear();
    for (const RunSummary& run : summary.runs)
        if (!run.record.result.validation.bySourceLength.empty()) {
            m_buckets = lengthBuckets(run.record.result.validation.bySourceLength, kMinPairs);
            break;
        }
    for (size_t i = 0; i < summary.runs.size(); ++i) {
        m_graphs[i]->data()->clear();
        const auto& rows = summary.runs[i].record.result.validation.bySourceLength;
        if (rows.empty()) continue;
        for (const LengthBucket& bucket : fillBuckets(m_buckets, rows)) {
            const double rate =
                m_measure == Measure::ExactMatch ? bucket.exactMatchRate() : bucket.tokenAccuracyRate();
            if (std::isfinite(rate)) m_graphs[i]->addData(bucket.middle(), 100.0 * rate);
        }
    }
    m_plot->yAxis->setLabel(m_measure == Measure::ExactMatch ? tr("exact match (%)")
                                                             : tr("token accuracy (%)"));
    if (!m_buckets.empty())
        m_plot->xAxis->setRange(m_buckets.front().firstLength - 1, m_buckets.back().lastLength + 1);
    m_plot->yAxis->setRange(0, 102);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LengthAccuracyPlot::onMouseMove(QMouseEvent* event) {
    const auto point = GraphHover::nearest(event->position(), {m_plot->axisRect()});
    if (!point) return m_hover->hide();
    for (const LengthBucket& bucket : m_buckets)
        if (bucket.middle() == point->key) {
            const QString lengths = bucket.firstLength == bucket.lastLength
                                        ? tr("length %1").arg(bucket.firstLength)
                                        : tr("lengths %1–%2").arg(bucket.firstLength).arg(bucket.lastLength);
            return m_hover->show(*point, tr("%1\n%2 (%3 pairs): %4%")
                                             .arg(point->graph->name(), lengths)
                                             .arg(bucket.count)
                                             .arg(point->value, 0, 'f', 1));
        }
}

bool LengthAccuracyPlot::exportImage(const QString& path, QString* error) {
    return exportPlotImage(*m_plot, path, error,
                           ExportOptions{QSize(), 2.0, tr("Accuracy by source length")});
}

} // namespace attnlab::ui
