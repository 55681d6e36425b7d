#include "bench/TrainingRun.h"

namespace attnlab::bench {

TrainingSettings benchSettings(int threads, long long steps, std::uint64_t seed) {
    TrainingSettings settings;
    settings.batchSize = TrainingRun::BatchSize;
    settings.clipNorm = 5.0;
    settings.threads = threads;
    settings.validationFraction = 0.0;
    settings.maxSteps = steps;
    settings.seed = seed;
    return settings;
}

TrainingRun::TrainingRun(const Workload& workload, const ModelConfig& config, int threads,
                         long long warmUpSteps)
    : m_workload(workload), m_threads(threads),
      m_run(workload.data,
            RunSpec{scorerName(config.scorer), config, benchSettings(threads, warmUpSteps, 1)}) {
    TrainingObserver quiet;
    TrainingControl control;
    m_run.train(quiet, control);
}

void TrainingRun::trial(long long steps) {
    TrainingObserver quiet;
    TrainingControl control;
    m_run.setSettings(benchSettings(m_threads, steps, 2 + m_trials));
    const TrainingResult result = m_run.train(quiet, control).result;
    ++m_trials;
    const double pairsPerSecond = static_cast<double>(result.steps) * BatchSize / result.seconds;
    if (m_best.steps > 0 && pairsPerSecond <= m_best.pairsPerSecond) return;
    m_best.steps = result.steps;
    m_best.seconds = result.seconds;
    m_best.pairsPerSecond = pairsPerSecond;
}

Throughput TrainingRun::best() const {
    Throughput t = m_best;
    const Workload& w = m_workload;
    const ModelConfig& config = m_run.bundle().config;
    t.tokensPerSecond = t.pairsPerSecond * (w.averageSource + w.averageTarget);
    // Tokens: the reference figures' own count (lengths averaged); speech and pictures vary more in
    // length, so each pair counts at its own.
    const double flops = config.input.tokens()
                             ? trainingFlops(config, static_cast<int>(w.averageSource + 0.5),
                                             static_cast<int>(w.averageTarget + 0.5))
                             : meanTrainingFlops(w, config);
    t.gflops = t.pairsPerSecond * flops / 1e9;
    return t;
}

} // namespace attnlab::bench
