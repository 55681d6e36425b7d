#include "ui/gates/GateHeatmap.h"

#include "ui/plots/PlotTheme.h"
#include "ui/gates/UnitOrder.h"
#include "ui/plots/HeatmapColourChoice.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QFontMetrics>
#include <QKeyEvent>
#include <QResizeEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {

namespace {
constexpr int kMaxUnitLabels = 8;
// The token labels' font, as a share of the plot's, shrinks this far before thinning out.
constexpr double kLabelScales[] = {0.85, 0.75, 0.65};
} // namespace

GateHeatmap::GateHeatmap(const QString& title, Scale scale, QWidget* parent)
    : QWidget(parent), m_scale(scale) {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("gateHeatmapPlot"));
    m_plot->plotLayout()->insertRow(0);
    auto* heading = new QCPTextElement(m_plot, title, m_plot->font());
    PlotTheme::setFontScale(*heading, 1.0, true);
    m_plot->plotLayout()->addElement(0, 0, heading);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_plot->yAxis->setRangeReversed(true); // unit row 0 at the top
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->grid()->setVisible(false);
        PlotTheme::setFontScale(*axis, 0.9);
        axis->setSubTicks(false);
    }
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false); // a cell is one unit at one token, not a sample of a surface
    m_colourScale = new QCPColorScale(m_plot);
    m_colourScale->setBarWidth(8);
    PlotTheme::setFontScale(*m_colourScale->axis(), 0.8);
    m_plot->plotLayout()->addElement(1, 1, m_colourScale);
    m_map->setColorScale(m_colourScale);
    auto* group = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    m_colourScale->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    m_outline = new QCPItemRect(m_plot);
    m_outline->setBrush(Qt::NoBrush);
    m_outline->setVisible(false);
    m_plot->setMouseTracking(true);
    m_plot->setMinimumSize(160, 150);
    m_plot->setFocusPolicy(Qt::NoFocus); // a click focuses the map itself, for ↑ ↓
    setFocusPolicy(Qt::StrongFocus);

    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const QString tip = toolTipAt(event->position());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), tip, m_plot);
    });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        const int row = rowAt(event->position());
        if (row >= 0 && columnAt(event->position()) >= 0) Q_EMIT unitClicked(unitAtRow(row));
    });
    connect(&HeatmapColourChoice::instance(), &HeatmapColourChoice::changed, this, [this] {
        applyColours();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    PlotTheme::follow(*m_plot, [this] { applyColours(); }); // the theme's colours and the font's size
    redraw();
}

void GateHeatmap::setValues(const Matrix<float>& values, const QStringList& tokens) {
    m_values = values;
    m_tokens = tokens;
    if (m_highlighted >= unitCount()) m_highlighted = -1;
    redraw();
}

void GateHeatmap::setSortedByVariance(bool sorted) {
    m_sorted = sorted;
    redraw();
}

int GateHeatmap::unitAtRow(int row) const {
    return row >= 0 && row < static_cast<int>(m_order.size()) ? m_order[static_cast<size_t>(row)] : -1;
}

int GateHeatmap::rowOfUnit(int unit) const {
    const auto at = std::find(m_order.begin(), m_order.end(), unit);
    return at == m_order.end() ? -1 : static_cast<int>(at - m_order.begin());
}

double GateHeatmap::shownValue(int row, int column) const {
    if (row < 0 || column < 0 || row >= unitCount() || column >= stepCount()) return std::nan("");
    return m_map->data()->cell(stepCount() == 1 ? 0 : column, unitCount() == 1 ? 0 : row);
}

double GateHeatmap::lowerLimit() const {
    return m_map->dataRange().lower;
}

double GateHeatmap::upperLimit() const {
    return m_map->dataRange().upper;
}

int GateHeatmap::rowAt(QPointF pixel) const {
    if (unitCount() == 0 || !m_plot->axisRect()->rect().contains(pixel.toPoint())) return -1;
    const int row = static_cast<int>(std::floor(m_plot->yAxis->pixelToCoord(pixel.y()) + 0.5));
    return row >= 0 && row < unitCount() ? row : -1;
}

int GateHeatmap::columnAt(QPointF pixel) const {
    if (stepCount() == 0 || !m_plot->axisRect()->rect().contains(pixel.toPoint())) return -1;
    const int column = static_cast<int>(std::floor(m_plot->xAxis->pixelToCoord(pixel.x()) + 0.5));
    return column >= 0 && column < stepCount() ? column : -1;
}

QString GateHeatmap::toolTipAt(QPointF pixel) const {
    const int row = rowAt(pixel), column = columnAt(pixel);
    if (row < 0 || column < 0) return QString();
    const int unit = unitAtRow(row);
    return tr("unit %1 of %2, token %3 of %4 '%5': %6")
        .arg(unit + 1)
        .arg(unitCount())
        .arg(column + 1)
        .arg(stepCount())
        .arg(column < m_tokens.size() ? m_tokens[column] : QString())
        .arg(m_values(unit, column), 0, 'f', 4);
}

void GateHeatmap::highlightUnit(int unit) {
    m_highlighted = unit >= 0 && unit < unitCount() ? unit : -1;
    placeOutline();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void GateHeatmap::applyColours() {
    m_outline->setPen(QPen(palette().color(QPalette::Highlight), 2));
    m_map->setGradient(m_scale == Scale::Gate ? heatmapGradient(HeatmapColourChoice::instance().current())
                                              : divergingGradient());
}

void GateHeatmap::redraw() {
    const int units = unitCount(), steps = stepCount();
    m_order = m_sorted ? unitsByVariance(m_values) : unitsInOrder(units);
    // QCPColorMap centres its cells from the first to the last coordinate of its range; one row or
    // column would leave an empty range, so it is stored twice, a quarter either side.
    const int storedRows = units == 1 ? 2 : std::max(units, 1);
    const int storedColumns = steps == 1 ? 2 : std::max(steps, 1);
    m_map->data()->setSize(storedColumns, storedRows);
    m_map->data()->setRange(storedColumns == steps ? QCPRange(0, steps - 1) : QCPRange(-0.25, 0.25),
                            storedRows == units ? QCPRange(0, units - 1) : QCPRange(-0.25, 0.25));
    m_map->data()->fill(std::nan(""));
    if (units > 0 && steps > 0)
        for (int r = 0; r < storedRows; ++r)
            for (int c = 0; c < storedColumns; ++c)
                m_map->data()->setCell(c, r,
                                       m_values(unitAtRow(std::min(r, units - 1)), std::min(c, steps - 1)));
    m_limit = units > 0 && steps > 0 ? std::max(1e-6, double(m_values.cwiseAbs().maxCoeff())) : 1.0;
    m_map->setDataRange(m_scale == Scale::Gate ? QCPRange(0.0, 1.0) : QCPRange(-m_limit, m_limit));
    m_plot->xAxis->setRange(-0.5, std::max(steps, 1) - 0.5);
    m_plot->yAxis->setRange(-0.5, std::max(units, 1) - 0.5);

    labelTokens();
    // Unit numbers on a few rows (sorted rows are labelled with the unit they show).
    auto yTicks = qSharedPointerCast<QCPAxisTickerText>(m_plot->yAxis->ticker());
    yTicks->clear();
    const int everyUnit = std::max(1, (units + kMaxUnitLabels - 1) / kMaxUnitLabels);
    for (int r = 0; r < units; r += everyUnit) yTicks->addTick(r, QString::number(unitAtRow(r) + 1));
    placeOutline();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// Every token labelled while its label fits its column: upright when it is as narrow as the column
// (single characters), else turned on its side when the font's height fits; the font shrinks to
// 0.65 of the plot's before only every k-th token is labelled (the tooltip still names each).
void GateHeatmap::labelTokens() {
    auto ticks = qSharedPointerCast<QCPAxisTickerText>(m_plot->xAxis->ticker());
    ticks->clear();
    const int steps = stepCount();
    if (steps == 0) return;
    const double cellPixels = std::max(1, m_plot->axisRect()->width()) / double(steps);
    QFont labelFont;
    bool rotated = false;
    int every = 1;
    for (double scale : kLabelScales) {
        labelFont = PlotTheme::scaledFont(m_plot->font(), scale);
        const QFontMetrics metrics(labelFont);
        int widest = 0;
        for (const QString& token : m_tokens) widest = std::max(widest, metrics.horizontalAdvance(token));
        rotated = widest > metrics.height(); // on its side a label needs only the font's height
        const double needed = (rotated ? metrics.height() : widest) + 1.0;
        every = std::max(1, static_cast<int>(std::ceil(needed / cellPixels)));
        if (every == 1) break;
    }
    m_plot->xAxis->setTickLabelFont(labelFont);
    m_plot->xAxis->setTickLabelRotation(rotated ? 90 : 0);
    for (int c = 0; c < steps; c += every) ticks->addTick(c, c < m_tokens.size() ? m_tokens[c] : QString());
}

void GateHeatmap::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    m_plot->replot(QCustomPlot::rpImmediateRefresh); // the axis rect at the new size...
    labelTokens();                                   // ...decides how the tokens fit
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void GateHeatmap::keyPressEvent(QKeyEvent* event) {
    const int units = unitCount(), row = rowOfUnit(m_highlighted);
    int next = -1;
    switch (event->key()) {
    case Qt::Key_Down:
        next = row < 0 ? 0 : std::min(row + 1, units - 1);
        break;
    case Qt::Key_Up:
        next = row < 0 ? 0 : std::max(row - 1, 0);
        break;
    case Qt::Key_Home:
        next = 0;
        break;
    case Qt::Key_End:
        next = units - 1;
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    if (units > 0) Q_EMIT unitClicked(unitAtRow(next));
}

void GateHeatmap::placeOutline() {
    const int row = rowOfUnit(m_highlighted);
    m_outline->setVisible(row >= 0);
    if (row < 0) return;
    m_outline->topLeft->setCoords(-0.5, row - 0.5);
    m_outline->bottomRight->setCoords(stepCount() - 0.5, row + 0.5);
}

} // namespace attnlab::ui
