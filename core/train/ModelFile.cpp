#include "core/train/ModelFile.h"

#include "core/train/Checkpoint.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

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
    return json.dump();
}

void readModelConfigJson(const std::string& text, ModelBundle& b) {
    try {
        const Json json = Json::parse(text);
        ModelConfig& c = b.config;
        b.sourceTokens = tokenizationFrom(json.at("tokens").at("source"));
        b.targetTokens = tokenizationFrom(json.at("tokens").at("target"));
        // Files saved before the key existed were trained with the defaults (trim, no lowercase).
        b.text = TextNormalization{};
        if (json.contains("text")) {
            const Json& text = json.at("text");
            b.text.lowercase = text.value("lowercase", b.text.lowercase);
            b.text.trim = text.value("trim", b.text.trim);
        }
        c.scorer = parseScorer(json.at("scorer").get<std::string>());
        c.decoder = parseDecoderStyle(json.at("decoder").get<std::string>());
        c.inputFeeding = json.at("input_feeding").get<bool>();
        c.bidirectional = json.at("bidirectional").get<bool>();
        c.embedding = json.at("emb").get<int>();
        c.hidden = json.at("hidden").get<int>();
        c.attentionDim = json.at("attention_dim").get<int>();
        c.maxSourceLength = json.at("max_source_len").get<int>();
        c.locationFilters = json.value("location_filters", c.locationFilters);
        c.locationKernel = json.value("location_kernel", c.locationKernel);
        b.dataset = json.value("dataset", std::string());
        if (json.contains("training")) {
            const Json& t = json.at("training");
            TrainingSettings& s = b.training;
            s.optimizer = parseOptimizer(t.value("optimizer", std::string("adam")));
            s.learningRate = t.value("learning_rate", s.learningRate);
            s.momentum = t.value("momentum", s.momentum);
            s.batchSize = t.value("batch_size", s.batchSize);
            s.epochs = t.value("epochs", s.epochs);
            s.maxSteps = t.value("max_steps", s.maxSteps);
            s.clipNorm = t.value("clip_norm", s.clipNorm);
            s.teacherForcing = t.value("teacher_forcing", s.teacherForcing);
            s.dropout = t.value("dropout", s.dropout);
            s.validationFraction = t.value("validation_fraction", s.validationFraction);
            s.seed = t.value("seed", s.seed);
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

ModelBundle loadModel(const std::string& path) {
    const CheckpointFile file = readCheckpoint(path);
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

} // namespace attnlab
