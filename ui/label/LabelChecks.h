#pragma once
// The checks the classification and entailment contents share: a distribution is finite,
// non-negative and sums to 1; a predicted and a gold class index lie inside the classes.
// Each throws std::invalid_argument whose message starts with `what`.
#include <QString>

#include <string>
#include <vector>

namespace attnlab::ui {

// Within this of 1: a float softmax over a few hundred entries sums far closer than that, while
// raw scores or logits passed by mistake are caught.
inline constexpr double kDistributionTolerance = 1e-3;

void requireDistribution(const std::vector<double>& values, const std::string& what);
// classes (K) non-empty, probabilities (K) a distribution, predicted in [0, K), gold in [-1, K).
void requireClassOutcome(const std::vector<QString>& classes, const std::vector<double>& probabilities,
                         int predicted, int gold, const std::string& what);

} // namespace attnlab::ui
