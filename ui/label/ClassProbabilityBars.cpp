#include "ui/label/ClassProbabilityBars.h"

#include "ui/label/LabelChecks.h"
#include "ui/plots/PlotTheme.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {

namespace {
// Okabe–Ito colours, as the plots' series: blue for the decision, green and vermillion for right and
// wrong, which stay apart for the common colour-vision deficiencies.
const QColor kAccent(0x00, 0x72, 0xb2);
const QColor kRight(0x00, 0x9e, 0x73);
const QColor kWrong(0xd5, 0x5e, 0x00);
const QString kCheck = QStringLiteral("\u2713");
const QString kCross = QStringLiteral("\u2717");

QColor mixed(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}
} // namespace

ClassProbabilityBars::ClassProbabilityBars(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("ClassProbabilityBars"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ClassProbabilityBars::setOutcome(const std::vector<QString>& classes,
                                      const std::vector<double>& probabilities, int predicted, int gold) {
    requireClassOutcome(classes, probabilities, predicted, gold, "ClassProbabilityBars::setOutcome");
    m_classes = classes;
    m_probabilities = probabilities;
    m_predicted = predicted;
    m_gold = gold;
    updateGeometry();
    update();
}

void ClassProbabilityBars::clear() {
    m_classes.clear();
    m_probabilities.clear();
    m_predicted = m_gold = -1;
    updateGeometry();
    update();
}

QString ClassProbabilityBars::percent(double probability) {
    return QStringLiteral("%1%").arg(std::lround(100.0 * probability));
}

QString ClassProbabilityBars::rowText(int index) const {
    return m_classes.at(size_t(index)) + QLatin1Char(' ') + percent(m_probabilities.at(size_t(index)));
}

QString ClassProbabilityBars::headline() const {
    if (m_predicted < 0) return tr("No prediction yet.");
    QString text = tr("Predicted: %1").arg(rowText(m_predicted));
    if (m_gold >= 0)
        text += QLatin1Char(' ') + (m_gold == m_predicted ? kCheck : kCross) +
                tr(" (gold: %1)").arg(m_classes[size_t(m_gold)]);
    return text;
}

ClassProbabilityBars::Geometry ClassProbabilityBars::geometry() const {
    const QFontMetrics metrics(font());
    Geometry g{};
    g.rowHeight = int(metrics.height() * 1.4 + 0.5);
    g.headlineHeight = int(metrics.height() * 1.5 + 0.5);
    g.gap = metrics.averageCharWidth();
    // The predicted class is written in bold: measure every name so, whichever it is.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    g.nameWidth = 0;
    for (const QString& name : m_classes)
        g.nameWidth = std::max(g.nameWidth, boldMetrics.horizontalAdvance(name));
    g.numberWidth = metrics.horizontalAdvance(QStringLiteral("100%"));
    g.markWidth = metrics.horizontalAdvance(tr("gold")) + metrics.horizontalAdvance(kCheck);
    return g;
}

QRect ClassProbabilityBars::trackRect(int index) const {
    const Geometry g = geometry();
    const int left = g.nameWidth + g.gap;
    const int right = width() - g.gap - g.numberWidth - g.gap - g.markWidth;
    const int top = g.headlineHeight + index * g.rowHeight + g.rowHeight / 5;
    return {left, top, std::max(right - left, 1), g.rowHeight - 2 * (g.rowHeight / 5)};
}

QRect ClassProbabilityBars::barRect(int index) const {
    QRect track = trackRect(index);
    track.setWidth(int(std::lround(track.width() * std::clamp(probability(index), 0.0, 1.0))));
    return track;
}

QColor ClassProbabilityBars::barColour(int index) const {
    if (index == m_predicted) return PlotTheme::seriesColour(kAccent, palette());
    return mixed(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.55);
}

QSize ClassProbabilityBars::sizeHint() const {
    const Geometry g = geometry();
    const QFontMetrics metrics(font());
    const int width = std::max(g.nameWidth + g.numberWidth + g.markWidth + 4 * g.gap + 200,
                               metrics.horizontalAdvance(headline()));
    return {width, g.headlineHeight + std::max(count(), 1) * g.rowHeight};
}

QSize ClassProbabilityBars::minimumSizeHint() const {
    const Geometry g = geometry();
    return {g.nameWidth + g.numberWidth + g.markWidth + 4 * g.gap + 40,
            g.headlineHeight + std::max(count(), 1) * g.rowHeight};
}

void ClassProbabilityBars::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QPalette& pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const Geometry g = geometry();
    QFont bold = font();
    bold.setBold(true);
    if (m_predicted < 0) {
        painter.setPen(PlotTheme::mutedText(pal));
        painter.drawText(rect(), Qt::AlignLeft | Qt::AlignTop, headline());
        return;
    }
    // The headline: the decision in bold, then the verdict in its colour.
    painter.setFont(bold);
    painter.setPen(text);
    const QRect headRect(0, 0, width(), g.headlineHeight);
    const QString decision = tr("Predicted: %1").arg(rowText(m_predicted));
    painter.drawText(headRect, Qt::AlignLeft | Qt::AlignVCenter, decision);
    if (m_gold >= 0) {
        const bool right = m_gold == m_predicted;
        const int x = QFontMetrics(bold).horizontalAdvance(decision + QLatin1Char(' '));
        painter.setPen(PlotTheme::seriesColour(right ? kRight : kWrong, pal, 4.5));
        const QString verdict = (right ? kCheck : kCross) + tr(" (gold: %1)").arg(m_classes[size_t(m_gold)]);
        painter.drawText(headRect.adjusted(x, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, verdict);
    }
    const QColor track = mixed(text, pal.color(QPalette::Base), 0.88);
    for (int k = 0; k < count(); ++k) {
        const QRect row(0, g.headlineHeight + k * g.rowHeight, width(), g.rowHeight);
        painter.setFont(k == m_predicted ? bold : font());
        painter.setPen(text);
        painter.drawText(QRect(0, row.top(), g.nameWidth, row.height()), Qt::AlignRight | Qt::AlignVCenter,
                         m_classes[size_t(k)]);
        painter.fillRect(trackRect(k), track);
        painter.fillRect(barRect(k), barColour(k));
        const int numberLeft = trackRect(k).right() + 1 + g.gap;
        painter.drawText(QRect(numberLeft, row.top(), g.numberWidth, row.height()),
                         Qt::AlignRight | Qt::AlignVCenter, percent(m_probabilities[size_t(k)]));
        if (k == m_gold) {
            painter.setFont(font());
            painter.setPen(PlotTheme::mutedText(pal));
            painter.drawText(QRect(numberLeft + g.numberWidth + g.gap, row.top(), g.markWidth, row.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, tr("gold"));
        }
    }
}

void ClassProbabilityBars::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) updateGeometry();
}

} // namespace attnlab::ui
