#include "core/train/Sgd.h"

namespace attnlab {

Sgd::Sgd(ParameterList<float> parameters, double learningRate, double momentum)
    : m_parameters(std::move(parameters)), m_learningRate(learningRate), m_momentum(momentum) {
    for (const Parameter<float>* p : m_parameters)
        m_velocity.push_back(Matrix<float>::Zero(p->value.rows(), p->value.cols()));
}

void Sgd::step() {
    const float rate = static_cast<float>(m_learningRate);
    const float momentum = static_cast<float>(m_momentum);
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        if (m_steps == 0 || momentum == 0.0f)
            m_velocity[i] = m_parameters[i]->grad;
        else
            m_velocity[i] = momentum * m_velocity[i] + m_parameters[i]->grad;
        m_parameters[i]->value -= rate * m_velocity[i];
    }
    ++m_steps;
}

} // namespace attnlab
