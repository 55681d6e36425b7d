#pragma once
// An update rule over a model's parameter list. The list's order and shapes are fixed at
// construction; step() applies one update from the gradients currently in the parameters.
#include "core/nn/Parameter.h"
#include "core/util/Parallel.h"

namespace attnlab {

class Optimizer {
public:
    virtual ~Optimizer() = default;
    virtual void step() = 0;
    // The same update with the parameters shared out between parallel's threads. The default
    // runs step(); an elementwise rule gives the very same bits for any thread count.
    virtual void step(Parallelism& parallel) {
        (void)parallel;
        step();
    }
    virtual double learningRate() const = 0;
    virtual void setLearningRate(double rate) = 0;
    virtual long long steps() const = 0;
};

} // namespace attnlab
