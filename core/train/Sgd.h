#pragma once
// SGD with momentum as torch.optim.SGD (dampening 0, no Nesterov):
//   buf = g on the first step, then buf = μ buf + g;  θ −= lr · buf
#include "core/train/Optimizer.h"

#include <vector>

namespace attnlab {

class Sgd : public Optimizer {
public:
    Sgd(ParameterList<float> parameters, double learningRate, double momentum = 0.9);

    using Optimizer::step; // step(Parallelism&): the serial step
    void step() override;
    double learningRate() const override { return m_learningRate; }
    void setLearningRate(double rate) override { m_learningRate = rate; }
    long long steps() const override { return m_steps; }

private:
    ParameterList<float> m_parameters;
    double m_learningRate;
    double m_momentum;
    std::vector<Matrix<float>> m_velocity; // one per parameter, same shapes
    long long m_steps = 0;
};

} // namespace attnlab
