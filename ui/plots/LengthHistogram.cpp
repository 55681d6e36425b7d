#include "ui/plots/LengthHistogram.h"

#include "ui/plots/PlotTheme.h"

#include <QToolTip>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {
namespace {

const QColor SourceColor(31, 119, 180); // the blue and orange every plotting library starts with
const QColor TargetColor(255, 127, 14);

QCPBars* makeBars(QCustomPlot* plot, const QString& name, const QColor& color, QCPBarsGroup* group) {
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(name);
    bars->setPen(QPen(color.darker(130)));
    bars->setBrush(color);
    bars->setBarsGroup(group);
    return bars;
}

// Index of the last non-zero count in either series, or -1 when both are empty.
int lastUsedLength(const std::vector<int>& a, const std::vector<int>& b) {
    for (int n = static_cast<int>(std::max(a.size(), b.size())) - 1; n >= 0; --n) {
        const auto at = [n](const std::vector<int>& v) { return n < static_cast<int>(v.size()) ? v[n] : 0; };
        if (at(a) > 0 || at(b) > 0) return n;
    }
    return -1;
}

int firstUsedLength(const std::vector<int>& a, const std::vector<int>& b, int last) {
    for (int n = 0; n <= last; ++n) {
        const auto at = [n](const std::vector<int>& v) { return n < static_cast<int>(v.size()) ? v[n] : 0; };
        if (at(a) > 0 || at(b) > 0) return n;
    }
    return 0;
}

// A tick step that is a multiple of the bar width and gives at most about ten ticks.
double tickStep(int binWidth, int bins) {
    int step = binWidth;
    for (int factor : {2, 5, 10, 20, 50, 100}) {
        if (bins * binWidth / step <= 10) break;
        step = binWidth * factor;
    }
    return step;
}

} // namespace

LengthHistogram::LengthHistogram(QWidget* parent) : QWidget(parent) {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName("lengthHistogramPlot");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    auto* group = new QCPBarsGroup(m_plot);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(1);
    m_source = makeBars(m_plot, tr("source"), SourceColor, group);
    m_target = makeBars(m_plot, tr("target"), TargetColor, group);

    m_plot->xAxis->setLabel(tr("length in tokens"));
    m_plot->yAxis->setLabel(tr("pairs"));
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->grid()->setVisible(false);
    // The legend gets a row of its own above the bars, so it never hides the tallest ones.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setBorderPen(Qt::NoPen);
    // An empty element to its left takes the spare width: the legend sits compact at the right.
    auto* legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, legendRow);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    legendRow->addElement(0, 0, new QCPLayoutElement(m_plot));
    legendRow->addElement(0, 1, m_plot->legend);
    legendRow->setColumnStretchFactor(0, 1);
    legendRow->setColumnStretchFactor(1, 0.001);
    // Nine lines of the font: the bars, their axis and the legend stay readable at a larger font.
    m_plot->setMinimumHeight(9 * fontMetrics().height());
    PlotTheme::follow(*m_plot, [this] { m_plot->setMinimumHeight(9 * m_plot->fontMetrics().height()); });
    connect(m_plot, &QCustomPlot::mouseMove, this, &LengthHistogram::onMouseMove);
    clear();
}

void LengthHistogram::clear() {
    setLengthCounts({}, {});
}

void LengthHistogram::setLengthCounts(const std::vector<int>& sourceCounts,
                                      const std::vector<int>& targetCounts) {
    const int last = lastUsedLength(sourceCounts, targetCounts);
    m_firstLength = 0;
    m_binWidth = 1;
    m_binCount = 0;
    m_sourceBins.clear();
    m_targetBins.clear();
    if (last >= 0) {
        const int first = firstUsedLength(sourceCounts, targetCounts, last);
        m_binWidth = std::max(1, (last - first + MaxBins) / MaxBins); // ceil(span / MaxBins)
        m_firstLength = first / m_binWidth * m_binWidth;              // bars start at multiples of the width
        m_binCount = (last - m_firstLength) / m_binWidth + 1;
        m_sourceBins.assign(static_cast<std::size_t>(m_binCount), 0);
        m_targetBins.assign(static_cast<std::size_t>(m_binCount), 0);
        const auto fill = [this](const std::vector<int>& counts, std::vector<int>& bins) {
            for (int n = m_firstLength; n < static_cast<int>(counts.size()); ++n)
                bins[static_cast<std::size_t>((n - m_firstLength) / m_binWidth)] +=
                    counts[static_cast<std::size_t>(n)];
        };
        fill(sourceCounts, m_sourceBins);
        fill(targetCounts, m_targetBins);
    }

    QVector<double> keys;
    QVector<double> sourceValues;
    QVector<double> targetValues;
    int highest = 0;
    for (int k = 0; k < m_binCount; ++k) {
        // The key is the middle of the lengths the bar covers.
        keys << m_firstLength + k * m_binWidth + (m_binWidth - 1) / 2.0;
        sourceValues << m_sourceBins[static_cast<std::size_t>(k)];
        targetValues << m_targetBins[static_cast<std::size_t>(k)];
        highest = std::max(
            {highest, m_sourceBins[static_cast<std::size_t>(k)], m_targetBins[static_cast<std::size_t>(k)]});
    }
    m_source->setData(keys, sourceValues, true);
    m_target->setData(keys, targetValues, true);
    m_source->setWidth(0.42 * m_binWidth);
    m_target->setWidth(0.42 * m_binWidth);

    // Frames or cells: as short as the tokens' label, so a narrow dock cuts neither.
    if (m_sourceUnit == QLatin1String("tokens"))
        m_plot->xAxis->setLabel(m_binWidth == 1
                                    ? tr("length in tokens")
                                    : tr("length in tokens (each bar covers %1 lengths)").arg(m_binWidth));
    else
        m_plot->xAxis->setLabel(
            m_binWidth == 1
                ? tr("length (source in %1)").arg(m_sourceUnit)
                : tr("length (source in %1), bars of %2 lengths").arg(m_sourceUnit).arg(m_binWidth));
    qSharedPointerCast<QCPAxisTickerFixed>(m_plot->xAxis->ticker())
        ->setTickStep(tickStep(m_binWidth, m_binCount));
    const double lower = m_firstLength - 0.5;
    const double upper = m_firstLength + std::max(m_binCount, 1) * m_binWidth - 0.5;
    m_plot->xAxis->setRange(lower, upper);
    m_plot->yAxis->setRange(0, highest > 0 ? highest * 1.12 : 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString LengthHistogram::hoverTextAt(QPointF pixel) const {
    if (m_binCount == 0 || !m_plot->axisRect()->rect().contains(pixel.toPoint())) return {};
    const double key = m_plot->xAxis->pixelToCoord(pixel.x());
    const int bin = static_cast<int>(std::floor((key + 0.5 - m_firstLength) / m_binWidth));
    if (bin < 0 || bin >= m_binCount) return {};
    const int from = m_firstLength + bin * m_binWidth;
    const QString lengths = m_binWidth == 1 ? tr("length %1").arg(from)
                                            : tr("lengths %1\u2013%2").arg(from).arg(from + m_binWidth - 1);
    return tr("%1: %2 source, %3 target pairs")
        .arg(lengths)
        .arg(m_sourceBins[static_cast<std::size_t>(bin)])
        .arg(m_targetBins[static_cast<std::size_t>(bin)]);
}

void LengthHistogram::onMouseMove(QMouseEvent* event) {
    const QString text = hoverTextAt(event->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
}

} // namespace attnlab::ui
