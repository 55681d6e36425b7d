#pragma once
// Token embedding lookup: out[:, n] = weight[ids[n], :]^T. The padding row (PadId) stays zero and
// receives no gradient, as nn.Embedding(padding_idx=0).
#include "core/nn/InitSeed.h"
#include "core/nn/Parameter.h"

namespace attnlab {

template <class T> class Embedding {
public:
    Embedding(const std::string& name, int vocabularySize, int dimension);

    int vocabularySize() const { return static_cast<int>(m_weight.value.rows()); }
    int dimension() const { return static_cast<int>(m_weight.value.cols()); }

    void initialize(const InitSeed& seed); // N(0, 1) as PyTorch, padding row zero

    // ids: n token ids; out: (E x n)
    void forward(const int* ids, int n, MatrixRef<T> out) const;
    // dOut: (E x n); weight.grad rows of ids += dOut columns (the padding row excepted)
    void backward(const int* ids, int n, const ConstMatrixRef<T>& dOut);

    ParameterList<T> parameters() { return {&m_weight}; }
    Parameter<T>& weight() { return m_weight; }

private:
    Parameter<T> m_weight; // (V x E), PyTorch's layout
};

} // namespace attnlab
