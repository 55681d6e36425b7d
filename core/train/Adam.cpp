#include "core/train/Adam.h"

#include <cmath>

namespace attnlab {

Adam::Adam(ParameterList<float> parameters, AdamSettings settings)
    : m_parameters(std::move(parameters)), m_settings(settings) {
    for (const Parameter<float>* p : m_parameters) {
        m_first.push_back(Matrix<float>::Zero(p->value.rows(), p->value.cols()));
        m_second.push_back(Matrix<float>::Zero(p->value.rows(), p->value.cols()));
    }
}

void Adam::step() {
    ++m_steps;
    const double t = static_cast<double>(m_steps);
    const float b1 = static_cast<float>(m_settings.beta1);
    const float b2 = static_cast<float>(m_settings.beta2);
    const float correction1 = static_cast<float>(1.0 - std::pow(m_settings.beta1, t));
    const float correction2Sqrt = static_cast<float>(std::sqrt(1.0 - std::pow(m_settings.beta2, t)));
    const float stepSize = static_cast<float>(m_settings.learningRate) / correction1;
    const float epsilon = static_cast<float>(m_settings.epsilon);
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        auto g = m_parameters[i]->grad.array();
        auto m = m_first[i].array();
        auto v = m_second[i].array();
        m = b1 * m + (1.0f - b1) * g;
        v = b2 * v + (1.0f - b2) * g.square();
        // PyTorch's arrangement: denominator (√v / √(1 − β2^t)) + ε
        m_parameters[i]->value.array() -= stepSize * m / (v.sqrt() / correction2Sqrt + epsilon);
    }
}

} // namespace attnlab
