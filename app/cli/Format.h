#pragma once
// Numbers and tokens as attnlab-cli shows them to people. A metric that has nothing to measure
// is NaN in the core; on a terminal it reads "-".
#include <string>
#include <string_view>

namespace attnlab::cli {

std::string fixed(double value, int decimals);          // "0.4123"; "-" for NaN
std::string percent(double fraction, int decimals = 1); // 0.9731 -> "97.3%"; "-" for NaN
std::string duration(double seconds);                   // "8.2 s", "2m 31s", "1h 05m"
std::string grouped(long long value);                   // 1234567 -> "1,234,567"
std::string general(double value);                      // 4 significant digits: "0.001", "1e+09"
// "1 epoch", "2 epochs": `many` defaults to `one` + "s".
std::string counted(long long count, const std::string& one, const std::string& many = {});

// Columns a UTF-8 string takes on a terminal (one per code point; wide scripts are rare here).
int displayWidth(std::string_view text);
std::string padRight(const std::string& text, int width);
std::string padLeft(const std::string& text, int width);

// A token as it can be read in a table: a space is "␣", a tab "⇥", a newline "↵".
std::string visibleToken(const std::string& token);

} // namespace attnlab::cli
