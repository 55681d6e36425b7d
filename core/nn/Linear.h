#pragma once
// Affine map as nn.Linear: Y = W X + b, W (out x in), b (out), X (in x N), Y (out x N).
#include "core/nn/InitSeed.h"
#include "core/nn/Parameter.h"

namespace attnlab {

template <class T> class Linear {
public:
    // An empty biasName means no bias. Names are full file names, e.g. "output.weight".
    Linear(const std::string& weightName, const std::string& biasName, int inputs, int outputs);

    int inputs() const { return static_cast<int>(m_weight.value.cols()); }
    int outputs() const { return static_cast<int>(m_weight.value.rows()); }

    void initialize(const InitSeed& seed); // uniform(-1/sqrt(in), 1/sqrt(in)) as PyTorch

    // x: (in x N) -> y: (out x N)
    void forward(const ConstMatrixRef<T>& x, MatrixRef<T> y) const;
    // The same values, for one decoding step of a few columns: a big layer (a 32,000-word output
    // layer is 131 MB) is read by all cores at once, in fixed bands of rows, so a step waits on
    // the memory's bandwidth rather than one core's. Exactly forward()'s values for one column;
    // for several, equal to float rounding (the blocking follows the bands), whatever the threads.
    void forwardFewColumns(const ConstMatrixRef<T>& x, MatrixRef<T> y) const;
    // dW += dY X^T, db += rowsum(dY); dX = W^T dY when dx is given (overwritten, not added)
    void backward(const ConstMatrixRef<T>& x, const ConstMatrixRef<T>& dy, Matrix<T>* dx);

    ParameterList<T> parameters();
    Parameter<T>& weight() { return m_weight; }
    const Matrix<T>& weightValue() const { return m_weight.value; }

private:
    Parameter<T> m_weight; // (out x in)
    Parameter<T> m_bias;   // (out x 1), unused without bias
    bool m_hasBias;
};

} // namespace attnlab
