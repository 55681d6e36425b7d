#include "core/data/TrainingData.h"

#include <unordered_map>

namespace attnlab {

EncodedSplit encodePairs(const Dataset& dataset, const std::vector<int>& indices, const Vocabulary& source,
                         const Vocabulary& target) {
    EncodedSplit split;
    split.datasetIndices = indices;
    split.pairs.reserve(indices.size());
    for (const int i : indices) {
        const std::vector<std::string> targetTokens = dataset.targetTokens(i);
        if (const SharedFeatures& features = dataset.features(i)) {
            // Frames or cells: one placeholder id per position; the features are the source.
            int targetUnknown = 0;
            split.pairs.push_back({std::vector<int>(static_cast<std::size_t>(features->columns), UnknownId),
                                   target.encode(targetTokens, &targetUnknown), features});
            split.sourceTokens += features->columns;
            split.targetTokens += static_cast<std::int64_t>(targetTokens.size());
            split.targetUnknown += targetUnknown;
            continue;
        }
        const std::vector<std::string> sourceTokens = dataset.sourceTokens(i);
        int sourceUnknown = 0, targetUnknown = 0;
        split.pairs.push_back(
            {source.encode(sourceTokens, &sourceUnknown), target.encode(targetTokens, &targetUnknown)});
        split.sourceTokens += static_cast<std::int64_t>(sourceTokens.size());
        split.targetTokens += static_cast<std::int64_t>(targetTokens.size());
        split.sourceUnknown += sourceUnknown;
        split.targetUnknown += targetUnknown;
    }
    return split;
}

TrainingData prepareTrainingData(const Dataset& dataset, const PrepareOptions& options, std::uint64_t seed) {
    TrainingData data;
    data.split = makeSplit(dataset.size(), options.validationFraction, options.testFraction, seed);
    // Tokens are counted straight from the text, never kept as strings for the whole split.
    std::unordered_map<std::string, std::int64_t> sourceCounts, targetCounts;
    for (const int i : data.split.train) {
        if (!dataset.hasFeatures()) // a frames or image source has no vocabulary
            forEachToken(dataset.source(i), dataset.options().sourceTokens,
                         [&](std::string_view token) { ++sourceCounts[std::string(token)]; });
        forEachToken(dataset.target(i), dataset.options().targetTokens,
                     [&](std::string_view token) { ++targetCounts[std::string(token)]; });
    }
    data.sourceVocabulary = Vocabulary::build(sourceCounts, options.minFrequency, options.maxVocabulary);
    data.targetVocabulary = Vocabulary::build(targetCounts, options.minFrequency, options.maxVocabulary);
    data.train = encodePairs(dataset, data.split.train, data.sourceVocabulary, data.targetVocabulary);
    data.validation =
        encodePairs(dataset, data.split.validation, data.sourceVocabulary, data.targetVocabulary);
    data.test = encodePairs(dataset, data.split.test, data.sourceVocabulary, data.targetVocabulary);
    return data;
}

} // namespace attnlab
