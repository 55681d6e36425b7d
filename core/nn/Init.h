#pragma once
// Seeded initialisation shared by every layer: each parameter from its own stream (InitSeed).
#include "core/nn/InitSeed.h"
#include "core/nn/Parameter.h"

namespace attnlab {

// Fills p's value with uniform values in [-bound, bound].
template <class T> void fillUniform(Parameter<T>& p, const InitSeed& seed, double bound) {
    Random random = seed.streamFor(p.name);
    for (Eigen::Index j = 0; j < p.value.cols(); ++j)
        for (Eigen::Index i = 0; i < p.value.rows(); ++i)
            p.value(i, j) = static_cast<T>(random.uniform(-bound, bound));
}

// Fills p's value with N(0, stddev^2) values.
template <class T> void fillNormal(Parameter<T>& p, const InitSeed& seed, double stddev) {
    Random random = seed.streamFor(p.name);
    for (Eigen::Index j = 0; j < p.value.cols(); ++j)
        for (Eigen::Index i = 0; i < p.value.rows(); ++i)
            p.value(i, j) = static_cast<T>(stddev * random.normal());
}

} // namespace attnlab
