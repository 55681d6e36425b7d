#include "core/nn/InputProjection.h"

#include <stdexcept>

namespace attnlab {

template <class T>
InputProjection<T>::InputProjection(int featureSize, int outputs, int cells)
    : m_linear("frontend.weight", "frontend.bias", featureSize, outputs),
      m_position("frontend.position", cells, outputs), m_cells(cells) {}

template <class T> void InputProjection<T>::initialize(const InitSeed& seed) {
    m_linear.initialize(seed);
    if (m_cells == 0) return;
    Random random = seed.streamFor(m_position.name);
    for (Eigen::Index c = 0; c < m_position.value.cols(); ++c)
        for (Eigen::Index r = 0; r < m_position.value.rows(); ++r)
            m_position.value(r, c) = static_cast<T>(0.02 * random.normal());
}

template <class T>
void InputProjection<T>::forward(const ConstMatrixRef<T>& features, int batch, MatrixRef<T> out) const {
    m_linear.forward(features, out);
    if (m_cells == 0) return;
    if (features.cols() != static_cast<Eigen::Index>(m_cells) * batch)
        throw std::invalid_argument("InputProjection: an image has " + std::to_string(m_cells) +
                                    " cells, got " + std::to_string(features.cols() / std::max(batch, 1)));
    // Column n·B + b is cell n of image b.
    for (int n = 0; n < m_cells; ++n)
        out.middleCols(static_cast<Eigen::Index>(n) * batch, batch).colwise() +=
            m_position.value.row(n).transpose();
}

template <class T>
void InputProjection<T>::backward(const ConstMatrixRef<T>& features, int batch,
                                  const ConstMatrixRef<T>& dOut) {
    m_linear.backward(features, dOut, nullptr);
    if (m_cells == 0) return;
    // dP[n] = Σ_b dOut(:, n·B + b)
    for (int n = 0; n < m_cells; ++n)
        m_position.grad.row(n) +=
            dOut.middleCols(static_cast<Eigen::Index>(n) * batch, batch).rowwise().sum().transpose();
}

template <class T> ParameterList<T> InputProjection<T>::parameters() {
    ParameterList<T> list = m_linear.parameters();
    if (m_cells > 0) list.push_back(&m_position);
    return list;
}

template class InputProjection<float>;
template class InputProjection<double>;

} // namespace attnlab
