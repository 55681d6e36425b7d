#pragma once
// What the dataset panel shows about a loaded dataset beyond its load report: how many distinct
// tokens each side has and how long the pairs are. Computed once, on the loading thread, because
// it tokenises every pair (a 100 MB file takes seconds).
#include "core/data/Dataset.h"

#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace attnlab::ui {

struct DatasetStatistics {
    int pairs = 0;
    int sourceVocabulary = 0; // distinct source tokens over all pairs, specials not counted
    int targetVocabulary = 0;
    // lengthCounts[n] = pairs whose side has n tokens (the target without </s>); sums to pairs.
    std::vector<int> sourceLengthCounts;
    std::vector<int> targetLengthCounts;
};

// Tokenises every pair with the dataset's own tokenisation. `stop` is asked every few thousand
// pairs; when it returns true the work is abandoned and nullopt returned.
std::optional<DatasetStatistics> computeDatasetStatistics(const Dataset& dataset,
                                                          const std::function<bool()>& stop = {});

// Two lines for people: "5,000 pairs with gold alignments · vocabulary: 73 source, 112 target" and
// "skipped 1 comment and 0 blank lines · 0 dropped as too long" (numbers in the user's locale).
QString statisticsText(const Dataset& dataset, const DatasetStatistics& statistics);

} // namespace attnlab::ui
