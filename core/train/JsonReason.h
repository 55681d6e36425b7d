#pragma once
// nlohmann's what() starts with "[json.exception.parse_error.101] "; people need only the rest.
#include <nlohmann/json.hpp>

#include <string>

namespace attnlab {

inline std::string jsonReason(const nlohmann::json::exception& e) {
    const std::string text = e.what();
    const auto bracket = text.find("] ");
    return bracket == std::string::npos ? text : text.substr(bracket + 2);
}

} // namespace attnlab
