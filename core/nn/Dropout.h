#pragma once
// Inverted dropout: in training each element is kept with probability 1 − p and scaled by
// 1 / (1 − p), so nothing changes at inference. The mask is part of the forward cache.
#include "core/nn/Tensor.h"
#include "core/util/Random.h"

namespace attnlab {

struct DropoutSettings {
    double probability = 0.0;
    Random* random = nullptr; // no dropout when null or probability is 0

    bool active() const { return random != nullptr && probability > 0.0; }
};

// Fills mask (rows x cols) with 0 or 1 / (1 − p).
template <class T>
void fillDropoutMask(Matrix<T>& mask, Eigen::Index rows, Eigen::Index cols, const DropoutSettings& dropout) {
    mask.resize(rows, cols);
    const T kept = static_cast<T>(1.0 / (1.0 - dropout.probability));
    for (Eigen::Index c = 0; c < cols; ++c)
        for (Eigen::Index r = 0; r < rows; ++r)
            mask(r, c) = dropout.random->uniform() < dropout.probability ? T(0) : kept;
}

} // namespace attnlab
