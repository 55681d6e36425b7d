#pragma once
// The token labels along one edge of the heatmap: source tokens above it, output tokens to its left.
// QCustomPlot's tick labels share one font and colour per axis, and special tokens need a style of
// their own, so each label is a QCPItemText anchored to its cell: it follows the cell at any plot
// size, including exports at a size other than the widget's.
#include "ui/plots/TokenLabels.h"

#include <QFont>
#include <QRectF>
#include <QStringList>

#include <functional>
#include <map>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPItemText;

namespace attnlab::ui {

class AxisTokenLabels {
public:
    enum class Edge { Top, Left };

    // Labels go outside `rect` along `edge`; cell i is centred on coordinate i of the rect's
    // bottom axis (Top) or left axis (Left).
    AxisTokenLabels(QCustomPlot* plot, QCPAxisRect* rect, Edge edge);
    ~AxisTokenLabels();
    AxisTokenLabels(const AxisTokenLabels&) = delete;
    AxisTokenLabels& operator=(const AxisTokenLabels&) = delete;

    void setLabels(std::vector<TokenLabel> labels);
    void clear();

    int count() const { return int(m_labels.size()); }
    const TokenLabel& label(int index) const { return m_labels.at(size_t(index)); }
    QStringList texts() const;

    // Lays the labels out for cells `cellPixels` wide (Top) or tall (Left), so that every cell keeps
    // its label: top labels turn vertical when the widest does not fit its column, and the font
    // shrinks (down to kMinFontPixels) until a label fits its cell. Only when even the smallest
    // font crowds is every step-th label shown, the step a round number (1, 2, 5, 10, 20, ...) so
    // the shown labels stay put while the view scrolls, in the largest font the step leaves room
    // for; the tooltip still names each cell. Labels longer than `maxLabelPixels` are elided in the
    // middle; rotated top labels' margin holds the longest label shown at that step (a hovered one
    // is elided to it, or to `minMargin` when the caller keeps that much anyway).
    // Only labels of cells whose centre is in the view (the axis range) are drawn. Returns the
    // margin in pixels the labels need beside the rect.
    int fit(double cellPixels, int maxLabelPixels = kMaxLabelPixels, int minMargin = 0);
    bool rotated() const { return m_rotated; }
    int step() const { return m_step; }
    // Whether label `index` is drawn (in view, and not thinned out).
    bool isShown(int index) const;
    int fontPixels() const { return m_fontPixels; } // of the last fit
    static constexpr int kMinFontPixels = 7;
    static constexpr int kMaxLabelPixels = 110;
    // The smallest of 1, 2, 5, 10, 20, 50, ... that is at least `cellsPerLabel`.
    static int niceStep(double cellsPerLabel);
    // The search both axes' labels and the distribution strip's use: the largest font (from
    // basePixels down to kMinFontPixels) at which one label fits each cell, else every step-th
    // label (a niceStep) in the largest font that step leaves room for. room(pixels, first) is the
    // room one label needs along the axis at that font size (first: the pass that may decide the
    // labels' rotation); its last call is made at the font returned.
    struct FontFit {
        int pixels = kMinFontPixels;
        int step = 1;
    };
    static FontFit fitFont(int basePixels, double cellPixels, const std::function<double(int, bool)>& room);
    // The drawn label's box in plot pixels (rotated labels: the rotated box); empty if not drawn.
    QRectF drawnRect(int index) const;

    // The label of the selected output row is drawn bold on a tinted background; -1 for none.
    void setHighlighted(int index);
    // The label under the mouse is drawn too, on a light box, thinned-out or not; -1 for none.
    // Where it would crowd the highlighted label, the highlighted one steps aside (the row's
    // outline still marks it).
    void setHovered(int index);
    int hovered() const { return m_hovered; }
    // Shows and hides the labels for the current view and step; fit() calls it.
    void updateVisibility();

private:
    void applyStyle(int index);
    bool inView(int index) const;
    bool thinnedOut(int index) const;
    int textWidth(int index) const;
    int widestText() const;
    void setFontPixels(int pixels);

    QCustomPlot* m_plot;
    QCPAxisRect* m_rect;
    Edge m_edge;
    std::vector<TokenLabel> m_labels;
    std::vector<QCPItemText*> m_items; // owned by m_plot; removed through it
    QFont m_baseFont;                  // the plot's font at the last fit: the largest the labels use
    // Label widths (capped) by font pixel size, and the widest: fit() runs before every replot,
    // hovering included, and measuring 100 labels at a dozen sizes each time would be felt.
    mutable std::map<int, std::vector<int>> m_widths;
    mutable std::map<int, int> m_widest;
    QFont m_measuredFont; // the base font m_widths were measured for
    int m_measuredMaxPixels = 0;
    QFont m_font, m_specialFont, m_highlightFont;
    int m_basePixels = 12;
    int m_fontPixels = 12;
    bool m_rotated = false;
    int m_step = 1;
    int m_maxLabelPixels = kMaxLabelPixels;
    int m_highlighted = -1;
    int m_hovered = -1;
};

} // namespace attnlab::ui
