#pragma once
// A validation pair the mechanism views can inspect instead of a typed sentence.
#include "core/data/Dataset.h"
#include "core/data/TrainingData.h"
#include "core/util/AlignmentLink.h"

#include <QString>

#include <string>
#include <vector>

namespace attnlab::ui {

struct MechanismPair {
    QString label;                         // "source → target"
    std::vector<std::string> sourceTokens; // as the dataset splits them
    std::vector<std::string> targetTokens; // the reference
    Alignment gold;                        // the dataset's links (may be empty)
};

// The first `most` validation pairs of `data` (split from `dataset`).
std::vector<MechanismPair> validationPairs(const Dataset& dataset, const TrainingData& data, int most = 200);

} // namespace attnlab::ui
