#include "bench/TrainingRun.h"

#include "core/train/Trainer.h"

namespace attnlab::bench {

namespace {

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

} // namespace

TrainingRun::TrainingRun(const Workload& workload, const ModelConfig& config, int threads)
    : m_workload(workload), m_config(config), m_threads(threads), m_model(config) {
    m_model.initialize(1);
    TrainingObserver quiet;
    TrainingControl control;
    Trainer(m_model, m_workload.data, benchSettings(m_threads, 20, 1)).run(quiet, control);
}

void TrainingRun::trial(long long steps) {
    TrainingObserver quiet;
    TrainingControl control;
    const TrainingResult result =
        Trainer(m_model, m_workload.data, benchSettings(m_threads, steps, 2 + m_trials)).run(quiet, control);
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
    t.tokensPerSecond = t.pairsPerSecond * (w.averageSource + w.averageTarget);
    t.gflops = t.pairsPerSecond *
               trainingFlops(m_config, static_cast<int>(w.averageSource + 0.5),
                             static_cast<int>(w.averageTarget + 0.5)) /
               1e9;
    return t;
}

} // namespace attnlab::bench
