#include "core/nn/Attention.h"

#include "core/nn/AdditiveScorer.h"
#include "core/nn/DotScorer.h"
#include "core/nn/GeneralScorer.h"
#include "core/nn/LocationAwareScorer.h"
#include "core/nn/LocationScorer.h"

#include <cmath>

namespace attnlab {

template <class T>
void maskedSoftmax(const ConstMatrixRef<T>& scores, const std::vector<int>& lengths, MatrixRef<T> alpha) {
    for (Eigen::Index b = 0; b < scores.cols(); ++b) {
        const Eigen::Index valid = lengths[b];
        auto in = scores.col(b).head(valid);
        auto out = alpha.col(b);
        const T top = in.maxCoeff();
        out.head(valid) = (in.array() - top).exp().matrix();
        out.head(valid) /= out.head(valid).sum();
        out.tail(scores.rows() - valid).setZero();
    }
}

template <class T>
void maskedSoftmaxBackward(const ConstMatrixRef<T>& alpha, const ConstMatrixRef<T>& dAlpha,
                           MatrixRef<T> dScores) {
    const RowVector<T> weighted = (alpha.array() * dAlpha.array()).colwise().sum(); // (1 x B) Σ_s α_s dα_s
    dScores.array() = alpha.array() * (dAlpha.array().rowwise() - weighted.array());
}

template <class T> void uniformAlignment(const std::vector<int>& lengths, MatrixRef<T> alpha) {
    alpha.setZero();
    for (Eigen::Index b = 0; b < alpha.cols(); ++b)
        alpha.col(b).head(lengths[b]).setConstant(T(1) / static_cast<T>(lengths[b]));
}

namespace {
template <class T> std::unique_ptr<AttentionScorer<T>> makeScorer(const ModelConfig& config) {
    const int h = config.hidden;
    const int a = config.attentionSize();
    switch (config.scorer) {
    case ScorerKind::None:
        return nullptr;
    case ScorerKind::Dot:
        return std::make_unique<DotScorer<T>>(T(1));
    case ScorerKind::ScaledDot:
        return std::make_unique<DotScorer<T>>(T(1) / std::sqrt(static_cast<T>(h)));
    case ScorerKind::General:
        return std::make_unique<GeneralScorer<T>>(h);
    case ScorerKind::Additive:
        return std::make_unique<AdditiveScorer<T>>(h, a);
    case ScorerKind::Location:
        return std::make_unique<LocationScorer<T>>(h, config.maxSourceLength);
    case ScorerKind::LocationAware:
        return std::make_unique<LocationAwareScorer<T>>(h, a, config.locationFilters, config.locationKernel);
    }
    throw std::invalid_argument("unknown scorer kind");
}
} // namespace

template <class T> Attention<T>::Attention(const ModelConfig& config) : m_scorer(makeScorer<T>(config)) {}

template <class T> void Attention<T>::initialize(const InitSeed& seed) {
    if (m_scorer) m_scorer->initialize(seed);
}

template <class T> ParameterList<T> Attention<T>::parameters() {
    return m_scorer ? m_scorer->parameters() : ParameterList<T>{};
}

template <class T> void Attention<T>::prepareKeys(AttentionKeys<T>& keys) const {
    if (m_scorer) m_scorer->prepareKeys(keys);
}

template <class T>
void Attention<T>::forward(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
                           const ConstMatrixRef<T>& previousAlignment, ScorerStepCache<T>& cache,
                           MatrixRef<T> alpha, MatrixRef<T> context) const {
    if (!m_scorer) {
        alpha.setZero();
        context.setZero();
        return;
    }
    m_scores.resize(keys.steps, keys.batch);
    m_scorer->score(query, keys, previousAlignment, m_scores, cache);
    maskedSoftmax<T>(m_scores, keys.lengths, alpha);
    // c = Σ_s α_s h̄_s
    context.setZero();
    for (int s = 0; s < keys.steps; ++s)
        context.array() += keys.key(s).array().rowwise() * alpha.row(s).array();
}

template <class T>
void Attention<T>::backward(const ConstMatrixRef<T>& dContext, MatrixRef<T> dAlpha,
                            const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
                            const ConstMatrixRef<T>& previousAlignment, const ConstMatrixRef<T>& alpha,
                            const ScorerStepCache<T>& cache, MatrixRef<T> dQuery, KeyGradients<T>& grads,
                            MatrixRef<T> dPreviousAlignment) {
    if (!m_scorer) return;
    const int b = keys.batch;
    // c = Σ_s α_s h̄_s:  dα_s += h̄_s · dc,  dh̄_s += α_s dc
    for (int s = 0; s < keys.steps; ++s) {
        dAlpha.row(s) += (keys.key(s).array() * dContext.array()).colwise().sum().matrix();
        grads.keys.middleCols(s * b, b).array() += dContext.array().rowwise() * alpha.row(s).array();
    }
    m_dScores.resize(keys.steps, b);
    maskedSoftmaxBackward<T>(alpha, dAlpha, m_dScores);
    m_scorer->scoreBackward(m_dScores, query, keys, previousAlignment, cache, dQuery, grads,
                            dPreviousAlignment);
}

template <class T>
void Attention<T>::score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
                         const ConstMatrixRef<T>& previousAlignment, ScorerStepCache<T>& cache,
                         MatrixRef<T> scores) const {
    if (m_scorer) m_scorer->score(query, keys, previousAlignment, scores, cache);
}

template <class T>
void Attention<T>::weightedSum(const AttentionKeys<T>& keys, const ConstMatrixRef<T>& alpha,
                               MatrixRef<T> context) const {
    context.setZero();
    for (int s = 0; s < keys.steps; ++s)
        context.array() += keys.key(s).array().rowwise() * alpha.row(s).array();
}

template <class T> void Attention<T>::finishBackward(const AttentionKeys<T>& keys, KeyGradients<T>& grads) {
    if (m_scorer) m_scorer->prepareKeysBackward(keys, grads);
}

template void maskedSoftmax<float>(const ConstMatrixRef<float>&, const std::vector<int>&, MatrixRef<float>);
template void maskedSoftmax<double>(const ConstMatrixRef<double>&, const std::vector<int>&,
                                    MatrixRef<double>);
template void maskedSoftmaxBackward<float>(const ConstMatrixRef<float>&, const ConstMatrixRef<float>&,
                                           MatrixRef<float>);
template void maskedSoftmaxBackward<double>(const ConstMatrixRef<double>&, const ConstMatrixRef<double>&,
                                            MatrixRef<double>);
template void uniformAlignment<float>(const std::vector<int>&, MatrixRef<float>);
template void uniformAlignment<double>(const std::vector<int>&, MatrixRef<double>);
template class Attention<float>;
template class Attention<double>;

} // namespace attnlab
