#include "core/nn/Linear.h"

#include "core/nn/FewColumnProduct.h"
#include "core/nn/Init.h"

#include <cmath>

namespace attnlab {

template <class T>
Linear<T>::Linear(const std::string& weightName, const std::string& biasName, int inputs, int outputs)
    : m_weight(weightName, outputs, inputs), m_bias(biasName, biasName.empty() ? 0 : outputs, 1),
      m_hasBias(!biasName.empty()) {}

template <class T> void Linear<T>::initialize(const InitSeed& seed) {
    const double bound = 1.0 / std::sqrt(static_cast<double>(inputs()));
    fillUniform(m_weight, seed, bound);
    if (m_hasBias) fillUniform(m_bias, seed, bound);
}

template <class T> void Linear<T>::forward(const ConstMatrixRef<T>& x, MatrixRef<T> y) const {
    requireShape(x, inputs(), y.cols(), m_weight.name.c_str());
    y.noalias() = m_weight.value * x;
    if (m_hasBias) y.colwise() += m_bias.value.col(0);
}

template <class T> void Linear<T>::forwardFewColumns(const ConstMatrixRef<T>& x, MatrixRef<T> y) const {
    requireShape(x, inputs(), y.cols(), m_weight.name.c_str());
    stepProduct(m_weight.value, x, y);
    if (m_hasBias) y.colwise() += m_bias.value.col(0);
}

template <class T>
void Linear<T>::backward(const ConstMatrixRef<T>& x, const ConstMatrixRef<T>& dy, Matrix<T>* dx) {
    m_weight.grad.noalias() += dy * x.transpose();
    if (m_hasBias) m_bias.grad.col(0) += dy.rowwise().sum();
    if (dx) dx->noalias() = m_weight.value.transpose() * dy;
}

template <class T> ParameterList<T> Linear<T>::parameters() {
    if (m_hasBias) return {&m_weight, &m_bias};
    return {&m_weight};
}

template class Linear<float>;
template class Linear<double>;

} // namespace attnlab
