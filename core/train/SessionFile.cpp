#include "core/train/SessionFile.h"

#include "core/train/Checkpoint.h"
#include "core/train/ConfigFields.h"

#include "core/train/JsonReason.h"

#include <nlohmann/json.hpp>

namespace attnlab {

namespace {
using Json = nlohmann::json;
constexpr int kSessionVersion = 1;

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

Tokenization tokenizationOf(const ConfigFields& fields, const char* key) {
    const std::string name = fields.text(key);
    const auto parsed = parseTokenization(name);
    if (!parsed) throw std::invalid_argument(fields.name(key) + " is \"" + name + "\", not char or word");
    return *parsed;
}

DatasetOptions optionsFrom(const ConfigFields& fields) {
    DatasetOptions o;
    o.sourceTokens = tokenizationOf(fields, "source_tokens");
    o.targetTokens = tokenizationOf(fields, "target_tokens");
    o.reverse = fields.boolean("reverse");
    o.lowercase = fields.boolean("lowercase");
    o.trim = fields.has("trim") ? fields.boolean("trim") : true;
    o.maxSourceLength = fields.integer("max_source_len");
    o.maxTargetLength = fields.integer("max_target_len");
    o.sourceColumn = fields.text("source_column", std::string());
    o.targetColumn = fields.text("target_column", std::string());
    if (o.maxSourceLength < 0 || o.maxTargetLength < 0)
        throw std::invalid_argument(fields.name("max_source_len") + " or 'max_target_len' is negative");
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
    if (!json.is_object())
        throw std::invalid_argument(std::string("metadata '") + kSessionKey + "' is not an object");
    const ConfigFields session(json, {}, "the session");
    const int version = session.integer("version");
    if (version > kSessionVersion)
        throw std::invalid_argument("the session's version is " + std::to_string(version) +
                                    ", newer than this AttnLab reads (" + std::to_string(kSessionVersion) +
                                    ")");
    const ConfigFields dataset = session.object("dataset");
    s.datasetName = dataset.text("name");
    s.datasetPath = dataset.text("path");
    s.datasetText = dataset.text("text", std::string());
    s.options = optionsFrom(dataset.object("options"));
    ModelBundle settings;
    try {
        readModelConfigJson(json.at("settings").dump(), settings);
    } catch (const Json::exception&) {
        throw std::invalid_argument(session.name("settings") + " is missing");
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("the session's settings: " + std::string(e.what()));
    }
    s.config = settings.config;
    s.training = settings.training;
    if (!session.has("pinned")) throw std::invalid_argument(session.name("pinned") + " is missing");
    s.pinned = session.indices("pinned", {});
    s.typedSentence = session.text("typed");
    s.tab = session.text("tab");
    s.stepsTrained = session.integer64("steps_trained", 0);
    s.epochsTrained = session.integer("epochs_trained", 0);
    if (s.stepsTrained < 0 || s.epochsTrained < 0)
        throw std::invalid_argument("the session's steps or epochs trained are negative");
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
