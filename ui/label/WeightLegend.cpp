#include "ui/label/WeightLegend.h"

#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"

#include <QEvent>
#include <QPainter>

namespace attnlab::ui {

namespace {
const QString kLow = QStringLiteral("0%");
const QString kHigh = QStringLiteral("100%");
} // namespace

WeightLegend::WeightLegend(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("WeightLegend"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(text());
    connect(&HeatmapColourChoice::instance(), &HeatmapColourChoice::changed, this,
            qOverload<>(&QWidget::update));
}

QString WeightLegend::text() const {
    return tr("attention weight: %1 to %2").arg(kLow, kHigh);
}

int WeightLegend::rampWidth() const {
    return fontMetrics().averageCharWidth() * 14;
}

QSize WeightLegend::sizeHint() const {
    const QFontMetrics metrics = fontMetrics();
    const int gap = metrics.averageCharWidth();
    const int width = metrics.horizontalAdvance(tr("attention weight")) + gap * 4 +
                      metrics.horizontalAdvance(kLow) + rampWidth() + metrics.horizontalAdvance(kHigh);
    return {width, int(metrics.height() * 1.3 + 0.5)};
}

void WeightLegend::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QFontMetrics metrics = fontMetrics();
    const int gap = metrics.averageCharWidth();
    painter.setPen(palette().color(QPalette::WindowText));
    int x = 0;
    auto write = [&](const QString& s) {
        painter.drawText(QRect(x, 0, metrics.horizontalAdvance(s), height()), Qt::AlignVCenter, s);
        x += metrics.horizontalAdvance(s) + gap;
    };
    write(tr("attention weight"));
    x += gap;
    write(kLow);
    // One column per pixel, each the colour its weight gets in the text and the heatmap.
    const HeatmapColours colours = HeatmapColourChoice::instance().current();
    const int ramp = rampWidth();
    const int top = height() / 5, rampHeight = height() - 2 * top;
    for (int i = 0; i < ramp; ++i)
        painter.fillRect(x + i, top, 1, rampHeight, heatmapColor(colours, double(i) / std::max(ramp - 1, 1)));
    x += ramp + gap;
    write(kHigh);
}

void WeightLegend::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) updateGeometry();
}

} // namespace attnlab::ui
