#include "core/nn/LocationAwareScorer.h"

#include "core/nn/Init.h"

#include <cmath>

namespace attnlab {

template <class T>
LocationAwareScorer<T>::LocationAwareScorer(int hidden, int attention, int filters, int kernelWidth)
    : AdditiveScorer<T>(hidden, attention),
      m_conv("attention.conv.weight", filters, kernelWidth, {filters, 1, kernelWidth}),
      m_location("attention.location.weight", "", filters, attention) {}

template <class T> void LocationAwareScorer<T>::initialize(const InitSeed& seed) {
    AdditiveScorer<T>::initialize(seed);
    fillUniform(m_conv, seed, 1.0 / std::sqrt(static_cast<double>(m_conv.value.cols())));
    m_location.initialize(seed);
}

template <class T> ParameterList<T> LocationAwareScorer<T>::parameters() {
    ParameterList<T> list = AdditiveScorer<T>::parameters();
    list.push_back(&m_conv);
    list.push_back(&m_location.weight());
    return list;
}

template <class T>
void LocationAwareScorer<T>::score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
                                   const ConstMatrixRef<T>& previous, MatrixRef<T> scores,
                                   ScorerStepCache<T>& cache) const {
    const int b = keys.batch;
    const int steps = keys.steps;
    const int width = static_cast<int>(m_conv.value.cols());
    const int half = width / 2;
    // f[:, s] = Σ_w F[:, w] α_{t−1}[s + w − W/2]   (F x S·B)
    cache.features.setZero(m_conv.value.rows(), static_cast<Eigen::Index>(steps) * b);
    for (int s = 0; s < steps; ++s)
        for (int w = 0; w < width; ++w) {
            const int from = s + w - half;
            if (from < 0 || from >= steps) continue;
            cache.features.middleCols(s * b, b).noalias() += m_conv.value.col(w) * previous.row(from);
        }
    m_locationTerm.resize(m_location.outputs(), cache.features.cols());
    m_location.forward(cache.features, m_locationTerm); // U f   (A x S·B)
    this->scoreWith(query, keys, &m_locationTerm, scores, cache);
}

template <class T>
void LocationAwareScorer<T>::scoreBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                                           const AttentionKeys<T>& keys, const ConstMatrixRef<T>& previous,
                                           const ScorerStepCache<T>& cache, MatrixRef<T> dQuery,
                                           KeyGradients<T>& grads, MatrixRef<T> dPrevious) {
    const int b = keys.batch;
    const int steps = keys.steps;
    const int width = static_cast<int>(m_conv.value.cols());
    const int half = width / 2;
    this->scoreWithBackward(dScores, query, keys, cache, dQuery, grads, &m_dLocationTerm);
    // U f:  dU += d(Uf) fᵀ,  df = Uᵀ d(Uf)
    m_dFeatures.resize(m_conv.value.rows(), cache.features.cols());
    m_location.backward(cache.features, m_dLocationTerm, &m_dFeatures);
    // f[:, s] = Σ_w F[:, w] α[s + w − W/2]:  dF[:, w] += df_s αᵀ,  dα[s + w − W/2] += F[:, w]ᵀ df_s
    for (int s = 0; s < steps; ++s)
        for (int w = 0; w < width; ++w) {
            const int from = s + w - half;
            if (from < 0 || from >= steps) continue;
            const auto df = m_dFeatures.middleCols(s * b, b);
            m_conv.grad.col(w).noalias() += df * previous.row(from).transpose();
            dPrevious.row(from).noalias() += m_conv.value.col(w).transpose() * df;
        }
}

template class LocationAwareScorer<float>;
template class LocationAwareScorer<double>;

} // namespace attnlab
