#include "app/cli/Format.h"

#include "core/data/Utf8.h"

#include <cmath>
#include <cstdio>

namespace attnlab::cli {

std::string fixed(double value, int decimals) {
    if (std::isnan(value)) return "-";
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string percent(double fraction, int decimals) {
    if (std::isnan(fraction)) return "-";
    return fixed(100.0 * fraction, decimals) + "%";
}

std::string duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "-";
    if (seconds < 60) return fixed(seconds, 1) + " s";
    const long long whole = std::llround(seconds);
    char text[64];
    if (whole < 3600)
        std::snprintf(text, sizeof text, "%lldm %02llds", whole / 60, whole % 60);
    else
        std::snprintf(text, sizeof text, "%lldh %02lldm", whole / 3600, whole / 60 % 60);
    return text;
}

std::string grouped(long long value) {
    const std::string digits = std::to_string(value < 0 ? -value : value);
    std::string text = value < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
        text += digits[i];
    }
    return text;
}

std::string general(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.4g", value);
    return text;
}

std::string counted(long long count, const std::string& one, const std::string& many) {
    return std::to_string(count) + " " + (count == 1 ? one : many.empty() ? one + "s" : many);
}

int displayWidth(std::string_view text) {
    return static_cast<int>(codePointCount(text));
}

std::string padRight(const std::string& text, int width) {
    const int pad = width - displayWidth(text);
    return pad > 0 ? text + std::string(static_cast<size_t>(pad), ' ') : text;
}

std::string padLeft(const std::string& text, int width) {
    const int pad = width - displayWidth(text);
    return pad > 0 ? std::string(static_cast<size_t>(pad), ' ') + text : text;
}

std::string visibleToken(const std::string& token) {
    std::string shown;
    for (char c : token) {
        if (c == ' ')
            shown += "\u2423";
        else if (c == '\t')
            shown += "\u21E5";
        else if (c == '\n')
            shown += "\u21B5";
        else
            shown += c;
    }
    return shown;
}

} // namespace attnlab::cli
