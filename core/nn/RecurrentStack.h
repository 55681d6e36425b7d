#pragma once
// B batch, S input positions, I input size, H hidden size (outputs), H' = H or H/2 per direction,
// R pyramidal levels above the first, S_l = ceil(S / 2^l).
// The encoder's LSTM: level 0 reads the front end's output; each further level (Listen, Attend
// and Spell's pyramid) reads the outputs of the level below with neighbours concatenated,
// [o_{2t}; o_{2t+1}] (2H), so it runs over half the steps. Every level is uni- or bidirectional
// (H/2 units per direction, outputs [forward; reverse]). The top level's outputs are the keys
// h̄, zero past each length; the final state handed on is the top level's (bi: both directions').
// Parameter names follow PyTorch's stacked LSTM: encoder.weight_ih_l{level}[_reverse].
#include "core/nn/LstmLayer.h"

#include <memory>
#include <vector>

namespace attnlab {

template <class T> struct RecurrentLevelCache {
    int steps = 0;             // S_l
    std::vector<int> lengths;  // (B) ceil(length / 2^l)
    Matrix<T> input;           // (2H x S_l·B) neighbours concatenated; empty at level 0
    LstmLayerCache<T> forward; // H' units
    LstmLayerCache<T> reverse; // H' units, bidirectional only
    Matrix<T> outputs;         // (H x S_l·B) below the top level; the top writes into the keys
};

template <class T> struct RecurrentStackCache {
    std::vector<RecurrentLevelCache<T>> levels; // (R + 1)
};

template <class T> class RecurrentStack {
public:
    RecurrentStack(int inputSize, int hiddenSize, bool bidirectional, int reductions);

    int levels() const { return static_cast<int>(m_forward.size()); }
    void initialize(const InitSeed& seed);

    // x: (I x S·B); lengths: (B). Writes keys (H x S_R·B) and the final state (H x B each).
    void forward(const ConstMatrixRef<T>& x, const std::vector<int>& lengths, int steps,
                 RecurrentStackCache<T>& cache, Matrix<T>& keys, Matrix<T>& finalHidden,
                 Matrix<T>& finalCell) const;
    // dKeys: (H x S_R·B); dhFinal, dcFinal: (H x B); dx: (I x S·B) overwritten.
    void backward(const ConstMatrixRef<T>& x, const RecurrentStackCache<T>& cache,
                  const ConstMatrixRef<T>& dKeys, const ConstMatrixRef<T>& dhFinal,
                  const ConstMatrixRef<T>& dcFinal, Matrix<T>& dx);

    ParameterList<T> parameters();

private:
    // One level over its input; outputs (H x S_l·B).
    void runLevel(int level, const ConstMatrixRef<T>& input, RecurrentLevelCache<T>& cache,
                  MatrixRef<T> outputs) const;
    // dInput (I_l x S_l·B) overwritten, from dOutputs and the final-state gradients.
    void backLevel(int level, const ConstMatrixRef<T>& input, const RecurrentLevelCache<T>& cache,
                   const ConstMatrixRef<T>& dOutputs, const ConstMatrixRef<T>& dhFinal,
                   const ConstMatrixRef<T>& dcFinal, Matrix<T>& dInput);

    int m_hidden;
    int m_directionHidden;                                // H'
    std::vector<std::unique_ptr<LstmLayer<T>>> m_forward; // (R + 1)
    std::vector<std::unique_ptr<LstmLayer<T>>> m_reverse; // (R + 1) or empty
    Matrix<T> m_dInputReverse;                            // backward scratch
    std::vector<Matrix<T>> m_dLevelInput;                 // (R + 1) dL/d(level input)
    Matrix<T> m_dBelow;                                   // (H x S_{l-1}·B)
    Matrix<T> m_zeroState;                                // (H x B)
};

// Neighbours concatenated: out (2H x ceil(S/2)·B), column t·B+b = [in_{2t}; in_{2t+1}] (zero
// past S). And its adjoint, which scatters dOut back into dIn (H x S·B).
template <class T> void concatenateNeighbours(const Matrix<T>& in, int steps, int batch, Matrix<T>& out);
template <class T> void splitNeighbours(const ConstMatrixRef<T>& dOut, int steps, int batch, Matrix<T>& dIn);

} // namespace attnlab
