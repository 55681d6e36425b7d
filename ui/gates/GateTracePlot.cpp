#include "ui/gates/GateTracePlot.h"

#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {

namespace {
// Okabe & Ito's colour-blind-safe set: blue, orange, bluish green, vermilion.
const QColor kColours[4] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73),
                            QColor(0xd5, 0x5e, 0x00)};

int index(GateQuantity quantity) {
    return static_cast<int>(quantity);
}
} // namespace

GateTracePlot::GateTracePlot(QWidget* parent) : QWidget(parent) {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("gateTracePlot"));
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString(), m_plot->font());
    PlotTheme::setFontScale(*m_title, 1.0, true);
    m_plot->plotLayout()->addElement(0, 0, m_title);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_plot->xAxis->setSubTicks(false);
    m_plot->yAxis->setLabel(tr("gate (0 closed, 1 open)"));
    m_plot->yAxis->setRange(-0.05, 1.05);
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("cell state c"));
    const QString names[4] = {tr("input gate i"), tr("forget gate f"), tr("output gate o"),
                              tr("cell state c")};
    for (int q = 0; q < 4; ++q) {
        QCPAxis* valueAxis = q == index(GateQuantity::Cell) ? m_plot->yAxis2 : m_plot->yAxis;
        m_graphs[q] = m_plot->addGraph(m_plot->xAxis, valueAxis);
        m_graphs[q]->setName(names[q]);
        QPen pen(kColours[q], 2);
        if (q == index(GateQuantity::Cell)) pen.setStyle(Qt::DashLine);
        m_graphs[q]->setPen(pen);
        m_graphs[q]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    }
    // The legend in a row of its own under the plot, so that it never hides a value near 1.
    m_plot->legend->setVisible(true);
    PlotTheme::setFontScale(*m_plot->legend, 0.9);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->axisRect()->insetLayout()->simplify();
    m_plot->plotLayout()->addElement(2, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(2, 0.001);
    m_plot->legend->setMargins(QMargins(4, 2, 4, 2));
    m_plot->setMinimumHeight(12 * m_plot->fontMetrics().height()); // the trace and its legend
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    PlotTheme::follow(*m_plot); // the theme's colours and the font's size
    clear();
}

void GateTracePlot::showUnit(const GateActivations& gates, int unit, const QStringList& tokens,
                             const QString& title) {
    if (unit < 0 || unit >= gates.units()) return clear();
    m_unit = unit;
    const int steps = gates.steps();
    QVector<double> keys(steps);
    for (int t = 0; t < steps; ++t) keys[t] = t;
    double largestCell = 1e-6;
    for (GateQuantity quantity :
         {GateQuantity::Input, GateQuantity::Forget, GateQuantity::Output, GateQuantity::Cell}) {
        const Matrix<float>& values = gates.of(quantity); // (H x N)
        QVector<double> row(steps);
        for (int t = 0; t < steps; ++t) row[t] = values(unit, t);
        if (quantity == GateQuantity::Cell)
            for (double v : row) largestCell = std::max(largestCell, std::abs(v));
        m_graphs[index(quantity)]->setData(keys, row, true);
    }
    m_plot->yAxis2->setRange(-1.05 * largestCell, 1.05 * largestCell); // symmetric: 0 mid-height
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(m_plot->xAxis->ticker());
    ticker->clear();
    for (int t = 0; t < steps; ++t) ticker->addTick(t, t < tokens.size() ? tokens[t] : QString());
    m_plot->xAxis->setRange(-0.5, std::max(steps, 1) - 0.5);
    m_title->setText(tr("%1, unit %2 over the sentence").arg(title).arg(unit + 1));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void GateTracePlot::clear() {
    m_unit = -1;
    for (QCPGraph* graph : m_graphs) graph->data()->clear();
    qSharedPointerCast<QCPAxisTickerText>(m_plot->xAxis->ticker())->clear();
    m_title->setText(tr("Click a row of a heatmap to follow that unit over the sentence"));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString GateTracePlot::title() const {
    return m_title->text();
}

QVector<double> GateTracePlot::values(GateQuantity quantity) const {
    QVector<double> out;
    for (const QCPGraphData& point : *m_graphs[index(quantity)]->data()) out.push_back(point.value);
    return out;
}

QCPGraph* GateTracePlot::graph(GateQuantity quantity) const {
    return m_graphs[index(quantity)];
}



} // namespace attnlab::ui
