#pragma once
// additive (concat / Bahdanau / mlp): e_s = vᵀ tanh(W_q q + W_k h̄_s + b).
// W_k h̄ + b is computed once per batch (prepareKeys); each step adds only W_q q.
// Names as nn.Linear: attention.query.weight (A x H), attention.key.weight (A x H),
// attention.key.bias (A), attention.v.weight (1 x A).
#include "core/nn/AttentionScorer.h"
#include "core/nn/Linear.h"

namespace attnlab {

template <class T> class AdditiveScorer : public AttentionScorer<T> {
public:
    AdditiveScorer(int hidden, int attention);

    void initialize(const InitSeed& seed) override;
    ParameterList<T> parameters() override;
    void prepareKeys(AttentionKeys<T>& keys) const override;
    void prepareKeysBackward(const AttentionKeys<T>& keys, KeyGradients<T>& grads) override;
    void score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
               const ConstMatrixRef<T>& previous, MatrixRef<T> scores,
               ScorerStepCache<T>& cache) const override;
    void scoreBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                       const AttentionKeys<T>& keys, const ConstMatrixRef<T>& previous,
                       const ScorerStepCache<T>& cache, MatrixRef<T> dQuery, KeyGradients<T>& grads,
                       MatrixRef<T> dPrevious) override;

protected:
    // The shared core: extra (A x S·B), when given, is added inside the tanh (location features).
    void scoreWith(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys, const Matrix<T>* extra,
                   MatrixRef<T> scores, ScorerStepCache<T>& cache) const;
    // Backward of scoreWith; dExtra (A x S·B), when given, receives dL/d(extra) (overwritten).
    void scoreWithBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                           const AttentionKeys<T>& keys, const ScorerStepCache<T>& cache, MatrixRef<T> dQuery,
                           KeyGradients<T>& grads, Matrix<T>* dExtra);

    Linear<T> m_query;            // W_q (A x H), no bias
    Linear<T> m_key;              // W_k (A x H), b (A)
    Linear<T> m_v;                // v (1 x A), no bias
    Matrix<T> m_dQueryProjection; // (A x B) scratch
    Matrix<T> m_dPre;             // (A x B) scratch
};

} // namespace attnlab
