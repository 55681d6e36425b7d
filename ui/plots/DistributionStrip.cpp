#include "ui/plots/DistributionStrip.h"

#include "ui/plots/AxisTokenLabels.h"
#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {

namespace {

constexpr double kTop = 1.3;              // headroom above weight 1 for the title
const QColor kBarColor(0x21, 0x91, 0x8c); // viridis at 0.5

} // namespace

DistributionStrip::DistributionStrip(QCustomPlot* plot, int row, int column) {
    m_rect = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(row, column, m_rect);
    m_rect->setAutoMargins(QCP::msNone);
    m_rect->setSizeConstraintRect(QCPLayoutElement::scrOuterRect);
    m_rect->setMargins(QMargins(kAxisWidth, 6, 8, 10));

    QCPAxis* x = m_rect->axis(QCPAxis::atBottom);
    QCPAxis* y = m_rect->axis(QCPAxis::atLeft);
    x->setTicker(QSharedPointer<QCPAxisTickerText>::create()); // a token under every column
    x->setSubTicks(false);
    x->setTickLabelPadding(3);
    x->setTickLengthIn(0);
    x->setTickLengthOut(3);
    x->grid()->setVisible(false);
    auto weightTicks = QSharedPointer<QCPAxisTickerText>::create();
    weightTicks->addTick(0.0, QStringLiteral("0"));
    weightTicks->addTick(0.5, QStringLiteral("0.5"));
    weightTicks->addTick(1.0, QStringLiteral("1"));
    y->setTicker(weightTicks);
    y->setSubTicks(false);
    y->setRange(0.0, kTop);

    m_bars = new QCPBars(x, y);
    m_bars->setWidth(0.8);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(kBarColor);
    m_bars->setSelectable(QCP::stNone);

    m_title = new QCPItemText(plot);
    m_title->setClipToAxisRect(false);
    m_title->setSelectable(false);
    m_title->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_title->position->setAxisRect(m_rect);
    m_title->position->setCoords(0.0, 0.0);
    m_title->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_title->setPadding(QMargins(4, 2, 4, 2));
    PlotTheme::setMuted(*m_title); // the plot's PlotTheme colours it, dark or light
    PlotTheme::setFontScale(*m_title, 1.0);
    showHint();
}

void DistributionStrip::setColumnCount(int columns) {
    m_rect->axis(QCPAxis::atBottom)->setRange(-0.5, columns - 0.5);
}

void DistributionStrip::setTokenLabels(const QStringList& labels) {
    m_labels = labels;
    m_widest.clear();
    m_tickedStep = 0; // fitLabels builds the ticker for its step
    m_rect->axis(QCPAxis::atBottom)->setTicker(QSharedPointer<QCPAxisTickerText>::create());
}

void DistributionStrip::fitLabels(double cellPixels, int maxLabelPixels) {
    QCPAxis* x = m_rect->axis(QCPAxis::atBottom);
    QFont font = x->tickLabelFont();
    const int basePixels =
        std::max(AxisTokenLabels::kMinFontPixels, QFontInfo(m_rect->parentPlot()->font()).pixelSize());
    int widest = 0, lineHeight = 0;
    QFont base = font;
    base.setPixelSize(basePixels);
    if (base != m_measuredFont || maxLabelPixels != m_measuredMaxPixels) {
        m_widest.clear();
        m_measuredFont = base;
        m_measuredMaxPixels = maxLabelPixels;
    }
    // As the map's labels: the largest font at which each column keeps its label, else every
    // step-th label in the largest font the step leaves room for.
    auto along = [&](int pixels, bool decideRotation) {
        font.setPixelSize(pixels);
        const QFontMetrics metrics(font);
        lineHeight = metrics.height();
        auto [cached, added] = m_widest.try_emplace(pixels, 0);
        if (added)
            for (const QString& label : m_labels)
                cached->second =
                    std::max(cached->second, std::min(metrics.horizontalAdvance(label), maxLabelPixels));
        widest = cached->second;
        if (decideRotation) m_rotated = widest + 4 > cellPixels;
        return m_rotated ? lineHeight + 1.0 : widest + 4.0;
    };
    m_step = AxisTokenLabels::fitFont(basePixels, cellPixels, along).step; // along leaves `font` at its size
    if (m_step != m_tickedStep || maxLabelPixels != m_tickedMaxPixels || font != x->tickLabelFont()) {
        // A labelled tick on every step-th column only: QCPAxisTickerText draws every tick it has.
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        const QFontMetrics metrics(font);
        for (int i = 0; i < m_labels.size(); i += m_step)
            ticker->addTick(i, metrics.elidedText(m_labels[i], Qt::ElideMiddle, maxLabelPixels));
        x->setTicker(ticker);
        m_tickedStep = m_step;
        m_tickedMaxPixels = maxLabelPixels;
    }
    x->setTickLabelFont(font);
    x->setTickLabelRotation(m_rotated ? 90 : 0);
    // Room below the bars for the labels drawn, not for a long word thinned out.
    int widestShown = 0;
    const QFontMetrics metrics(font);
    for (int i = 0; i < m_labels.size(); i += m_step)
        widestShown = std::max(widestShown, std::min(metrics.horizontalAdvance(m_labels[i]), maxLabelPixels));
    m_labelExtent = (m_rotated ? widestShown : lineHeight) + 3 + 3 + 4; // text, padding, tick, air
    applyMode();
}

