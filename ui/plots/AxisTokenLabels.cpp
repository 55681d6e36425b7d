#include "ui/plots/AxisTokenLabels.h"

#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {

namespace {

constexpr int kGap = 5; // pixels between a label and the cells
// Special tokens and the highlighted one are written dark on a light box of their own, readable
// on either theme; plain tokens take the plot's text colour.
const QColor kSpecialColor(0x6a, 0x3d, 0x9a);
const QColor kHighlightText(0x20, 0x20, 0x20);
const QColor kStandInColor(0x1a, 0x6f, 0xb0); // ␣ ⇥ ↵ are small glyphs: colour makes them stand out
const QColor kSpecialBackground(0xee, 0xe6, 0xf5);
const QColor kHighlightBackground(0xff, 0xe0, 0x8a);
const QColor kHoverBackground(0xe4, 0xe4, 0xe4);

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
    m_widths.clear();
    m_widest.clear();
    m_highlighted = -1;
    m_hovered = -1;
}

QStringList AxisTokenLabels::texts() const {
    QStringList texts;
    for (const TokenLabel& label : m_labels) texts << label.text;
    return texts;
}

int AxisTokenLabels::textWidth(int index) const {
    auto [it, added] = m_widths.try_emplace(m_fontPixels);
    if (added) {
        it->second.reserve(m_labels.size());
        for (const TokenLabel& label : m_labels) {
            const QFont& font = label.special ? m_specialFont : m_highlightFont; // bold: the widest
            it->second.push_back(
                std::min(QFontMetrics(font).horizontalAdvance(label.text), m_maxLabelPixels));
        }
    }
    return it->second[size_t(index)];
}

int AxisTokenLabels::widestText() const {
    auto [it, added] = m_widest.try_emplace(m_fontPixels, 0);
    if (added)
        for (int i = 0; i < count(); ++i) it->second = std::max(it->second, textWidth(i));
    return it->second;
}

int AxisTokenLabels::niceStep(double cellsPerLabel) {
    for (int base = 1; base < 1000000000 / 10; base *= 10)
        for (int multiple : {1, 2, 5})
            if (multiple * base >= cellsPerLabel) return multiple * base;
    return 1000000000;
}

AxisTokenLabels::FontFit AxisTokenLabels::fitFont(int basePixels, double cellPixels,
                                                  const std::function<double(int, bool)>& room) {
    FontFit fit;
    double needed = 0.0;
    for (fit.pixels = basePixels; fit.pixels >= kMinFontPixels; --fit.pixels)
        if ((needed = room(fit.pixels, true)) <= cellPixels) break;
    fit.pixels = std::max(fit.pixels, kMinFontPixels);
    fit.step = cellPixels > 0 ? niceStep(needed / cellPixels - 1e-9) : 1;
    // Thinned out, each shown label has step cells of room: the largest font that fits them.
    if (fit.step > 1)
        for (int pixels = basePixels; pixels >= fit.pixels; --pixels)
            if (room(pixels, false) <= fit.step * cellPixels + 1e-9) {
                fit.pixels = pixels;
                break;
            }
    return fit;
}

