#pragma once
// Reads the keys of a model file's `config` JSON so that every failure names the key and what it
// holds: "the config's 'hidden' must be an integer, got 4.5", "the config's
// 'training.learning_rate' must be a number, got \"fast\"". nlohmann's own get<int>() would turn
// 4.5 into 4 and 4294967300 into 4 silently, and its type errors name no key.
// Every failure throws std::invalid_argument.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace attnlab {

class ConfigFields {
public:
    // `object` must outlive this; `prefix` is prepended to keys in messages ("training."), and
    // `subject` names what holds them ("the config's 'hidden'", "the row's 'training.seed'").
    explicit ConfigFields(const nlohmann::json& object, std::string prefix = {},
                          std::string subject = "the config");

    bool has(const char* key) const;
    // A required key; the overloads with a fallback return it when the key is absent.
    int integer(const char* key) const;
    int integer(const char* key, int fallback) const;
    std::int64_t integer64(const char* key, std::int64_t fallback) const;
    std::uint64_t unsignedInteger(const char* key, std::uint64_t fallback) const;
    double number(const char* key, double fallback) const;
    bool boolean(const char* key) const;
    std::string text(const char* key) const;
    std::string text(const char* key, const std::string& fallback) const;
    // An array of non-negative ints (indices).
    std::vector<int> indices(const char* key, std::vector<int> fallback) const;
    // A nested object, whose keys are named "key.inner" in messages.
    ConfigFields object(const char* key) const;

    // "the config's 'training.seed'"
    std::string name(const char* key) const;

private:
    const nlohmann::json& at(const char* key) const;
    // The key's integer, refused (never wrapped around) outside [minimum, maximum].
    std::int64_t integerIn(const char* key, std::int64_t minimum, std::int64_t maximum) const;
    [[noreturn]] void wrongType(const char* key, const char* expected) const;

    const nlohmann::json& m_object;
    std::string m_prefix;
    std::string m_subject;
};

struct TrainingSettings;
// The training settings under `fields` (a model file's config.training, an experiment's rows):
// each key present replaces the field's value in `settings`, each absent one leaves it. Does not
// validate the result.
void readTrainingSettings(const ConfigFields& fields, TrainingSettings& settings);

} // namespace attnlab
