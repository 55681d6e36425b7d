#include "ui/panels/ElidedLabel.h"

#include <QFontMetrics>

#include <cmath>

namespace attnlab::ui {

namespace {
// Wide enough for "…" and a word; the layout gives it more when there is room.
constexpr int kMinimumCharacters = 6;
} // namespace

ElidedLabel::ElidedLabel(QWidget* parent) : QLabel(parent) {
    setTextFormat(Qt::PlainText); // decoded output and file contents are never read as HTML
    setWordWrap(false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ElidedLabel::setFullText(const QString& text) {
    m_fullText = text;
    updateShownText();
    updateGeometry(); // the size hint follows the text; the minimum does not
}

void ElidedLabel::setBaseToolTip(const QString& toolTip) {
    m_baseToolTip = toolTip;
    updateShownText();
}

QSize ElidedLabel::minimumSizeHint() const {
    const QMargins m = contentsMargins();
    return {fontMetrics().averageCharWidth() * kMinimumCharacters + m.left() + m.right(),
            fontMetrics().height() + m.top() + m.bottom()};
}

QSize ElidedLabel::sizeHint() const {
    const QMargins m = contentsMargins();
    // Rounded up, plus a pixel: elidedText measures in fractions and would cut a text that fits.
    const int textWidth = int(std::ceil(QFontMetricsF(font()).horizontalAdvance(m_fullText))) + 1;
    return {textWidth + m.left() + m.right(), fontMetrics().height() + m.top() + m.bottom()};
}

void ElidedLabel::resizeEvent(QResizeEvent* event) {
    QLabel::resizeEvent(event);
    updateShownText();
}

void ElidedLabel::updateShownText() {
    // A newline would make a second line; in one line it reads as a separator.
    QString oneLine = m_fullText;
    oneLine.replace(QLatin1Char('\n'), QStringLiteral(" \u00B7 "));
    const QString shown = fontMetrics().elidedText(oneLine, Qt::ElideRight, contentsRect().width());
    if (shown != text()) setText(shown);
    m_elided = shown != oneLine;
    QStringList tip;
    if (!m_baseToolTip.isEmpty()) tip << m_baseToolTip;
    if (m_elided || oneLine != m_fullText) tip << m_fullText;
    setToolTip(tip.join(QLatin1Char('\n')));
}

} // namespace attnlab::ui
