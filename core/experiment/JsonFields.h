#pragma once
// Reads the keys of one JSON object of a file so that every failure names where it is (the path
// for lineOfJsonPath) and what it holds: "run "dot" (rows[1]): 'history[2].validation.loss' must
// be a number or null, got "x"". Like core/train/ConfigFields, it never converts silently (4.5 is
// not an integer, 4294967300 is not an int). Every failure throws JsonFieldError.
#include "core/experiment/JsonText.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace attnlab {

class JsonFieldError : public std::runtime_error {
public:
    JsonFieldError(JsonPath path, const std::string& message)
        : std::runtime_error(message), m_path(std::move(path)) {}
    const JsonPath& path() const { return m_path; }

private:
    JsonPath m_path;
};

class JsonFields {
public:
    // `object` must outlive this and be an object. `where` starts every message ("run "dot"
    // (rows[1])", or "" at the top); `prefix` is prepended to keys in messages ("validation.").
    JsonFields(const nlohmann::json& object, JsonPath path, std::string where, std::string prefix = {});

    bool has(const char* key) const;
    long long integer(const char* key, long long minimum, long long maximum) const;
    double number(const char* key) const;       // finite
    double numberOrNull(const char* key) const; // null reads as NaN
    bool boolean(const char* key) const;
    std::string text(const char* key) const;
    std::string textOrNull(const char* key) const; // null reads as ""
    const nlohmann::json& value(const char* key) const;
    JsonFields object(const char* key) const;
    std::vector<JsonFields> objects(const char* key) const; // an array of objects
    std::vector<double> numbers(const char* key, bool nullIsNaN) const;
    std::vector<long long> integers(const char* key, long long minimum, long long maximum) const;

    const nlohmann::json& json() const { return m_object; }
    const JsonPath& path() const { return m_path; }
    JsonPath pathOf(const char* key) const;
    const std::string& where() const { return m_where; }
    // "'validation.loss'"
    std::string name(const char* key) const;
    // Throws JsonFieldError at `path` with `problem` after where().
    [[noreturn]] void fail(const JsonPath& path, const std::string& problem) const;

private:
    const nlohmann::json& array(const char* key) const;
    [[noreturn]] void wrongType(const char* key, const char* expected) const;

    const nlohmann::json& m_object;
    JsonPath m_path;
    std::string m_where;
    std::string m_prefix;
};

// A value as a message shows it: its JSON, cut short when long.
std::string shownJson(const nlohmann::json& value);

} // namespace attnlab
