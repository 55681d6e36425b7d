#pragma once
// S source length, H hidden size, V target vocabulary, F location filters.
// What Decoder::inspectStep reads (a temperature, or a given α) and reports of one step (B = 1):
// the inspection path of issue 12, beside decoding, never on the training or decoding path.
#include "core/nn/Tensor.h"

namespace attnlab {

template <class T> struct DecoderStepProbe {
    // In
    T temperature = T(1);                      // α = softmax(e / τ)
    const Vector<T>* givenAlignment = nullptr; // (S) α to use instead (sums to 1 over the source)

    // Out
    Matrix<T> query;             // (H x 1) h_t (Luong) or h_{t−1} (Bahdanau)
    Matrix<T> scores;            // (S x 1) raw e_s, before τ; empty without attention
    Matrix<T> previousAlignment; // (S x 1) α_{t−1} as the step read it
    Matrix<T> alignment;         // (S x 1) α_t as used; zero without attention
    Matrix<T> features;          // (F x S) location_aware f = F ∗ α_{t−1}; empty otherwise
    Matrix<T> context;           // (H x 1) c_t = Σ_s α_s h̄_s
    Matrix<T> attentional;       // (H x 1) h̃_t
    Matrix<T> logits;            // (V x 1)
};

} // namespace attnlab