int AxisTokenLabels::fit(double cellPixels, int maxLabelPixels, int minMargin) {
    if (m_labels.empty()) return 0;
    m_maxLabelPixels = std::max(8, maxLabelPixels);
    // The plot's font as it is now: a larger system font makes larger labels where they fit.
    m_baseFont = m_plot->font();
    m_basePixels = std::max(kMinFontPixels, QFontInfo(m_baseFont).pixelSize());
    if (m_baseFont != m_measuredFont || m_maxLabelPixels != m_measuredMaxPixels) {
        m_widths.clear();
        m_widest.clear();
        m_measuredFont = m_baseFont;
        m_measuredMaxPixels = m_maxLabelPixels;
    }
    // Padding (left + right) of the special-token background box counts as part of the label.
    const int boxPad = 6;
    int lineHeight = 0;
    // The room one label needs along the axis at `pixels`, plus a pixel between neighbours so labels
    // never touch; decides (once) whether top labels stand upright.
    auto along = [&](int pixels, bool decideRotation) {
        setFontPixels(pixels);
        lineHeight = std::max({QFontMetrics(m_highlightFont).height(), QFontMetrics(m_specialFont).height(),
                               QFontMetrics(m_font).height()});
        const int widest = widestText();
        if (decideRotation) m_rotated = m_edge == Edge::Top && widest + boxPad + 2 > cellPixels;
        return (m_edge == Edge::Top && !m_rotated) ? widest + boxPad + 2.0 : lineHeight + 1.0;
    };
    // The largest font at which every label fits its cell; upright top labels are preferred at a
    // given size, since they read without turning the head.
    m_step = fitFont(m_basePixels, cellPixels, along).step; // along leaves m_fontPixels at its font
    // Rotated top labels take height from the map, so their margin holds the longest label drawn at
    // this step, not the longest of all: a long word that is thinned out must not push the map
    // down (a hovered one longer than that is elided to the margin). Left labels take width, which
    // a heatmap has more of: all of them fit, so following another row never moves the map.
    const bool across = m_edge == Edge::Left || m_rotated;
    int widestShown = 0;
    for (int i = 0; i < count(); i += m_edge == Edge::Left ? 1 : m_step)
        widestShown = std::max(widestShown, textWidth(i));
    const int elideWidth = across ? std::max(widestShown, minMargin - boxPad - kGap - 4) : m_maxLabelPixels;

    for (int i = 0; i < count(); ++i) {
        applyStyle(i); // the font may have changed size
        QCPItemText* item = m_items[size_t(i)];
        const QString& text = m_labels[size_t(i)].text;
        item->setText(textWidth(i) < elideWidth ||
                              QFontMetrics(item->font()).horizontalAdvance(text) <= elideWidth
                          ? text
                          : QFontMetrics(item->font()).elidedText(text, Qt::ElideMiddle, elideWidth));
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
    updateVisibility();
    return (across ? widestShown + boxPad : lineHeight) + kGap + 4; // across: the text's length
}

bool AxisTokenLabels::inView(int index) const {
    const QCPAxis* axis = m_rect->axis(m_edge == Edge::Top ? QCPAxis::atBottom : QCPAxis::atLeft);
    return axis->range().contains(index);
}

// Neighbours of the hovered and the highlighted label make room for them.
bool AxisTokenLabels::thinnedOut(int index) const {
    auto crowds = [this, index](int other) {
        return other >= 0 && other != index && std::abs(index - other) < m_step;
    };
    return crowds(m_hovered) || crowds(m_highlighted);
}

bool AxisTokenLabels::isShown(int index) const {
    if (index < 0 || index >= count() || !inView(index)) return false;
    if (index == m_hovered) return true;
    if (index == m_highlighted) return !thinnedOut(index);
    return !thinnedOut(index) && index % m_step == 0;
}

void AxisTokenLabels::updateVisibility() {
    for (int i = 0; i < count(); ++i) m_items[size_t(i)]->setVisible(isShown(i));
}

QRectF AxisTokenLabels::drawnRect(int index) const {
    if (!isShown(index)) return {};
    const QCPItemText* item = m_items[size_t(index)];
    double left = 1e9, top = 1e9, right = -1e9, bottom = -1e9;
    for (const QCPItemAnchor* corner : {item->topLeft, item->topRight, item->bottomRight, item->bottomLeft}) {
        const QPointF point = corner->pixelPosition();
        left = std::min(left, point.x());
        right = std::max(right, point.x());
        top = std::min(top, point.y());
        bottom = std::max(bottom, point.y());
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

void AxisTokenLabels::setHighlighted(int index) {
    const int previous = m_highlighted;
    m_highlighted = (index >= 0 && index < count()) ? index : -1;
    if (previous >= 0 && previous < count()) applyStyle(previous);
    if (m_highlighted >= 0) applyStyle(m_highlighted);
    updateVisibility();
}

void AxisTokenLabels::setHovered(int index) {
    const int previous = m_hovered;
    m_hovered = (index >= 0 && index < count()) ? index : -1;
    if (previous == m_hovered) return;
    if (previous >= 0 && previous < count()) applyStyle(previous);
    if (m_hovered >= 0) applyStyle(m_hovered);
    updateVisibility();
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
    const bool boxed = index == m_highlighted || index == m_hovered;
    item->setColor(special ? kSpecialColor : boxed ? kHighlightText : plain);
    item->setPen(Qt::NoPen);
    if (index == m_highlighted)
        item->setBrush(kHighlightBackground);
    else if (special)
        item->setBrush(kSpecialBackground);
    else if (index == m_hovered)
        item->setBrush(kHoverBackground);
    else
        item->setBrush(Qt::NoBrush);
}

} // namespace attnlab::ui
