#pragma once
// One training configuration of attnlab-bench: core's Run of a model of some architecture on a
// workload's data with a thread count, timed in trials. Trials of several runs are interleaved by
// the caller, so that a slow spell of the machine (other tenants, frequency changes) costs each
// configuration one trial, not all of them.
#include "bench/Workload.h"
#include "core/experiment/Run.h"

namespace attnlab::bench {

struct Throughput {
    double pairsPerSecond = 0, tokensPerSecond = 0, gflops = 0, seconds = 0;
    long long steps = 0;
};

// The bench's training settings: batch 64, Adam, clipping 5, no validation, `steps` steps.
TrainingSettings benchSettings(int threads, long long steps, std::uint64_t seed);

class TrainingRun {
public:
    static constexpr int BatchSize = 64;

    // Builds the model and trains `warmUpSteps` steps untimed (allocations, caches). `workload`
    // must outlive the run; config must match its vocabularies (see withArchitecture).
    TrainingRun(const Workload& workload, const ModelConfig& config, int threads, long long warmUpSteps = 20);

    // Trains `steps` more steps and keeps the trial if it was the fastest so far.
    void trial(long long steps);

    // The fastest trial, with tokens/s and GFLOP/s from the workload's average lengths.
    Throughput best() const;
    int threads() const { return m_threads; }

private:
    const Workload& m_workload;
    int m_threads;
    Run m_run;
    int m_trials = 0;
    Throughput m_best;
};

} // namespace attnlab::bench
