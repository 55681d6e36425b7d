#pragma once
// One training configuration of attnlab-bench: a model of some architecture trained on a
// workload's data with a thread count, timed in trials. Trials of several runs are interleaved by the caller,
// so that a slow spell of the machine (other tenants, frequency changes) costs each configuration one trial,
// not all of them.
#include "bench/Workload.h"
#include "core/nn/Seq2Seq.h"

namespace attnlab::bench {

struct Throughput {
    double pairsPerSecond = 0, tokensPerSecond = 0, gflops = 0, seconds = 0;
    long long steps = 0;
};

class TrainingRun {
public:
    static constexpr int BatchSize = 64;

    // Builds the model and trains 20 steps untimed (allocations, caches). `workload` must outlive
    // the run; config must match its vocabularies (see withArchitecture).
    TrainingRun(const Workload& workload, const ModelConfig& config, int threads);

    // Trains `steps` more steps (batch 64, Adam, clipping 5) and keeps the trial if it was the
    // fastest so far.
    void trial(long long steps);

    // The fastest trial, with tokens/s and GFLOP/s from the workload's average lengths.
    Throughput best() const;
    int threads() const { return m_threads; }

private:
    const Workload& m_workload;
    ModelConfig m_config;
    int m_threads;
    Seq2Seq<float> m_model;
    int m_trials = 0;
    Throughput m_best;
};

} // namespace attnlab::bench
