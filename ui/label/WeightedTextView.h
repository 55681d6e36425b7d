#pragma once
// N words. A text drawn word by word, each word on a background of its attention weight in the
// heatmaps' colour map (View > Heatmap Colours, fixed 0..1 as the heatmaps, so a flat
// distribution looks flat), its text black or white, whichever reads better on that colour. Gold
// evidence words are underlined. Words wrap onto as many lines as the width needs (the widget has
// a height for every width), so a long review stays whole on a narrow window and in a large font.
// Hovering a word shows its weight in percent. Without weights (a mean-pooling model) the words are
// drawn plain.
#include <QColor>
#include <QRect>
#include <QString>
#include <QWidget>

#include <vector>

namespace attnlab::ui {

class WeightedTextView : public QWidget {
    Q_OBJECT
public:
    explicit WeightedTextView(QWidget* parent = nullptr);

    // words (N); weights (N) or empty; evidence (N) or empty. The caller checked the sizes
    // (checkClassificationContent); mismatched sizes throw std::invalid_argument all the same.
    void setWords(const std::vector<QString>& words, const std::vector<double>& weights,
                  const std::vector<bool>& evidence);
    void clear();

    int wordCount() const { return int(m_words.size()); }
    QString wordText(int index) const; // as drawn (invisible characters made visible)
    bool hasWeights() const { return !m_weights.empty(); }
    QRect wordRect(int index) const;        // the word's box in widget pixels, at the current width
    QColor wordBackground(int index) const; // invalid (no fill) without weights
    QColor wordTextColour(int index) const;
    bool isUnderlined(int index) const;
    std::vector<int> underlinedWords() const; // indices, ascending
    int lineCount() const;                    // at the current width
    int wordAt(QPoint pixel) const;           // -1 between and off the words
    // "'awful': 41.3% of the attention (gold evidence)"; empty off the words.
    QString toolTipAt(QPoint pixel) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // The word boxes for `width`, and the height they take.
    std::vector<QRect> layOut(int width, int* height) const;
    void relayout();

    std::vector<QString> m_words;  // (N) as drawn
    std::vector<double> m_weights; // (N) or empty
    std::vector<bool> m_evidence;  // (N) or empty
    std::vector<QRect> m_rects;    // (N) at the current width
};

} // namespace attnlab::ui