int DistributionStrip::outerHeight() const {
    return m_rect->maximumSize().height();
}

// Without a selected row the strip is one line of hint text, so the map keeps the room; with one
// it is tall enough for bars that can be compared, and the tokens under them.
void DistributionStrip::applyMode() {
    const bool bars = m_visible && m_showsDistribution;
    const int lineHeight = QFontMetrics(m_title->font()).height();
    const int barsHeight = std::clamp(m_rect->parentPlot()->height() / 4, kMinBarsHeight, kBarsHeight);
    const int height = !m_visible ? 0 : bars ? 6 + barsHeight + m_labelExtent : lineHeight + 10;
    QMargins margins = m_rect->margins();
    margins.setTop(bars ? 6 : 0);
    margins.setBottom(bars ? m_labelExtent : 0);
    m_rect->setMargins(margins);
    m_rect->setMinimumSize(0, height);
    m_rect->setMaximumSize(QWIDGETSIZE_MAX, height);
    m_rect->axis(QCPAxis::atBottom)->setVisible(bars);
    m_rect->axis(QCPAxis::atLeft)->setVisible(bars);
    m_bars->setVisible(bars);
    // The title sits above the bars when there are bars, alone in the strip otherwise.
    m_title->position->setCoords(0.0, bars ? 0.0 : 0.5);
    m_title->setPositionAlignment(Qt::AlignLeft | (bars ? Qt::AlignTop : Qt::AlignVCenter));
}

void DistributionStrip::setHorizontalMargins(int left, int right) {
    QMargins margins = m_rect->margins();
    margins.setLeft(left);
    margins.setRight(right);
    m_rect->setMargins(margins);
}

void DistributionStrip::setVisible(bool visible) {
    m_visible = visible;
    m_rect->setVisible(visible);
    m_title->setVisible(visible);
    applyMode();
}

void DistributionStrip::showDistribution(const QString& title, const std::vector<double>& weights) {
    // A diverged model's weights can be NaN or infinite: a bar of that height would reach the raster
    // engine as a rectangle with non-finite corners, so such a column gets no bar and the title
    // says how many are missing.
    QVector<double> keys, values;
    int notNumbers = 0;
    for (size_t s = 0; s < weights.size(); ++s) {
        if (!std::isfinite(weights[s])) {
            ++notNumbers;
            continue;
        }
        keys.push_back(double(s));
        values.push_back(std::clamp(weights[s], 0.0, kTop));
    }
    m_bars->setData(keys, values, true);
    m_showsDistribution = true;
    applyMode();
    m_title->setText(
        notNumbers == 0
            ? title
            : QObject::tr("%1 (%2 weights are not numbers: the model diverged)").arg(title).arg(notNumbers));
}

void DistributionStrip::showHint() {
    m_bars->data()->clear();
    m_showsDistribution = false;
    applyMode();
    m_title->setText(QObject::tr("Click a row to see its weights.")); // short: fits the narrow pinned dock
}

std::vector<double> DistributionStrip::values() const {
    std::vector<double> values;
    for (auto it = m_bars->data()->constBegin(); it != m_bars->data()->constEnd(); ++it)
        values.push_back(it->value);
    return values;
}

} // namespace attnlab::ui
