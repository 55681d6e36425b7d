#include "ui/plots/AxisTokenLabels.h"

#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {

namespace {

constexpr int kGap = 5;              // pixels between a label and the cells
constexpr int kMaxLabelPixels = 110; // longer labels are elided; the tooltip shows them whole
// Special tokens and the highlighted one are written dark on a light box of their own, readable
// on either theme; plain tokens take the plot's text colour.
const QColor kSpecialColor(0x6a, 0x3d, 0x9a);
const QColor kHighlightText(0x20, 0x20, 0x20);
const QColor kStandInColor(0x1a, 0x6f, 0xb0); // ␣ ⇥ ↵ are small glyphs: colour makes them stand out
const QColor kSpecialBackground(0xee, 0xe6, 0xf5);
const QColor kHighlightBackground(0xff, 0xe0, 0x8a);

} // namespace

AxisTokenLabels::AxisTokenLabels(QCustomPlot* plot, QCPAxisRect* rect, Edge edge)
    : m_plot(plot), m_rect(rect), m_edge(edge), m_baseFont(plot->font()) {
    m_basePixels = std::max(kMinFontPixels, QFontInfo(m_baseFont).pixelSize());
    setFontPixels(m_basePixels);
}

void AxisTokenLabels::setFontPixels(int pixels) {
    m_fontPixels = pixels;
    m_font = m_baseFont;
    m_font.setPixelSize(pixels);
    m_specialFont = m_font;
    m_specialFont.setItalic(true);
    m_highlightFont = m_font;
    m_highlightFont.setBold(true);
}

AxisTokenLabels::~AxisTokenLabels() = default; // the plot deletes the items with itself

void AxisTokenLabels::setLabels(std::vector<TokenLabel> labels) {
    clear();
    m_labels = std::move(labels);
    QCPAxis* keyAxis = m_rect->axis(QCPAxis::atBottom);
    QCPAxis* valueAxis = m_rect->axis(QCPAxis::atLeft);
    for (int i = 0; i < count(); ++i) {
        auto* item = new QCPItemText(m_plot);
        item->setClipToAxisRect(false);
        item->setSelectable(false);
        item->position->setAxes(keyAxis, valueAxis);
        item->position->setAxisRect(m_rect);
        if (m_edge == Edge::Top) {
            item->position->setTypeX(QCPItemPosition::ptPlotCoords);
            item->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
            item->position->setCoords(i, 0.0);
        } else {
            item->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
            item->position->setTypeY(QCPItemPosition::ptPlotCoords);
            item->position->setCoords(0.0, i);
        }
        m_items.push_back(item);
        applyStyle(i);
    }
    fit(1e6);
}

void AxisTokenLabels::clear() {
    for (QCPItemText* item : m_items) m_plot->removeItem(item);
    m_items.clear();
    m_labels.clear();
    m_highlighted = -1;
}

QStringList AxisTokenLabels::texts() const {
    QStringList texts;
    for (const TokenLabel& label : m_labels) texts << label.text;
    return texts;
}

int AxisTokenLabels::textWidth(int index) const {
    const QFont& font = m_labels[size_t(index)].special ? m_specialFont : m_highlightFont;
    return std::min(QFontMetrics(font).horizontalAdvance(m_labels[size_t(index)].text), kMaxLabelPixels);
}

int AxisTokenLabels::fit(double cellPixels) {
    if (m_labels.empty()) return 0;
    // The plot's font as it is now: a larger system font makes larger labels where they fit.
    m_baseFont = m_plot->font();
    m_basePixels = std::max(kMinFontPixels, QFontInfo(m_baseFont).pixelSize());
    // Padding (left + right) of the special-token background box counts as part of the label.
    const int boxPad = 6;
    int lineHeight = 0, widest = 0;
    double along = 0.0;
    // The largest font at which every label fits its cell; upright top labels are preferred at a
    // given size, since they read without turning the head.
    for (int pixels = m_basePixels; pixels >= kMinFontPixels; --pixels) {
        setFontPixels(pixels);
        lineHeight = QFontMetrics(m_highlightFont).height();
        widest = 0;
        for (int i = 0; i < count(); ++i) widest = std::max(widest, textWidth(i));
        m_rotated = m_edge == Edge::Top && widest + boxPad + 2 > cellPixels;
        along = (m_edge == Edge::Top && !m_rotated) ? widest + boxPad + 2 : lineHeight;
        if (along <= cellPixels) break;
    }
    m_step = cellPixels > 0 ? std::max(1, int(std::ceil(along / cellPixels - 1e-9))) : 1;

    for (int i = 0; i < count(); ++i) {
        applyStyle(i); // the font may have changed size
        QCPItemText* item = m_items[size_t(i)];
        item->setVisible(isShown(i));
        item->setText(QFontMetrics(item->font())
                          .elidedText(m_labels[size_t(i)].text, Qt::ElideMiddle, kMaxLabelPixels));
        if (m_edge == Edge::Left) {
            item->setPositionAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setPadding(QMargins(3, 0, kGap, 0)); // no vertical padding: rows may be one line tall
            item->setRotation(0);
        } else if (m_rotated) {
            // Rotated -90 degrees about its anchor, text that starts at the anchor runs upwards.
            item->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            item->setPadding(QMargins(kGap, 0, 3, 0));
            item->setRotation(-90);
        } else {
            item->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            item->setPadding(QMargins(3, 0, 3, kGap));
            item->setRotation(0);
        }
    }
    const bool across = m_edge == Edge::Left || m_rotated; // the margin must hold the text's length
    return (across ? widest + boxPad : lineHeight) + kGap + 4;
}

bool AxisTokenLabels::isShown(int index) const {
    if (index == m_highlighted) return true;
    // The highlighted label is always drawn; its thinned-out neighbours make room for it.
    if (m_highlighted >= 0 && std::abs(index - m_highlighted) < m_step) return false;
    return index % m_step == 0;
}

void AxisTokenLabels::setHighlighted(int index) {
    const int previous = m_highlighted;
    m_highlighted = (index >= 0 && index < count()) ? index : -1;
    if (previous >= 0 && previous < count()) applyStyle(previous);
    if (m_highlighted >= 0) applyStyle(m_highlighted);
    for (int i = 0; i < count(); ++i) m_items[size_t(i)]->setVisible(isShown(i));
}

void AxisTokenLabels::applyStyle(int index) {
    QCPItemText* item = m_items[size_t(index)];
    const bool special = m_labels[size_t(index)].special;
    QFont font = special ? m_specialFont : m_font;
    if (index == m_highlighted) font.setBold(true);
    item->setFont(font);
    const QPalette palette = m_plot->palette();
    const QColor plain = m_labels[size_t(index)].standIn
                             ? PlotTheme::seriesColour(kStandInColor, palette, 4.5)
                             : PlotTheme::text(palette);
    item->setColor(special ? kSpecialColor : index == m_highlighted ? kHighlightText : plain);
    item->setPen(Qt::NoPen);
    if (index == m_highlighted)
        item->setBrush(kHighlightBackground);
    else if (special)
        item->setBrush(kSpecialBackground);
    else
        item->setBrush(Qt::NoBrush);
}

} // namespace attnlab::ui
