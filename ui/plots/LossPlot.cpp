#include "ui/plots/LossPlot.h"

#include "ui/plots/ClampedGraph.h"
#include "ui/plots/CsvWriter.h"
#include "ui/plots/GraphHover.h"
#include "ui/plots/PlotExport.h"
#include "ui/plots/PlotTheme.h"

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <optional>

namespace attnlab::ui {

namespace {

const QColor kTrainColor(31, 119, 180);
const QColor kValidationColor(255, 127, 14);
const QColor kExactMatchColor(44, 160, 44);
const QColor kDivergenceColor(214, 39, 40);
constexpr double kMarkerInset = 7.0; // pixels below the panel's top edge for the divergence marks

void moveData(QCPGraph* from, QCPGraph* to) {
    to->setData(from->data());
    from->setData(QSharedPointer<QCPGraphDataContainer>::create());
}

} // namespace

LossPlot::LossPlot(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("LossPlot"));
    buildPlot();
}

LossPlot::~LossPlot() = default;

void LossPlot::buildPlot() {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("lossPlot"));
    m_plot->setMouseTracking(true);
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    // Reference runs draw beneath the live curves.
    m_plot->addLayer(QStringLiteral("reference"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limBelow);

    m_lossRect = m_plot->axisRect();
    m_accuracyRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(2, 0, m_accuracyRect);
    m_plot->plotLayout()->insertRow(0); // rows: loss legend, loss panel, exact-match legend, its panel
    m_plot->plotLayout()->setRowStretchFactor(0, 0.01); // a legend row: its own height, no more
    m_plot->plotLayout()->setRowStretchFactor(1, 3.0);
    m_plot->plotLayout()->setRowStretchFactor(2, 0.01);
    m_plot->plotLayout()->setRowStretchFactor(3, 2.0);
    auto* margins = new QCPMarginGroup(m_plot); // both panels' plot areas share left and right edges
    for (QCPAxisRect* rect : {m_lossRect, m_accuracyRect}) {
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
        rect->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    }
    m_lossRect->axis(QCPAxis::atBottom)->setLabel(tr("step"));
    m_lossRect->axis(QCPAxis::atLeft)->setLabel(tr("cross-entropy")); // short: a projector's panel is low
    m_accuracyRect->axis(QCPAxis::atBottom)->setLabel(tr("epoch"));
    m_accuracyRect->axis(QCPAxis::atLeft)->setLabel(tr("exact match")); // setAccuracyName
    auto epochTicks = QSharedPointer<QCPAxisTickerFixed>::create();
    epochTicks->setTickStep(1.0); // whole epochs; multiples of them once there are many
    epochTicks->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_accuracyRect->axis(QCPAxis::atBottom)->setTicker(epochTicks);
    m_accuracyRect->axis(QCPAxis::atBottom)->grid()->setZeroLinePen(Qt::NoPen);

    // Exact match climbs towards the panel's top right as epochs pass and starts near its bottom,
    // and on a low panel (a projector) a legend inside the losses covers their end and the marks of
    // a divergence: each legend gets a row of its own above its panel.
    m_lossLegend = m_plot->legend;
    m_lossRect->insetLayout()->take(m_lossLegend);
    m_lossRect->insetLayout()->simplify();
    m_plot->plotLayout()->addElement(0, 0, m_lossLegend);
    m_accuracyLegend = new QCPLegend;
    m_plot->plotLayout()->addElement(2, 0, m_accuracyLegend);
    m_accuracyLegend->setLayer(QStringLiteral("legend"));
    for (QCPLegend* legend : {m_lossLegend, m_accuracyLegend}) {
        legend->setVisible(true);
        PlotTheme::setFontScale(*legend, 0.9);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
        legend->setWrap(3); // the current run's three curves on a line; grey runs on the next
        legend->setBrush(Qt::NoBrush);
        legend->setBorderPen(Qt::NoPen);
        legend->setMargins(QMargins(4, 2, 4, 0));
    }

    m_current.training = addGraph(m_lossRect, tr("training loss"), m_lossLegend);
    m_current.smoothed = addGraph(m_lossRect, tr("training loss (smoothed)"), m_lossLegend);
    m_current.validation = addGraph(m_lossRect, tr("validation loss"), m_lossLegend);
    m_current.exactMatch = addGraph(m_accuracyRect, tr("exact match"), m_accuracyLegend);
    m_divergence = addGraph(m_lossRect, tr("loss not finite (diverged)"), nullptr);
    m_divergence->setLineStyle(QCPGraph::lsNone);

    m_stepMarker = new QCPItemStraightLine(m_plot);
    m_stepMarker->setClipAxisRect(m_lossRect);
    for (QCPItemPosition* end : {m_stepMarker->point1, m_stepMarker->point2})
        end->setAxes(m_lossRect->axis(QCPAxis::atBottom), m_lossRect->axis(QCPAxis::atLeft));
    m_stepMarker->setPen(QPen(QColor(0x55, 0x55, 0x55), 1.5, Qt::DashLine));
    m_stepMarker->setSelectable(false);
    m_stepMarker->setVisible(false);

    m_hover = std::make_unique<GraphHover>(m_plot);
    PlotTheme::follow(*m_plot, [this] {
        styleCurrent();
        stylePrevious();
    });

    for (int panel : {0, 1}) {
        QCPAxisRect* rect = panel == 0 ? m_lossRect : m_accuracyRect;
        for (QCPAxis* axis : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)})
            connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
                    [this, panel] { onRangeChanged(panel); });
    }
    connect(m_plot, &QCustomPlot::beforeReplot, this, &LossPlot::fitPanels);
    connect(m_plot, &QCustomPlot::mouseMove, this, &LossPlot::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &LossPlot::resetView);
    fitPanels();
}

