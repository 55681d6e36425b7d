#include "ui/label/WeightedTextView.h"

#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/PlotTheme.h"
#include "ui/plots/TokenLabels.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace attnlab::ui {

namespace {
// Padding inside a word's box and the gaps between boxes, as fractions of the font's height, so a
// projector's large font keeps the same proportions.
constexpr double kPadX = 0.25;
constexpr double kPadY = 0.12;
constexpr double kGapX = 0.3;
constexpr double kGapY = 0.25;
} // namespace

WeightedTextView::WeightedTextView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("WeightedTextView"));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setMouseTracking(true);
    connect(&HeatmapColourChoice::instance(), &HeatmapColourChoice::changed, this,
            qOverload<>(&QWidget::update));
}

void WeightedTextView::setWords(const std::vector<QString>& words, const std::vector<double>& weights,
                                const std::vector<bool>& evidence) {
    if (!weights.empty() && weights.size() != words.size())
        throw std::invalid_argument("WeightedTextView::setWords: " + std::to_string(weights.size()) +
                                    " weights for " + std::to_string(words.size()) + " words");
    if (!evidence.empty() && evidence.size() != words.size())
        throw std::invalid_argument("WeightedTextView::setWords: " + std::to_string(evidence.size()) +
                                    " evidence flags for " + std::to_string(words.size()) + " words");
    m_words.clear();
    for (const QString& word : words) m_words.push_back(tokenLabel(word.toStdString()).text);
    m_weights = weights;
    m_evidence = evidence;
    relayout();
}

void WeightedTextView::clear() {
    setWords({}, {}, {});
}

QString WeightedTextView::wordText(int index) const {
    return m_words.at(size_t(index));
}

QRect WeightedTextView::wordRect(int index) const {
    return m_rects.at(size_t(index));
}

QColor WeightedTextView::wordBackground(int index) const {
    if (m_weights.empty()) return {};
    return heatmapColor(HeatmapColourChoice::instance().current(), m_weights.at(size_t(index)));
}

QColor WeightedTextView::wordTextColour(int index) const {
    const QColor background = wordBackground(index);
    if (!background.isValid()) return palette().color(QPalette::Text);
    // Black or white, whichever contrasts more: the colour maps run from near black to near white.
    const QColor black(Qt::black), white(Qt::white);
    return PlotTheme::contrast(black, background) >= PlotTheme::contrast(white, background) ? black : white;
}

bool WeightedTextView::isUnderlined(int index) const {
    return !m_evidence.empty() && m_evidence.at(size_t(index));
}

std::vector<int> WeightedTextView::underlinedWords() const {
    std::vector<int> out;
    for (int i = 0; i < wordCount(); ++i)
        if (isUnderlined(i)) out.push_back(i);
    return out;
}

int WeightedTextView::lineCount() const {
    int lines = 0, lastTop = -1;
    for (const QRect& rect : m_rects)
        if (rect.top() != lastTop) {
            ++lines;
            lastTop = rect.top();
        }
    return lines;
}

int WeightedTextView::wordAt(QPoint pixel) const {
    for (size_t i = 0; i < m_rects.size(); ++i)
        if (m_rects[i].contains(pixel)) return int(i);
    return -1;
}

QString WeightedTextView::toolTipAt(QPoint pixel) const {
    const int i = wordAt(pixel);
    if (i < 0) return {};
    QString tip = m_weights.empty()
                      ? tr("'%1': no attention (every word weighs the same)").arg(m_words[size_t(i)])
                      : tr("'%1': %2% of the attention")
                            .arg(m_words[size_t(i)])
                            .arg(100.0 * m_weights[size_t(i)], 0, 'f', 1);
    if (isUnderlined(i)) tip += tr(" (gold evidence)");
    return tip;
}

std::vector<QRect> WeightedTextView::layOut(int width, int* height) const {
    const QFontMetrics metrics(font());
    const int lineHeight = metrics.height();
    const int padX = int(lineHeight * kPadX + 0.5), padY = int(lineHeight * kPadY + 0.5);
    const int gapX = int(lineHeight * kGapX + 0.5), gapY = int(lineHeight * kGapY + 0.5);
    const int boxHeight = lineHeight + 2 * padY;
    std::vector<QRect> rects;
    rects.reserve(m_words.size());
    int x = 0, y = 0;
    for (const QString& word : m_words) {
        // A word wider than the whole line gets a line of its own and is clipped, never split.
        const int boxWidth = std::min(metrics.horizontalAdvance(word) + 2 * padX, std::max(width, 1));
        if (x > 0 && x + boxWidth > width) {
            x = 0;
            y += boxHeight + gapY;
        }
        rects.emplace_back(x, y, boxWidth, boxHeight);
        x += boxWidth + gapX;
    }
    if (height) *height = rects.empty() ? boxHeight : y + boxHeight;
    return rects;
}

void WeightedTextView::relayout() {
    m_rects = layOut(width(), nullptr);
    updateGeometry(); // the height for this width may have changed
    update();
}

int WeightedTextView::heightForWidth(int width) const {
    int height = 0;
    layOut(width, &height);
    return height;
}

QSize WeightedTextView::sizeHint() const {
    const int width = std::max(400, this->width());
    return {width, heightForWidth(width)};
}

QSize WeightedTextView::minimumSizeHint() const {
    const QFontMetrics metrics(font());
    return {metrics.averageCharWidth() * 12, metrics.height()};
}

bool WeightedTextView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this, wordRect(wordAt(help->pos())));
        return true;
    }
    return QWidget::event(event);
}

void WeightedTextView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics(font());
    const int lineHeight = metrics.height();
    const double radius = lineHeight * 0.18;
    // Thick enough to read as a mark, not as the font's own hairline underline.
    const int underline = std::max(2, lineHeight / 9);
    for (int i = 0; i < wordCount(); ++i) {
        const QRect rect = m_rects[size_t(i)];
        const QColor background = wordBackground(i);
        if (background.isValid()) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(background);
            painter.drawRoundedRect(rect, radius, radius);
        }
        const QColor text = wordTextColour(i);
        painter.setPen(text);
        painter.drawText(rect, Qt::AlignCenter, m_words[size_t(i)]);
        if (isUnderlined(i)) {
            const int textWidth = std::min(metrics.horizontalAdvance(m_words[size_t(i)]), rect.width());
            const int left = rect.center().x() - textWidth / 2;
            const int y = rect.center().y() + metrics.ascent() / 2 + metrics.descent() / 2 + underline / 2;
            painter.fillRect(QRect(left, std::min(y, rect.bottom() - underline), textWidth, underline), text);
        }
    }
}

void WeightedTextView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    m_rects = layOut(width(), nullptr);
}

void WeightedTextView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) relayout();
}

} // namespace attnlab::ui
