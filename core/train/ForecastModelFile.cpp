#include "core/train/ForecastModelFile.h"

#include "core/train/Checkpoint.h"
#include "core/train/ConfigFields.h"
#include "core/train/InputConfigJson.h"
#include "core/train/JsonReason.h"
#include "core/train/ModelFileChecks.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace attnlab {
namespace {
using Json = nlohmann::json;

constexpr const char* kForecasterKind = "forecaster";
// Bounds for sizes no tensor holds: a damaged file is refused before it asks for gigabytes.
constexpr int kMostSteps = 100000;

void checkSizes(const CheckpointFile& file, const ForecastModelBundle& b) {
    const ModelConfig& c = b.config;
    const int d = c.input.featureSize();
    checkTensorSize(file, "emb", c.embedding, "frontend.weight", 0);
    checkTensorSize(file, "frames.mel_bands", d, "frontend.weight", 1);
    checkTensorSize(file, "hidden", c.hidden, "decoder.weight_hh", 1);
    checkTensorSize(file, "hidden", c.hidden, "forecast.mean.weight", 1);
    checkTensorSize(file, "frames.mel_bands", d, "forecast.mean.weight", 0);
    checkAttentionSizes(file, c, "window"); // the location scorer's positions are the window's
    if (b.forecast.gaussian) checkTensorSize(file, "frames.mel_bands", d, "forecast.log_variance.weight", 0);
}

std::vector<double> numbers(const Json& json, const ConfigFields& fields, const char* key,
                            std::size_t count) {
    const Json& array = json.at(key);
    if (!array.is_array() || array.size() != count)
        throw std::invalid_argument(fields.name(key) + " must be an array of " + std::to_string(count) +
                                    " numbers (one per series)");
    std::vector<double> values;
    for (const Json& v : array) {
        if (!v.is_number() || !std::isfinite(v.get<double>()))
            throw std::invalid_argument(fields.name(key) + " holds " + v.dump() + ", not a finite number");
        values.push_back(v.get<double>());
    }
    return values;
}

int bounded(const ConfigFields& fields, const char* key, int low, int high) {
    const int value = fields.integer(key);
    if (value < low || value > high)
        throw std::invalid_argument(fields.name(key) + " is " + std::to_string(value) + ", outside " +
                                    std::to_string(low) + " to " + std::to_string(high));
    return value;
}

} // namespace

std::string forecastConfigJson(const ForecastModelBundle& b) {
    const ModelConfig& c = b.config;
    const TrainingSettings& t = b.training;
    Json json = {
        {"kind", kForecasterKind},
        {"scorer", scorerName(c.scorer)},
        {"decoder", decoderStyleName(c.decoder)},
        {"input_feeding", c.inputFeeding},
        {"bidirectional", c.bidirectional},
        {"emb", c.embedding},
        {"hidden", c.hidden},
        {"attention_dim", c.attentionSize()},
        {"location_filters", c.locationFilters},
        {"location_kernel", c.locationKernel},
        {"window", b.window},
        {"horizon", b.forecast.horizon},
        {"stride", b.stride},
        {"gaussian", b.forecast.gaussian},
        {"periods", b.periods},
        {"series", b.series},
        {"normalization", {{"mean", b.normalization.means()}, {"std", b.normalization.deviations()}}},
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
          {"validation_fraction", t.validationFraction},
          {"seed", t.seed}}},
    };
    writeInputConfig(c.input, json);
    return json.dump();
}

