#include "core/nn/LstmCell.h"

#include "core/nn/FewColumnProduct.h"
#include "core/nn/Init.h"

#include <cmath>
#include <stdexcept>

namespace attnlab {

template <class T>
LstmCell<T>::LstmCell(const std::string& prefix, const std::string& suffix, int inputSize, int hiddenSize)
    : m_weightIh(prefix + "weight_ih" + suffix, 4 * hiddenSize, inputSize),
      m_weightHh(prefix + "weight_hh" + suffix, 4 * hiddenSize, hiddenSize),
      m_biasIh(prefix + "bias_ih" + suffix, 4 * hiddenSize, 1),
      m_biasHh(prefix + "bias_hh" + suffix, 4 * hiddenSize, 1) {}

template <class T> void LstmCell<T>::initialize(const InitSeed& seed) {
    const int h = hiddenSize();
    const double bound = 1.0 / std::sqrt(static_cast<double>(h));
    fillUniform(m_weightIh, seed, bound);
    fillUniform(m_weightHh, seed, bound);
    fillUniform(m_biasIh, seed, bound);
    fillUniform(m_biasHh, seed, bound);
    m_biasIh.value.middleRows(h, h).setConstant(T(1));
    m_biasHh.value.middleRows(h, h).setZero();
}

template <class T> void LstmCell<T>::projectInputs(const ConstMatrixRef<T>& x, MatrixRef<T> z) const {
    requireShape(x, inputSize(), z.cols(), m_weightIh.name.c_str());
    m_biasSum = m_biasIh.value.col(0) + m_biasHh.value.col(0);
    z.noalias() = m_weightIh.value * x;
    z.colwise() += m_biasSum;
}

template <class T>
void LstmCell<T>::step(MatrixRef<T> gates, const ConstMatrixRef<T>& hPrev, const ConstMatrixRef<T>& cPrev,
                       MatrixRef<T> h, MatrixRef<T> c) const {
    gates.noalias() += m_weightHh.value * hPrev;
    activate(gates, cPrev, h, c);
}

template <class T> void LstmCell<T>::stackWeights() const {
    m_stacked.resize(m_weightIh.value.rows(), inputSize() + hiddenSize());
    m_stacked.leftCols(inputSize()) = m_weightIh.value;
    m_stacked.rightCols(hiddenSize()) = m_weightHh.value;
    m_biasSum = m_biasIh.value.col(0) + m_biasHh.value.col(0);
}

template <class T>
void LstmCell<T>::stackedStep(const ConstMatrixRef<T>& xh, const ConstMatrixRef<T>& cPrev, MatrixRef<T> gates,
                              MatrixRef<T> h, MatrixRef<T> c, StackedProduct product) const {
    if (m_stacked.cols() != xh.rows())
        throw std::invalid_argument(m_weightIh.name +
                                    ": stackedStep needs stackWeights() and a (I+H) x B input");
    if (product == StackedProduct::DecodingStep)
        stepProduct(m_stacked, xh, gates); // a big decoder's few columns: all cores, no packing
    else
        gates.noalias() = m_stacked * xh;
    gates.colwise() += m_biasSum;
    activate(gates, cPrev, h, c);
}

template <class T> void LstmCell<T>::stackedBackward(const ConstMatrixRef<T>& dz, MatrixRef<T> dTail) const {
    dTail.noalias() = m_stacked.rightCols(dTail.rows()).transpose() * dz;
}

template <class T>
void LstmCell<T>::activate(MatrixRef<T> gates, const ConstMatrixRef<T>& cPrev, MatrixRef<T> h,
                           MatrixRef<T> c) const {
    const Eigen::Index n = hiddenSize();
    // Fused nonlinearities: σ on i, f (rows 0..2H), tanh on g, σ on o.
    auto sigmoid = [](auto x) { return (T(1) + (-x).exp()).inverse(); };
    gates.topRows(2 * n).array() = sigmoid(gates.topRows(2 * n).array());
    gates.middleRows(2 * n, n).array() = gates.middleRows(2 * n, n).array().tanh();
    gates.bottomRows(n).array() = sigmoid(gates.bottomRows(n).array());
    c.array() = gates.middleRows(n, n).array() * cPrev.array() +
                gates.topRows(n).array() * gates.middleRows(2 * n, n).array();
    h.array() = gates.bottomRows(n).array() * c.array().tanh();
}

template <class T>
void LstmCell<T>::stepBackward(const ConstMatrixRef<T>& gates, const ConstMatrixRef<T>& cPrev,
                               const ConstMatrixRef<T>& c, const ConstMatrixRef<T>& dh, MatrixRef<T> dc,
                               MatrixRef<T> dz) const {
    const Eigen::Index n = hiddenSize();
    const auto i = gates.topRows(n).array();
    const auto f = gates.middleRows(n, n).array();
    const auto g = gates.middleRows(2 * n, n).array();
    const auto o = gates.bottomRows(n).array();
    const auto tanhC = c.array().tanh();
    // h = o ⊙ tanh(c): do = dh ⊙ tanh(c); dc += dh ⊙ o ⊙ (1 − tanh²(c))
    dz.bottomRows(n).array() = dh.array() * tanhC * o * (T(1) - o);
    dc.array() += dh.array() * o * (T(1) - tanhC.square());
    // c = f ⊙ cPrev + i ⊙ g: di = dc ⊙ g, df = dc ⊙ cPrev, dg = dc ⊙ i; then through σ / tanh.
    dz.topRows(n).array() = dc.array() * g * i * (T(1) - i);
    dz.middleRows(n, n).array() = dc.array() * cPrev.array() * f * (T(1) - f);
    dz.middleRows(2 * n, n).array() = dc.array() * i * (T(1) - g.square());
    dc.array() *= f; // dcPrev = dc ⊙ f
}

template <class T>
void LstmCell<T>::recurrentBackward(const ConstMatrixRef<T>& dz, MatrixRef<T> dhPrev) const {
    dhPrev.noalias() = m_weightHh.value.transpose() * dz;
}

template <class T>
void LstmCell<T>::weightsBackward(const ConstMatrixRef<T>& x, const ConstMatrixRef<T>& hPrev,
                                  const ConstMatrixRef<T>& dz) {
    m_weightIh.grad.noalias() += dz * x.transpose();
    m_weightHh.grad.noalias() += dz * hPrev.transpose();
    const Vector<T> biasGradient = dz.rowwise().sum(); // (4H) the same for b_ih and b_hh
    m_biasIh.grad.col(0) += biasGradient;
    m_biasHh.grad.col(0) += biasGradient;
}

template <class T> void LstmCell<T>::inputBackward(const ConstMatrixRef<T>& dz, MatrixRef<T> dx) const {
    dx.noalias() = m_weightIh.value.transpose() * dz;
}

template class LstmCell<float>;
template class LstmCell<double>;

} // namespace attnlab