QCPGraph* LossPlot::addGraph(QCPAxisRect* rect, const QString& name, QCPLegend* legend) {
    // Registers itself with m_plot, which owns it (as QCustomPlot::addGraph would).
    QCPGraph* graph = new ClampedGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    graph->setName(name);
    graph->setSelectable(QCP::stNone);
    if (legend) graph->addToLegend(legend);
    return graph;
}

// The series keep their colours on either theme; one that would fade into a dark background
// (the blue) is lightened just enough (PlotTheme::seriesColour).
void LossPlot::styleCurrent() {
    const QPalette palette = m_plot->palette();
    const QColor train = PlotTheme::seriesColour(kTrainColor, palette);
    QColor raw = train;
    raw.setAlpha(80); // the noisy per-batch loss stays in the background of its smoothed curve
    m_current.training->setPen(QPen(raw, 1.0));
    m_current.smoothed->setPen(QPen(train, 2.0));
    m_current.validation->setPen(QPen(PlotTheme::seriesColour(kValidationColor, palette), 2.0));
    m_current.validation->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    m_current.exactMatch->setPen(QPen(PlotTheme::seriesColour(kExactMatchColor, palette), 2.0));
    m_current.exactMatch->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    // The scrubbed snapshot's step: the text's colour, dashed, readable on either theme.
    if (m_stepMarker) m_stepMarker->setPen(QPen(PlotTheme::text(palette), 1.5, Qt::DashLine));
    const QColor divergence = PlotTheme::seriesColour(kDivergenceColor, palette);
    m_divergence->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssTriangleInverted, QPen(divergence, 1.5), divergence, 9));
}

void LossPlot::stylePrevious() {
    // Newest reference strongest (darkest on light, lightest on dark); each older one fainter and
    // with a sparser dash.
    const bool dark = PlotTheme::isDark(m_plot->palette());
    const int count = int(m_previous.size());
    for (int i = 0; i < count; ++i) {
        const int age = count - 1 - i;
        const QColor grey =
            QColor::fromHsl(0, 0, std::clamp(dark ? 160 - 30 * age : 120 + 35 * age, 80, 230));
        const Qt::PenStyle style = age == 0 ? Qt::DashLine : age == 1 ? Qt::DashDotLine : Qt::DotLine;
        const RunGraphs& run = m_previous[size_t(i)];
        run.smoothed->setPen(QPen(grey, 1.6, style));
        run.validation->setPen(QPen(grey, 1.2, style));
        run.validation->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, grey, 5));
        run.exactMatch->setPen(QPen(grey, 1.6, style));
        run.exactMatch->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, grey, 5));
    }
}

