#pragma once
// B batch, S source positions, H hidden size, C classes (the target vocabulary: specials + labels).
// The classifier's head (issue 15): attention pooling with a learned query, then a linear layer.
//   e_s = score(q, h̄_s)  (any scorer that needs no previous alignment; additive is the
//   feed-forward attention of Raffel & Ellis, vᵀ tanh(W h̄_s + U q + b), U q acting as its bias)
//   α = softmax(e) over the valid positions;  c = Σ_s α_s h̄_s;  logits = W_o c + b_o
// With ScorerKind::None there is no attention: α is uniform, c the mean of the states (baseline).
#include "core/nn/Attention.h"
#include "core/nn/Linear.h"

namespace attnlab {

template <class T> struct PoolingCache {
    Matrix<T> queries;   // (H x B) q repeated per column
    Matrix<T> alignment; // (S x B) α
    Matrix<T> context;   // (H x B) c
    Matrix<T> logits;    // (C x B); after backward's caller, dL/dlogits when it wrote them there
    ScorerStepCache<T> scorer;
};

template <class T> class AttentionPooling {
public:
    explicit AttentionPooling(const ModelConfig& config);

    void initialize(const InitSeed& seed);
    ParameterList<T> parameters();
    const Attention<T>& attention() const { return m_attention; }
    int classes() const { return m_output.outputs(); }

    // Binds the keys' per-batch preprocessing (additive scorers), as Attention::prepareKeys.
    void prepareKeys(AttentionKeys<T>& keys) const { m_attention.prepareKeys(keys); }
    // Fills cache (α, c, logits) for the keys of a batch.
    void forward(const AttentionKeys<T>& keys, PoolingCache<T>& cache) const;
    // dLogits: (C x B). Accumulates parameter gradients and grads.keys (H x S·B).
    void backward(const PoolingCache<T>& cache, const ConstMatrixRef<T>& dLogits,
                  const AttentionKeys<T>& keys, KeyGradients<T>& grads);

private:
    Parameter<T> m_query; // (H x 1) q, "pooling.query"
    Attention<T> m_attention;
    Linear<T> m_output; // W_o (C x H), b_o (C): "classifier.weight", "classifier.bias"
    // backward scratch: (H x B) dc, dq per column; (S x B) dα, dα_{−1} (unused by these scorers)
    Matrix<T> m_dContext, m_dQueries, m_dAlpha, m_dPrevious;
    mutable Matrix<T> m_noPrevious; // (S x B) zero: no scorer offered here reads α_{t−1}
};

} // namespace attnlab
