#pragma once
// B batch, S source length, T target length, E embedding size, H hidden size, V target vocabulary.
// Luong style (default), step t:
//   x_t = [emb(y_{t−1}); h̃_{t−1}] with input feeding (h̃_{−1} = 0), else emb(y_{t−1})
//   h_t, c_t = LSTM(x_t, h_{t−1}, c_{t−1});  α_t, c_t = attention(h_t, h̄)
//   h̃_t = tanh(W_c [c_t; h_t]);  logits_t = W_o h̃_t + b_o
// Bahdanau style: α_t, c_t = attention(h_{t−1}, h̄);  x_t = [emb(y_{t−1}); c_t]; the rest as above.
// y_{−1} = <s>; h_{−1}, c_{−1} are the encoder's final state.
#include "core/nn/Attention.h"
#include "core/nn/DecoderStepProbe.h"
#include "core/nn/Dropout.h"
#include "core/nn/Embedding.h"
#include "core/nn/Linear.h"
#include "core/nn/LstmCell.h"
#include "core/nn/ModelConfig.h"
#include "core/nn/StepBlocks.h"

namespace attnlab {

// The step blocks, inputs with x_t's embeddings on top, and what the readout needs.
template <class T> struct DecoderCache : StepBlocks<T> {
    std::vector<int> inputTokens; // (T x B) y_{t−1}, time-major
    Matrix<T> embeddingMask;      // (E x T·B) dropout on the input embeddings; empty without
    Matrix<T> readoutMask;        // (H x T·B) dropout on h̃ before the readout; empty without
    Matrix<T> readout;            // (H x T·B) h̃ ⊙ readoutMask, what W_o sees (with dropout)
    // (V x ≥ T·B) the logits in its first T·B columns; it grows but never shrinks, so that at
    // V = 8,000 its 16 MB are not reallocated (and their pages faulted in again) at every length.
    Matrix<T> logitsStorage;

    auto logits() { return logitsStorage.leftCols(this->steps * this->batch); }       // (V x T·B)
    auto logits() const { return logitsStorage.leftCols(this->steps * this->batch); } // (V x T·B)
};

// The running state of step-by-step decoding (greedy, beam search).
template <class T> struct DecoderState {
    Matrix<T> hidden;      // (H x B)
    Matrix<T> cell;        // (H x B)
    Matrix<T> attentional; // (H x B) h̃_{t−1}
    Matrix<T> alignment;   // (S x B) α_{t−1}
};

template <class T> class Decoder {
public:
    explicit Decoder(const ModelConfig& config);

    void initialize(const InitSeed& seed);
    ParameterList<T> parameters();
    const Attention<T>& attention() const { return m_attention; }
    Attention<T>& attention() { return m_attention; }

    // Teacher-forced (or partly free-running) pass over a whole target batch.
    // gold: (T x B) time-major targets; useGold[t] (size T) says whether step t ≥ 1 is fed the gold
    // y_{t−1} or the model's own argmax. Fills cache; cache.logits() holds the result.
    void forward(const std::vector<int>& gold, int steps, const std::vector<char>& useGold,
                 const AttentionKeys<T>& keys, const ConstMatrixRef<T>& initialHidden,
                 const ConstMatrixRef<T>& initialCell, DecoderCache<T>& cache,
                 const DropoutSettings& dropout = {}) const;
    // dLogits: (V x T·B). Accumulates parameter gradients, grads (keys), dInitialHidden/Cell (H x B).
    void backward(const DecoderCache<T>& cache, const ConstMatrixRef<T>& dLogits,
                  const AttentionKeys<T>& keys, KeyGradients<T>& grads, Matrix<T>& dInitialHidden,
                  Matrix<T>& dInitialCell);

    // Step-by-step decoding: the state before the first step, then one step for tokens (B).
    // Steps use the weights as they were at initialState.
    void initialState(const AttentionKeys<T>& keys, const ConstMatrixRef<T>& initialHidden,
                      const ConstMatrixRef<T>& initialCell, DecoderState<T>& state) const;
    // logits: (V x B), alignment: (S x B) of this step. Advances state.
    void step(const std::vector<int>& tokens, const AttentionKeys<T>& keys, DecoderState<T>& state,
              Matrix<T>& logits, Matrix<T>& alignment) const;
    // Inspection (issue 12), never on the training or decoding path: step for one sentence
    // (keys.batch 1) that reports the step's internals in probe and takes its temperature or its
    // given α from probe. With τ = 1 and no given α it computes exactly what step computes.
    void inspectStep(int token, const AttentionKeys<T>& keys, DecoderState<T>& state,
                     DecoderStepProbe<T>& probe) const;

private:
    struct StepBuffers; // the per-step blocks the forward pass reads and writes
    void stepForward(StepBuffers& io, const AttentionKeys<T>& keys, ScorerStepCache<T>& cache) const;
    // The step with attention left to attend(query, alpha, context): the one body of stepForward
    // and inspectStep, so both run the same LSTM, combine and readout code.
    template <class Attend> void stepThrough(StepBuffers& io, Attend&& attend) const;
    void initialAlignment(const AttentionKeys<T>& keys, MatrixRef<T> alignment) const;

    ModelConfig m_config;
    Embedding<T> m_embedding;
    LstmCell<T> m_cell;
    Attention<T> m_attention;
    Linear<T> m_combine; // W_c (H x 2H) over [c; h], no bias
    Linear<T> m_output;  // W_o (V x H), b_o (V)
    // Backward scratch, reused across calls: (H x B) / (S x B) / (4H x T·B) / (E x T·B) / (H x T·B);
    // m_dCombined (2H x B) = [dc; dh] from W_c; m_dTail ((I−E+H) x B) = [dfeed or dc; dh_{t−1}].
    Matrix<T> m_dAttentional, m_dContext, m_dHidden, m_dCell, m_dHiddenPrev, m_dFeed;
    Matrix<T> m_dAlpha, m_dAlphaPrevious, m_dz, m_dInputs, m_dAllAttentional, m_dPre;
    Matrix<T> m_dCombined, m_dTail;
    // step() scratch
    mutable Matrix<T> m_stepInput, m_stepGates, m_stepHidden, m_stepCell, m_stepCombined, m_stepAttentional;
    mutable ScorerStepCache<T> m_stepCache;
};

} // namespace attnlab
