#include "core/nn/Forecaster.h"

#include "core/nn/InitSeed.h"

#include <cmath>

namespace attnlab {

void validateForecaster(const ModelConfig& config, const ForecastSettings& settings) {
    if (config.input.kind != InputKind::Frames)
        throw std::invalid_argument("a forecaster reads frames (one value per series and step), not " +
                                    inputKindName(config.input.kind));
    if (config.input.frameReduction != 0)
        throw std::invalid_argument(
            "a forecaster attends to every past step: frame reduction must be 0, got " +
            std::to_string(config.input.frameReduction));
    if (config.decoder != DecoderStyle::Luong)
        throw std::invalid_argument("a forecaster's decoder is Luong style (attention after the LSTM step)");
    // The rest as for any model; the vocabularies are not the forecaster's concern.
    ModelConfig rest = config;
    rest.sourceVocabulary = 1;
    rest.targetVocabulary = 1;
    rest.validate();
    settings.validate();
}

template <class T>
Forecaster<T>::Forecaster(const ModelConfig& config, const ForecastSettings& settings)
    : m_config((validateForecaster(config, settings), config)), m_settings(settings), m_encoder(config),
      m_decoder(config, settings) {}

template <class T> void Forecaster<T>::initialize(std::uint64_t seed) {
    const InitSeed streams(seed);
    m_encoder.initialize(streams);
    m_decoder.initialize(streams);
}

template <class T> ParameterList<T> Forecaster<T>::parameters() {
    ParameterList<T> list = m_encoder.parameters();
    for (auto* p : m_decoder.parameters()) list.push_back(p);
    return list;
}

template <class T> void Forecaster<T>::copyValuesFrom(const Forecaster<T>& other) {
    const ParameterList<T> mine = parameters();
    // parameters() hands out mutable pointers; other's values are only read here.
    const ParameterList<T> theirs = const_cast<Forecaster<T>&>(other).parameters();
    if (mine.size() != theirs.size()) throw std::invalid_argument("copyValuesFrom: different architectures");
    for (size_t i = 0; i < mine.size(); ++i) {
        if (theirs[i]->name != mine[i]->name)
            throw std::invalid_argument("copyValuesFrom: " + theirs[i]->name + " where " + mine[i]->name +
                                        " was expected");
        requireShape(theirs[i]->value, mine[i]->value.rows(), mine[i]->value.cols(), mine[i]->name.c_str());
        mine[i]->value = theirs[i]->value;
    }
}

template <class T>
void Forecaster<T>::forward(const SequenceBatch& batch, const std::vector<char>& useGold, bool withTruth,
                            ForecasterCache<T>& cache) const {
    const int d = seriesCount();
    const int b = batch.batchSize;
    const int k = m_settings.horizon;
    if (static_cast<int>(useGold.size()) != k)
        throw std::invalid_argument("forecaster: teacher forcing has " + std::to_string(useGold.size()) +
                                    " steps, the horizon is " + std::to_string(k));
    if (withTruth) {
        if (batch.targetLength != k)
            throw std::invalid_argument("forecaster: the batch has " + std::to_string(batch.targetLength) +
                                        " target steps, the horizon is " + std::to_string(k));
        if (static_cast<Eigen::Index>(batch.targetValues.size()) != static_cast<Eigen::Index>(d) * k * b)
            throw std::invalid_argument("forecaster: target values are not D x K·B (" + std::to_string(d) +
                                        " x " + std::to_string(k * b) + ")");
        cache.truth =
            Eigen::Map<const Matrix<float>>(batch.targetValues.data(), d, static_cast<Eigen::Index>(k) * b)
                .template cast<T>();
    } else {
        cache.truth.resize(0, 0);
    }
    m_encoder.forward(batch, cache.encoder); // checks features (D x W·B) and lengths (B)
    // y_{−1}: each window's last observed value, column (len_b − 1)·B + b of the features
    cache.lastObserved.resize(d, b);
    for (int i = 0; i < b; ++i)
        cache.lastObserved.col(i) =
            cache.encoder.features.col(static_cast<Eigen::Index>(batch.sourceLengths[i] - 1) * b + i);
    cache.keys.steps = cache.encoder.keySteps;
    cache.keys.batch = b;
    cache.keys.lengths = cache.encoder.keyLengths;
    cache.keys.keys = &cache.encoder.keys;
    m_decoder.attention().prepareKeys(cache.keys);
    m_decoder.forward(cache.lastObserved, cache.truth, useGold, cache.keys, cache.encoder.finalHidden,
                      cache.encoder.finalCell, cache.decoder);
}

template <class T> T Forecaster<T>::lossOf(ForecasterCache<T>& cache, T gradScale, bool withGradients) const {
    const auto& means = cache.decoder.means; // (D x K·B)
    const auto difference = (means - cache.truth).array();
    if (!m_settings.gaussian) {
        // L = Σ (μ − y)²;  dL/dμ = 2 (μ − y)
        if (withGradients) cache.dMeans = (T(2) * gradScale) * difference.matrix();
        cache.dLogVariances.resize(0, 0);
        return difference.square().sum();
    }
    // L = ½ Σ (log σ² + (y − μ)² / σ²);  dL/dμ = (μ − y) / σ²;  dL/dlog σ² = ½ (1 − (y − μ)² / σ²)
    const auto& logVariances = cache.decoder.logVariances;
    const auto precision = (-logVariances.array()).exp(); // 1 / σ²
    if (withGradients) {
        cache.dMeans = (gradScale * difference * precision).matrix();
        cache.dLogVariances = (T(0.5) * gradScale * (T(1) - difference.square() * precision)).matrix();
    }
    return T(0.5) * (logVariances.array() + difference.square() * precision).sum();
}

template <class T>
T Forecaster<T>::lossAndGradients(const SequenceBatch& batch, const std::vector<char>& useGold, T gradScale,
                                  ForecasterCache<T>& cache) {
    forward(batch, useGold, true, cache);
    const T total = lossOf(cache, gradScale, true);
    cache.keyGradients.keys.setZero(cache.encoder.keys.rows(), cache.encoder.keys.cols());
    cache.keyGradients.projected.setZero(cache.keys.projected.rows(), cache.keys.projected.cols());
    m_decoder.backward(cache.decoder, cache.dMeans, cache.dLogVariances, cache.keys, cache.keyGradients,
                       cache.dInitialHidden, cache.dInitialCell);
    m_encoder.backward(batch, cache.encoder, cache.keyGradients.keys, cache.dInitialHidden,
                       cache.dInitialCell);
    return total;
}

template <class T>
T Forecaster<T>::loss(const SequenceBatch& batch, const std::vector<char>& useGold,
                      ForecasterCache<T>& cache) const {
    forward(batch, useGold, true, cache);
    return lossOf(cache, T(0), false);
}

template <class T> Forecast<T> Forecaster<T>::predict(const SequenceBatch& batch) const {
    ForecasterCache<T> cache;
    const int k = m_settings.horizon;
    forward(batch, std::vector<char>(k, 0), false, cache);
    Forecast<T> result;
    result.batch = batch.batchSize;
    result.horizon = k;
    result.window = cache.keys.steps;
    result.means = cache.decoder.means;
    if (m_settings.gaussian) result.variances = cache.decoder.logVariances.array().exp().matrix();
    // α_k of window b is column b of alignment block k + 1
    const auto& alignments = cache.decoder.alignments; // (W x (K+1)·B)
    result.attention.resize(batch.batchSize);
    for (int b = 0; b < batch.batchSize; ++b) {
        Matrix<T>& weights = result.attention[b];
        weights.resize(k, cache.keys.steps);
        for (int step = 0; step < k; ++step)
            weights.row(step) =
                alignments.col(static_cast<Eigen::Index>(step + 1) * batch.batchSize + b).transpose();
    }
    return result;
}

template <class T> const Parameter<T>& Forecaster<T>::parameter(const std::string& name) const {
    // parameters() hands out mutable pointers; the one found is returned read only.
    for (const Parameter<T>* p : const_cast<Forecaster<T>&>(*this).parameters())
        if (p->name == name) return *p;
    throw std::invalid_argument("the forecaster has no parameter named " + name);
}

template class Forecaster<float>;
template class Forecaster<double>;

} // namespace attnlab
