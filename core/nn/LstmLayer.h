#pragma once
// B batch, S sequence length, I input size, H hidden size.
// One LSTM direction over a padded, time-major batch with per-sequence lengths. Steps at or past
// a sequence's length leave its state unchanged and output zeros, so the forward direction ends
// on the state after the last real token and the reverse direction starts fresh at it (as
// PyTorch's packed sequences do).
#include "core/nn/LstmCell.h"

#include <vector>

namespace attnlab {

template <class T> struct LstmLayerCache {
    Matrix<T> gates;  // (4H x S·B) activated gates of each step
    Matrix<T> hidden; // (H x (S+1)·B) states; the initial (zero) state is block 0 forward, block S reverse
    Matrix<T> cells;  // (H x (S+1)·B) same layout as hidden
};

template <class T> class LstmLayer {
public:
    LstmLayer(const std::string& prefix, const std::string& suffix, int inputSize, int hiddenSize,
              bool reverse);

    int hiddenSize() const { return m_cell.hiddenSize(); }
    void initialize(const InitSeed& seed) { m_cell.initialize(seed); }

    // x: (I x S·B); outputs: (H x S·B), zero past each length. Fills cache.
    void forward(const ConstMatrixRef<T>& x, const std::vector<int>& lengths, int steps,
                 LstmLayerCache<T>& cache, MatrixRef<T> outputs) const;
    // The state after the whole sequence: (H x B) blocks of the cache.
    auto finalHidden(const LstmLayerCache<T>& cache, int steps) const {
        return cache.hidden.middleCols(finalBlock(steps) * batchOf(cache, steps), batchOf(cache, steps));
    }
    auto finalCell(const LstmLayerCache<T>& cache, int steps) const {
        return cache.cells.middleCols(finalBlock(steps) * batchOf(cache, steps), batchOf(cache, steps));
    }

    // dOutputs: (H x S·B); dhFinal, dcFinal: (H x B); dx: (I x S·B) overwritten.
    void backward(const ConstMatrixRef<T>& x, const std::vector<int>& lengths, int steps,
                  const LstmLayerCache<T>& cache, const ConstMatrixRef<T>& dOutputs,
                  const ConstMatrixRef<T>& dhFinal, const ConstMatrixRef<T>& dcFinal, MatrixRef<T> dx);

    ParameterList<T> parameters() { return m_cell.parameters(); }

private:
    int stateBlock(int t) const { return m_reverse ? t : t + 1; }
    int previousBlock(int t) const { return m_reverse ? t + 1 : t; }
    int finalBlock(int steps) const { return m_reverse ? 0 : steps; }
    static int batchOf(const LstmLayerCache<T>& cache, int steps) {
        return static_cast<int>(cache.hidden.cols() / (steps + 1));
    }

    LstmCell<T> m_cell;
    bool m_reverse;
    // Backward scratch, reused across calls (no allocation in the time loop).
    Matrix<T> m_dz;      // (4H x S·B)
    Matrix<T> m_dh;      // (H x B)
    Matrix<T> m_dc;      // (H x B)
    Matrix<T> m_dhPrev;  // (H x B)
    Matrix<T> m_savedDh; // (H x B) pass-through gradients of finished sequences
    Matrix<T> m_savedDc; // (H x B)
};

} // namespace attnlab
