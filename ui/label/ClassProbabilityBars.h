#pragma once
// K classes. What a classifier decided: a headline with the predicted class and its probability
// (✓ or ✗ against the gold label when it is known), then one bar per class with its probability
// written beside it ("positive 93%"), the predicted class's bar in the accent colour and the gold
// class marked. Shared by the classification and entailment views. Sizes follow the font, so a
// projector's large font grows the rows instead of clipping them.
#include <QColor>
#include <QRect>
#include <QString>
#include <QWidget>

#include <vector>

namespace attnlab::ui {

class ClassProbabilityBars : public QWidget {
    Q_OBJECT
public:
    explicit ClassProbabilityBars(QWidget* parent = nullptr);

    // classes (K), probabilities (K, sums to 1), predicted in [0, K), gold in [-1, K) (-1: unknown).
    // Throws std::invalid_argument naming what differs.
    void setOutcome(const std::vector<QString>& classes, const std::vector<double>& probabilities,
                    int predicted, int gold);
    void clear();

    int count() const { return int(m_classes.size()); }
    double probability(int index) const { return m_probabilities.at(size_t(index)); }
    int predicted() const { return m_predicted; }
    int gold() const { return m_gold; }
    // "positive 93%": the class and its probability rounded to a whole percent, as drawn.
    QString rowText(int index) const;
    // "Predicted: positive 93% ✓ (gold: positive)", "Predicted: negative 61% ✗ (gold: positive)",
    // "Predicted: positive 93%" when the gold label is unknown.
    QString headline() const;
    QRect barRect(int index) const;   // the filled part of the bar, in widget pixels
    QRect trackRect(int index) const; // the whole bar (100%)
    QColor barColour(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Geometry {
        int rowHeight, headlineHeight, nameWidth, numberWidth, markWidth, gap;
    };
    Geometry geometry() const;
    static QString percent(double probability);

    std::vector<QString> m_classes;      // (K)
    std::vector<double> m_probabilities; // (K)
    int m_predicted = -1;
    int m_gold = -1;
};

} // namespace attnlab::ui
