#pragma once
// The data of an experiment: a dataset as loaded, split once, its vocabularies and encoded pairs.
// Every run of an experiment trains on the same PreparedData; it is read-only once made, so runs
// on several threads share it.
#include "core/data/Dataset.h"
#include "core/data/TrainingData.h"

#include <cstdint>
#include <memory>
#include <string>

namespace attnlab {

struct ModelBundle;

struct PreparedData {
    // The pairs, the gold alignments of validation pairs and the tokenisation; may be null for
    // data encoded elsewhere (then no gold alignments, and a new model's tokenisation is char).
    std::shared_ptr<const Dataset> dataset;
    std::shared_ptr<const TrainingData> data;
    std::string label;     // what a model file records as its dataset: a shipped name or a path
    int longestSource = 0; // in tokens, over every split
};

// Splits `dataset` with `seed` and builds the vocabularies from the training split. Throws
// std::invalid_argument when the options leave no training pair.
std::shared_ptr<const PreparedData> prepareData(std::shared_ptr<const Dataset> dataset,
                                                const PrepareOptions& options, std::uint64_t seed,
                                                std::string label);

// The same split, encoded with the vocabularies of a model trained before (to continue it):
// tokens it never saw become <unk>.
std::shared_ptr<const PreparedData> prepareDataFor(const ModelBundle& model,
                                                   std::shared_ptr<const Dataset> dataset,
                                                   const PrepareOptions& options, std::uint64_t seed,
                                                   std::string label);

// Already prepared data (e.g. kept from an earlier run), with its longest source measured.
std::shared_ptr<const PreparedData> wrapPreparedData(std::shared_ptr<const Dataset> dataset,
                                                     std::shared_ptr<const TrainingData> data,
                                                     std::string label);

} // namespace attnlab
