#include "core/train/ModelFile.h"

#include "core/data/TaskKind.h"

#include "core/train/InputConfigJson.h"

#include "core/train/Checkpoint.h"
#include "core/train/ConfigFields.h"
#include "core/train/ForecastModelFile.h"
#include "core/train/HistoryFile.h"
#include "core/train/ModelFileChecks.h"

#include "core/train/JsonReason.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace attnlab {

namespace {
using Json = nlohmann::json;

// The vocabularies are metadata of their own, not config keys: one embedding row per token.
void checkVocabularySize(const CheckpointFile& file, const char* key, int tokens, const std::string& tensor) {
    const std::string claim = "metadata '" + std::string(key) + "' has " + std::to_string(tokens) + " tokens";
    const auto found = file.tensors.find(tensor);
    if (found == file.tensors.end())
        throw std::invalid_argument("tensor '" + tensor + "' is missing (" + claim + ")");
    const std::vector<std::int64_t>& shape = found->second.shape;
    if (shape.empty() || shape[0] != tokens)
        throw std::invalid_argument(claim + " but tensor '" + tensor + "' has shape " + formatShape(shape));
}

Vocabulary vocabularyFrom(const CheckpointFile& file, const char* key) {
    try {
        return Vocabulary::fromJson(file.metadata.at(key));
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("metadata '" + std::string(key) + "': " + e.what());
    }
}

void checkSizes(const CheckpointFile& file, const ModelBundle& b) {
    const ModelConfig& c = b.config;
    if (c.input.tokens()) { // the source embedding first, as files before issue 14 were checked
        checkTensorSize(file, "emb", c.embedding, "src_embedding.weight", 1);
        if (c.kind != ModelKind::Classifier)
            checkTensorSize(file, "emb", c.embedding, "tgt_embedding.weight", 1);
        checkVocabularySize(file, "source_vocab", c.sourceVocabulary, "src_embedding.weight");
    } else {
        checkTensorSize(file, "emb", c.embedding, "tgt_embedding.weight", 1);
        const bool projectsToHidden = c.input.kind == InputKind::Image && !c.input.rowEncoder;
        checkTensorSize(file, projectsToHidden ? "hidden" : "emb", projectsToHidden ? c.hidden : c.embedding,
                        "frontend.weight", 0);
        checkTensorSize(file, c.input.kind == InputKind::Frames ? "frames.mel_bands" : "image.patch",
                        c.input.featureSize(), "frontend.weight", 1);
        if (c.input.kind == InputKind::Image)
            checkTensorSize(file, "image.width", c.input.gridCells(), "frontend.position", 0);
    }
    switch (c.kind) {
    case ModelKind::Seq2Seq:
        checkVocabularySize(file, "target_vocab", c.targetVocabulary, "tgt_embedding.weight");
        checkTensorSize(file, "hidden", c.hidden, "decoder.weight_hh", 1);
        checkTensorSize(file, "hidden", c.hidden, "output.weight", 1);
        break;
    case ModelKind::Classifier: // labels out of the pooled states
        checkVocabularySize(file, "target_vocab", c.targetVocabulary, "classifier.weight");
        checkTensorSize(file, "hidden", c.hidden, "classifier.weight", 1);
        break;
    case ModelKind::Entailment: // the decoder reads hypothesis words; labels out of its last state
        checkVocabularySize(file, "source_vocab", c.sourceVocabulary, "tgt_embedding.weight");
        checkVocabularySize(file, "target_vocab", c.targetVocabulary, "output.weight");
        checkTensorSize(file, "hidden", c.hidden, "decoder.weight_hh", 1);
        checkTensorSize(file, "hidden", c.hidden, "output.weight", 1);
        break;
    }
    checkAttentionSizes(file, c, "max_source_len");
    // Sizes no tensor holds (the location scorer's is checked above): sane bounds.
    if (c.maxSourceLength < 1 || c.maxSourceLength > 1'000'000)
        throw std::invalid_argument("the config's 'max_source_len' is " + std::to_string(c.maxSourceLength) +
                                    ", outside 1 to 1000000");
}

Tokenization tokenizationFrom(const ConfigFields& tokens, const char* side) {
    const std::string name = tokens.text(side);
    const auto parsed = parseTokenization(name);
    if (!parsed)
        throw std::invalid_argument(tokens.name(side) + ": unknown tokenisation '" + name +
                                    "' (expected char or word)");
    return *parsed;
}

} // namespace

std::string modelConfigJson(const ModelBundle& b) {
    const ModelConfig& c = b.config;
    const TrainingSettings& t = b.training;
    Json json = {
        {"tokens",
         {{"source", tokenizationName(b.sourceTokens)}, {"target", tokenizationName(b.targetTokens)}}},
        {"text", {{"lowercase", b.text.lowercase}, {"trim", b.text.trim}}},
        {"scorer", scorerName(c.scorer)},
        {"decoder", decoderStyleName(c.decoder)},
        {"input_feeding", c.inputFeeding},
        {"bidirectional", c.bidirectional},
        {"emb", c.embedding},
        {"hidden", c.hidden},
        {"attention_dim", c.attentionSize()},
        {"max_source_len", c.maxSourceLength},
        {"location_filters", c.locationFilters},
        {"location_kernel", c.locationKernel},
        {"dataset", b.dataset},
        {"training",
         {{"optimizer", optimizerName(t.optimizer)},
          {"learning_rate", t.learningRate},
          {"momentum", t.momentum},
          {"batch_size", t.batchSize},
          {"epochs", t.epochs},
          {"max_steps", t.maxSteps},
          {"clip_norm", t.clipNorm},
          {"teacher_forcing", t.teacherForcing},
          {"dropout", t.dropout},
          {"validation_fraction", t.validationFraction},
          {"seed", t.seed}}},
    };
    writeInputConfig(c.input, json);
    // Written only for the label kinds, so that encoder-decoder files read as before everywhere
    // (attnlab_torch refuses any file that names a kind: it computes encoder-decoders only).
    if (c.kind != ModelKind::Seq2Seq) {
        json["kind"] = modelKindName(c.kind);
        if (c.kind == ModelKind::Entailment) json["separator_id"] = c.separatorId;
    }
    return json.dump();
}

