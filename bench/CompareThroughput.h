#pragma once
// Compare mode's throughput: the seven scorers trained as core's Experiment trains them (at once,
// sharing the cores) against the same runs one after another, each on all cores. The issue asks
// for at least 90% of the one-after-another pairs per second.
#include "bench/Workload.h"

#include <nlohmann/json.hpp>

namespace attnlab::bench {

// `steps` per run; `threads` the cores both ways share. Also each run's own seconds alone.
nlohmann::json measureCompareThroughput(const Workload& workload, long long steps, int threads);

void printCompareThroughput(const nlohmann::json& compare);

} // namespace attnlab::bench
