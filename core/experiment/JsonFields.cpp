#include "core/experiment/JsonFields.h"

#include <cmath>

namespace attnlab {

std::string shownJson(const nlohmann::json& value) {
    constexpr std::size_t kLongest = 40;
    // A container is named, never dumped: it may hold millions of values.
    if (value.is_array())
        return value.empty() ? "[]" : "an array of " + std::to_string(value.size()) + " values";
    if (value.is_object())
        return value.empty() ? "{}" : "an object of " + std::to_string(value.size()) + " keys";
    if (value.is_string() && value.get_ref<const std::string&>().size() > kLongest)
        return shownJson(nlohmann::json(value.get_ref<const std::string&>().substr(0, kLongest))) + "...";
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

JsonFields::JsonFields(const nlohmann::json& object, JsonPath path, std::string where, std::string prefix)
    : m_object(object), m_path(std::move(path)), m_where(std::move(where)), m_prefix(std::move(prefix)) {
    if (m_object.is_object()) return;
    std::string what = "the value";
    if (!m_prefix.empty()) { // "validation." names 'validation'
        what = "'";
        what.append(m_prefix, 0, m_prefix.size() - 1);
        what += "'";
    }
    fail(m_path, what + " must be a JSON object, got " + shownJson(m_object));
}

void JsonFields::fail(const JsonPath& path, const std::string& problem) const {
    throw JsonFieldError(path, m_where.empty() ? problem : m_where + ": " + problem);
}

std::string JsonFields::name(const char* key) const {
    return "'" + m_prefix + key + "'";
}

JsonPath JsonFields::pathOf(const char* key) const {
    JsonPath path = m_path;
    path.emplace_back(key);
    return path;
}

bool JsonFields::has(const char* key) const {
    return m_object.contains(key);
}

const nlohmann::json& JsonFields::value(const char* key) const {
    const auto found = m_object.find(key);
    if (found == m_object.end()) fail(m_path, "there is no " + name(key));
    return *found;
}

void JsonFields::wrongType(const char* key, const char* expected) const {
    fail(pathOf(key), name(key) + " must be " + expected + ", got " + shownJson(value(key)));
}

long long JsonFields::integer(const char* key, long long minimum, long long maximum) const {
    const nlohmann::json& v = value(key);
    if (!v.is_number_integer()) wrongType(key, "an integer");
    const bool fits = v.is_number_unsigned()
                          ? v.get<std::uint64_t>() <= static_cast<std::uint64_t>(maximum)
                          : v.get<std::int64_t>() >= minimum && v.get<std::int64_t>() <= maximum;
    if (!fits) {
        const bool large = v.is_number_unsigned() || v.get<std::int64_t>() > maximum;
        fail(pathOf(key),
             name(key) + " must be " +
                 (large ? "at most " + std::to_string(maximum) : "at least " + std::to_string(minimum)) +
                 ", got " + shownJson(v));
    }
    return v.get<long long>();
}

double JsonFields::number(const char* key) const {
    const nlohmann::json& v = value(key);
    if (!v.is_number()) wrongType(key, "a number");
    return v.get<double>();
}

double JsonFields::numberOrNull(const char* key) const {
    const nlohmann::json& v = value(key);
    if (v.is_null()) return std::nan("");
    if (!v.is_number()) wrongType(key, "a number or null");
    return v.get<double>();
}

bool JsonFields::boolean(const char* key) const {
    const nlohmann::json& v = value(key);
    if (!v.is_boolean()) wrongType(key, "true or false");
    return v.get<bool>();
}

std::string JsonFields::text(const char* key) const {
    const nlohmann::json& v = value(key);
    if (!v.is_string()) wrongType(key, "a string");
    return v.get<std::string>();
}

std::string JsonFields::textOrNull(const char* key) const {
    const nlohmann::json& v = value(key);
    if (v.is_null()) return {};
    if (!v.is_string()) wrongType(key, "a string or null");
    return v.get<std::string>();
}

JsonFields JsonFields::object(const char* key) const {
    const nlohmann::json& v = value(key);
    if (!v.is_object()) wrongType(key, "a JSON object");
    return JsonFields(v, pathOf(key), m_where, m_prefix + key + ".");
}

const nlohmann::json& JsonFields::array(const char* key) const {
    const nlohmann::json& v = value(key);
    if (!v.is_array()) wrongType(key, "an array");
    return v;
}

std::vector<JsonFields> JsonFields::objects(const char* key) const {
    const nlohmann::json& list = array(key);
    std::vector<JsonFields> fields;
    fields.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonPath path = pathOf(key);
        path.push_back(std::to_string(i));
        const std::string element = m_prefix + key + "[" + std::to_string(i) + "]";
        if (!list[i].is_object())
            fail(path, "'" + element + "' must be a JSON object, got " + shownJson(list[i]));
        fields.emplace_back(list[i], std::move(path), m_where, element + ".");
    }
    return fields;
}

std::vector<double> JsonFields::numbers(const char* key, bool nullIsNaN) const {
    const nlohmann::json& list = array(key);
    std::vector<double> values;
    values.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const nlohmann::json& v = list[i];
        if (v.is_number()) {
            values.push_back(v.get<double>());
        } else if (v.is_null() && nullIsNaN) {
            values.push_back(std::nan(""));
        } else {
            JsonPath path = pathOf(key);
            path.push_back(std::to_string(i));
            fail(path, "'" + m_prefix + key + "[" + std::to_string(i) + "]' must be a number" +
                           (nullIsNaN ? " or null" : "") + ", got " + shownJson(v));
        }
    }
    return values;
}

std::vector<long long> JsonFields::integers(const char* key, long long minimum, long long maximum) const {
    const nlohmann::json& list = array(key);
    std::vector<long long> values;
    values.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const nlohmann::json& v = list[i];
        const bool fits =
            v.is_number_unsigned()  ? v.get<std::uint64_t>() <= static_cast<std::uint64_t>(maximum)
            : v.is_number_integer() ? v.get<std::int64_t>() >= minimum && v.get<std::int64_t>() <= maximum
                                    : false;
        if (!fits) {
            JsonPath path = pathOf(key);
            path.push_back(std::to_string(i));
            fail(path, "'" + m_prefix + key + "[" + std::to_string(i) + "]' must be an integer from " +
                           std::to_string(minimum) + " to " + std::to_string(maximum) + ", got " +
                           shownJson(v));
        }
        values.push_back(v.get<long long>());
    }
    return values;
}

} // namespace attnlab
