#include "core/train/ModelFile.h"

#include "core/train/Checkpoint.h"

#include <nlohmann/json.hpp>

namespace attnlab {

namespace {
using Json = nlohmann::json;

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
        bundle.model = std::make_unique<Seq2Seq<float>>(bundle.config);
    } catch (const std::invalid_argument& e) {
        throw CheckpointError(path, e.what());
    }
    loadParameters(file, bundle.model->parameters(), path);
    return bundle;
}

} // namespace attnlab
