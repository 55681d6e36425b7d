#pragma once
// N words. The attention-pooling weights as a 1 x N heatmap row: one cell per word in the heatmaps'
// colour map (View > Heatmap Colours, fixed 0..1 as every heatmap, so a flat distribution looks
// flat), each word written under its cell. The labels stand on end and take the room the longest
// needs, so they stay whole at any font size; when the cells are too narrow for one label each,
// every step-th word is written (the tooltip names each cell). The widget's height follows the font
// and the words, not the window.
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPColorMap;

namespace attnlab::ui {

class WeightRow : public QWidget {
    Q_OBJECT
public:
    explicit WeightRow(QWidget* parent = nullptr);

    // words (N), weights (N); throws std::invalid_argument when the sizes differ.
    void setWeights(const std::vector<QString>& words, const std::vector<double>& weights);
    void clear();

    int count() const { return int(m_words.size()); }
    double cellValue(int index) const; // as the colour map holds it; NaN outside the row
    QStringList labels() const;        // under each cell as drawn: "" where thinned out
    int labelStep() const { return m_step; }
    int columnAt(QPointF pixel) const;      // in plot() pixels; -1 off the cells
    QString toolTipAt(QPointF pixel) const; // "'awful': 31.0% of the attention"
    QCustomPlot* plot() const { return m_plot; }

    static constexpr int kMaxLabelChars = 14; // longer words are shortened in the middle

private:
    void restyle();   // the font's sizes: height, label room
    void fitLabels(); // before every replot: which words the cell width leaves room for

    QCustomPlot* m_plot = nullptr;
    QCPColorMap* m_map = nullptr;
    std::vector<QString> m_words;  // (N) as drawn
    std::vector<double> m_weights; // (N)
    int m_step = 1;
};

} // namespace attnlab::ui
