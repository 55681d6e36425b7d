#include "core/experiment/PreparedData.h"

#include "core/train/ModelFile.h"

#include <algorithm>

namespace attnlab {

namespace {
int longestSourceOf(const TrainingData& data) {
    int longest = 0;
    for (const EncodedSplit* split : {&data.train, &data.validation, &data.test})
        for (const EncodedPair& pair : split->pairs)
            longest = std::max(longest, static_cast<int>(pair.source.size()));
    return longest;
}
} // namespace

std::shared_ptr<const PreparedData> wrapPreparedData(std::shared_ptr<const Dataset> dataset,
                                                     std::shared_ptr<const TrainingData> data,
                                                     std::string label) {
    auto prepared = std::make_shared<PreparedData>();
    prepared->longestSource = longestSourceOf(*data);
    prepared->dataset = std::move(dataset);
    prepared->data = std::move(data);
    prepared->label = std::move(label);
    return prepared;
}

std::shared_ptr<const PreparedData> prepareData(std::shared_ptr<const Dataset> dataset,
                                                const PrepareOptions& options, std::uint64_t seed,
                                                std::string label) {
    auto data = std::make_shared<TrainingData>(prepareTrainingData(*dataset, options, seed));
    return wrapPreparedData(std::move(dataset), std::move(data), std::move(label));
}

std::shared_ptr<const PreparedData> prepareDataFor(const ModelBundle& model,
                                                   std::shared_ptr<const Dataset> dataset,
                                                   const PrepareOptions& options, std::uint64_t seed,
                                                   std::string label) {
    auto data = std::make_shared<TrainingData>(prepareTrainingData(*dataset, options, seed));
    for (EncodedSplit* split : {&data->train, &data->validation, &data->test})
        *split = encodePairs(*dataset, split->datasetIndices, model.sourceVocabulary, model.targetVocabulary);
    data->sourceVocabulary = model.sourceVocabulary;
    data->targetVocabulary = model.targetVocabulary;
    return wrapPreparedData(std::move(dataset), std::move(data), std::move(label));
}

} // namespace attnlab
