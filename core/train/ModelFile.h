#pragma once
// A trained model as people handle it: architecture, tokenisation, both vocabularies, the
// training settings and the weights, saved to and loaded from one .safetensors file.
#include "core/data/TextNormalization.h"
#include "core/data/Tokenization.h"
#include "core/data/Vocabulary.h"
#include "core/nn/Seq2Seq.h"
#include "core/train/TrainingSettings.h"

#include <memory>
#include <string>

namespace attnlab {

struct ModelBundle {
    ModelConfig config;
    TrainingSettings training;
    Tokenization sourceTokens = Tokenization::Char;
    Tokenization targetTokens = Tokenization::Char;
    TextNormalization text; // what training did to both sides' text before tokenising
    Vocabulary sourceVocabulary;
    Vocabulary targetVocabulary;
    std::string dataset; // what it was trained on (a shipped name or a file name)
    std::unique_ptr<Seq2Seq<float>> model;
};

// Atomic (write beside, flush, rename): a failed save leaves any previous file intact.
// Throws CheckpointError.
void saveModel(const std::string& path, ModelBundle& bundle);
// Checks size, names, shapes and checksum, the config's sizes against the stored tensors before
// the model is allocated, and that every weight is finite; throws CheckpointError naming the file
// and the problem (for a size: the key, the tensor and both values).
ModelBundle loadModel(const std::string& path);

// The `config` metadata JSON (docs/FORMAT.md) and back.
std::string modelConfigJson(const ModelBundle& bundle);
void readModelConfigJson(const std::string& json, ModelBundle& bundle); // throws std::invalid_argument

} // namespace attnlab
