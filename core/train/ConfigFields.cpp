#include "core/train/ConfigFields.h"

#include "core/train/TrainingSettings.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace attnlab {

ConfigFields::ConfigFields(const nlohmann::json& object, std::string prefix, std::string subject)
    : m_object(object), m_prefix(std::move(prefix)), m_subject(std::move(subject)) {
    if (!m_object.is_object())
        throw std::invalid_argument(m_prefix.empty()
                                        ? m_subject + " is not a JSON object"
                                        : m_subject + "'s '" + m_prefix.substr(0, m_prefix.size() - 1) +
                                              "' is not a JSON object");
}

std::string ConfigFields::name(const char* key) const {
    return m_subject + "'s '" + m_prefix + key + "'";
}

bool ConfigFields::has(const char* key) const {
    return m_object.contains(key);
}

const nlohmann::json& ConfigFields::at(const char* key) const {
    const auto found = m_object.find(key);
    if (found == m_object.end()) throw std::invalid_argument(m_subject + " has no '" + m_prefix + key + "'");
    return *found;
}

void ConfigFields::wrongType(const char* key, const char* expected) const {
    throw std::invalid_argument(name(key) + " must be " + expected + ", got " + at(key).dump());
}

std::int64_t ConfigFields::integerIn(const char* key, std::int64_t minimum, std::int64_t maximum) const {
    const nlohmann::json& value = at(key);
    if (!value.is_number_integer()) wrongType(key, "an integer");
    const bool fits = value.is_number_unsigned()
                          ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(maximum)
                          : value.get<std::int64_t>() >= minimum && value.get<std::int64_t>() <= maximum;
    if (!fits) {
        const bool large = value.is_number_unsigned() || value.get<std::int64_t>() > maximum;
        throw std::invalid_argument(name(key) + " is " + value.dump() +
                                    (large ? ", too large" : ", too small"));
    }
    return value.get<std::int64_t>();
}

int ConfigFields::integer(const char* key) const {
    return static_cast<int>(integerIn(key, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

int ConfigFields::integer(const char* key, int fallback) const {
    return has(key) ? integer(key) : fallback;
}

std::int64_t ConfigFields::integer64(const char* key, std::int64_t fallback) const {
    if (!has(key)) return fallback;
    return integerIn(key, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
}

std::uint64_t ConfigFields::unsignedInteger(const char* key, std::uint64_t fallback) const {
    if (!has(key)) return fallback;
    const nlohmann::json& value = at(key);
    if (!value.is_number_unsigned()) wrongType(key, "a non-negative integer");
    return value.get<std::uint64_t>();
}

double ConfigFields::number(const char* key, double fallback) const {
    if (!has(key)) return fallback;
    const nlohmann::json& value = at(key);
    if (!value.is_number()) wrongType(key, "a number");
    return value.get<double>();
}

bool ConfigFields::boolean(const char* key) const {
    const nlohmann::json& value = at(key);
    if (!value.is_boolean()) wrongType(key, "true or false");
    return value.get<bool>();
}

std::string ConfigFields::text(const char* key) const {
    const nlohmann::json& value = at(key);
    if (!value.is_string()) wrongType(key, "a string");
    return value.get<std::string>();
}

std::string ConfigFields::text(const char* key, const std::string& fallback) const {
    return has(key) ? text(key) : fallback;
}

std::vector<int> ConfigFields::indices(const char* key, std::vector<int> fallback) const {
    if (!has(key)) return fallback;
    const nlohmann::json& list = at(key);
    if (!list.is_array()) wrongType(key, "an array of non-negative integers");
    std::vector<int> values;
    for (const nlohmann::json& value : list) {
        if (!value.is_number_integer() || value.get<std::int64_t>() < 0 ||
            value.get<std::int64_t>() > std::numeric_limits<int>::max())
            wrongType(key, "an array of non-negative integers");
        values.push_back(value.get<int>());
    }
    return values;
}

ConfigFields ConfigFields::object(const char* key) const {
    const nlohmann::json& value = at(key);
    if (!value.is_object()) wrongType(key, "a JSON object");
    return ConfigFields(value, m_prefix + key + ".", m_subject);
}

void readTrainingSettings(const ConfigFields& t, TrainingSettings& s) {
    if (t.has("optimizer")) {
        const std::string name = t.text("optimizer");
        try {
            s.optimizer = parseOptimizer(name);
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument(t.name("optimizer") + ": " + e.what());
        }
    }
    s.learningRate = t.number("learning_rate", s.learningRate);
    s.momentum = t.number("momentum", s.momentum);
    s.batchSize = t.integer("batch_size", s.batchSize);
    s.epochs = t.integer("epochs", s.epochs);
    s.maxSteps = t.integer64("max_steps", s.maxSteps);
    s.clipNorm = t.number("clip_norm", s.clipNorm);
    s.teacherForcing = t.number("teacher_forcing", s.teacherForcing);
    s.dropout = t.number("dropout", s.dropout);
    s.validationFraction = t.number("validation_fraction", s.validationFraction);
    s.seed = t.unsignedInteger("seed", s.seed);
    // Not in a model file (it trains on with the window's choices); an experiment keeps them all.
    s.threads = t.integer("threads", s.threads);
    if (t.has("early_stopping")) s.earlyStopping = t.boolean("early_stopping");
    s.patience = t.integer("patience", s.patience);
    if (t.has("decay_on_plateau")) s.decayOnPlateau = t.boolean("decay_on_plateau");
    s.decayFactor = t.number("decay_factor", s.decayFactor);
    s.decayPatience = t.integer("decay_patience", s.decayPatience);
    s.beamWidth = t.integer("beam_width", s.beamWidth);
    s.attentionEverySteps = t.integer("attention_every_steps", s.attentionEverySteps);
    s.attentionPairs = t.indices("attention_pairs", s.attentionPairs);
}

} // namespace attnlab
