#pragma once
// S source length, H hidden size, A attention size, F location filters.
// The intermediate terms of one score e_{t,s}, so a view can write the scorer's formula with the
// model's real numbers (issue 12). Computed again from the parameters for one (t, s); score equals
// inspection.steps[t].scores(s) up to float rounding. Terms a scorer does not have stay empty.
//   dot / scaled_dot:  e_s = scale · qᵀ h̄_s
//   general:           e_s = h̄_sᵀ (W q)
//   additive:          e_s = vᵀ tanh(W_q q + (W_k h̄_s + b))
//   location_aware:    e_s = vᵀ tanh(W_q q + (W_k h̄_s + b) + U f_s),  f = F ∗ α_{t−1}
//   location:          e_s = W_l[s] · q   (content-free: h̄_s is not read)
#include "core/infer/Inspection.h"

namespace attnlab {

struct ScorerTerms {
    ScorerKind kind = ScorerKind::None;
    int step = 0;                    // t
    int position = 0;                // s
    Vector<float> query;             // (H) q, the step's query
    Vector<float> key;               // (H) h̄_s
    float scale = 1;                 // dot 1, scaled_dot 1/√H
    Vector<float> projectedQuery;    // general: (H) W q; additive kinds: (A) W_q q
    Vector<float> projectedKey;      // additive kinds: (A) W_k h̄_s + b
    Vector<float> features;          // location_aware: (F) f_s
    Vector<float> projectedFeatures; // location_aware: (A) U f_s
    Vector<float> preActivation;     // additive kinds: (A) the sum inside tanh
    Vector<float> activation;        // additive kinds: (A) tanh of it
    Vector<float> v;                 // additive kinds: (A) v
    Vector<float> positionWeights;   // location: (H) W_l[s], row s of attention.weight
    float score = 0;                 // e_s from these terms
};

// step: index into inspection.steps; position: 0 ≤ s < S. Throws std::invalid_argument when out
// of range or when the model has no attention.
ScorerTerms scorerTerms(const Seq2Seq<float>& model, const Inspection& inspection, int step, int position);

} // namespace attnlab