QCPGraph* LossPlot::graph(LossSeries series) const {
    switch (series) {
    case LossSeries::TrainingLoss:
        return m_current.training;
    case LossSeries::SmoothedTrainingLoss:
        return m_current.smoothed;
    case LossSeries::ValidationLoss:
        return m_current.validation;
    case LossSeries::ExactMatch:
        return m_current.exactMatch;
    }
    return nullptr;
}

int LossPlot::pointCount(LossSeries series) const {
    return graph(series)->dataCount();
}

int LossPlot::previousPointCount(int run, LossSeries series) const {
    if (run < 0 || run >= int(m_history.previous().size())) return 0;
    return int(m_history.previous()[size_t(run)].series(series).size());
}

QCPGraph* LossPlot::previousGraph(int run, LossSeries series) const {
    if (run < 0 || run >= int(m_previous.size())) return nullptr;
    const RunGraphs& graphs = m_previous[size_t(run)];
    switch (series) {
    case LossSeries::TrainingLoss:
        return nullptr; // kept in the history (and CSV), not drawn
    case LossSeries::SmoothedTrainingLoss:
        return graphs.smoothed;
    case LossSeries::ValidationLoss:
        return graphs.validation;
    case LossSeries::ExactMatch:
        return graphs.exactMatch;
    }
    return nullptr;
}

QStringList LossPlot::previousRunLabels() const {
    QStringList labels;
    for (const LossRun& run : m_history.previous()) labels << run.label;
    return labels;
}

QCPAxis::ScaleType LossPlot::lossScaleType() const {
    return m_lossRect->axis(QCPAxis::atLeft)->scaleType();
}

bool LossPlot::followsData(int panel) const {
    return panel >= 0 && panel < 2 && m_follow[panel];
}

void LossPlot::addTrainingLoss(int step, double loss) {
    const LossPoint smoothed = m_history.addTrainingLoss(step, loss);
    // Non-finite losses (a diverged run) stay in the history and the CSV; a curve cannot draw them,
    // so a mark at the panel's top edge says where the run diverged.
    if (std::isfinite(loss))
        m_current.training->addData(step, loss);
    else
        markDivergence(step);
    if (std::isfinite(smoothed.value)) m_current.smoothed->addData(step, smoothed.value);
    requestReplot();
}

void LossPlot::showStepMarker(std::optional<long long> step) {
    m_stepMarker->setVisible(step.has_value());
    if (step) { // two points on the vertical line through the step (1 and 2: valid on a log scale too)
        m_stepMarker->point1->setCoords(double(*step), 1.0);
        m_stepMarker->point2->setCoords(double(*step), 2.0);
    }
    requestReplot();
}

std::optional<long long> LossPlot::stepMarker() const {
    if (!m_stepMarker->visible()) return std::nullopt;
    return static_cast<long long>(std::llround(m_stepMarker->point1->coords().x()));
}

void LossPlot::markDivergence(int step) {
    if (m_divergence->dataCount() == 0) m_divergence->addToLegend(m_lossLegend);
    m_divergence->addData(step, markerValue());
}

double LossPlot::markerValue() const {
    return m_lossRect->axis(QCPAxis::atLeft)->pixelToCoord(m_lossRect->top() + kMarkerInset);
}

int LossPlot::divergenceCount() const {
    return m_divergence->dataCount();
}

void LossPlot::addValidation(int step, int epoch, double loss, double exactMatch) {
    m_history.addValidation(step, epoch, loss, exactMatch);
    if (std::isfinite(loss))
        m_current.validation->addData(step, loss);
    else
        markDivergence(step);
    if (std::isfinite(exactMatch)) m_current.exactMatch->addData(epoch, exactMatch);
    requestReplot();
}

void LossPlot::clear() {
    clearPreviousRuns();
    m_history.clearCurrent();
    for (QCPGraph* graph :
         {m_current.training, m_current.smoothed, m_current.validation, m_current.exactMatch})
        graph->data()->clear();
    clearDivergence();
    m_hover->hide();
    resetView();
}

void LossPlot::clearPreviousRuns() {
    for (const RunGraphs& run : m_previous)
        for (QCPGraph* graph : {run.smoothed, run.validation, run.exactMatch}) removeGraph(graph);
    m_previous.clear();
    m_history.clearPrevious();
    m_hover->hide(); // it may have marked a point of a removed graph
    requestReplot();
}

