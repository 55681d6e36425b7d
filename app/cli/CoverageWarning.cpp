#include "app/cli/CoverageWarning.h"

#include "app/cli/Format.h"

namespace attnlab::cli {

std::string coverageWarning(const TokenCoverage& coverage, const std::string& references,
                            const std::string& meaning) {
    if (!coverage.warrantsWarning()) return {};
    return "warning: " + percent(coverage.unknownTargetShare()) + " of the " + references + " (" +
           grouped(coverage.unknownTargetTokens) + " of " + grouped(coverage.targetTokens) + ") " + meaning;
}

} // namespace attnlab::cli
