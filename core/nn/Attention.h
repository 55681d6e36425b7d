#pragma once
// B batch, S source length, H hidden size.
// One attention step:  e = score(q, h̄)  (S x B);  α = softmax over the valid positions of each
// column (zero past the source length);  c = Σ_s α_s h̄_s  (H x B).
// With ScorerKind::None there is no attention: α = 0 and c = 0 (the fixed-vector baseline).
#include "core/nn/AttentionScorer.h"
#include "core/nn/ModelConfig.h"

#include <memory>

namespace attnlab {

// α[:, b] = softmax(scores[0..len_b), b), zero below. scores, alpha: (S x B).
template <class T>
void maskedSoftmax(const ConstMatrixRef<T>& scores, const std::vector<int>& lengths, MatrixRef<T> alpha);
// dScores = α ⊙ (dα − Σ_s α_s dα_s) per column; zero where α is masked.
template <class T>
void maskedSoftmaxBackward(const ConstMatrixRef<T>& alpha, const ConstMatrixRef<T>& dAlpha,
                           MatrixRef<T> dScores);
// α_0 for location-aware attention: uniform over each column's valid positions.
template <class T> void uniformAlignment(const std::vector<int>& lengths, MatrixRef<T> alpha);

template <class T> class Attention {
public:
    explicit Attention(const ModelConfig& config);

    bool enabled() const { return m_scorer != nullptr; }
    bool usesPreviousAlignment() const { return m_scorer && m_scorer->usesPreviousAlignment(); }
    void initialize(const InitSeed& seed);
    ParameterList<T> parameters();

    // Binds the keys of a batch (H x S·B) and runs the per-batch preprocessing.
    void prepareKeys(AttentionKeys<T>& keys) const;
    // query: (H x B); previousAlignment: (S x B). alpha: (S x B), context: (H x B) outputs.
    void forward(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
                 const ConstMatrixRef<T>& previousAlignment, ScorerStepCache<T>& cache, MatrixRef<T> alpha,
                 MatrixRef<T> context) const;
    // dContext: (H x B); dAlpha: (S x B) gradient on α from later steps (location-aware), consumed.
    // Accumulates dQuery (H x B), grads, dPreviousAlignment (S x B).
    void backward(const ConstMatrixRef<T>& dContext, MatrixRef<T> dAlpha, const ConstMatrixRef<T>& query,
                  const AttentionKeys<T>& keys, const ConstMatrixRef<T>& previousAlignment,
                  const ConstMatrixRef<T>& alpha, const ScorerStepCache<T>& cache, MatrixRef<T> dQuery,
                  KeyGradients<T>& grads, MatrixRef<T> dPreviousAlignment);
    // After all steps: the key preprocessing's backward (into grads.keys and parameters).
    void finishBackward(const AttentionKeys<T>& keys, KeyGradients<T>& grads);

    // Inspection only (Decoder::inspectStep), the pieces of forward one at a time.
    // scores: (S x B) raw e = score(q, h̄), the very call forward makes; no-op without attention.
    void score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
               const ConstMatrixRef<T>& previousAlignment, ScorerStepCache<T>& cache,
               MatrixRef<T> scores) const;
    // context: (H x B) c = Σ_s α_s h̄_s for a given alpha (S x B).
    void weightedSum(const AttentionKeys<T>& keys, const ConstMatrixRef<T>& alpha,
                     MatrixRef<T> context) const;

private:
    std::unique_ptr<AttentionScorer<T>> m_scorer;
    mutable Matrix<T> m_scores; // (S x B) scratch
    Matrix<T> m_dScores;        // (S x B) scratch
};

} // namespace attnlab
