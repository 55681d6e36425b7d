#pragma once
// H units, N time steps.
// The order the Gates tab shows an LSTM's units in: as numbered, or by how much each unit's value
// varies over the sentence, the busiest first, so the units that react to the tokens gather at
// the top of the heatmap and the ones that sit still sink to the bottom.
#include "core/nn/Tensor.h"

#include <vector>

namespace attnlab::ui {

// 0, 1, ..., H−1.
std::vector<int> unitsInOrder(int units);
// values (H x N): the units by decreasing variance of their row (population variance over the N
// steps); ties keep the lower unit first.
std::vector<int> unitsByVariance(const Matrix<float>& values);
// The population variance of each row of values (H x N): (H).
std::vector<double> rowVariances(const Matrix<float>& values);

} // namespace attnlab::ui
