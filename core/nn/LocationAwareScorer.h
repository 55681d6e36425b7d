#pragma once
// location_aware (Chorowski et al. 2015): e_s = vᵀ tanh(W_q q + W_k h̄_s + U f_s + b), where
// f = F ∗ α_{t−1} convolves the previous alignment with F filters of odd width W (zero padding
// W/2, cross-correlation as nn.Conv1d). Adds attention.conv.weight [F,1,W] (held as F x W) and
// attention.location.weight (A x F) to the additive parameters.
#include "core/nn/AdditiveScorer.h"

namespace attnlab {

template <class T> class LocationAwareScorer : public AdditiveScorer<T> {
public:
    LocationAwareScorer(int hidden, int attention, int filters, int kernelWidth);

    void initialize(const InitSeed& seed) override;
    ParameterList<T> parameters() override;
    bool usesPreviousAlignment() const override { return true; }
    void score(const ConstMatrixRef<T>& query, const AttentionKeys<T>& keys,
               const ConstMatrixRef<T>& previous, MatrixRef<T> scores,
               ScorerStepCache<T>& cache) const override;
    void scoreBackward(const ConstMatrixRef<T>& dScores, const ConstMatrixRef<T>& query,
                       const AttentionKeys<T>& keys, const ConstMatrixRef<T>& previous,
                       const ScorerStepCache<T>& cache, MatrixRef<T> dQuery, KeyGradients<T>& grads,
                       MatrixRef<T> dPrevious) override;

private:
    Parameter<T> m_conv;              // (F x W), file shape [F, 1, W]
    Linear<T> m_location;             // U (A x F), no bias
    mutable Matrix<T> m_locationTerm; // (A x S·B) U f, scratch
    Matrix<T> m_dLocationTerm;        // (A x S·B) scratch
    Matrix<T> m_dFeatures;            // (F x S·B) scratch
};

} // namespace attnlab
