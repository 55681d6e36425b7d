#include "ui/plots/AlignmentHeatmap.h"

#include "ui/plots/AxisTokenLabels.h"
#include "ui/plots/CellOutline.h"
#include "ui/plots/ColorGradients.h"
#include "ui/plots/DistributionStrip.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/HeatmapNavigator.h"
#include "ui/plots/PlotTheme.h"
#include "ui/shortcuts/ShortcutList.h"

#include <qcustomplot.h>

#include <QKeyEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnlab::ui {

namespace {

constexpr int kMapRightMargin = 8;
constexpr int kMapBottomMargin = 4;
const QColor kGoldColor(0xff, 0x3b, 0x6b); // a pink-red that viridis never contains
const QColor kOutlineDark(0x10, 0x10, 0x10);

// Cell centres sit on integer coordinates 0..n-1; QCPColorMapData spreads n cells over its range
// with the outer cells centred on the range ends, and a single cell over the whole range.
QCPRange cellRange(int n) {
    return n > 1 ? QCPRange(0, n - 1) : QCPRange(-0.5, 0.5);
}

QString quoted(const TokenLabel& label) {
    return QStringLiteral("'%1'").arg(label.text);
}

} // namespace

AlignmentHeatmap::AlignmentHeatmap(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("AlignmentHeatmap"));
    setFocusPolicy(Qt::StrongFocus);
    describeViewKeys(*this, tr("Heatmaps"),
                     {{tr("Up, Down"), tr("Follow the previous or next output row")},
                      {tr("Esc"), tr("Stop following a row")},
                      {tr("Ctrl+Wheel, +, -"), tr("Zoom in or out (the wheel: around the mouse)")},
                      {tr("0"), tr("Show the whole matrix (Fit)")},
                      {tr("Wheel, Shift+Wheel, drag"), tr("Scroll rows, scroll columns, pan (when zoomed)")},
                      {tr("Left, Right"), tr("Scroll columns (when zoomed)")}});
    buildPlot();
    showEmptyState(true);
}

AlignmentHeatmap::~AlignmentHeatmap() = default;

void AlignmentHeatmap::buildPlot() {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("heatmapPlot"));
    m_plot->setMouseTracking(true); // hover tooltips without a pressed button
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    m_mapRect = m_plot->axisRect();
    m_mapRect->setAutoMargins(QCP::msNone); // the token labels are items: fitLabels() sizes the margins
    for (QCPAxis* axis : m_mapRect->axes()) {
        axis->setVisible(false);
        axis->grid()->setVisible(false);
    }
    m_mapRect->axis(QCPAxis::atLeft)->setRangeReversed(true); // output row 0 at the top

    m_map = new QCPColorMap(m_mapRect->axis(QCPAxis::atBottom), m_mapRect->axis(QCPAxis::atLeft));
    m_map->data()->clear();       // QCPColorMap starts with a 10 x 10 map of zeros
    m_map->setInterpolate(false); // attention cells are discrete; blending them would invent weights
    m_map->setTightBoundary(false);
    m_scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(14);
    m_scale->setRangeDrag(false);
    m_scale->setRangeZoom(false);
    m_scale->axis()->setLabel(tr("attention weight"));
    m_scale->setAutoMargins(QCP::msNone);
    m_map->setColorScale(m_scale);
    m_map->setGradient(heatmapGradient(HeatmapColourChoice::instance().current()));
    connect(&HeatmapColourChoice::instance(), &HeatmapColourChoice::changed, this,
            [this](HeatmapColours colours) {
                m_map->setGradient(heatmapGradient(colours)); // the colour scale follows its map
                m_plot->replot(QCustomPlot::rpQueuedReplot);
            });
    m_map->setDataRange(QCPRange(0.0, 1.0)); // fixed: a flat row must look flat, not rescaled

    m_goldSure = new QCPGraph(m_mapRect->axis(QCPAxis::atBottom), m_mapRect->axis(QCPAxis::atLeft));
    m_goldPossible = new QCPGraph(m_mapRect->axis(QCPAxis::atBottom), m_mapRect->axis(QCPAxis::atLeft));
    for (QCPGraph* graph : {m_goldSure, m_goldPossible}) {
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setSelectable(QCP::stNone);
    }
    m_goldSure->setName(tr("gold (sure)"));
    m_goldSure->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 1.2), kGoldColor, 8));
    m_goldPossible->setName(tr("gold (possible)"));
    m_goldPossible->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(kGoldColor, 2.0), Qt::NoBrush, 9));

    m_rowOutline = new CellOutline(m_mapRect, {QPen(kOutlineDark, 4.0), QPen(Qt::white, 2.0)}, this);
    m_strip = std::make_unique<DistributionStrip>(m_plot, 1, 0);

    m_emptyText = new QCPItemText(m_plot);
    m_emptyText->setClipToAxisRect(false);
    m_emptyText->position->setType(QCPItemPosition::ptViewportRatio);
    m_emptyText->position->setCoords(0.5, 0.5);
    m_emptyText->setText(tr("No alignment yet.\nInspect a sentence to see where the model looks."));
    PlotTheme::setMuted(*m_emptyText);
    PlotTheme::setFontScale(*m_emptyText, 1.0);

    m_sourceAxisLabels = std::make_unique<AxisTokenLabels>(m_plot, m_mapRect, AxisTokenLabels::Edge::Top);
    m_outputAxisLabels = std::make_unique<AxisTokenLabels>(m_plot, m_mapRect, AxisTokenLabels::Edge::Left);

    m_navigator = new HeatmapNavigator(m_plot, m_mapRect, m_strip->rect()->axis(QCPAxis::atBottom));
    connect(m_navigator, &HeatmapNavigator::viewChanged, this,
            [this] { m_plot->replot(QCustomPlot::rpQueuedReplot); });

    PlotTheme::follow(*m_plot);
    connect(m_plot, &QCustomPlot::beforeReplot, this, &AlignmentHeatmap::fitLabels);
    connect(m_plot, &QCustomPlot::mousePress, this, &AlignmentHeatmap::onMousePress);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &AlignmentHeatmap::onMouseRelease);
    connect(m_plot, &QCustomPlot::mouseMove, this, &AlignmentHeatmap::onMouseMove);
}

