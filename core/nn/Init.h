#pragma once
// Seeded initialisation shared by every layer.
#include "core/nn/Tensor.h"
#include "core/util/Random.h"

namespace attnlab {

// Fills m with uniform values in [-bound, bound].
template <class T> void fillUniform(Matrix<T>& m, Random& random, double bound) {
    for (Eigen::Index j = 0; j < m.cols(); ++j)
        for (Eigen::Index i = 0; i < m.rows(); ++i) m(i, j) = static_cast<T>(random.uniform(-bound, bound));
}

// Fills m with N(0, stddev^2) values.
template <class T> void fillNormal(Matrix<T>& m, Random& random, double stddev) {
    for (Eigen::Index j = 0; j < m.cols(); ++j)
        for (Eigen::Index i = 0; i < m.rows(); ++i) m(i, j) = static_cast<T>(stddev * random.normal());
}

} // namespace attnlab
