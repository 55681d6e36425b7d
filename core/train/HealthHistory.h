#pragma once
// What the health detectors read at a validation: the run so far, as the Trainer keeps it.
#include "core/data/EncodedPair.h"
#include "core/train/TrainingEvents.h"

#include <limits>
#include <span>
#include <vector>

namespace attnlab {

// The validation sources' lengths S as the attention metrics see them: averaged over attention
// rows (a pair gives one row per reference token), as Metrics::attentionEntropy and
// Metrics::lastPositionMass are.
struct SourceLengthSummary {
    double meanLogLength = std::numeric_limits<double>::quiet_NaN();   // mean ln S: uniform rows' entropy
    double meanUniformMass = std::numeric_limits<double>::quiet_NaN(); // mean 1/S: uniform rows' last mass

    // NaN fields for no pairs.
    static SourceLengthSummary of(const std::vector<EncodedPair>& pairs);
};

struct HealthHistory {
    // Every validated epoch so far, the current one last; epoch k's steps are those after
    // epochs[k-1].step up to epochs[k].step.
    std::span<const EpochReport> epochs;
    std::span<const float> stepLosses;    // (steps) every step's training loss since the start
    std::span<const float> gradientNorms; // (steps) every step's global gradient norm before clipping
    double clipNorm = 0.0;                // 0: no clipping
    SourceLengthSummary sources;          // of the validation split
};

} // namespace attnlab
