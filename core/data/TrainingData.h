#pragma once
// Everything a trainer needs from a dataset in one call: the split, both vocabularies (built
// from the training split only) and each split's pairs as ids.
#include "core/data/DataSplit.h"
#include "core/data/Dataset.h"
#include "core/data/EncodedPair.h"
#include "core/data/Vocabulary.h"

#include <cstdint>
#include <vector>

namespace attnlab {

struct PrepareOptions {
    double validationFraction = 0.1;
    double testFraction = 0.1;
    int minFrequency = 1;  // rarer training tokens become <unk>
    int maxVocabulary = 0; // per side, specials included; 0 = no limit
};

struct EncodedSplit {
    std::vector<int> datasetIndices; // pair k of this split is dataset pair datasetIndices[k]
    std::vector<EncodedPair> pairs;
    std::int64_t sourceTokens = 0; // tokens encoded, and how many of them were <unk>
    std::int64_t targetTokens = 0;
    std::int64_t sourceUnknown = 0;
    std::int64_t targetUnknown = 0;
};

struct TrainingData {
    DataSplit split;
    Vocabulary sourceVocabulary;
    Vocabulary targetVocabulary;
    EncodedSplit train;
    EncodedSplit validation;
    EncodedSplit test;
};

// Splits with `seed`, builds the vocabularies from the training pairs, encodes all three
// splits (validation and test may contain <unk>, the training split only below minFrequency).
TrainingData prepareTrainingData(const Dataset& dataset, const PrepareOptions& options, std::uint64_t seed);

// One split's pairs encoded with given vocabularies (e.g. those of a loaded model).
EncodedSplit encodePairs(const Dataset& dataset, const std::vector<int>& indices, const Vocabulary& source,
                         const Vocabulary& target);

} // namespace attnlab
