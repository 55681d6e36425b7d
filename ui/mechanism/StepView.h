#pragma once
// S source length, H hidden size. One decoding step taken apart, with the model's real numbers:
// the query as a strip, the scores e_s as signed bars over the source tokens, the softmax weights
// α_s as bars beneath them, the encoder states h̄_s as a map (a row per source token, α_s in its
// label), and the context c = Σ α_s h̄_s as a strip. The scorer's formula is written out above;
// hovering a source position (on either bar chart) fills it with that position's numbers.
// Clicking a weight bar asks for a what-if: all of this step's attention on that token.
#include "core/infer/Inspection.h"
#include "core/nn/ModelConfig.h"
#include "ui/session/MechanismRequest.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace attnlab::ui {

class SourceBars;
class ValueMap;

class StepView : public QWidget {
    Q_OBJECT
public:
    explicit StepView(QWidget* parent = nullptr);

    // result: the inspection to show (null clears); step: index into its shown() steps.
    void show(std::shared_ptr<const MechanismResult> result, int step, double temperature);
    int step() const { return m_step; }
    int hoveredPosition() const { return m_hovered; }
    void hoverPosition(int position); // as if the pointer were on that bar (−1: none)

    QString titleText() const;
    QString formulaText() const; // the formula label's rich text
    SourceBars& scores() const { return *m_scores; }
    SourceBars& weights() const { return *m_weights; }
    ValueMap& query() const { return *m_query; }
    ValueMap& states() const { return *m_states; }
    ValueMap& context() const { return *m_context; }

Q_SIGNALS:
    void attentionForced(int step, int position);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fitToFont(); // the title's size and the plots' minimum heights, from the current font
    void refresh();
    void writeFormula();
    const StepInspection* current() const;

    std::shared_ptr<const MechanismResult> m_result;
    int m_step = 0;
    double m_temperature = 1.0;
    int m_hovered = -1;
    QLabel* m_title;
    QLabel* m_formula;
    ValueMap* m_query;
    SourceBars* m_scores;
    SourceBars* m_weights;
    ValueMap* m_states;
    ValueMap* m_context;
};

} // namespace attnlab::ui
