#pragma once
// B batch, I input size, H hidden size.
// One LSTM cell, gate order i, f, g, o as PyTorch:
//   z = W_ih x + b_ih + W_hh h + b_hh               (4H x B)
//   i = σ(z_i)  f = σ(z_f)  g = tanh(z_g)  o = σ(z_o)
//   c' = f ⊙ c + i ⊙ g        h' = o ⊙ tanh(c')
// The input projection W_ih x + b is split from the recurrent part so that a whole sequence's
// inputs are projected with one matrix product (projectInputs) before the time loop. When the
// input depends on the previous step (a decoder with input feeding), stackedStep makes a step one
// product instead: z = [W_ih | W_hh] [x; h] + b_ih + b_hh.
#include "core/nn/InitSeed.h"
#include "core/nn/Parameter.h"

namespace attnlab {

// How stackedStep multiplies: see there.
enum class StackedProduct { Plain, DecodingStep };

template <class T> class LstmCell {
public:
    // Parameter names are prefix + "weight_ih" + suffix etc., e.g. ("encoder.", "_l0").
    LstmCell(const std::string& prefix, const std::string& suffix, int inputSize, int hiddenSize);

    int inputSize() const { return static_cast<int>(m_weightIh.value.cols()); }
    int hiddenSize() const { return static_cast<int>(m_weightHh.value.cols()); }

    // Uniform(-1/sqrt(H), 1/sqrt(H)); the forget-gate bias starts at 1 (in b_ih; b_hh's is 0).
    void initialize(const InitSeed& seed);

    // z = W_ih x + b_ih + b_hh for N columns. x: (I x N), z: (4H x N), overwritten.
    void projectInputs(const ConstMatrixRef<T>& x, MatrixRef<T> z) const;

    // One step. gates enters holding the input projection (4H x B) and leaves holding the
    // activated gates i, f, g, o. hPrev, cPrev: (H x B); h, c: (H x B) outputs.
    void step(MatrixRef<T> gates, const ConstMatrixRef<T>& hPrev, const ConstMatrixRef<T>& cPrev,
              MatrixRef<T> h, MatrixRef<T> c) const;

    // The stacked form. stackWeights() copies the current W_ih, W_hh and biases into [W_ih | W_hh]
    // and b_ih + b_hh; call it whenever the weights have changed, before stackedStep.
    void stackWeights() const;
    // xh: ((I+H) x B) = [x; hPrev]; cPrev: (H x B). gates (4H x B) leaves holding the activated
    // gates; h, c: (H x B) outputs.
    // DecodingStep: a decoding step's few columns through a big cell go through stepProduct (all
    // cores, no packing); training steps keep the plain product, inside the trainer's thread cap.
    void stackedStep(const ConstMatrixRef<T>& xh, const ConstMatrixRef<T>& cPrev, MatrixRef<T> gates,
                     MatrixRef<T> h, MatrixRef<T> c, StackedProduct product = StackedProduct::Plain) const;
    // The gradient of the last rows of [x; hPrev] in one product: dTail = [W_ih | W_hh]ᵀ dz over
    // those rows (overwritten). dz: (4H x B); dTail: (R x B), R ≤ I + H. The first rows (the
    // embeddings) are left to inputBackward, once over all steps.
    void stackedBackward(const ConstMatrixRef<T>& dz, MatrixRef<T> dTail) const;

    // Backward of step. dh, dc: (H x B) gradients w.r.t. this step's h and c (all uses).
    // On return dc holds dL/dc_prev; dz (4H x B) the gradient w.r.t. the pre-activations.
    // The weight gradients are taken once per sequence, over all steps, by weightsBackward (one
    // matrix product each instead of one per step).
    void stepBackward(const ConstMatrixRef<T>& gates, const ConstMatrixRef<T>& cPrev,
                      const ConstMatrixRef<T>& c, const ConstMatrixRef<T>& dh, MatrixRef<T> dc,
                      MatrixRef<T> dz) const;
    // The recurrent path z = ... + W_hh hPrev: dhPrev = W_hh^T dz (overwritten). dz: (4H x B), dhPrev: (H x
    // B).
    void recurrentBackward(const ConstMatrixRef<T>& dz, MatrixRef<T> dhPrev) const;
    // Over N = steps x B columns: dW_ih += dZ X^T, dW_hh += dZ Hprev^T, db_ih = db_hh += rowsum(dZ).
    // x: (I x N), hPrev: (H x N) the state each column's step started from, dz: (4H x N).
    void weightsBackward(const ConstMatrixRef<T>& x, const ConstMatrixRef<T>& hPrev,
                         const ConstMatrixRef<T>& dz);
    // dx = W_ih^T dz (overwritten). dz: (4H x N), dx: (I x N).
    void inputBackward(const ConstMatrixRef<T>& dz, MatrixRef<T> dx) const;

    const Matrix<T>& inputWeights() const { return m_weightIh.value; } // (4H x I)
    ParameterList<T> parameters() { return {&m_weightIh, &m_weightHh, &m_biasIh, &m_biasHh}; }

private:
    // gates: (4H x B) pre-activations in, activated gates out; then c, h as in the header.
    void activate(MatrixRef<T> gates, const ConstMatrixRef<T>& cPrev, MatrixRef<T> h, MatrixRef<T> c) const;

    Parameter<T> m_weightIh;     // (4H x I)
    Parameter<T> m_weightHh;     // (4H x H)
    Parameter<T> m_biasIh;       // (4H x 1)
    Parameter<T> m_biasHh;       // (4H x 1)
    mutable Vector<T> m_biasSum; // (4H) b_ih + b_hh, refreshed by projectInputs and stackWeights
    mutable Matrix<T> m_stacked; // (4H x (I+H)) [W_ih | W_hh], refreshed by stackWeights
};

} // namespace attnlab
