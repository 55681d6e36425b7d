#pragma once
// general (multiplicative, Luong): e_s = h̄_sᵀ (W q), W (H x H) named attention.weight as nn.Linear.
#include "core/nn/AttentionScorer.h"

namespace attnlab {

template <class T> class GeneralScorer : public AttentionScorer<T> {
public:
    explicit GeneralScorer(int hidden);

    void initialize(const InitSeed& seed) override;
    ParameterList<T> parameters() override { return {&m_weight}; }
    void score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys, const ConstMatrixRef<T>&,
               MatrixRef<T> scores, ScorerStepCache<T>& cache) const override;
    void scoreBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                       const AttentionKeys<T>& keys, const ConstMatrixRef<T>&,
                       const ScorerStepCache<T>& cache, MatrixRef<T> dQuery, KeyGradients<T>& grads,
                       MatrixRef<T>) override;

private:
    Parameter<T> m_weight;  // (H x H)
    Matrix<T> m_dProjected; // (H x B) scratch
};

} // namespace attnlab
