#pragma once
// S source length. One bar per source token, the tokens written under them: the raw scores e_s
// (signed: above zero in one colour, below in another) or the softmax weights α_s. Each bar is
// labelled with its value while the bars are wide enough to read it. Hovering a bar or clicking
// it reports its position (the step view writes that position's numbers into the formula; a click
// on a weight forces the attention there).
#include "core/nn/Tensor.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;
class QCPItemRect;
class QCPItemText;

namespace attnlab::ui {

class SourceBars : public QWidget {
    Q_OBJECT
public:
    SourceBars(const QString& title, QColor positive, QColor negative, QWidget* parent = nullptr);

    // values (S); tokens (S). Empty clears (with `emptyText` shown instead).
    void setValues(const Vector<float>& values, const QStringList& tokens, const QString& emptyText = {});
    // Values ≥ 0 only: the axis starts at 0 and ends at max(1, largest) (weights).
    void setProbabilityAxis(bool probabilities);
    // Outlines position s (−1: none).
    void highlight(int position);

    int count() const { return static_cast<int>(m_values.size()); }
    double value(int position) const;     // as the bars hold it
    int positionAt(QPointF pixel) const;  // −1 off the bars
    QString barLabel(int position) const; // the number written on the bar ("" when not written)
    QCustomPlot* plot() const { return m_plot; }

Q_SIGNALS:
    void hovered(int position); // −1 when the pointer leaves the bars
    void clicked(int position);

private:
    void redraw();

    QCustomPlot* m_plot;
    QCPBars* m_positive;
    QCPBars* m_negative;
    QCPItemRect* m_outline;
    QCPItemText* m_emptyText;
    std::vector<QCPItemText*> m_labels;
    std::vector<double> m_values;
    QStringList m_tokens;
    bool m_probabilities = false;
    int m_highlighted = -1;
    int m_hovered = -1;
};

} // namespace attnlab::ui
