#pragma once
// An update rule over a model's parameter list. The list's order and shapes are fixed at
// construction; step() applies one update from the gradients currently in the parameters.
#include "core/nn/Parameter.h"

namespace attnlab {

class Optimizer {
public:
    virtual ~Optimizer() = default;
    virtual void step() = 0;
    virtual double learningRate() const = 0;
    virtual void setLearningRate(double rate) = 0;
    virtual long long steps() const = 0;
};

} // namespace attnlab
