#pragma once
// A trained model as people handle it: architecture, tokenisation, both vocabularies, the
// training settings and the weights, saved to and loaded from one .safetensors file.
#include "core/data/TextNormalization.h"
#include "core/data/Tokenization.h"
#include "core/data/Vocabulary.h"
#include "core/nn/Seq2Seq.h"
#include "core/train/AttentionHistory.h"
#include "core/train/SafeTensors.h"
#include "core/train/TrainingSettings.h"

#include <memory>
#include <string>
#include <string_view>

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
    AttentionHistory history; // the followed sentences' attention through training (may be empty)
};

// Atomic (write beside, flush, rename): a failed save leaves any previous file intact.
// Throws CheckpointError.
void saveModel(const std::string& path, ModelBundle& bundle);
// Checks size, names, shapes and checksum, the config's sizes against the stored tensors before
// the model is allocated, and that every weight is finite; throws CheckpointError naming the file
// and the problem (for a size: the key, the tensor and both values).
ModelBundle loadModel(const std::string& path);
// The same checks on a model file's bytes already in memory; `name` stands for the file in the
// messages. loadModel is readCheckpoint(path) followed by this.
ModelBundle decodeModel(std::string_view bytes, const std::string& name);

// What saveModel writes, in memory (a session file adds its own metadata to it); `path` names the
// file in the messages.
CheckpointFile modelCheckpoint(ModelBundle& bundle, const std::string& path);
// The model a decoded file holds, with loadModel's checks.
ModelBundle modelFromFile(const CheckpointFile& file, const std::string& name);
// The `config` metadata JSON (docs/FORMAT.md) and back.
std::string modelConfigJson(const ModelBundle& bundle);
// Throws std::invalid_argument naming the key and what it holds (a wrong type, a fraction or an
// out-of-range integer, an unknown name, a 'kind' or 'input' this version does not know, training
// settings that do not validate).
void readModelConfigJson(const std::string& json, ModelBundle& bundle);

} // namespace attnlab
