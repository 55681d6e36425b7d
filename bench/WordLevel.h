#pragma once
// attnlab-bench --word-level: training throughput of the second reference workload
// (bench/WordWorkload.h) at 1 thread and at all threads, as the fastest of `trials` trials of
// `steps` steps each, taken in turn, with tokens/s, GFLOP/s and the share of the GEMM peak.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace attnlab::bench {

struct WordLevelOptions {
    int pairs = 50000;
    long long steps = 100;
    int trials = 3;
    int threads = 0;     // 0: 1 and all threads; else this count alone
    bool quick = false;  // a smoke run: 2 warm-up steps instead of 20, one timing of the peak
    std::string tsvPath; // where the pairs are written for the PyTorch peer; empty: not written
    std::uint64_t seed = 7;
};

// {"workload": {...}, "machine": {...}, "training": {"general": {"1": {...}, "2": {...}}}}: the
// same keys as the first workload's JSON, so bench/run-bench reads both alike.
nlohmann::json measureWordLevel(const WordLevelOptions& options);

void printWordLevel(const nlohmann::json& result);

} // namespace attnlab::bench
