#include "core/nn/GeneralScorer.h"

#include "core/nn/Init.h"

#include <cmath>

namespace attnlab {

template <class T>
GeneralScorer<T>::GeneralScorer(int hidden) : m_weight("attention.weight", hidden, hidden) {}

template <class T> void GeneralScorer<T>::initialize(const InitSeed& seed) {
    fillUniform(m_weight, seed, 1.0 / std::sqrt(static_cast<double>(m_weight.value.cols())));
}

template <class T>
void GeneralScorer<T>::score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
                             const ConstMatrixRef<T>&, MatrixRef<T> scores, ScorerStepCache<T>& cache) const {
    cache.projectedQuery.noalias() = m_weight.value * query; // (H x B) W q
    for (int s = 0; s < keys.steps; ++s)
        scores.row(s) = (keys.key(s).array() * cache.projectedQuery.array()).colwise().sum().matrix();
}

template <class T>
void GeneralScorer<T>::scoreBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                                     const AttentionKeys<T>& keys, const ConstMatrixRef<T>&,
                                     const ScorerStepCache<T>& cache, MatrixRef<T> dQuery,
                                     KeyGradients<T>& grads, MatrixRef<T>) {
    const int b = keys.batch;
    // e_s = h̄_s · p with p = W q:  dp = Σ_s h̄_s de_s,  dh̄_s += p de_s
    m_dProjected.setZero(query.rows(), b);
    for (int s = 0; s < keys.steps; ++s) {
        const auto de = dScores.row(s).array();
        m_dProjected.array() += keys.key(s).array().rowwise() * de;
        grads.keys.middleCols(s * b, b).array() += cache.projectedQuery.array().rowwise() * de;
    }
    // p = W q:  dW += dp qᵀ,  dq += Wᵀ dp
    m_weight.grad.noalias() += m_dProjected * query.transpose();
    dQuery.noalias() += m_weight.value.transpose() * m_dProjected;
}

template class GeneralScorer<float>;
template class GeneralScorer<double>;

} // namespace attnlab