void readModelConfigJson(const std::string& text, ModelBundle& b) {
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::exception& e) {
        throw std::invalid_argument("metadata 'config' is not JSON: " + jsonReason(e));
    }
    const ConfigFields config(json);
    ModelConfig& c = b.config;
    c.kind = config.has("kind") ? parseNamed(config, "kind", parseModelKind) : ModelKind::Seq2Seq;
    c.separatorId = c.kind == ModelKind::Entailment ? config.integer("separator_id") : 0;
    b.config.input = readInputConfig(config);
    const ConfigFields tokens = config.object("tokens");
    b.sourceTokens = tokenizationFrom(tokens, "source");
    b.targetTokens = tokenizationFrom(tokens, "target");
    // Files saved before the key existed were trained with the defaults (trim, no lowercase).
    b.text = TextNormalization{};
    if (config.has("text")) {
        const ConfigFields text = config.object("text");
        if (text.has("lowercase")) b.text.lowercase = text.boolean("lowercase");
        if (text.has("trim")) b.text.trim = text.boolean("trim");
    }
    c.scorer = parseNamed(config, "scorer", parseScorer);
    c.decoder = parseNamed(config, "decoder", parseDecoderStyle);
    c.inputFeeding = config.boolean("input_feeding");
    c.bidirectional = config.boolean("bidirectional");
    c.embedding = config.integer("emb");
    c.hidden = config.integer("hidden");
    c.attentionDim = config.integer("attention_dim");
    c.maxSourceLength = config.integer("max_source_len");
    c.locationFilters = config.integer("location_filters", c.locationFilters);
    c.locationKernel = config.integer("location_kernel", c.locationKernel);
    b.dataset = config.text("dataset", std::string());
    if (config.has("training")) {
        const ConfigFields t = config.object("training");
        TrainingSettings& s = b.training;
        readTrainingSettings(t, s);
        // The window shows these settings and trains on with them: a damaged value is refused here.
        try {
            s.validate();
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("the config's 'training' is invalid: " + std::string(e.what()));
        }
    }
}

CheckpointFile modelCheckpoint(ModelBundle& bundle, const std::string& path) {
    if (!bundle.model) throw CheckpointError(path, "there is no model to save");
    CheckpointFile extra; // the attention history's key and tensors, and the model's metadata
    writeHistory(bundle.history, extra);
    extra.metadata["config"] = modelConfigJson(bundle);
    extra.metadata["source_vocab"] = bundle.sourceVocabulary.toJson();
    extra.metadata["target_vocab"] = bundle.targetVocabulary.toJson();
    return checkpointOf(bundle.model->parameters(), extra.metadata, extra.tensors, path);
}

void saveModel(const std::string& path, ModelBundle& bundle) {
    const CheckpointFile file = modelCheckpoint(bundle, path);
    writeCheckpointFile(path, file);
}

namespace {
// The model a validated file describes; `path` names the file in the messages.
ModelBundle modelFromCheckpoint(const CheckpointFile& file, const std::string& path) {
    ModelBundle bundle;
    try {
        if (isForecastModel(file)) // no vocabularies: ForecastModelFile reads it
            throw std::invalid_argument(
                "a forecaster: use it with --data of series (a CSV of numbers, or seasonal)");
        for (const char* key : {"config", "source_vocab", "target_vocab"})
            if (!file.metadata.count(key))
                throw std::invalid_argument(std::string("the metadata has no '") + key +
                                            "': not an AttnLab model");
        readModelConfigJson(file.metadata.at("config"), bundle);
        bundle.sourceVocabulary = vocabularyFrom(file, "source_vocab");
        bundle.targetVocabulary = vocabularyFrom(file, "target_vocab");
        bundle.config.sourceVocabulary = bundle.sourceVocabulary.size();
        bundle.config.targetVocabulary = bundle.targetVocabulary.size();
        checkSizes(file, bundle);
        checkFiniteTensors(file, kHistoryTensorPrefix); // readHistory checks its own
        bundle.config.validate();
        if (bundle.config.kind == ModelKind::Entailment &&
            bundle.sourceVocabulary.token(bundle.config.separatorId) != kPremiseSeparator)
            throw std::invalid_argument(
                "the config's 'separator_id' " + std::to_string(bundle.config.separatorId) +
                " is not the source vocabulary's \"" + std::string(kPremiseSeparator) + "\"");
        bundle.history = readHistory(file);
        bundle.model = std::make_unique<Seq2Seq<float>>(bundle.config);
    } catch (const std::invalid_argument& e) {
        throw CheckpointError(path, e.what());
    }
    loadParameters(file, bundle.model->parameters(), path);
    return bundle;
}
} // namespace

ModelBundle loadModel(const std::string& path) {
    return modelFromCheckpoint(readCheckpoint(path), path);
}

ModelBundle decodeModel(std::string_view bytes, const std::string& name) {
    return modelFromCheckpoint(decodeSafeTensors(bytes, name), name);
}

ModelBundle modelFromFile(const CheckpointFile& file, const std::string& name) {
    return modelFromCheckpoint(file, name);
}

} // namespace attnlab
