#include "core/train/ModelFile.h"

#include "core/train/Checkpoint.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace attnlab {

namespace {
using Json = nlohmann::json;

// The sizes the config claims, checked against the tensors the file really stores (whose data
// decodeSafeTensors has found in the file) before anything is allocated: a small file claiming
// "hidden": 30000 would otherwise make the model allocate gigabytes. Throws invalid_argument
// naming the key, the tensor and both values.
void checkSize(const CheckpointFile& file, const char* key, std::int64_t claimed, const std::string& tensor,
               std::size_t dimension) {
    const auto found = file.tensors.find(tensor);
    if (found == file.tensors.end())
        throw std::invalid_argument("tensor '" + tensor + "' is missing (the config's '" + key + "' is " +
                                    std::to_string(claimed) + ")");
    const std::vector<std::int64_t>& shape = found->second.shape;
    if (dimension >= shape.size() || shape[dimension] != claimed)
        throw std::invalid_argument("the config's '" + std::string(key) + "' is " + std::to_string(claimed) +
                                    " but tensor '" + tensor + "' has shape " + formatShape(shape));
}

// The file format keeps any float bit for bit; a model with NaN or infinite weights only gives
// NaN, so it is refused as a model.
void checkFinite(const CheckpointFile& file) {
    for (const auto& [name, tensor] : file.tensors) {
        const auto bad =
            std::find_if(tensor.data.begin(), tensor.data.end(), [](float v) { return !std::isfinite(v); });
        if (bad != tensor.data.end())
            throw std::invalid_argument("tensor '" + name + "' holds " +
                                        (std::isnan(*bad) ? "NaN" : "an infinite value") + " at element " +
                                        std::to_string(bad - tensor.data.begin()) +
                                        ": the weights are broken (saved from a diverged run?)");
    }
}

void checkSizes(const CheckpointFile& file, const ModelBundle& b) {
    const ModelConfig& c = b.config;
    checkSize(file, "emb", c.embedding, "src_embedding.weight", 1);
    checkSize(file, "emb", c.embedding, "tgt_embedding.weight", 1);
    checkSize(file, "source_vocab", c.sourceVocabulary, "src_embedding.weight", 0);
    checkSize(file, "target_vocab", c.targetVocabulary, "tgt_embedding.weight", 0);
    checkSize(file, "hidden", c.hidden, "decoder.weight_hh", 1);
    checkSize(file, "hidden", c.hidden, "output.weight", 1);
    if (c.scorer == ScorerKind::Additive || c.scorer == ScorerKind::LocationAware)
        checkSize(file, "attention_dim", c.attentionSize(), "attention.v.weight", 1);
    if (c.scorer == ScorerKind::Location)
        checkSize(file, "max_source_len", c.maxSourceLength, "attention.weight", 0);
    if (c.scorer == ScorerKind::LocationAware) {
        checkSize(file, "location_filters", c.locationFilters, "attention.conv.weight", 0);
        checkSize(file, "location_kernel", c.locationKernel, "attention.conv.weight", 2);
    }
    // Sizes no tensor holds (the location scorer's is checked above): sane bounds.
    if (c.maxSourceLength < 1 || c.maxSourceLength > 1'000'000)
        throw std::invalid_argument("the config's 'max_source_len' is " + std::to_string(c.maxSourceLength) +
                                    ", outside 1 to 1000000");
}

// A whole number in the range of T under `key` of `object` (`path` names it in the message):
// nlohmann's get<int>() would convert 1e10 (undefined behaviour for a float out of range) or 2.5,
// and wrap 4294967298 to 2, so a lying size could slip past every check.
template <class T> T wholeNumber(const Json& object, const char* key, const std::string& path) {
    const Json& value = object.at(key);
    if (value.is_number_unsigned() && std::in_range<T>(value.get<std::uint64_t>()))
        return static_cast<T>(value.get<std::uint64_t>());
    if (value.is_number_integer() && !value.is_number_unsigned() &&
        std::in_range<T>(value.get<std::int64_t>()))
        return static_cast<T>(value.get<std::int64_t>());
    throw std::invalid_argument("the config's '" + path + "' is " +
                                (value.is_number() ? value.dump() : std::string("a ") + value.type_name()) +
                                ": expected a whole number from " +
                                std::to_string(std::numeric_limits<T>::min()) + " to " +
                                std::to_string(std::numeric_limits<T>::max()));
}

template <class T> T wholeNumber(const Json& object, const char* key, const std::string& path, T fallback) {
    return object.is_object() && object.contains(key) ? wholeNumber<T>(object, key, path) : fallback;
}

Tokenization tokenizationFrom(const Json& value) {
    const auto parsed = parseTokenization(value.get<std::string>());
    if (!parsed) throw std::invalid_argument("unknown tokenisation '" + value.get<std::string>() + "'");
    return *parsed;
}
} // namespace

