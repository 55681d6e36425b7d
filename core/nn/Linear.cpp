#include "core/nn/Linear.h"

#include "core/nn/Init.h"
#include "core/util/Parallel.h"

#include <algorithm>
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
    constexpr Eigen::Index kSplitFrom = Eigen::Index(1) << 22; // weights; smaller layers stay whole
    constexpr int kBands = 8; // fixed, so the result never depends on the thread count
    if (m_weight.value.size() < kSplitFrom || outputs() < 64 * kBands) {
        forward(x, y);
        return;
    }
    requireShape(x, inputs(), y.cols(), m_weight.name.c_str());
    static Parallelism parallelism; // all hardware threads, shared by every model
    // Bands start on whole cache lines of the output (64 rows), like the unsplit product's blocks.
    const Eigen::Index bandRows = (outputs() + 64 * kBands - 1) / (64 * kBands) * 64;
    parallelism.forEach(kBands, [&](int band) {
        const Eigen::Index begin = band * bandRows;
        const Eigen::Index rows = std::min<Eigen::Index>(bandRows, outputs() - begin);
        if (rows <= 0) return;
        auto out = y.middleRows(begin, rows); // (rows x N)
        out.noalias() = m_weight.value.middleRows(begin, rows) * x;
        if (m_hasBias) out.colwise() += m_bias.value.col(0).segment(begin, rows);
    });
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
