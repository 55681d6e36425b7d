#pragma once
// B batch, W window (past positions, the keys), K horizon, D series, H hidden size.
// The forecasting model (issue 15): the encoder reads a window of past values (frames input, one
// D-vector of series values per position), and the decoder (ForecasterDecoder) emits the next K
// values one step at a time, attending over the window at every step. Loss, summed over the
// K·D·B values (the caller scales it, e.g. by 1 / (K·D·B) for the mean):
//   squared error        (μ − y)²
//   Gaussian (gaussian)  ½ (log σ² + (y − μ)² / σ²)   (the constant ½ log 2π dropped)
// Values are normalised per series before they reach the model (SeriesNormalization). Not
// thread-safe: one object per thread (copyValuesFrom refreshes one from another).
#include "core/nn/Encoder.h"
#include "core/nn/ForecasterDecoder.h"

#include <cstdint>

namespace attnlab {

template <class T> struct ForecasterCache {
    EncoderCache<T> encoder;
    AttentionKeys<T> keys;
    ForecasterDecoderCache<T> decoder;
    Matrix<T> lastObserved;  // (D x B) each window's last value, y_{−1}
    Matrix<T> truth;         // (D x K·B) the batch's target values; empty when none are given
    Matrix<T> dMeans;        // (D x K·B) dL/dμ
    Matrix<T> dLogVariances; // (D x K·B) dL/dlog σ²; empty without gaussian
    KeyGradients<T> keyGradients;
    Matrix<T> dInitialHidden; // (H x B)
    Matrix<T> dInitialCell;   // (H x B)
};

// A batch's forecast, in normalised units.
template <class T> struct Forecast {
    int batch = 0;       // B
    int horizon = 0;     // K
    int window = 0;      // W
    Matrix<T> means;     // (D x K·B) μ, column k·B + b
    Matrix<T> variances; // (D x K·B) σ² = exp(log σ²); empty without gaussian
    // (B) one per window: (K x W), row k = α_k over the window's positions (zero past its length)
    std::vector<Matrix<T>> attention;
};

template <class T> class Forecaster {
public:
    // config: input kind Frames with featureSize() = D (melBands) and no frame reduction; hidden,
    // embedding (the projection of each D-vector), scorer, bidirectional, inputFeeding and the
    // scorers' own sizes. The vocabularies are not read. Throws std::invalid_argument naming the
    // first bad field (validateForecaster).
    Forecaster(const ModelConfig& config, const ForecastSettings& settings);

    const ModelConfig& config() const { return m_config; }
    const ForecastSettings& settings() const { return m_settings; }
    int seriesCount() const { return m_config.input.featureSize(); } // D
    void initialize(std::uint64_t seed);
    ParameterList<T> parameters();
    void copyValuesFrom(const Forecaster<T>& other); // same configuration required

    // batch: features (D x W·B) and sourceLengths (B); targetLength K; targetValues (D x K·B).
    // useGold (K): step t ≥ 1 is fed the truth y_{t−1} (else the model's own mean); step 0 reads
    // the window's last value. Returns the summed loss; parameter gradients accumulate (+=) scaled
    // by gradScale.
    T lossAndGradients(const SequenceBatch& batch, const std::vector<char>& useGold, T gradScale,
                       ForecasterCache<T>& cache);
    // Forward only: the summed loss of the same computation.
    T loss(const SequenceBatch& batch, const std::vector<char>& useGold, ForecasterCache<T>& cache) const;
    // Free running (every step fed its own mean): reads only features and sourceLengths.
    Forecast<T> predict(const SequenceBatch& batch) const;

    // A parameter by its file name ("forecast.mean.weight"), read only; throws
    // std::invalid_argument when the model has none of that name.
    const Parameter<T>& parameter(const std::string& name) const;

private:
    void forward(const SequenceBatch& batch, const std::vector<char>& useGold, bool withTruth,
                 ForecasterCache<T>& cache) const;
    // The summed loss; with gradScale > 0 also dMeans, dLogVariances (scaled) into cache.
    T lossOf(ForecasterCache<T>& cache, T gradScale, bool withGradients) const;

    ModelConfig m_config;
    ForecastSettings m_settings;
    Encoder<T> m_encoder;
    ForecasterDecoder<T> m_decoder;
};

// The checks of Forecaster's constructor: throws std::invalid_argument naming the first bad field.
void validateForecaster(const ModelConfig& config, const ForecastSettings& settings);

} // namespace attnlab