void AlignmentHeatmap::setAlignment(const std::vector<std::string>& sourceTokens,
                                    const std::vector<std::string>& outputTokens,
                                    const Matrix<float>& weights, const Alignment& gold) {
    requireShape(weights, Eigen::Index(outputTokens.size()), Eigen::Index(sourceTokens.size()),
                 "AlignmentHeatmap::setAlignment weights (T x S)");
    if (sourceTokens.empty() || outputTokens.empty()) {
        clear();
        return;
    }
    const bool samePair = sourceTokens == m_sourceTokens && outputTokens == m_outputTokens;
    m_sourceTokens = sourceTokens;
    m_outputTokens = outputTokens;
    m_weights = weights;
    const int S = sourceCount();
    const int T = outputCount();

    m_map->data()->setSize(S, T);
    m_map->data()->setRange(cellRange(S), cellRange(T));
    for (int t = 0; t < T; ++t)
        for (int s = 0; s < S; ++s) {
            // The gradient greys out NaN; an infinite weight (a diverged model) is not a colour either.
            const double w = weights(t, s);
            m_map->data()->setCell(s, t, std::isfinite(w) ? w : std::numeric_limits<double>::quiet_NaN());
        }
    m_strip->setColumnCount(S);
    if (!samePair) m_navigator->setMatrix(S, T); // a new sentence starts whole

    QVector<double> sureKeys, sureValues, possibleKeys, possibleValues;
    for (const AlignmentLink& link : gold) {
        if (link.source < 0 || link.source >= S || link.target < 0 || link.target >= T) continue;
        (link.sure ? sureKeys : possibleKeys).push_back(link.source);
        (link.sure ? sureValues : possibleValues).push_back(link.target);
    }
    m_goldSure->setData(sureKeys, sureValues);
    m_goldPossible->setData(possibleKeys, possibleValues);

    m_sourceAxisLabels->setLabels(tokenLabels(sourceTokens));
    m_strip->setTokenLabels(m_sourceAxisLabels->texts());
    m_outputAxisLabels->setLabels(tokenLabels(outputTokens));
    showEmptyState(false);
    // A new sentence keeps the followed row (if it has that many), so stepping through examples
    // keeps the reader's place.
    setHighlight(m_highlightedRow < T ? m_highlightedRow : -1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void AlignmentHeatmap::clear() {
    m_sourceTokens.clear();
    m_outputTokens.clear();
    m_weights.resize(0, 0);
    m_map->data()->clear();
    m_goldSure->data()->clear();
    m_goldPossible->data()->clear();
    m_sourceAxisLabels->clear();
    m_outputAxisLabels->clear();
    m_navigator->setMatrix(0, 0);
    setHighlight(-1);
    showEmptyState(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void AlignmentHeatmap::showEmptyState(bool empty) {
    m_emptyText->setVisible(empty);
    m_map->setVisible(!empty);
    if (m_scale) m_scale->setVisible(!empty);
    m_strip->setVisible(!empty && !m_compact);
}

void AlignmentHeatmap::setCompact() {
    if (m_compact) return;
    m_compact = true;
    // The map keeps its fixed 0..1 data range without the scale.
    m_map->setColorScale(nullptr);
    m_map->setDataRange(QCPRange(0.0, 1.0));
    m_plot->plotLayout()->take(m_scale);
    m_plot->plotLayout()->simplify();
    delete m_scale;
    m_scale = nullptr;
    m_strip->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

double AlignmentHeatmap::cellValue(int outputRow, int sourceColumn) const {
    if (outputRow < 0 || outputRow >= outputCount() || sourceColumn < 0 || sourceColumn >= sourceCount())
        return std::numeric_limits<double>::quiet_NaN();
    return m_map->data()->cell(sourceColumn, outputRow);
}

QStringList AlignmentHeatmap::sourceLabels() const {
    return m_sourceAxisLabels->texts();
}
QStringList AlignmentHeatmap::outputLabels() const {
    return m_outputAxisLabels->texts();
}
TokenLabel AlignmentHeatmap::sourceLabel(int column) const {
    return m_sourceAxisLabels->label(column);
}
TokenLabel AlignmentHeatmap::outputLabel(int row) const {
    return m_outputAxisLabels->label(row);
}
int AlignmentHeatmap::sureMarkerCount() const {
    return m_goldSure->dataCount();
}
int AlignmentHeatmap::possibleMarkerCount() const {
    return m_goldPossible->dataCount();
}

QRectF AlignmentHeatmap::shownCells() const {
    if (outputCount() == 0) return {};
    const QCPAxis* x = m_mapRect->axis(QCPAxis::atBottom);
    const QCPAxis* y = m_mapRect->axis(QCPAxis::atLeft);
    const QRectF matrix(QPointF(x->coordToPixel(-0.5), y->coordToPixel(-0.5)),
                        QPointF(x->coordToPixel(sourceCount() - 0.5), y->coordToPixel(outputCount() - 0.5)));
    return matrix.normalized().intersected(QRectF(m_mapRect->rect()));
}

int AlignmentHeatmap::rowAt(QPointF pixel) const {
    const QRectF cells = shownCells();
    // QCustomPlot maps a vertical range onto the rect's top - 1 .. bottom: the last row is inclusive.
    if (cells.isEmpty() || pixel.y() < cells.top() || pixel.y() > cells.bottom()) return -1;
    if (pixel.x() >= cells.right()) return -1; // left of the map is the labels: still the row
    const int row = int(std::lround(m_mapRect->axis(QCPAxis::atLeft)->pixelToCoord(pixel.y())));
    return row >= 0 && row < outputCount() ? row : -1;
}

int AlignmentHeatmap::columnAt(QPointF pixel) const {
    const QRectF cells = shownCells();
    if (cells.isEmpty() || pixel.x() < cells.left() || pixel.x() >= cells.right()) return -1;
    const int column = int(std::lround(m_mapRect->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x())));
    return column >= 0 && column < sourceCount() ? column : -1;
}

QString AlignmentHeatmap::toolTipAt(QPointF pixel) const {
    const QRectF map = shownCells();
    const int column = columnAt(pixel);
    const int row = rowAt(pixel);
    auto cellText = [this](int t, int s) {
        return tr("%1 \u2192 %2: %3")
            .arg(outputName(t), sourceName(s))
            .arg(double(m_weights(t, s)), 0, 'f', 4);
    };
    if (row >= 0 && column >= 0) return cellText(row, column);
    // Over a label: the whole token, which the label may show shortened.
    if (column >= 0 && pixel.y() < map.top()) return sourceName(column);
    if (row >= 0 && pixel.x() < map.left()) return outputName(row);
    if (column >= 0 && m_highlightedRow >= 0 && m_strip->rect()->rect().contains(pixel.toPoint()))
        return cellText(m_highlightedRow, column);
    return {};
}

// Positions count from 1, as a reader counts tokens: "output 6 of 14 'x'".
QString AlignmentHeatmap::outputName(int row) const {
    return tr("output %1 of %2 %3").arg(row + 1).arg(outputCount()).arg(quoted(outputLabel(row)));
}

QString AlignmentHeatmap::sourceName(int column) const {
    return tr("source %1 of %2 %3").arg(column + 1).arg(sourceCount()).arg(quoted(sourceLabel(column)));
}

std::vector<double> AlignmentHeatmap::highlightedDistribution() const {
    return m_strip->values();
}

QCPAxisRect* AlignmentHeatmap::stripRect() const {
    return m_strip->rect();
}

void AlignmentHeatmap::highlightRow(int row) {
    setHighlight(row);
    if (m_highlightedRow >= 0) m_navigator->showRow(m_highlightedRow);
}

void AlignmentHeatmap::setHighlight(int row) {
    m_highlightedRow = (row >= 0 && row < outputCount()) ? row : -1;
    if (m_highlightedRow >= 0)
        m_rowOutline->setCells(0, sourceCount() - 1, m_highlightedRow, m_highlightedRow);
    else
        m_rowOutline->hide();
    m_outputAxisLabels->setHighlighted(m_highlightedRow);
    updateStrip();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void AlignmentHeatmap::setHovered(int row, int column) {
    if (row == m_outputAxisLabels->hovered() && column == m_sourceAxisLabels->hovered()) return;
    m_outputAxisLabels->setHovered(row);
    m_sourceAxisLabels->setHovered(column);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void AlignmentHeatmap::updateStrip() {
    if (m_highlightedRow < 0) return m_strip->showHint();
    std::vector<double> weights(static_cast<size_t>(sourceCount()));
    for (int s = 0; s < sourceCount(); ++s) weights[size_t(s)] = double(m_weights(m_highlightedRow, s));
    m_strip->showDistribution(tr("%1 attends to:").arg(outputName(m_highlightedRow)), weights);
}

// Runs before every replot, when the widget size is known: label rotation, label thinning and the
// margins all depend on the pixel size of a cell, which depends on the margins. Two layout passes
// settle it (the second only when the first changed a margin).
void AlignmentHeatmap::fitLabels() {
    if (outputCount() == 0) return;
    QCPLayoutGrid* grid = m_plot->plotLayout();
    // Labels take at most a fifth of the width and a sixth of the height: a 100-word sentence's
    // long words must leave the cells their room (the tooltip names each token whole).
    const QRect viewport = m_plot->viewport();
    const int leftLabelPixels = std::clamp(viewport.width() / 5, 40, AxisTokenLabels::kMaxLabelPixels);
    const int topLabelPixels = std::clamp(viewport.height() / 6, 40, AxisTokenLabels::kMaxLabelPixels);
    auto layOut = [&] {
        grid->setOuterRect(viewport);
        grid->update(QCPLayoutElement::upPreparation);
        grid->update(QCPLayoutElement::upMargins);
        grid->update(QCPLayoutElement::upLayout);
        const QRect rect = m_mapRect->rect();
        m_navigator->layout(rect, QRect(viewport.topLeft(), QPoint(rect.left() - 1, rect.top() - 1)));
    };
    for (int pass = 0; pass < 3; ++pass) {
        layOut();
        const HeatmapViewport& view = m_navigator->viewport();
        const int top = m_sourceAxisLabels->fit(view.cellWidth(), topLabelPixels);
        const int left = std::max(
            m_outputAxisLabels->fit(view.cellHeight(), leftLabelPixels, DistributionStrip::kAxisWidth),
            DistributionStrip::kAxisWidth);
        const int stripHeight = m_strip->outerHeight();
        m_strip->fitLabels(view.cellWidth(), topLabelPixels);
        const QMargins mapMargins(left, top, kMapRightMargin, kMapBottomMargin);
        if (mapMargins == m_mapRect->margins() && stripHeight == m_strip->outerHeight()) break;
        m_mapRect->setMargins(mapMargins);
        m_strip->setHorizontalMargins(left, kMapRightMargin);
        if (m_scale) m_scale->setMargins(QMargins(6, top, 4, kMapBottomMargin));
    }
    layOut(); // the view for the margins the labels settled on
    m_sourceAxisLabels->updateVisibility();
    m_outputAxisLabels->updateVisibility();
}

void AlignmentHeatmap::onMousePress(QMouseEvent* event) {
    m_pressPos = event->position();
    m_pressed = event->button() == Qt::LeftButton;
}

void AlignmentHeatmap::onMouseRelease(QMouseEvent* event) {
    if (!m_pressed || event->button() != Qt::LeftButton) return;
    m_pressed = false;
    if ((event->position() - m_pressPos).manhattanLength() > 4) return; // a drag, not a click
    const int row = rowAt(event->position());
    if (row < 0) return;
    highlightRow(row);
    Q_EMIT rowSelected(row);
}

void AlignmentHeatmap::onMouseMove(QMouseEvent* event) {
    setHovered(rowAt(event->position()), columnAt(event->position()));
    const QString tip = toolTipAt(event->position());
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, m_plot);
}

void AlignmentHeatmap::leaveEvent(QEvent* event) {
    setHovered(-1, -1);
    QWidget::leaveEvent(event);
}

void AlignmentHeatmap::keyPressEvent(QKeyEvent* event) {
    if (outputCount() == 0) return QWidget::keyPressEvent(event);
    if (m_navigator->handleKey(event)) return;
    int row = m_highlightedRow;
    switch (event->key()) {
    case Qt::Key_Up:
        row = row <= 0 ? 0 : row - 1;
        break;
    case Qt::Key_Down:
        row = row < 0 ? 0 : std::min(row + 1, outputCount() - 1);
        break;
    case Qt::Key_Escape:
        highlightRow(-1);
        return;
    default:
        return QWidget::keyPressEvent(event);
    }
    highlightRow(row);
    Q_EMIT rowSelected(row);
}

} // namespace attnlab::ui