void readForecastConfigJson(const std::string& text, ForecastModelBundle& b) {
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::exception& e) {
        throw std::invalid_argument("metadata 'config' is not JSON: " + jsonReason(e));
    }
    if (!json.is_object()) throw std::invalid_argument("metadata 'config' is not a JSON object");
    const ConfigFields config(json);
    if (config.text("kind", "") != kForecasterKind)
        throw std::invalid_argument("the config's 'kind' is not \"forecaster\": not a forecasting model");
    ModelConfig& c = b.config;
    c.input = readInputConfig(config);
    if (c.input.kind != InputKind::Frames)
        throw std::invalid_argument(
            "the config's 'input' must be \"frames\" (one value per series and step)");
    c.sourceVocabulary = c.targetVocabulary = 1; // a forecaster has none; ModelConfig wants them positive
    c.scorer = parseNamed(config, "scorer", parseScorer);
    c.decoder = parseNamed(config, "decoder", parseDecoderStyle);
    c.inputFeeding = config.boolean("input_feeding");
    c.bidirectional = config.boolean("bidirectional");
    c.embedding = bounded(config, "emb", 1, kMostSteps);
    c.hidden = bounded(config, "hidden", 1, kMostSteps);
    c.attentionDim = bounded(config, "attention_dim", 1, kMostSteps);
    c.locationFilters = config.integer("location_filters", c.locationFilters);
    c.locationKernel = config.integer("location_kernel", c.locationKernel);
    b.window = bounded(config, "window", 1, kMostSteps);
    c.maxSourceLength = b.window; // the location scorer's positions are the window's
    b.forecast.horizon = bounded(config, "horizon", 1, kMostSteps);
    b.forecast.gaussian = config.boolean("gaussian");
    b.stride = config.integer("stride", 1);
    const int d = c.input.featureSize();
    const Json& names = json.contains("series") ? json.at("series") : Json();
    if (!names.is_array() || static_cast<int>(names.size()) != d)
        throw std::invalid_argument("the config's 'series' must be an array of " + std::to_string(d) +
                                    " names (frames.mel_bands)");
    b.series.clear();
    for (const Json& name : names) {
        if (!name.is_string())
            throw std::invalid_argument("the config's 'series' holds " + name.dump() + ", not a name");
        b.series.push_back(name.get<std::string>());
    }
    b.periods.assign(d, 0);
    if (config.has("periods")) {
        const std::vector<int> periods = config.indices("periods", {});
        if (static_cast<int>(periods.size()) != d)
            throw std::invalid_argument("the config's 'periods' must hold " + std::to_string(d) + " periods");
        b.periods = periods;
    }
    if (!json.contains("normalization") || !json.at("normalization").is_object())
        throw std::invalid_argument(
            "the config's 'normalization' is missing (an object of 'mean' and 'std')");
    const Json& normalization = json.at("normalization");
    const ConfigFields stats = config.object("normalization");
    for (const char* key : {"mean", "std"})
        if (!stats.has(key)) throw std::invalid_argument(stats.name(key) + " is missing");
    b.normalization = SeriesNormalization(numbers(normalization, stats, "mean", d),
                                          numbers(normalization, stats, "std", d));
    b.dataset = config.text("dataset", std::string());
    if (config.has("training")) {
        readTrainingSettings(config.object("training"), b.training);
        try {
            b.training.validate();
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("the config's 'training' is invalid: " + std::string(e.what()));
        }
    }
    validateForecaster(c, b.forecast);
}

void saveForecastModel(const std::string& path, ForecastModelBundle& bundle) {
    if (!bundle.model) throw CheckpointError(path, "there is no model to save");
    const std::map<std::string, std::string> metadata = {{"config", forecastConfigJson(bundle)}};
    writeCheckpointFile(path, checkpointOf(bundle.model->parameters(), metadata, {}, path));
}

ForecastModelBundle forecastModelFromFile(const CheckpointFile& file, const std::string& name) {
    ForecastModelBundle bundle;
    try {
        const auto config = file.metadata.find("config");
        if (config == file.metadata.end())
            throw std::invalid_argument("the metadata has no 'config': not an AttnLab model");
        readForecastConfigJson(config->second, bundle);
        checkSizes(file, bundle);
        checkFiniteTensors(file);
        bundle.model = std::make_unique<Forecaster<float>>(bundle.config, bundle.forecast);
    } catch (const std::invalid_argument& e) {
        throw CheckpointError(name, e.what());
    }
    loadParameters(file, bundle.model->parameters(), name);
    return bundle;
}

ForecastModelBundle loadForecastModel(const std::string& path) {
    return forecastModelFromFile(readCheckpoint(path), path);
}

bool isForecastModel(const CheckpointFile& file) {
    const auto config = file.metadata.find("config");
    if (config == file.metadata.end()) return false;
    const Json json = Json::parse(config->second, nullptr, false);
    return json.is_object() && json.contains("kind") && json.at("kind") == kForecasterKind;
}

bool isForecastModelFile(const std::string& path) {
    // The header alone says it: u64 length, then the JSON whose __metadata__ holds the config.
    std::ifstream in(path, std::ios::binary);
    unsigned char size[8] = {};
    if (!in.read(reinterpret_cast<char*>(size), 8)) return false;
    std::uint64_t length = 0;
    for (int i = 7; i >= 0; --i) length = length << 8 | size[i];
    if (length == 0 || length > (100u << 20)) return false;
    std::string header(length, '\0');
    if (!in.read(header.data(), static_cast<std::streamsize>(length))) return false;
    const Json json = Json::parse(header, nullptr, false);
    if (!json.is_object() || !json.contains("__metadata__")) return false;
    const Json& metadata = json.at("__metadata__");
    if (!metadata.is_object() || !metadata.contains("config") || !metadata.at("config").is_string())
        return false;
    const Json config = Json::parse(metadata.at("config").get<std::string>(), nullptr, false);
    return config.is_object() && config.contains("kind") && config.at("kind") == kForecasterKind;
}

} // namespace attnlab
