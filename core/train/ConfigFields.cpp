#include "core/train/ConfigFields.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace attnlab {

ConfigFields::ConfigFields(const nlohmann::json& object, std::string prefix)
    : m_object(object), m_prefix(std::move(prefix)) {
    if (!m_object.is_object())
        throw std::invalid_argument(m_prefix.empty()
                                        ? "the config is not a JSON object"
                                        : "the config's '" + m_prefix.substr(0, m_prefix.size() - 1) +
                                              "' is not a JSON object");
}

std::string ConfigFields::name(const char* key) const {
    return "the config's '" + m_prefix + key + "'";
}

bool ConfigFields::has(const char* key) const {
    return m_object.contains(key);
}

const nlohmann::json& ConfigFields::at(const char* key) const {
    const auto found = m_object.find(key);
    if (found == m_object.end()) throw std::invalid_argument("the config has no '" + m_prefix + key + "'");
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

ConfigFields ConfigFields::object(const char* key) const {
    const nlohmann::json& value = at(key);
    if (!value.is_object()) wrongType(key, "a JSON object");
    return ConfigFields(value, m_prefix + key + ".");
}

} // namespace attnlab
