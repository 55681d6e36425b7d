#include "ui/label/WeightRow.h"

#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/PlotTheme.h"
#include "ui/plots/TokenLabels.h"

#include <qcustomplot.h>

#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace attnlab::ui {

namespace {
// The cell is this many text lines tall: a band that reads as a row, not as a line.
constexpr double kCellLines = 1.8;
} // namespace

WeightRow::WeightRow(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("WeightRow"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("weightRowPlot"));
    m_plot->setMouseTracking(true); // hover tooltips without a pressed button
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    QCPAxisRect* rect = m_plot->axisRect();
    for (QCPAxis* axis : rect->axes()) {
        axis->grid()->setVisible(false);
        axis->setVisible(axis->axisType() == QCPAxis::atBottom);
    }
    QCPAxis* x = m_plot->xAxis;
    x->setBasePen(Qt::NoPen);
    x->setTickPen(Qt::NoPen);
    x->setSubTicks(false);
    x->setTickLabelRotation(-90); // read bottom to top, ending at their cell
    x->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_plot->yAxis->setRange(-0.5, 0.5);
    // The plot's own margins would leave the row a column's width in from the edges.
    rect->setAutoMargins(QCP::msBottom);
    rect->setMargins(QMargins(4, 2, 4, 0));

    m_map = new QCPColorMap(x, m_plot->yAxis);
    m_map->data()->clear();
    m_map->setInterpolate(false); // cells are words: blending them would invent weights
    m_map->setTightBoundary(false);
    m_map->setGradient(heatmapGradient(HeatmapColourChoice::instance().current()));
    m_map->setDataRange(QCPRange(0.0, 1.0)); // fixed, as every heatmap of the window
    connect(&HeatmapColourChoice::instance(), &HeatmapColourChoice::changed, this, [this](HeatmapColours c) {
        m_map->setGradient(heatmapGradient(c));
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    PlotTheme::follow(*m_plot, [this] { restyle(); });
    connect(m_plot, &QCustomPlot::beforeReplot, this, &WeightRow::fitLabels);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const QString tip = toolTipAt(event->position());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), tip, m_plot);
    });
    restyle();
}

void WeightRow::setWeights(const std::vector<QString>& words, const std::vector<double>& weights) {
    if (weights.size() != words.size())
        throw std::invalid_argument("WeightRow::setWeights: " + std::to_string(weights.size()) +
                                    " weights for " + std::to_string(words.size()) + " words");
    m_words.clear();
    for (const QString& word : words) m_words.push_back(tokenLabel(word.toStdString()).text);
    m_weights = weights;
    const int N = count();
    m_map->data()->setSize(std::max(N, 1), 1);
    // Cell centres on 0..N-1; QCPColorMapData centres its outer cells on the range's ends.
    m_map->data()->setRange(N > 1 ? QCPRange(0, N - 1) : QCPRange(-0.5, 0.5), QCPRange(-0.5, 0.5));
    for (int i = 0; i < N; ++i) {
        const double w = weights[size_t(i)];
        m_map->data()->setCell(i, 0, std::isfinite(w) ? w : std::numeric_limits<double>::quiet_NaN());
    }
    m_map->setVisible(N > 0);
    m_plot->xAxis->setRange(-0.5, std::max(N, 1) - 0.5);
    restyle();
}

void WeightRow::clear() {
    setWeights({}, {});
}

double WeightRow::cellValue(int index) const {
    if (index < 0 || index >= count()) return std::numeric_limits<double>::quiet_NaN();
    return m_map->data()->cell(index, 0);
}

QStringList WeightRow::labels() const {
    auto ticker = m_plot->xAxis->ticker().staticCast<QCPAxisTickerText>();
    QStringList out;
    for (int i = 0; i < count(); ++i) out << ticker->ticks().value(double(i));
    return out;
}

int WeightRow::columnAt(QPointF pixel) const {
    const QRect rect = m_plot->axisRect()->rect();
    if (count() == 0 || !rect.contains(pixel.toPoint())) return -1;
    const int column = int(std::lround(m_plot->xAxis->pixelToCoord(pixel.x())));
    return column >= 0 && column < count() ? column : -1;
}

QString WeightRow::toolTipAt(QPointF pixel) const {
    const int i = columnAt(pixel);
    if (i < 0) return {};
    return tr("'%1': %2% of the attention")
        .arg(m_words[size_t(i)])
        .arg(100.0 * m_weights[size_t(i)], 0, 'f', 1);
}

// The height: the cell, then the longest label on end (shortened past kMaxLabelChars), then the
// label's padding. Fixed for a font and words, so the layout above never waits on a replot.
void WeightRow::restyle() {
    const QFontMetrics metrics(m_plot->xAxis->tickLabelFont());
    int longest = 0;
    const int cap = metrics.averageCharWidth() * kMaxLabelChars;
    for (const QString& word : m_words)
        longest =
            std::max(longest, metrics.horizontalAdvance(metrics.elidedText(word, Qt::ElideMiddle, cap)));
    const int cell = int(metrics.height() * kCellLines + 0.5);
    const QMargins margins = m_plot->axisRect()->margins();
    // A line's height past the label: QCustomPlot's own room around rotated labels (their bounding
    // box, the axis offset) is a few pixels more than the text's advance.
    setFixedHeight(margins.top() + cell + longest + m_plot->xAxis->tickLabelPadding() +
                   m_plot->xAxis->offset() + metrics.height());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// Runs before every replot, when the cells' width is known: one label per step-th cell, the step the
// smallest that leaves each shown label a line's height of room.
void WeightRow::fitLabels() {
    const QFontMetrics metrics(m_plot->xAxis->tickLabelFont());
    const double cellWidth = double(m_plot->axisRect()->width()) / std::max(count(), 1);
    m_step = std::max(1, int(std::ceil(metrics.height() * 1.05 / std::max(cellWidth, 1.0))));
    const int cap = metrics.averageCharWidth() * kMaxLabelChars;
    QMap<double, QString> ticks;
    for (int i = 0; i < count(); i += m_step)
        ticks.insert(double(i), metrics.elidedText(m_words[size_t(i)], Qt::ElideMiddle, cap));
    m_plot->xAxis->ticker().staticCast<QCPAxisTickerText>()->setTicks(ticks);
}

} // namespace attnlab::ui
