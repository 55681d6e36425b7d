#pragma once
// Accuracy by source length, bucketed so each point stands on enough pairs: neighbouring lengths
// are merged, shortest first, until a bucket holds at least `minPairs` (a last bucket with fewer
// joins the one before). The buckets are made from one run's counts and applied to every run of
// a comparison, which all validate on the same pairs, so the lines share their x positions.
#include "core/eval/SequenceMetrics.h"

#include <vector>

namespace attnlab::ui {

struct LengthBucket {
    int firstLength = 0; // source lengths firstLength..lastLength, inclusive
    int lastLength = 0;
    long count = 0;
    long exactMatches = 0;
    long correctTokens = 0;
    long referenceTokens = 0;

    double exactMatchRate() const;    // NaN when empty
    double tokenAccuracyRate() const; // NaN when no reference token
    double middle() const { return 0.5 * (firstLength + lastLength); }
};

// The bucket boundaries for `rows` (sorted by source length): counts only.
std::vector<LengthBucket> lengthBuckets(const std::vector<LengthAccuracy>& rows, long minPairs);
// `rows` summed into the boundaries of `buckets` (their counts are replaced).
std::vector<LengthBucket> fillBuckets(std::vector<LengthBucket> buckets,
                                      const std::vector<LengthAccuracy>& rows);

} // namespace attnlab::ui
