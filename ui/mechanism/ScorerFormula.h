#pragma once
// The three steps of attention written out as rich text for the step view: the scorer's formula,
// the softmax with the temperature, the weighted sum, and, for one source position, the model's
// real numbers in each (the first few terms of each vector, then the result).
#include "core/infer/ScorerTerms.h"
#include "core/nn/ModelConfig.h"

#include <QString>

namespace attnlab::ui {

struct FormulaNumbers {
    const ScorerTerms* terms = nullptr; // the hovered position's terms (null: formulas only)
    QString token;                      // its source token, as labelled
    double weight = 0;                  // α_s
    double temperature = 1;             // τ
    double partition = 0;               // Σ_j exp(e_j / τ) over the valid positions
    bool forced = false;                // the weights were set by a what-if, not by the softmax
};

// "e_s = h̄_sᵀ W q" and so on; `query` names the decoder's query (h_t for Luong, s_{t−1} for
// Bahdanau). HTML.
QString scoreFormula(ScorerKind kind, const QString& query);
// The three steps, each with the numbers of numbers.terms when given. HTML.
QString attentionSteps(ScorerKind kind, const QString& query, const FormulaNumbers& numbers);
// "[0.12, −0.40, 1.03, … 128 values]": the first `shown` entries of a vector.
QString vectorText(const Vector<float>& values, int shown = 3);

} // namespace attnlab::ui
