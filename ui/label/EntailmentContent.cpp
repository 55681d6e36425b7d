#include "ui/label/EntailmentContent.h"

#include "ui/label/LabelChecks.h"

#include <stdexcept>
#include <string>

namespace attnlab::ui {

void checkEntailmentContent(const EntailmentContent& content) {
    const std::string what = "EntailmentContent";
    if (content.premise.empty()) throw std::invalid_argument(what + ": no premise tokens");
    if (content.hypothesis.empty()) throw std::invalid_argument(what + ": no hypothesis tokens");
    const auto P = Eigen::Index(content.premise.size());
    const auto Q = Eigen::Index(content.hypothesis.size());
    requireShape(content.weights, Q, P, "EntailmentContent weights (hypothesis x premise)");
    for (Eigen::Index j = 0; j < Q; ++j) {
        std::vector<double> row(static_cast<size_t>(P));
        for (Eigen::Index i = 0; i < P; ++i) row[size_t(i)] = double(content.weights(j, i));
        requireDistribution(row, what + " weights row " + std::to_string(j) + " (hypothesis word)");
    }
    for (const AlignmentLink& link : content.goldLinks)
        if (link.source < 0 || link.source >= P || link.target < 0 || link.target >= Q)
            throw std::invalid_argument(what + ": gold link " + std::to_string(link.source) + "-" +
                                        std::to_string(link.target) + " is outside the " + std::to_string(P) +
                                        " premise x " + std::to_string(Q) + " hypothesis words");
    requireClassOutcome(content.classes, content.probabilities, content.predicted, content.gold, what);
}

} // namespace attnlab::ui