std::string modelConfigJson(const ModelBundle& b) {
    const ModelConfig& c = b.config;
    const TrainingSettings& t = b.training;
    Json json = {
        {"tokens",
         {{"source", tokenizationName(b.sourceTokens)}, {"target", tokenizationName(b.targetTokens)}}},
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
    return json.dump();
}

void readModelConfigJson(const std::string& text, ModelBundle& b) {
    try {
        const Json json = Json::parse(text);
        ModelConfig& c = b.config;
        b.sourceTokens = tokenizationFrom(json.at("tokens").at("source"));
        b.targetTokens = tokenizationFrom(json.at("tokens").at("target"));
        c.scorer = parseScorer(json.at("scorer").get<std::string>());
        c.decoder = parseDecoderStyle(json.at("decoder").get<std::string>());
        c.inputFeeding = json.at("input_feeding").get<bool>();
        c.bidirectional = json.at("bidirectional").get<bool>();
        c.embedding = wholeNumber<int>(json, "emb", "emb");
        c.hidden = wholeNumber<int>(json, "hidden", "hidden");
        c.attentionDim = wholeNumber<int>(json, "attention_dim", "attention_dim");
        c.maxSourceLength = wholeNumber<int>(json, "max_source_len", "max_source_len");
        c.locationFilters = wholeNumber(json, "location_filters", "location_filters", c.locationFilters);
        c.locationKernel = wholeNumber(json, "location_kernel", "location_kernel", c.locationKernel);
        b.dataset = json.value("dataset", std::string());
        if (json.contains("training")) {
            const Json& t = json.at("training");
            TrainingSettings& s = b.training;
            s.optimizer = parseOptimizer(t.value("optimizer", std::string("adam")));
            s.learningRate = t.value("learning_rate", s.learningRate);
            s.momentum = t.value("momentum", s.momentum);
            s.batchSize = wholeNumber(t, "batch_size", "training.batch_size", s.batchSize);
            s.epochs = wholeNumber(t, "epochs", "training.epochs", s.epochs);
            s.maxSteps = wholeNumber(t, "max_steps", "training.max_steps", s.maxSteps);
            s.clipNorm = t.value("clip_norm", s.clipNorm);
            s.teacherForcing = t.value("teacher_forcing", s.teacherForcing);
            s.dropout = t.value("dropout", s.dropout);
            s.validationFraction = t.value("validation_fraction", s.validationFraction);
            s.seed = wholeNumber(t, "seed", "training.seed", s.seed);
        }
    } catch (const Json::exception& e) {
        throw std::invalid_argument(std::string("bad config metadata: ") + e.what());
    }
}

void saveModel(const std::string& path, ModelBundle& bundle) {
    if (!bundle.model) throw CheckpointError(path, "there is no model to save");
    saveCheckpoint(path, bundle.model->parameters(),
                   {{"config", modelConfigJson(bundle)},
                    {"source_vocab", bundle.sourceVocabulary.toJson()},
                    {"target_vocab", bundle.targetVocabulary.toJson()}});
}

namespace {
// The model a validated file describes; `path` names the file in the messages.
ModelBundle modelFromCheckpoint(const CheckpointFile& file, const std::string& path) {
    ModelBundle bundle;
    try {
        for (const char* key : {"config", "source_vocab", "target_vocab"})
            if (!file.metadata.count(key))
                throw std::invalid_argument(std::string("the metadata has no '") + key +
                                            "': not an AttnLab model");
        readModelConfigJson(file.metadata.at("config"), bundle);
        bundle.sourceVocabulary = Vocabulary::fromJson(file.metadata.at("source_vocab"));
        bundle.targetVocabulary = Vocabulary::fromJson(file.metadata.at("target_vocab"));
        bundle.config.sourceVocabulary = bundle.sourceVocabulary.size();
        bundle.config.targetVocabulary = bundle.targetVocabulary.size();
        checkSizes(file, bundle);
        checkFinite(file);
        bundle.config.validate();
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

} // namespace attnlab
