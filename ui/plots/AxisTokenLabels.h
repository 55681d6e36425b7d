#pragma once
// The token labels along one edge of the heatmap: source tokens above it, output tokens to its left.
// QCustomPlot's tick labels share one font and colour per axis, and special tokens need a style of
// their own, so each label is a QCPItemText anchored to its cell: it follows the cell at any plot
// size, including exports at a size other than the widget's.
#include "ui/plots/TokenLabels.h"

#include <QFont>
#include <QStringList>

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
    // font crowds is every step-th label shown (the tooltip still names each cell). Returns the
    // margin in pixels the labels need beside the rect.
    int fit(double cellPixels);
    bool rotated() const { return m_rotated; }
    int step() const { return m_step; }
    bool isShown(int index) const;
    int fontPixels() const { return m_fontPixels; } // of the last fit
    static constexpr int kMinFontPixels = 7;

    // The label of the selected output row is drawn bold on a tinted background; -1 for none.
    void setHighlighted(int index);

private:
    void applyStyle(int index);
    int textWidth(int index) const;
    void setFontPixels(int pixels);

    QCustomPlot* m_plot;
    QCPAxisRect* m_rect;
    Edge m_edge;
    std::vector<TokenLabel> m_labels;
    std::vector<QCPItemText*> m_items; // owned by m_plot; removed through it
    QFont m_baseFont;                  // the plot's font at the last fit: the largest the labels use
    QFont m_font, m_specialFont, m_highlightFont;
    int m_basePixels = 12;
    int m_fontPixels = 12;
    bool m_rotated = false;
    int m_step = 1;
    int m_highlighted = -1;
};

} // namespace attnlab::ui
