#include "core/nn/ForecasterDecoder.h"

namespace attnlab {

template <class T>
ForecasterDecoder<T>::ForecasterDecoder(const ModelConfig& config, const ForecastSettings& settings)
    : m_series(config.input.featureSize()), m_hidden(config.hidden),
      m_fed(config.inputFeeding ? config.hidden : 0), m_gaussian(settings.gaussian),
      m_cell("decoder.", "", m_series + m_fed, config.hidden), m_attention(config),
      m_combine("combine.weight", "", 2 * config.hidden, config.hidden),
      m_mean("forecast.mean.weight", "forecast.mean.bias", config.hidden, m_series),
      m_logVariance("forecast.log_variance.weight", "forecast.log_variance.bias", config.hidden, m_series) {}

template <class T> void ForecasterDecoder<T>::initialize(const InitSeed& seed) {
    m_cell.initialize(seed);
    m_attention.initialize(seed);
    m_combine.initialize(seed);
    m_mean.initialize(seed);
    if (m_gaussian) m_logVariance.initialize(seed);
}

template <class T> ParameterList<T> ForecasterDecoder<T>::parameters() {
    ParameterList<T> list = m_cell.parameters();
    for (auto* p : m_attention.parameters()) list.push_back(p);
    for (auto* p : m_combine.parameters()) list.push_back(p);
    for (auto* p : m_mean.parameters()) list.push_back(p);
    if (m_gaussian)
        for (auto* p : m_logVariance.parameters()) list.push_back(p);
    return list;
}

template <class T>
void ForecasterDecoder<T>::forward(const ConstMatrixRef<T>& lastObserved, const ConstMatrixRef<T>& truth,
                                   const std::vector<char>& useGold, const AttentionKeys<T>& keys,
                                   const ConstMatrixRef<T>& initialHidden,
                                   const ConstMatrixRef<T>& initialCell,
                                   ForecasterDecoderCache<T>& cache) const {
    const int steps = static_cast<int>(useGold.size());
    const int b = keys.batch;
    const int d = m_series;
    const int h = m_hidden;
    const int columns = steps * b;
    requireShape(lastObserved, d, b, "forecaster: last observed values");
    requireShape(initialHidden, h, b, "forecaster: initial hidden state");
    requireShape(initialCell, h, b, "forecaster: initial cell state");
    cache.fedTruth.assign(steps, 1);
    for (int t = 1; t < steps; ++t) cache.fedTruth[t] = useGold[t];
    for (int t = 1; t < steps; ++t)
        if (cache.fedTruth[t]) {
            requireShape(truth, d, columns, "forecaster: target values");
            break;
        }
    cache.start(inputSize(), h, steps, keys, m_attention, initialHidden, initialCell);
    cache.means.resize(d, columns);
    if (m_gaussian)
        cache.logVariances.resize(d, columns);
    else
        cache.logVariances.resize(0, 0);
    m_cell.stackWeights();

    for (int t = 0; t < steps; ++t) {
        const int at = t * b;
        auto input = cache.inputs.middleCols(at, b); // ((D+F+H) x B)
        // y_{t−1}: the last observation, the truth, or the previous step's mean
        if (t == 0)
            input.topRows(d) = lastObserved;
        else if (cache.fedTruth[t])
            input.topRows(d) = truth.middleCols(at - b, b);
        else
            input.topRows(d) = cache.means.middleCols(at - b, b);
        if (m_fed > 0) input.middleRows(d, h) = cache.attentional.middleCols(at, b);
        input.bottomRows(h) = cache.hidden.middleCols(at, b);
        // z = [W_ih | W_hh] [x; h_{t−1}] + b, one product
        m_cell.stackedStep(input, cache.cells.middleCols(at, b), cache.gates.middleCols(at, b),
                           cache.hidden.middleCols(at + b, b), cache.cells.middleCols(at + b, b));
        auto combined = cache.combined.middleCols(at, b); // (2H x B)
        m_attention.forward(cache.hidden.middleCols(at + b, b), keys, cache.alignments.middleCols(at, b),
                            cache.scorer[t], cache.alignments.middleCols(at + b, b), combined.topRows(h));
        // h̃ = tanh(W_c [c; h])
        combined.bottomRows(h) = cache.hidden.middleCols(at + b, b);
        auto attentional = cache.attentional.middleCols(at + b, b);
        m_combine.forward(combined, attentional);
        attentional.array() = attentional.array().tanh();
        // μ (and log σ²) now: the next step may read this step's mean
        m_mean.forward(attentional, cache.means.middleCols(at, b));
        if (m_gaussian) m_logVariance.forward(attentional, cache.logVariances.middleCols(at, b));
    }
}

template <class T>
void ForecasterDecoder<T>::backward(const ForecasterDecoderCache<T>& cache, const ConstMatrixRef<T>& dMeans,
                                    const ConstMatrixRef<T>& dLogVariances, const AttentionKeys<T>& keys,
                                    KeyGradients<T>& grads, Matrix<T>& dInitialHidden,
                                    Matrix<T>& dInitialCell) {
    const int steps = cache.steps;
    const int b = cache.batch;
    const int d = m_series;
    const int h = m_hidden;
    const int columns = steps * b;
    requireShape(dMeans, d, columns, "forecaster: mean gradients");
    if (m_gaussian) requireShape(dLogVariances, d, columns, "forecaster: log-variance gradients");
    const auto& combine = m_combine.weightValue();                    // (H x 2H)
    const auto attentionalAll = cache.attentional.rightCols(columns); // (H x K·B) h̃_0..h̃_{K−1}

    m_dMeans = dMeans; // steps fed their predecessor's mean add to it below, before it is read
    m_dz.resize(4 * h, columns);
    m_dPre.resize(h, columns);
    m_dHidden.setZero(h, b);                 // dL/dh_t carried from step t+1
    m_dCell.setZero(h, b);                   // dL/dc_t carried from step t+1
    m_dFeed.setZero(h, b);                   // dL/dh̃_t from step t+1's input feeding
    m_dAlphaPrevious.setZero(keys.steps, b); // dL/dα_t from step t+1 (location-aware)
    m_dCombined.resize(2 * h, b);
    m_dStep.resize(inputSize() + h, b);

    for (int t = steps - 1; t >= 0; --t) {
        const int at = t * b;
        const auto attentional = cache.attentional.middleCols(at + b, b);
        auto dz = m_dz.middleCols(at, b);
        auto dPre = m_dPre.middleCols(at, b);

        // μ = W_μ h̃ + b_μ, log σ² = W_v h̃ + b_v: dh̃ = W_μᵀ dμ + W_vᵀ dlogσ² + dfeed (weights after the loop)
        m_dAttentional.noalias() = m_mean.weightValue().transpose() * m_dMeans.middleCols(at, b);
        if (m_gaussian)
            m_dAttentional.noalias() +=
                m_logVariance.weightValue().transpose() * dLogVariances.middleCols(at, b);
        m_dAttentional += m_dFeed;
        // h̃ = tanh(W_c [c; h]):  dpre = dh̃ ⊙ (1 − h̃²);  [dc; dh] = W_cᵀ dpre
        dPre.array() = m_dAttentional.array() * (T(1) - attentional.array().square());
        m_dCombined.noalias() = combine.transpose() * dPre;
        m_dHidden += m_dCombined.bottomRows(h);
        m_dAlpha = m_dAlphaPrevious;
        m_dAlphaPrevious.setZero();
        // attention(h_t, α_{t−1}): its query gradient joins dh_t before the LSTM step
        m_attention.backward(m_dCombined.topRows(h), m_dAlpha, cache.hidden.middleCols(at + b, b), keys,
                             cache.alignments.middleCols(at, b), cache.alignments.middleCols(at + b, b),
                             cache.scorer[t], m_dHidden, grads, m_dAlphaPrevious);
        m_cell.stepBackward(cache.gates.middleCols(at, b), cache.cells.middleCols(at, b),
                            cache.cells.middleCols(at + b, b), m_dHidden, m_dCell, dz);
        // [dy_{t−1}; dh̃_{t−1}; dh_{t−1}] = [W_ih | W_hh]ᵀ dz in one product
        m_cell.stackedBackward(dz, m_dStep);
        if (t > 0 && !cache.fedTruth[t]) m_dMeans.middleCols(at - b, b) += m_dStep.topRows(d);
        if (m_fed > 0) m_dFeed = m_dStep.middleRows(d, h);
        m_dHiddenPrev = m_dStep.bottomRows(h);
        m_dHidden.swap(m_dHiddenPrev);
    }
    dInitialHidden = m_dHidden;
    dInitialCell = m_dCell;
    // Weight gradients over every step in one product each.
    m_mean.backward(attentionalAll, m_dMeans, nullptr);
    if (m_gaussian) m_logVariance.backward(attentionalAll, dLogVariances, nullptr);
    m_combine.weight().grad.noalias() += m_dPre * cache.combined.transpose();
    m_cell.weightsBackward(cache.inputs.topRows(inputSize()), cache.hidden.leftCols(columns), m_dz);
    m_attention.finishBackward(keys, grads);
}

template class ForecasterDecoder<float>;
template class ForecasterDecoder<double>;

} // namespace attnlab
