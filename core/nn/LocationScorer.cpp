#include "core/nn/LocationScorer.h"

#include "core/nn/Init.h"

#include <cmath>

namespace attnlab {

template <class T>
LocationScorer<T>::LocationScorer(int hidden, int maxSourceLength)
    : m_weight("attention.weight", maxSourceLength, hidden) {}

template <class T> void LocationScorer<T>::initialize(const InitSeed& seed) {
    fillUniform(m_weight, seed, 1.0 / std::sqrt(static_cast<double>(m_weight.value.cols())));
}

template <class T> void LocationScorer<T>::prepareKeys(AttentionKeys<T>& keys) const {
    if (keys.steps > m_weight.value.rows())
        throw std::invalid_argument("the location scorer handles sources up to " +
                                    std::to_string(m_weight.value.rows()) + " tokens; this one has " +
                                    std::to_string(keys.steps));
}

template <class T>
void LocationScorer<T>::score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
                              const ConstMatrixRef<T>&, MatrixRef<T> scores, ScorerStepCache<T>&) const {
    scores.noalias() = m_weight.value.topRows(keys.steps) * query; // (S x B)
}

template <class T>
void LocationScorer<T>::scoreBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                                      const AttentionKeys<T>& keys, const ConstMatrixRef<T>&,
                                      const ScorerStepCache<T>&, MatrixRef<T> dQuery, KeyGradients<T>&,
                                      MatrixRef<T>) {
    m_weight.grad.topRows(keys.steps).noalias() += dScores * query.transpose();
    dQuery.noalias() += m_weight.value.topRows(keys.steps).transpose() * dScores;
}

template class LocationScorer<float>;
template class LocationScorer<double>;

} // namespace attnlab
