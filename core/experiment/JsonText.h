#pragma once
// Reading a JSON text that a person may have edited, truncated or made up, for files whose every
// error must name a line: nlohmann's parser, fed through an iterator that counts what it has
// read, builds the values with limits on depth and size, refuses a key given twice, and finds the
// line of any value again from its path when a reader later refuses it.
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attnlab {

// Keys and array indices from the root: {"rows", "1", "steps"}.
using JsonPath = std::vector<std::string>;

// What a text may hold before it is refused: a bound on memory whatever the input.
struct JsonLimits {
    int maxDepth = 64;                   // nested objects and arrays
    long long maxValues = 16'000'000;    // every value, containers and array elements included
    long long maxMembers = 2'000'000;    // keys of all objects together
    std::size_t maxBytes = 256ull << 20; // 256 MiB
};

// A text that is not JSON, or is beyond the limits: the line (1-based) and what was wrong.
class JsonTextError : public std::runtime_error {
public:
    JsonTextError(int line, const std::string& problem) : std::runtime_error(problem), m_line(line) {}
    int line() const { return m_line; }

private:
    int m_line;
};

// Throws JsonTextError.
nlohmann::json parseJsonText(std::string_view text, const JsonLimits& limits = {});

// The line where the value at `path` starts in `text` (a text parseJsonText accepted); for a path
// that is not there, the line of its deepest ancestor that is; 1 for the root.
int lineOfJsonPath(std::string_view text, const JsonPath& path);

} // namespace attnlab
