#include "core/train/SessionFile.h"

#include "core/train/Checkpoint.h"
#include "core/train/ConfigFields.h"

#include <nlohmann/json.hpp>

namespace attnlab {

namespace {
using Json = nlohmann::json;
constexpr int kSessionVersion = 1;

std::string jsonReason(const Json::exception& e) {
    const std::string text = e.what();
    const auto bracket = text.find("] ");
    return bracket == std::string::npos ? text : text.substr(bracket + 2);
}

Json optionsJson(const DatasetOptions& o) {
    return {{"source_tokens", tokenizationName(o.sourceTokens)},
            {"target_tokens", tokenizationName(o.targetTokens)},
            {"reverse", o.reverse},
            {"lowercase", o.lowercase},
            {"trim", o.trim},
            {"max_source_len", o.maxSourceLength},
            {"max_target_len", o.maxTargetLength},
            {"source_column", o.sourceColumn},
            {"target_column", o.targetColumn}};
}

Tokenization tokenizationOf(const Json& json, const char* key) {
    const std::string name = json.at(key).get<std::string>();
    const auto parsed = parseTokenization(name);
    if (!parsed)
        throw std::invalid_argument(std::string("'") + key + "' is \"" + name + "\", not char or word");
    return *parsed;
}

DatasetOptions optionsFrom(const Json& json) {
    DatasetOptions o;
    o.sourceTokens = tokenizationOf(json, "source_tokens");
    o.targetTokens = tokenizationOf(json, "target_tokens");
    o.reverse = json.at("reverse").get<bool>();
    o.lowercase = json.at("lowercase").get<bool>();
    o.trim = json.value("trim", true);
    o.maxSourceLength = json.at("max_source_len").get<int>();
    o.maxTargetLength = json.at("max_target_len").get<int>();
    o.sourceColumn = json.value("source_column", std::string());
    o.targetColumn = json.value("target_column", std::string());
    if (o.maxSourceLength < 0 || o.maxTargetLength < 0)
        throw std::invalid_argument("a maximum length is negative");
    return o;
}

// The settings panel's config and training as the model file's config JSON (read back with its checks).
std::string settingsJson(const WindowSession& s) {
    ModelBundle settings;
    settings.config = s.config;
    settings.training = s.training;
    return modelConfigJson(settings);
}

Json sessionJson(const WindowSession& s) {
    return {{"version", kSessionVersion},
            {"dataset",
             {{"name", s.datasetName},
              {"path", s.datasetPath},
              {"text", s.datasetText},
              {"options", optionsJson(s.options)}}},
            {"settings", Json::parse(settingsJson(s))},
            {"pinned", s.pinned},
            {"typed", s.typedSentence},
            {"tab", s.tab},
            {"steps_trained", s.stepsTrained},
            {"epochs_trained", s.epochsTrained}};
}

void readSessionJson(const std::string& text, WindowSession& s) {
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::exception& e) {
        throw std::invalid_argument(std::string("metadata '") + kSessionKey +
                                    "' is not JSON: " + jsonReason(e));
    }
    const std::string where = std::string("metadata '") + kSessionKey + "': ";
    try {
        const int version = json.at("version").get<int>();
        if (version > kSessionVersion)
            throw std::invalid_argument("version " + std::to_string(version) +
                                        " is newer than this AttnLab reads (" +
                                        std::to_string(kSessionVersion) + ")");
        const Json& dataset = json.at("dataset");
        s.datasetName = dataset.at("name").get<std::string>();
        s.datasetPath = dataset.at("path").get<std::string>();
        s.datasetText = dataset.value("text", std::string());
        s.options = optionsFrom(dataset.at("options"));
        ModelBundle settings;
        try {
            readModelConfigJson(json.at("settings").dump(), settings);
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("settings: " + std::string(e.what()));
        }
        s.config = settings.config;
        s.training = settings.training;
        s.pinned = json.at("pinned").get<std::vector<int>>();
        for (int index : s.pinned)
            if (index < 0) throw std::invalid_argument("a pinned pair's index is negative");
        s.typedSentence = json.at("typed").get<std::string>();
        s.tab = json.at("tab").get<std::string>();
        s.stepsTrained = json.at("steps_trained").get<long long>();
        s.epochsTrained = json.at("epochs_trained").get<int>();
        if (s.stepsTrained < 0 || s.epochsTrained < 0)
            throw std::invalid_argument("the steps trained are negative");
    } catch (const Json::exception& e) {
        throw std::invalid_argument(where + jsonReason(e));
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(where + e.what());
    }
}
} // namespace

void saveSession(const std::string& path, WindowSession& session) {
    CheckpointFile file;
    if (session.model) file = modelCheckpoint(*session.model, path);
    file.metadata[kSessionKey] = sessionJson(session).dump();
    writeCheckpointFile(path, file);
}

namespace {
WindowSession sessionFromFile(const CheckpointFile& file, const std::string& name) {
    const auto found = file.metadata.find(kSessionKey);
    if (found == file.metadata.end())
        throw CheckpointError(name,
                              std::string("the metadata has no '") + kSessionKey +
                                  "': not an AttnLab session (a model file opens with File > Open Model)");
    WindowSession session;
    try {
        readSessionJson(found->second, session);
    } catch (const std::invalid_argument& e) {
        throw CheckpointError(name, e.what());
    }
    if (file.metadata.count("config")) session.model = modelFromFile(file, name);
    return session;
}
} // namespace

WindowSession decodeSession(std::string_view bytes, const std::string& name) {
    return sessionFromFile(decodeSafeTensors(bytes, name), name);
}

WindowSession loadSession(const std::string& path) {
    return sessionFromFile(readCheckpoint(path), path);
}

} // namespace attnlab
