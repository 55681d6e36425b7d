#pragma once
// B batch, S source length, H hidden size, A attention size, F location filters.
// A scoring function e_{t,s} = score(q_t, h̄_s) over every source position of a batch at once.
// Keys are time-major (column s·B + b); scores and alignments are (S x B). Scores past a
// sequence's length are computed but ignored: the masked softmax gives them zero weight.
#include "core/nn/InitSeed.h"
#include "core/nn/Parameter.h"

#include <vector>

namespace attnlab {

// The keys of one batch, prepared once per source and shared by every decoder step.
template <class T> struct AttentionKeys {
    int steps = 0;                   // S
    int batch = 0;                   // B
    std::vector<int> lengths;        // (B) valid source positions
    const Matrix<T>* keys = nullptr; // (H x S·B) encoder outputs h̄
    Matrix<T> projected;             // (A x S·B) W_k h̄ + b (additive kinds): cached once, not per step

    auto key(int s) const { return keys->middleCols(s * batch, batch); } // (H x B)
};

// What a scorer's backward needs from one step's forward.
template <class T> struct ScorerStepCache {
    Matrix<T> projectedQuery; // general: (H x B) W q; additive kinds: (A x B) W_q q
    Matrix<T> hidden;         // additive kinds: (A x S·B) tanh(W_q q + W_k h̄_s + b [+ U f_s])
    Matrix<T> features;       // location_aware: (F x S·B) f = F ∗ α_{t−1}
};

// Gradients w.r.t. the keys, accumulated over all decoder steps of a batch.
template <class T> struct KeyGradients {
    Matrix<T> keys;      // (H x S·B) dL/dh̄
    Matrix<T> projected; // (A x S·B) dL/d(W_k h̄ + b)
};

template <class T> class AttentionScorer {
public:
    virtual ~AttentionScorer() = default;

    virtual void initialize(const InitSeed& seed) {}
    virtual ParameterList<T> parameters() { return {}; }
    virtual bool usesPreviousAlignment() const { return false; }

    // Per-batch key preprocessing (fills keys.projected for the additive kinds).
    virtual void prepareKeys(AttentionKeys<T>& keys) const {}
    // Backward of prepareKeys: from grads.projected into parameters and grads.keys.
    virtual void prepareKeysBackward(const AttentionKeys<T>& keys, KeyGradients<T>& grads) {}

    // query: (H x B); previousAlignment: (S x B), α_{t−1}; scores: (S x B) output.
    virtual void score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
                       const ConstMatrixRef<T>& previousAlignment, MatrixRef<T> scores,
                       ScorerStepCache<T>& cache) const = 0;
    // dScores: (S x B). Accumulates dQuery (H x B), grads, dPreviousAlignment (S x B) and the
    // parameter gradients.
    virtual void scoreBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                               const AttentionKeys<T>& keys, const ConstMatrixRef<T>& previousAlignment,
                               const ScorerStepCache<T>& cache, MatrixRef<T> dQuery, KeyGradients<T>& grads,
                               MatrixRef<T> dPreviousAlignment) = 0;
};

} // namespace attnlab
