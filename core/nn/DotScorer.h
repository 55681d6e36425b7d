#pragma once
// dot: e_s = qᵀ h̄_s; scaled_dot: e_s = qᵀ h̄_s / √H. No parameters.
#include "core/nn/AttentionScorer.h"

namespace attnlab {

template <class T> class DotScorer : public AttentionScorer<T> {
public:
    explicit DotScorer(T scale = T(1)) : m_scale(scale) {}

    void score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys, const ConstMatrixRef<T>&,
               MatrixRef<T> scores, ScorerStepCache<T>&) const override;
    void scoreBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                       const AttentionKeys<T>& keys, const ConstMatrixRef<T>&, const ScorerStepCache<T>&,
                       MatrixRef<T> dQuery, KeyGradients<T>& grads, MatrixRef<T>) override;

private:
    T m_scale;
};

} // namespace attnlab
