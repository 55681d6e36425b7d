#include "ui/DistributionStrip.h"

#include <qcustomplot.h>

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
    m_rect->setMinimumSize(0, kHeight);
    m_rect->setMaximumSize(QWIDGETSIZE_MAX, kHeight);
    m_rect->setMargins(QMargins(kAxisWidth, 6, 8, 10));

    QCPAxis* x = m_rect->axis(QCPAxis::atBottom);
    QCPAxis* y = m_rect->axis(QCPAxis::atLeft);
    auto columnTicks = QSharedPointer<QCPAxisTickerFixed>::create();
    columnTicks->setTickStep(1.0); // a tick under every column
    x->setTicker(columnTicks);
    x->setTickLabels(false);
    x->setSubTicks(false);
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
    m_title->setColor(QColor(0x50, 0x50, 0x50));
    showHint();
}

void DistributionStrip::setColumnCount(int columns) {
    m_rect->axis(QCPAxis::atBottom)->setRange(-0.5, columns - 0.5);
}

void DistributionStrip::setHorizontalMargins(int left, int right) {
    QMargins margins = m_rect->margins();
    margins.setLeft(left);
    margins.setRight(right);
    m_rect->setMargins(margins);
}

void DistributionStrip::setVisible(bool visible) {
    m_rect->setVisible(visible);
    m_title->setVisible(visible);
    m_rect->axis(QCPAxis::atBottom)->setVisible(visible);
    m_rect->axis(QCPAxis::atLeft)->setVisible(visible);
}

void DistributionStrip::showDistribution(const QString& title, const std::vector<double>& weights) {
    QVector<double> keys, values;
    for (size_t s = 0; s < weights.size(); ++s) {
        keys.push_back(double(s));
        values.push_back(weights[s]);
    }
    m_bars->setData(keys, values, true);
    m_title->setText(title);
}

void DistributionStrip::showHint() {
    m_bars->data()->clear();
    m_title->setText(QObject::tr("Click an output row to see its distribution over the source."));
}

std::vector<double> DistributionStrip::values() const {
    std::vector<double> values;
    for (auto it = m_bars->data()->constBegin(); it != m_bars->data()->constEnd(); ++it)
        values.push_back(it->value);
    return values;
}

} // namespace attnlab::ui
