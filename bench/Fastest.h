#pragma once
// The fastest of `trials` runs of `body`, in milliseconds: how every figure of the benchmarks is
// taken on a shared machine, whose slow spells only ever add time.
#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>
#include <vector>

namespace attnlab::bench {

// The thread counts a benchmark measures: the one asked for, else 1 and all of the machine's.
inline std::vector<int> measuredThreadCounts(int requested, int hardware) {
    if (requested > 0) return {requested};
    if (hardware > 1) return {1, hardware};
    return {1};
}

inline double fastestMs(int trials, const std::function<void()>& body) {
    double best = std::numeric_limits<double>::infinity();
    for (int t = 0; t < trials; ++t) {
        const auto start = std::chrono::steady_clock::now();
        body();
        best = std::min(
            best,
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

} // namespace attnlab::bench
