#include "core/nn/AdditiveScorer.h"

namespace attnlab {

template <class T>
AdditiveScorer<T>::AdditiveScorer(int hidden, int attention)
    : m_query("attention.query.weight", "", hidden, attention),
      m_key("attention.key.weight", "attention.key.bias", hidden, attention),
      m_v("attention.v.weight", "", attention, 1) {}

template <class T> void AdditiveScorer<T>::initialize(const InitSeed& seed) {
    m_query.initialize(seed);
    m_key.initialize(seed);
    m_v.initialize(seed);
}

template <class T> ParameterList<T> AdditiveScorer<T>::parameters() {
    ParameterList<T> list = m_query.parameters();
    for (auto* p : m_key.parameters()) list.push_back(p);
    for (auto* p : m_v.parameters()) list.push_back(p);
    return list;
}

template <class T> void AdditiveScorer<T>::prepareKeys(AttentionKeys<T>& keys) const {
    keys.projected.resize(m_key.outputs(), keys.keys->cols());
    m_key.forward(*keys.keys, keys.projected); // (A x S·B) in one product
}

template <class T>
void AdditiveScorer<T>::prepareKeysBackward(const AttentionKeys<T>& keys, KeyGradients<T>& grads) {
    Matrix<T> dKeys; // (H x S·B)
    m_key.backward(*keys.keys, grads.projected, &dKeys);
    grads.keys += dKeys;
}

template <class T>
void AdditiveScorer<T>::scoreWith(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
                                  const Matrix<T>* extra, MatrixRef<T> scores,
                                  ScorerStepCache<T>& cache) const {
    const int b = keys.batch;
    const auto& v = m_v.weightValue(); // (1 x A)
    cache.projectedQuery.resize(m_query.outputs(), b);
    m_query.forward(query, cache.projectedQuery);
    cache.hidden.resize(m_query.outputs(), static_cast<Eigen::Index>(keys.steps) * b);
    for (int s = 0; s < keys.steps; ++s) {
        auto hidden = cache.hidden.middleCols(s * b, b);
        hidden = keys.projected.middleCols(s * b, b) + cache.projectedQuery;
        if (extra) hidden += extra->middleCols(s * b, b);
        hidden.array() = hidden.array().tanh();
        scores.row(s).noalias() = v * hidden;
    }
}

template <class T>
void AdditiveScorer<T>::scoreWithBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                                          const AttentionKeys<T>& keys, const ScorerStepCache<T>& cache,
                                          MatrixRef<T> dQuery, KeyGradients<T>& grads, Matrix<T>* dExtra) {
    const int b = keys.batch;
    const auto& v = m_v.weightValue(); // (1 x A)
    m_dQueryProjection.setZero(m_query.outputs(), b);
    if (dExtra) dExtra->resize(m_query.outputs(), cache.hidden.cols());
    for (int s = 0; s < keys.steps; ++s) {
        const auto hidden = cache.hidden.middleCols(s * b, b);
        const auto de = dScores.row(s);
        // e_s = v · u_s:  dv += de_s u_sᵀ,  du_s = vᵀ de_s
        m_v.weight().grad.noalias() += de * hidden.transpose();
        // u_s = tanh(pre_s):  dpre_s = du_s ⊙ (1 − u_s²)
        m_dPre.noalias() = v.transpose() * de;
        m_dPre.array() *= T(1) - hidden.array().square();
        // pre_s = W_q q + (W_k h̄_s + b) [+ extra_s]
        m_dQueryProjection += m_dPre;
        grads.projected.middleCols(s * b, b) += m_dPre;
        if (dExtra) dExtra->middleCols(s * b, b) = m_dPre;
    }
    m_query.weight().grad.noalias() += m_dQueryProjection * query.transpose();
    dQuery.noalias() += m_query.weightValue().transpose() * m_dQueryProjection;
}

template <class T>
void AdditiveScorer<T>::score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
                              const ConstMatrixRef<T>&, MatrixRef<T> scores,
                              ScorerStepCache<T>& cache) const {
    scoreWith(query, keys, nullptr, scores, cache);
}

template <class T>
void AdditiveScorer<T>::scoreBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                                      const AttentionKeys<T>& keys, const ConstMatrixRef<T>&,
                                      const ScorerStepCache<T>& cache, MatrixRef<T> dQuery,
                                      KeyGradients<T>& grads, MatrixRef<T>) {
    scoreWithBackward(dScores, query, keys, cache, dQuery, grads, nullptr);
}

template class AdditiveScorer<float>;
template class AdditiveScorer<double>;

} // namespace attnlab
