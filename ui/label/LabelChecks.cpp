#include "ui/label/LabelChecks.h"

#include <cmath>
#include <stdexcept>

namespace attnlab::ui {

void requireDistribution(const std::vector<double>& values, const std::string& what) {
    double sum = 0.0;
    for (size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i]) || values[i] < 0.0)
            throw std::invalid_argument(what + ": entry " + std::to_string(i) + " is " +
                                        std::to_string(values[i]) + ", not a probability");
        sum += values[i];
    }
    if (std::abs(sum - 1.0) > kDistributionTolerance)
        throw std::invalid_argument(what + ": sums to " + std::to_string(sum) + ", expected 1");
}

void requireClassOutcome(const std::vector<QString>& classes, const std::vector<double>& probabilities,
                         int predicted, int gold, const std::string& what) {
    if (classes.empty()) throw std::invalid_argument(what + ": no classes");
    const int K = int(classes.size());
    if (probabilities.size() != classes.size())
        throw std::invalid_argument(what + ": " + std::to_string(probabilities.size()) +
                                    " probabilities for " + std::to_string(K) + " classes");
    requireDistribution(probabilities, what + " probabilities");
    if (predicted < 0 || predicted >= K)
        throw std::invalid_argument(what + ": predicted class " + std::to_string(predicted) +
                                    " is outside 0.." + std::to_string(K - 1));
    if (gold < -1 || gold >= K)
        throw std::invalid_argument(what + ": gold class " + std::to_string(gold) + " is outside -1.." +
                                    std::to_string(K - 1) + " (-1: unknown)");
}

} // namespace attnlab::ui
