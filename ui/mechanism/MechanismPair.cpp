#include "ui/mechanism/MechanismPair.h"

#include <algorithm>

namespace attnlab::ui {

std::vector<MechanismPair> validationPairs(const Dataset& dataset, const TrainingData& data, int most) {
    std::vector<MechanismPair> pairs;
    const int count = std::min<int>(most, static_cast<int>(data.validation.datasetIndices.size()));
    for (int k = 0; k < count; ++k) {
        const int index = data.validation.datasetIndices[static_cast<size_t>(k)];
        MechanismPair pair;
        pair.label = QStringLiteral("%1 → %2").arg(QString::fromUtf8(dataset.source(index)),
                                                   QString::fromUtf8(dataset.target(index)));
        pair.sourceTokens = dataset.sourceTokens(index);
        pair.targetTokens = dataset.targetTokens(index);
        const auto links = dataset.alignment(index);
        pair.gold.assign(links.begin(), links.end());
        pairs.push_back(std::move(pair));
    }
    return pairs;
}

} // namespace attnlab::ui
