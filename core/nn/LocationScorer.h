#pragma once
// location (Luong 2015): e_t = W_l q over positions 1..maxLen, content-free; the keys are not used.
// W_l (maxLen x H) named attention.weight. Sources longer than maxLen are refused.
#include "core/nn/AttentionScorer.h"

namespace attnlab {

template <class T> class LocationScorer : public AttentionScorer<T> {
public:
    LocationScorer(int hidden, int maxSourceLength);

    void initialize(const InitSeed& seed) override;
    ParameterList<T> parameters() override { return {&m_weight}; }
    void prepareKeys(AttentionKeys<T>& keys) const override;
    void score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys, const ConstMatrixRef<T>&,
               MatrixRef<T> scores, ScorerStepCache<T>&) const override;
    void scoreBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                       const AttentionKeys<T>& keys, const ConstMatrixRef<T>&, const ScorerStepCache<T>&,
                       MatrixRef<T> dQuery, KeyGradients<T>& grads, MatrixRef<T>) override;

private:
    Parameter<T> m_weight; // (maxLen x H)
};

} // namespace attnlab
