#include "ui/label/ClassificationContent.h"

#include "ui/label/LabelChecks.h"

#include <stdexcept>
#include <string>

namespace attnlab::ui {

void checkClassificationContent(const ClassificationContent& content) {
    const std::string what = "ClassificationContent";
    const size_t N = content.tokens.size();
    if (N == 0) throw std::invalid_argument(what + ": no tokens");
    if (!content.weights.empty()) {
        if (content.weights.size() != N)
            throw std::invalid_argument(what + ": " + std::to_string(content.weights.size()) +
                                        " weights for " + std::to_string(N) + " tokens");
        requireDistribution(content.weights, what + " weights");
    }
    if (!content.goldEvidence.empty() && content.goldEvidence.size() != N)
        throw std::invalid_argument(what + ": " + std::to_string(content.goldEvidence.size()) +
                                    " gold evidence flags for " + std::to_string(N) + " tokens");
    requireClassOutcome(content.classes, content.probabilities, content.predicted, content.gold, what);
}

} // namespace attnlab::ui
