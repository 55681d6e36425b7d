#include "core/train/Adam.h"

#include <algorithm>
#include <cmath>

namespace attnlab {

struct Adam::StepConstants {
    float b1, b2, correction2Sqrt, stepSize, epsilon;
};

Adam::Adam(ParameterList<float> parameters, AdamSettings settings)
    : m_parameters(std::move(parameters)), m_settings(settings) {
    constexpr Eigen::Index SliceValues = 128 * 1024;
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        const Parameter<float>* p = m_parameters[i];
        m_first.push_back(Matrix<float>::Zero(p->value.rows(), p->value.cols()));
        m_second.push_back(Matrix<float>::Zero(p->value.rows(), p->value.cols()));
        const Eigen::Index rows = std::max<Eigen::Index>(1, p->value.rows());
        const Eigen::Index width = std::max<Eigen::Index>(1, SliceValues / rows);
        for (Eigen::Index c = 0; c < p->value.cols(); c += width)
            m_slices.push_back({static_cast<int>(i), c, std::min(width, p->value.cols() - c)});
    }
}

Adam::StepConstants Adam::advance() {
    ++m_steps;
    const double t = static_cast<double>(m_steps);
    const float correction1 = static_cast<float>(1.0 - std::pow(m_settings.beta1, t));
    return {static_cast<float>(m_settings.beta1), static_cast<float>(m_settings.beta2),
            static_cast<float>(std::sqrt(1.0 - std::pow(m_settings.beta2, t))),
            static_cast<float>(m_settings.learningRate) / correction1,
            static_cast<float>(m_settings.epsilon)};
}

void Adam::update(const Slice& slice, const StepConstants& k) {
    Parameter<float>& p = *m_parameters[slice.parameter];
    auto g = p.grad.middleCols(slice.firstColumn, slice.columns).array();
    auto m = m_first[slice.parameter].middleCols(slice.firstColumn, slice.columns).array();
    auto v = m_second[slice.parameter].middleCols(slice.firstColumn, slice.columns).array();
    m = k.b1 * m + (1.0f - k.b1) * g;
    v = k.b2 * v + (1.0f - k.b2) * g.square();
    // PyTorch's arrangement: denominator (√v / √(1 − β2^t)) + ε
    p.value.middleCols(slice.firstColumn, slice.columns).array() -=
        k.stepSize * m / (v.sqrt() / k.correction2Sqrt + k.epsilon);
}

void Adam::step() {
    const StepConstants k = advance();
    for (const Slice& slice : m_slices) update(slice, k);
}

void Adam::step(Parallelism& parallel) {
    const StepConstants k = advance();
    parallel.forEach(static_cast<int>(m_slices.size()), [&](int i) { update(m_slices[i], k); });
}

} // namespace attnlab
