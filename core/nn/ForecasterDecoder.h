#pragma once
// B batch, S window positions (keys), K horizon, D series, H hidden size, F fed size (H with input
// feeding, else 0).
// The forecaster's decoder (issue 15): K steps over real values, Luong style. Step t:
//   x_t = [y_{t−1}; h̃_{t−1}]  (D + F)   y_{−1} = the last observed value; then the truth (teacher
//         forcing) or the model's own mean μ_{t−1}, per step; h̃_{−1} = 0
//   h_t, c_t = LSTM(x_t, h_{t−1}, c_{t−1})        h_{−1}, c_{−1} = the encoder's final state
//   α_t, c_t = attention(h_t, h̄, α_{t−1})        α_{−1}: uniform for location_aware, else 0
//   h̃_t = tanh(W_c [c_t; h_t])
//   μ_t = W_μ h̃_t + b_μ  (D);   gaussian: log σ²_t = W_v h̃_t + b_v  (D)
// A step fed its own mean is differentiated through it: the gradient is that of the loss as
// computed, so the finite-difference check holds for any teacher-forcing schedule.
#include "core/nn/Attention.h"
#include "core/nn/ForecastSettings.h"
#include "core/nn/Linear.h"
#include "core/nn/LstmCell.h"
#include "core/nn/ModelConfig.h"
#include "core/nn/StepBlocks.h"

namespace attnlab {

// The step blocks over T = K steps; inputs is ((D+F+H) x K·B) [y_{t−1}; h̃_{t−1}; h_{t−1}].
template <class T> struct ForecasterDecoderCache : StepBlocks<T> {
    std::vector<char> fedTruth; // (K) step t read the truth (t = 0: the last observation)
    Matrix<T> means;            // (D x K·B) μ_t, time-major
    Matrix<T> logVariances;     // (D x K·B) log σ²_t; empty without gaussian
};

template <class T> class ForecasterDecoder {
public:
    // config.input.featureSize() is D; config.inputFeeding chooses F.
    ForecasterDecoder(const ModelConfig& config, const ForecastSettings& settings);

    void initialize(const InitSeed& seed);
    ParameterList<T> parameters();
    const Attention<T>& attention() const { return m_attention; }

    // lastObserved: (D x B) y_{−1}. truth: (D x K·B), read for the steps t ≥ 1 with useGold[t]
    // (may be empty when there are none). useGold: (K); useGold[0] is ignored. initialHidden,
    // initialCell: (H x B). Fills cache; cache.means (and logVariances) hold the result.
    void forward(const ConstMatrixRef<T>& lastObserved, const ConstMatrixRef<T>& truth,
                 const std::vector<char>& useGold, const AttentionKeys<T>& keys,
                 const ConstMatrixRef<T>& initialHidden, const ConstMatrixRef<T>& initialCell,
                 ForecasterDecoderCache<T>& cache) const;
    // dMeans, dLogVariances: (D x K·B) the loss's gradients (dLogVariances ignored without
    // gaussian). Accumulates parameter gradients and grads (keys); dInitialHidden/Cell (H x B).
    void backward(const ForecasterDecoderCache<T>& cache, const ConstMatrixRef<T>& dMeans,
                  const ConstMatrixRef<T>& dLogVariances, const AttentionKeys<T>& keys,
                  KeyGradients<T>& grads, Matrix<T>& dInitialHidden, Matrix<T>& dInitialCell);

private:
    int inputSize() const { return m_series + m_fed; } // D + F

    int m_series; // D
    int m_hidden; // H
    int m_fed;    // F
    bool m_gaussian;
    LstmCell<T> m_cell;       // W_ih (4H x (D+F)), W_hh (4H x H)
    Attention<T> m_attention; // any of the seven scorers over the window's keys
    Linear<T> m_combine;      // W_c (H x 2H) over [c; h], no bias
    Linear<T> m_mean;         // W_μ (D x H), b_μ (D)
    Linear<T> m_logVariance;  // W_v (D x H), b_v (D); unused without gaussian
    // Backward scratch: (D x K·B) m_dMeans (the loss's plus what later steps fed back);
    // (H x B) m_dAttentional, m_dHidden, m_dCell, m_dHiddenPrev, m_dFeed; (S x B) m_dAlpha,
    // m_dAlphaPrevious; (4H x K·B) m_dz; (H x K·B) m_dPre; (2H x B) m_dCombined;
    // ((D+F+H) x B) m_dStep = [dy_{t−1}; dh̃_{t−1}; dh_{t−1}].
    Matrix<T> m_dMeans, m_dAttentional, m_dHidden, m_dCell, m_dHiddenPrev, m_dFeed;
    Matrix<T> m_dAlpha, m_dAlphaPrevious, m_dz, m_dPre, m_dCombined, m_dStep;
};

} // namespace attnlab
