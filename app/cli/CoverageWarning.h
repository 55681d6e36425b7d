#pragma once
// The warning `eval`, `train` and `compare` print when many reference tokens are <unk>: those
// count as wrong (core/eval/SequenceMetrics.h), so the metrics then say more about the data than
// about the model.
#include "core/eval/TokenCoverage.h"

#include <string>

namespace attnlab::cli {

// "warning: 38.2% of the reference tokens (1,234 of 3,230) are unknown to the model and count as
// wrong: was it trained on this data?" with `references` = "reference tokens" and `meaning` the
// text after the counts; empty when !coverage.warrantsWarning().
std::string coverageWarning(const TokenCoverage& coverage, const std::string& references,
                            const std::string& meaning);

} // namespace attnlab::cli
