#include "core/nn/AttentionPooling.h"

#include "core/nn/Init.h"

#include <cmath>

namespace attnlab {

template <class T>
AttentionPooling<T>::AttentionPooling(const ModelConfig& config)
    : m_query("pooling.query", config.hidden, 1), m_attention(config),
      m_output("classifier.weight", "classifier.bias", config.hidden, config.targetVocabulary) {
    if (m_attention.usesPreviousAlignment())
        throw std::invalid_argument("attention pooling has no previous alignment: the " +
                                    scorerName(config.scorer) + " scorer cannot pool");
}

template <class T> void AttentionPooling<T>::initialize(const InitSeed& seed) {
    // q = 0: the dot and general scorers start from uniform weights (mean pooling) and sharpen
    // as the words prove useful, rather than locking early onto whichever word a random q favours.
    m_query.value.setZero();
    m_attention.initialize(seed);
    m_output.initialize(seed);
}

template <class T> ParameterList<T> AttentionPooling<T>::parameters() {
    ParameterList<T> list;
    if (m_attention.enabled()) list.push_back(&m_query);
    for (auto* p : m_attention.parameters()) list.push_back(p);
    for (auto* p : m_output.parameters()) list.push_back(p);
    return list;
}

template <class T>
void AttentionPooling<T>::forward(const AttentionKeys<T>& keys, PoolingCache<T>& cache) const {
    const int b = keys.batch;
    cache.alignment.resize(keys.steps, b);
    cache.context.resize(m_query.value.rows(), b);
    if (m_attention.enabled()) {
        cache.queries = m_query.value.replicate(1, b);
        m_noPrevious.setZero(keys.steps, b);
        m_attention.forward(cache.queries, keys, m_noPrevious, cache.scorer, cache.alignment, cache.context);
    } else {
        uniformAlignment<T>(keys.lengths, cache.alignment);
        m_attention.weightedSum(keys, cache.alignment, cache.context);
    }
    cache.logits.resize(m_output.outputs(), b);
    m_output.forward(cache.context, cache.logits);
}

template <class T>
void AttentionPooling<T>::backward(const PoolingCache<T>& cache, const ConstMatrixRef<T>& dLogits,
                                   const AttentionKeys<T>& keys, KeyGradients<T>& grads) {
    const int b = keys.batch;
    m_output.backward(cache.context, dLogits, &m_dContext);
    if (!m_attention.enabled()) {
        // c = Σ_s α_s h̄_s with α fixed:  dh̄_s += α_s dc
        for (int s = 0; s < keys.steps; ++s)
            grads.keys.middleCols(s * b, b).array() +=
                m_dContext.array().rowwise() * cache.alignment.row(s).array();
        return;
    }
    m_dAlpha.setZero(keys.steps, b);
    m_dPrevious.setZero(keys.steps, b);
    m_dQueries.setZero(m_query.value.rows(), b);
    m_attention.backward(m_dContext, m_dAlpha, cache.queries, keys, m_noPrevious, cache.alignment,
                         cache.scorer, m_dQueries, grads, m_dPrevious);
    m_attention.finishBackward(keys, grads);
    m_query.grad += m_dQueries.rowwise().sum(); // q is shared by every column
}

template class AttentionPooling<float>;
template class AttentionPooling<double>;

} // namespace attnlab
