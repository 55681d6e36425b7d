#pragma once
// attnlab-bench --frames / --image: training throughput of the speech and captioning models on
// their shipped tasks (spoken: espeak-ng utterances as 40 log-mel bands, 2 pyramid levels;
// shapes: 48 x 48 scenes in 6 x 6 cells with the row encoder), E 32, H 128, bidirectional as the
// tasks recommend, batch 64, as the fastest of `trials` trials of `steps` steps, with pairs/s,
// GFLOP/s (front end and pyramid counted: bench/Workload.h) and the share of the GEMM peak. The
// token reference model (dates, general scorer) is measured alongside at the same steps and
// threads, so the ratio of the shares is printed too (issue 14: at least one half).
#include "core/nn/InputConfig.h"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace attnlab::bench {

struct MediaLevelOptions {
    InputKind kind = InputKind::Frames;
    int pairs =
        0; // generated pairs, rounded up to whole batches; 0: 256 utterances or 2048 scenes (quick: 64 / 256)
    long long steps = 20;
    int trials = 3;
    int threads = 0;    // 0: 1 and all threads; else this count alone
    bool quick = false; // a smoke run: 2 warm-up steps instead of 20, one timing of the peak
    std::uint64_t seed = 7;
};

// {"workload": {...}, "machine": {...}, "training": {CASE: {THREADS: {pairs_per_second, gflops,
// peak_share, ...}}}, "reference": {THREADS: {...}}, "share_ratio": {CASE: {THREADS: r}}}
nlohmann::json measureMedia(const MediaLevelOptions& options);

void printMedia(const nlohmann::json& result);

} // namespace attnlab::bench
