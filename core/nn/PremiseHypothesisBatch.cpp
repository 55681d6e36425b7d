#include "core/nn/PremiseHypothesisBatch.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace attnlab {

void splitPremiseHypothesis(const SequenceBatch& batch, int separatorId, PremiseHypothesisBatch& out) {
    const int b = batch.batchSize;
    std::vector<int> premiseLengths(b);
    std::vector<int> hypothesisLengths(b);
    for (int k = 0; k < b; ++k) {
        int at = -1;
        for (int t = 0; t < batch.sourceLengths[k] && at < 0; ++t)
            if (batch.sourceAt(t, k) == separatorId) at = t;
        if (at < 0)
            throw std::invalid_argument("entailment source " + std::to_string(k) +
                                        " has no premise | hypothesis separator");
        premiseLengths[k] = at;
        hypothesisLengths[k] = batch.sourceLengths[k] - at - 1;
        if (premiseLengths[k] < 1 || hypothesisLengths[k] < 1)
            throw std::invalid_argument(
                "entailment source " + std::to_string(k) +
                (premiseLengths[k] < 1 ? " has an empty premise" : " has an empty hypothesis"));
    }
    const int premiseSteps = *std::max_element(premiseLengths.begin(), premiseLengths.end());
    const int words = *std::max_element(hypothesisLengths.begin(), hypothesisLengths.end());
    SequenceBatch& premise = out.premise;
    premise = SequenceBatch{};
    premise.batchSize = b;
    premise.sourceLength = premiseSteps;
    premise.source.assign(static_cast<size_t>(premiseSteps) * b, PadId);
    premise.sourceLengths = premiseLengths;
    premise.pairIndices = batch.pairIndices;
    out.steps = words + 1;
    out.hypothesis.assign(static_cast<size_t>(out.steps) * b, PadId);
    out.hypothesisLengths = hypothesisLengths;
    for (int k = 0; k < b; ++k) {
        for (int t = 0; t < premiseLengths[k]; ++t)
            premise.source[static_cast<size_t>(t) * b + k] = batch.sourceAt(t, k);
        for (int t = 0; t < hypothesisLengths[k]; ++t)
            out.hypothesis[static_cast<size_t>(t) * b + k] = batch.sourceAt(premiseLengths[k] + 1 + t, k);
        out.hypothesis[static_cast<size_t>(hypothesisLengths[k]) * b + k] = EndId;
    }
}

} // namespace attnlab
