#include "ui/compare/LengthBuckets.h"

#include <limits>

namespace attnlab::ui {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void addRow(LengthBucket& bucket, const LengthAccuracy& row) {
    bucket.count += row.count;
    bucket.exactMatches += row.exactMatches;
    bucket.correctTokens += row.correctTokens;
    bucket.referenceTokens += row.referenceTokens;
}
} // namespace

double LengthBucket::exactMatchRate() const {
    return count > 0 ? static_cast<double>(exactMatches) / static_cast<double>(count) : kNaN;
}

double LengthBucket::tokenAccuracyRate() const {
    return referenceTokens > 0 ? static_cast<double>(correctTokens) / static_cast<double>(referenceTokens)
                               : kNaN;
}

std::vector<LengthBucket> lengthBuckets(const std::vector<LengthAccuracy>& rows, long minPairs) {
    std::vector<LengthBucket> buckets;
    bool open = false;
    for (const LengthAccuracy& row : rows) {
        if (row.count <= 0) continue;
        if (!open) {
            buckets.push_back({row.sourceLength, row.sourceLength});
            open = true;
        }
        LengthBucket& bucket = buckets.back();
        bucket.lastLength = row.sourceLength;
        addRow(bucket, row);
        if (bucket.count >= minPairs) open = false;
    }
    if (open && buckets.size() > 1) { // too few left over: they join the bucket before
        const LengthBucket last = buckets.back();
        buckets.pop_back();
        buckets.back().lastLength = last.lastLength;
        addRow(buckets.back(), {.count = last.count,
                                .exactMatches = last.exactMatches,
                                .correctTokens = last.correctTokens,
                                .referenceTokens = last.referenceTokens});
    }
    return buckets;
}

std::vector<LengthBucket> fillBuckets(std::vector<LengthBucket> buckets,
                                      const std::vector<LengthAccuracy>& rows) {
    for (LengthBucket& bucket : buckets)
        bucket.count = bucket.exactMatches = bucket.correctTokens = bucket.referenceTokens = 0;
    for (const LengthAccuracy& row : rows)
        for (LengthBucket& bucket : buckets)
            if (row.sourceLength >= bucket.firstLength && row.sourceLength <= bucket.lastLength) {
                addRow(bucket, row);
                break;
            }
    return buckets;
}

} // namespace attnlab::ui