void LossPlot::relabelPreviousRun(int run, const QString& label) {
    m_history.relabelPrevious(run, label);
    const RunGraphs& graphs = m_previous.at(run);
    for (QCPGraph* graph : {graphs.smoothed, graphs.validation, graphs.exactMatch})
        if (graph) graph->setName(label);
    requestReplot();
}

void LossPlot::keepCurrentAsPrevious(const QString& label) {
    m_history.keepCurrentAsPrevious(label);
    RunGraphs kept;
    kept.smoothed = addGraph(m_lossRect, label, m_lossLegend);
    kept.validation = addGraph(m_lossRect, label, nullptr); // one legend entry per run is enough
    kept.exactMatch = addGraph(m_accuracyRect, label, m_accuracyLegend);
    // The curves change owner rather than being copied: the data containers are shared pointers.
    moveData(m_current.smoothed, kept.smoothed);
    moveData(m_current.validation, kept.validation);
    moveData(m_current.exactMatch, kept.exactMatch);
    m_current.training->data()->clear();
    clearDivergence(); // the marks belong to the run that diverged; its CSV rows keep the values
    for (QCPGraph* graph : {kept.smoothed, kept.validation, kept.exactMatch})
        graph->setLayer(QStringLiteral("reference"));
    m_previous.push_back(kept);
    while (m_previous.size() > m_history.previous().size()) {
        for (QCPGraph* graph :
             {m_previous.front().smoothed, m_previous.front().validation, m_previous.front().exactMatch})
            removeGraph(graph);
        m_previous.erase(m_previous.begin());
    }
    stylePrevious();
    m_hover->hide();
    requestReplot();
}

// QCustomPlot::removeGraph takes the graph out of the plot's main legend only. A kept run's exact
// match curve is listed in the second legend, which kept a QCPPlottableLegendItem pointing at the
// deleted graph and read its name and pen on the next replot: a use-after-free, the window's crash
// in issue 17 (a fourth kept run drops the oldest, and clear() drops all of them).
void LossPlot::removeGraph(QCPGraph* graph) {
    for (QCPLegend* legend : {m_lossLegend, m_accuracyLegend})
        if (legend->hasItemWithPlottable(graph)) graph->removeFromLegend(legend);
    m_plot->removeGraph(graph);
}

void LossPlot::clearDivergence() {
    m_divergence->data()->clear();
    m_divergence->removeFromLegend(m_lossLegend);
}

void LossPlot::setLogScale(bool logarithmic) {
    QCPAxis* axis = m_lossRect->axis(QCPAxis::atLeft);
    m_fitting = true; // the scale change moves the range; that is not the user zooming
    if (logarithmic) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        axis->setNumberFormat(QStringLiteral("g"));
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        axis->setNumberFormat(QStringLiteral("gbd"));
    }
    m_fitting = false;
    m_follow[0] = true; // a range chosen on the other scale means little on this one
    requestReplot();
}

void LossPlot::setSmoothing(double weight) {
    m_history.setSmoothing(weight);
    QVector<double> keys, values;
    for (const LossPoint& point : m_history.current().smoothedTrainingLoss) {
        if (!std::isfinite(point.value)) continue;
        keys.push_back(point.step);
        values.push_back(point.value);
    }
    m_current.smoothed->setData(keys, values);
    requestReplot();
}

void LossPlot::resetView() {
    m_follow[0] = m_follow[1] = true;
    requestReplot();
}

bool LossPlot::exportImage(const QString& path, QString* error) {
    m_hover->hide(); // the hover marker belongs to the screen, not to the exported figure
    fitPanels();
    ExportOptions options;
    options.title = tr("Training curves");
    return exportPlotImage(*m_plot, path, error, options);
}

bool LossPlot::exportCsv(const QString& path, QString* error) const {
    CsvWriter csv;
    m_history.writeCsv(csv);
    return csv.save(path, error);
}

void LossPlot::requestReplot() {
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::setAccuracyName(const QString& name) {
    m_accuracyRect->axis(QCPAxis::atLeft)->setLabel(name);
    if (m_current.exactMatch) m_current.exactMatch->setName(name);
    m_plot->replot();
}

} // namespace attnlab::ui
