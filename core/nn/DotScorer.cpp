#include "core/nn/DotScorer.h"

namespace attnlab {

template <class T>
void DotScorer<T>::score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
                         const ConstMatrixRef<T>&, MatrixRef<T> scores, ScorerStepCache<T>&) const {
    for (int s = 0; s < keys.steps; ++s)
        scores.row(s) = m_scale * (keys.key(s).array() * query.array()).colwise().sum().matrix();
}

template <class T>
void DotScorer<T>::scoreBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                                 const AttentionKeys<T>& keys, const ConstMatrixRef<T>&,
                                 const ScorerStepCache<T>&, MatrixRef<T> dQuery, KeyGradients<T>& grads,
                                 MatrixRef<T>) {
    const int b = keys.batch;
    for (int s = 0; s < keys.steps; ++s) {
        // e_s = scale · Σ_h q ⊙ h̄_s  ⇒  dq += scale · h̄_s de_s,  dh̄_s += scale · q de_s (per column)
        const auto de = (m_scale * dScores.row(s)).array();
        dQuery.array() += keys.key(s).array().rowwise() * de;
        grads.keys.middleCols(s * b, b).array() += query.array().rowwise() * de;
    }
}

template class DotScorer<float>;
template class DotScorer<double>;

} // namespace attnlab
