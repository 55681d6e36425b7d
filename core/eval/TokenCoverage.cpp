#include "core/eval/TokenCoverage.h"

#include "core/nn/SequenceBatch.h"

#include <algorithm>
#include <limits>

namespace attnlab {

namespace {
double share(std::int64_t part, std::int64_t whole) {
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole)
                     : std::numeric_limits<double>::quiet_NaN();
}
} // namespace

double TokenCoverage::unknownSourceShare() const {
    return share(unknownSourceTokens, sourceTokens);
}

double TokenCoverage::unknownTargetShare() const {
    return share(unknownTargetTokens, targetTokens);
}

bool TokenCoverage::warrantsWarning() const {
    return targetTokens > 0 && unknownTargetShare() > kWarningShare;
}

TokenCoverage& TokenCoverage::operator+=(const TokenCoverage& other) {
    sourceTokens += other.sourceTokens;
    unknownSourceTokens += other.unknownSourceTokens;
    targetTokens += other.targetTokens;
    unknownTargetTokens += other.unknownTargetTokens;
    return *this;
}

TokenCoverage tokenCoverage(std::span<const EncodedPair> pairs) {
    // Counted from the ids rather than taken from EncodedSplit's counters, so the figures are
    // those of exactly the pairs the metrics see (e.g. after `eval` skips pairs too long).
    TokenCoverage coverage;
    for (const EncodedPair& pair : pairs) {
        coverage.sourceTokens += static_cast<std::int64_t>(pair.source.size());
        coverage.unknownSourceTokens += std::ranges::count(pair.source, UnknownId);
        coverage.targetTokens += static_cast<std::int64_t>(pair.target.size());
        coverage.unknownTargetTokens += std::ranges::count(pair.target, UnknownId);
    }
    return coverage;
}

TokenCoverage tokenCoverage(const EncodedSplit& split) {
    return tokenCoverage(std::span<const EncodedPair>(split.pairs));
}

} // namespace attnlab
