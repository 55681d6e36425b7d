#pragma once
// `attnlab-cli generate seasonal [--count STEPS] [--seed S] [--out FILE.csv]` (issue 15): the
// forecasting task as CSV on stdout or in FILE (atomically), with FILE.md beside it.
#include <cstdint>
#include <string>
#include <vector>

namespace attnlab::cli {

inline constexpr const char* kSeasonalTask = "seasonal";

// The tasks `generate` writes: the pair tasks (taskNames()) and seasonal.
std::vector<std::string> generateTaskNames();

// length < 0 and !seedGiven: the shipped file's. Returns the exit code (2 for bad settings).
int runGenerateSeasonal(const std::string& out, int length, std::uint64_t seed, bool seedGiven);

} // namespace attnlab::cli
