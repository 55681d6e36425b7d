#pragma once
// B batch, S key positions, T steps, H hidden size, I a step's input size.
// The per-step blocks an attention decoder's forward pass writes and its backward pass reads,
// shared by Decoder (target tokens) and ForecasterDecoder (values), whose steps are alike: an LSTM
// step, attention, then h̃ = tanh(W_c [c; h]). In the (T+1)·B wide matrices block 0 is the state
// before the first step and block t+1 the state after step t.
#include "core/nn/Attention.h"

#include <vector>

namespace attnlab {

template <class T> struct StepBlocks {
    int steps = 0;                          // T
    int batch = 0;                          // B
    Matrix<T> inputs;                       // ((I+H) x T·B) [x_t; h_{t−1}]
    Matrix<T> gates;                        // (4H x T·B) activated gates
    Matrix<T> hidden;                       // (H x (T+1)·B) block 0 = initial state, block t+1 = h_t
    Matrix<T> cells;                        // (H x (T+1)·B)
    Matrix<T> alignments;                   // (S x (T+1)·B) block 0 = α_{−1}, block t+1 = α_t
    Matrix<T> combined;                     // (2H x T·B) [c_t; h_t], what W_c reads
    Matrix<T> attentional;                  // (H x (T+1)·B) block 0 = h̃_{−1} = 0, block t+1 = h̃_t
    std::vector<ScorerStepCache<T>> scorer; // (T)

    // Sizes every block for stepCount steps over keys.batch columns and writes block 0: the given
    // state (H x B each), h̃_{−1} = 0, and α_{−1} uniform over each column's keys where attention
    // reads the previous alignment (location-aware), else 0.
    void start(int inputSize, int hiddenSize, int stepCount, const AttentionKeys<T>& keys,
               const Attention<T>& attention, const ConstMatrixRef<T>& initialHidden,
               const ConstMatrixRef<T>& initialCell);
};

} // namespace attnlab
