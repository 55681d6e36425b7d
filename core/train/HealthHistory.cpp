#include "core/train/HealthHistory.h"

#include <cmath>

namespace attnlab {

SourceLengthSummary SourceLengthSummary::of(const std::vector<EncodedPair>& pairs) {
    double rows = 0.0;
    double logSum = 0.0;
    double inverseSum = 0.0;
    for (const EncodedPair& pair : pairs) {
        if (pair.source.empty()) continue;
        const double S = static_cast<double>(pair.source.size());
        const double pairRows = static_cast<double>(pair.target.size());
        rows += pairRows;
        logSum += pairRows * std::log(S);
        inverseSum += pairRows / S;
    }
    SourceLengthSummary summary;
    if (rows > 0) {
        summary.meanLogLength = logSum / rows;
        summary.meanUniformMass = inverseSum / rows;
    }
    return summary;
}

} // namespace attnlab
