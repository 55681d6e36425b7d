#include "ui/forecast/ForecastPlot.h"

#include "ui/media/MediaColours.h"
#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {

namespace {

// Okabe–Ito colours, apart from each other for the common colour-vision deficiencies and from
// every colour of the heatmap maps: the past in black, the truth in blue, the forecast in vermilion.
const QColor kPastColour(0x00, 0x00, 0x00);
const QColor kTruthColour(0x00, 0x72, 0xb2);
const QColor kForecastColour(0xd5, 0x5e, 0x00);

} // namespace

ForecastPlot::ForecastPlot(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("ForecastPlot"));
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("forecastPlot"));
    m_plot->setMouseTracking(true); // hovering chooses a step without a pressed button
    m_plot->setAutoAddPlottableToLegend(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    // The shading lies under the lines and over the grid.
    m_plot->addLayer(QStringLiteral("shading"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);

    // A legend inside the plot would cover the forecast's end, where the eye is: a row of its own.
    m_legend = m_plot->legend;
    m_plot->axisRect()->insetLayout()->take(m_legend);
    m_plot->axisRect()->insetLayout()->simplify();
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.01); // its own height, no more
    m_legend->setVisible(true);
    m_legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_legend->setWrap(5);
    m_legend->setBrush(Qt::NoBrush);
    m_legend->setBorderPen(Qt::NoPen);
    m_legend->setMargins(QMargins(4, 2, 4, 0));
    PlotTheme::setFontScale(*m_legend, 0.9);

    m_upper = addGraph(tr("95% interval"), true);
    m_lower = addGraph(QString(), false);
    m_upper->setChannelFillGraph(m_lower);
    m_past = addGraph(tr("past window"), true);
    m_truth = addGraph(tr("truth"), true);
    m_forecast = addGraph(tr("forecast"), true);
    m_gold = addGraph(tr("gold past point"), true);
    m_gold->setLineStyle(QCPGraph::lsNone);

    for (QCPItemStraightLine** line : {&m_stepLine, &m_nowLine}) {
        *line = new QCPItemStraightLine(m_plot);
        (*line)->setSelectable(false);
        (*line)->setVisible(false);
    }
    m_stepLine->setPen(QPen(kCursorColour, 2.0, Qt::DashLine));
    m_nowLine->setLayer(QStringLiteral("shading"));

    m_plot->xAxis->setLabel(tr("time"));
    PlotTheme::follow(*m_plot, [this] { restyle(); });
    connect(&HeatmapColourChoice::instance(), &HeatmapColourChoice::changed, this, [this] {
        reshade();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, &ForecastPlot::onMouseMove);
    clear();
}

ForecastPlot::~ForecastPlot() = default;

QCPGraph* ForecastPlot::addGraph(const QString& name, bool inLegend) {
    auto* graph = new QCPGraph(m_plot->xAxis, m_plot->yAxis); // the plot owns it
    graph->setName(name);
    graph->setSelectable(QCP::stNone);
    if (inLegend) graph->addToLegend(m_legend);
    return graph;
}

void ForecastPlot::setContent(const ForecastContent& content) {
    m_content = content;
    const ForecastSeries& series = content.series[size_t(content.shownSeries)];
    const int W = content.window();
    const int K = content.horizon();
    const double first = content.firstTimeIndex;
    QVector<double> keys, values;
    for (int i = 0; i < W; ++i) {
        keys << first + i;
        values << series.past[size_t(i)];
    }
    m_past->setData(keys, values, true);
    QVector<double> stepKeys, forecast, truth, lower, upper;
    for (int j = 0; j < K; ++j) {
        stepKeys << first + W + j;
        forecast << series.forecast[size_t(j)];
        if (!series.truth.empty()) truth << series.truth[size_t(j)];
        if (!series.variance.empty()) {
            const double half = kIntervalZ * std::sqrt(series.variance[size_t(j)]);
            lower << forecast.back() - half;
            upper << forecast.back() + half;
        }
    }
    m_forecast->setData(stepKeys, forecast, true);
    m_truth->setData(series.truth.empty() ? QVector<double>() : stepKeys, truth, true);
    m_lower->setData(lower.isEmpty() ? QVector<double>() : stepKeys, lower, true);
    m_upper->setData(upper.isEmpty() ? QVector<double>() : stepKeys, upper, true);
    const bool hasTruth = !series.truth.empty();
    const bool hasBand = !series.variance.empty();
    m_truth->setVisible(hasTruth);
    m_upper->setVisible(hasBand);
    m_lower->setVisible(hasBand);
    m_past->setVisible(true);
    m_forecast->setVisible(true);
    // Rebuilt each time, so the entries keep one order whatever the previous content had.
    m_legend->clearItems();
    m_past->addToLegend(m_legend);
    if (hasTruth) m_truth->addToLegend(m_legend);
    m_forecast->addToLegend(m_legend);
    if (hasBand) m_upper->addToLegend(m_legend);
    if (!content.gold.empty() && content.hasAttention()) m_gold->addToLegend(m_legend); // rings need a step
    m_legend->setVisible(true);
    m_nowLine->point1->setCoords(first + W - 0.5, 0.0);
    m_nowLine->point2->setCoords(first + W - 0.5, 1.0);
    m_nowLine->setVisible(true);
    m_plot->xAxis->setLabel(tr("time (%1 = t, the last past point)").arg(content.firstTimeIndex + W - 1));
    m_plot->yAxis->setLabel(content.seriesNames[size_t(content.shownSeries)]);

    // One shade per past point, kept from one content to the next when W is the same.
    const int shades = content.hasAttention() ? W : 0;
    while (int(m_shades.size()) > shades) {
        m_plot->removeItem(m_shades.back());
        m_shades.pop_back();
    }
    while (int(m_shades.size()) < shades) {
        auto* rect = new QCPItemRect(m_plot);
        rect->setLayer(QStringLiteral("shading"));
        rect->setPen(Qt::NoPen);
        rect->setSelectable(false);
        for (QCPItemPosition* corner : {rect->topLeft, rect->bottomRight}) {
            corner->setTypeX(QCPItemPosition::ptPlotCoords);    // the column follows the time axis
            corner->setTypeY(QCPItemPosition::ptAxisRectRatio); // and spans the plot's height
        }
        m_shades.push_back(rect);
    }
    for (int i = 0; i < shades; ++i) {
        m_shades[size_t(i)]->topLeft->setCoords(first + i - 0.5, 0.0);
        m_shades[size_t(i)]->bottomRight->setCoords(first + i + 0.5, 1.0);
    }
    fitRanges();
    restyle();
    m_step = -1;
    setStep(-1);
}

void ForecastPlot::clear() {
    m_content = {};
    for (QCPGraph* graph : {m_past, m_truth, m_forecast, m_upper, m_lower, m_gold}) {
        graph->data()->clear();
        graph->setVisible(false);
    }
    for (QCPItemRect* rect : m_shades) m_plot->removeItem(rect);
    m_shades.clear();
    m_legend->setVisible(false);
    m_nowLine->setVisible(false);
    m_stepLine->setVisible(false);
    m_step = -1;
    m_plot->xAxis->setRange(0.0, 1.0);
    m_plot->yAxis->setRange(0.0, 1.0);
    m_plot->yAxis->setLabel(QString());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ForecastPlot::setStep(int step) {
    const int K = m_content.horizon();
    m_step = step >= 0 && step < K ? step : -1;
    QVector<double> goldKeys, goldValues;
    if (m_step >= 0) {
        const ForecastSeries& series = m_content.series[size_t(m_content.shownSeries)];
        for (const AlignmentLink& link : m_content.gold)
            if (link.target == m_step) {
                goldKeys << m_content.firstTimeIndex + link.source;
                goldValues << series.past[size_t(link.source)];
            }
    }
    m_gold->setData(goldKeys, goldValues); // sorts by key
    m_gold->setVisible(!goldKeys.isEmpty());
    const double x = m_content.firstTimeIndex + m_content.window() + m_step;
    m_stepLine->point1->setCoords(x, 0.0);
    m_stepLine->point2->setCoords(x, 1.0);
    m_stepLine->setVisible(m_step >= 0);
    reshade();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// Colour by the weight itself, on the heatmap's map and scale, so a shade and the heatmap cell of
// the same weight are the same colour; opacity by the weight relative to the row's largest, so even
// an attention spread thin shows where it leans, and the heaviest point stands out most.
void ForecastPlot::reshade() {
    const bool shaded = m_step >= 0 && !m_shades.empty();
    const float top = shaded ? m_content.attention.row(m_step).maxCoeff() : 0.0f;
    const HeatmapColours colours = HeatmapColourChoice::instance().current();
    for (size_t i = 0; i < m_shades.size(); ++i) {
        const double weight = shaded ? double(m_content.attention(m_step, Eigen::Index(i))) : 0.0;
        QColor colour = heatmapColor(colours, weight);
        colour.setAlphaF(float(top > 0.0f ? kMaxShadeAlpha * weight / top : 0.0));
        m_shades[i]->setBrush(colour);
        m_shades[i]->setVisible(shaded);
    }
}

double ForecastPlot::shadeAlpha(int position) const {
    if (position < 0 || position >= shadeCount() || !m_shades[size_t(position)]->visible()) return 0.0;
    return m_shades[size_t(position)]->brush().color().alphaF();
}

QColor ForecastPlot::shadeColour(int position) const {
    if (position < 0 || position >= shadeCount() || !m_shades[size_t(position)]->visible()) return {};
    QColor colour = m_shades[size_t(position)]->brush().color();
    colour.setAlpha(255);
    return colour;
}

bool ForecastPlot::intervalShown() const {
    return m_upper->visible() && !m_upper->data()->isEmpty() && m_legend->hasItemWithPlottable(m_upper);
}

std::vector<double> ForecastPlot::intervalLower() const {
    std::vector<double> out;
    if (intervalShown())
        for (auto it = m_lower->data()->constBegin(); it != m_lower->data()->constEnd(); ++it)
            out.push_back(it->value);
    return out;
}

std::vector<double> ForecastPlot::intervalUpper() const {
    std::vector<double> out;
    if (intervalShown())
        for (auto it = m_upper->data()->constBegin(); it != m_upper->data()->constEnd(); ++it)
            out.push_back(it->value);
    return out;
}

std::vector<int> ForecastPlot::goldMarked() const {
    std::vector<int> out;
    if (m_gold->visible())
        for (auto it = m_gold->data()->constBegin(); it != m_gold->data()->constEnd(); ++it)
            out.push_back(int(std::lround(it->key)) - m_content.firstTimeIndex);
    return out;
}

QStringList ForecastPlot::legendNames() const {
    QStringList names;
    if (!m_legend->visible()) return names;
    for (int k = 0; k < m_legend->itemCount(); ++k)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(m_legend->item(k)))
            names << item->plottable()->name();
    return names;
}

QPointF ForecastPlot::stepPixel(int step) const {
    const double x = m_content.firstTimeIndex + m_content.window() + step;
    return {m_plot->xAxis->coordToPixel(x), double(m_plot->axisRect()->rect().center().y())};
}

int ForecastPlot::stepAt(QPointF pixel) const {
    const int K = m_content.horizon();
    if (K == 0 || !m_plot->axisRect()->rect().contains(pixel.toPoint())) return -1;
    const double x = m_plot->xAxis->pixelToCoord(pixel.x());
    const long step = std::lround(x - m_content.firstTimeIndex - m_content.window());
    return step >= 0 && step < K ? int(step) : -1;
}

int ForecastPlot::pastAt(QPointF pixel) const {
    const int W = m_content.window();
    if (W == 0 || !m_plot->axisRect()->rect().contains(pixel.toPoint())) return -1;
    const long position = std::lround(m_plot->xAxis->pixelToCoord(pixel.x()) - m_content.firstTimeIndex);
    return position >= 0 && position < W ? int(position) : -1;
}

QString ForecastPlot::toolTipAt(QPointF pixel) const {
    auto number = [](double value) { return QString::number(value, 'g', 4); };
    const int W = m_content.window();
    if (const int i = pastAt(pixel); i >= 0) {
        const ForecastSeries& series = m_content.series[size_t(m_content.shownSeries)];
        QString text = tr("%1 (time %2): %3")
                           .arg(pastLabel(i, W))
                           .arg(m_content.firstTimeIndex + i)
                           .arg(number(series.past[size_t(i)]));
        if (m_step >= 0 && m_content.hasAttention()) {
            text += tr("; step %1 gives it %2%")
                        .arg(stepLabel(m_step))
                        .arg(std::lround(100.0 * m_content.attention(m_step, i)));
            for (const AlignmentLink& link : m_content.gold)
                if (link.source == i && link.target == m_step) {
                    text += tr(" (gold)");
                    break;
                }
        }
        return text;
    }
    const int j = stepAt(pixel);
    if (j < 0) return {};
    const ForecastSeries& series = m_content.series[size_t(m_content.shownSeries)];
    const double mean = series.forecast[size_t(j)];
    QString text = tr("%1 (time %2): forecast %3")
                       .arg(stepLabel(j))
                       .arg(m_content.firstTimeIndex + W + j)
                       .arg(number(mean));
    if (!series.variance.empty()) {
        const double half = kIntervalZ * std::sqrt(series.variance[size_t(j)]);
        text += tr(", 95% interval %1 to %2").arg(number(mean - half), number(mean + half));
    }
    if (!series.truth.empty()) text += tr(", truth %1").arg(number(series.truth[size_t(j)]));
    return text;
}

void ForecastPlot::onMouseMove(QMouseEvent* event) {
    const int step = stepAt(event->position());
    if (step >= 0) Q_EMIT stepHovered(step); // first: the tooltip then names the new step's weights
    const QString text = toolTipAt(event->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
}

// The whole window and horizon, half a point beyond each end so the outer shades show whole, and
// every value drawn (the band included) with a little room above and below.
void ForecastPlot::fitRanges() {
    const double first = m_content.firstTimeIndex;
    m_plot->xAxis->setRange(first - 0.5, first + m_content.window() + m_content.horizon() - 0.5);
    double low = 0.0, high = 0.0;
    bool any = false;
    for (QCPGraph* graph : {m_past, m_truth, m_forecast, m_upper, m_lower})
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
            low = any ? std::min(low, it->value) : it->value;
            high = any ? std::max(high, it->value) : it->value;
            any = true;
        }
    const double pad = std::max(0.08 * (high - low), 1e-6 * std::max(1.0, std::abs(high)));
    m_plot->yAxis->setRange(low - pad, high + pad);
}

// The series keep their colours on either theme; black lightens on a dark one (seriesColour).
void ForecastPlot::restyle() {
    const QPalette& palette = m_plot->palette();
    const QColor past = PlotTheme::seriesColour(kPastColour, palette);
    const QColor truth = PlotTheme::seriesColour(kTruthColour, palette);
    const QColor forecast = PlotTheme::seriesColour(kForecastColour, palette);
    const int line = m_plot->fontMetrics().height();
    const double marker = std::max(6.0, 0.45 * line);
    m_legend->setIconSize(2 * line, line); // the gold ring (2 markers wide) whole in its legend entry
    m_past->setPen(QPen(past, 2.0));
    m_past->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, past, past, marker * 0.6));
    m_truth->setPen(QPen(truth, 2.0));
    m_truth->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, truth, truth, marker * 0.8));
    m_forecast->setPen(QPen(forecast, 2.5, Qt::DashLine));
    m_forecast->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, forecast, forecast, marker));
    QColor band = forecast;
    band.setAlpha(60);
    m_upper->setPen(QPen(band, 1.0));
    m_upper->setBrush(band);
    m_lower->setPen(QPen(band, 1.0));
    m_gold->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(kGoldColour, 3.0), Qt::NoBrush, marker * 2.0));
    m_nowLine->setPen(QPen(PlotTheme::axisLine(palette), 1.0, Qt::DotLine));
}

} // namespace attnlab::ui
