#include "bench/CompareThroughput.h"

#include "bench/TrainingRun.h"
#include "core/experiment/Experiment.h"

#include <chrono>
#include <cstdio>

namespace attnlab::bench {

nlohmann::json measureCompareThroughput(const Workload& workload, long long steps, int threads) {
    auto specOf = [&](ScorerKind kind) {
        return RunSpec{scorerName(kind), withArchitecture(workload.config, kind, false),
                       benchSettings(threads, steps, 5)};
    };
    TrainingObserver quiet;
    double sequentialSeconds = 0;
    nlohmann::json alone = nlohmann::json::object();
    for (ScorerKind kind : allScorers()) {
        Run run(workload.data, specOf(kind));
        TrainingControl control;
        const double seconds = run.train(quiet, control).result.seconds;
        alone[scorerName(kind)] = seconds;
        sequentialSeconds += seconds;
    }
    // The window trains every run at once (Schedule::Together); the CLI in turn (Schedule::InTurn).
    auto timeExperiment = [&](Schedule schedule) {
        Experiment experiment(workload.data);
        for (ScorerKind kind : allScorers()) experiment.add(specOf(kind));
        std::vector<TrainingControl> controls(static_cast<size_t>(experiment.size()));
        std::vector<TrainingControl*> pointers;
        for (TrainingControl& c : controls) pointers.push_back(&c);
        const auto start = std::chrono::steady_clock::now();
        experiment.train(
            threads, [&](int) -> TrainingObserver& { return quiet; }, pointers, schedule);
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const double seconds = timeExperiment(Schedule::InTurn);
    const double togetherSeconds = timeExperiment(Schedule::Together);
    const int models = static_cast<int>(allScorers().size());
    const double pairsTotal = models * steps * double(TrainingRun::BatchSize);
    return {{"models", models},
            {"steps_each", steps},
            {"threads", threads},
            {"pairs_per_second_total", pairsTotal / seconds},
            {"seconds", seconds},
            {"together_seconds", togetherSeconds},
            {"together_pairs_per_second", pairsTotal / togetherSeconds},
            {"together_over_sequential", sequentialSeconds / togetherSeconds},
            {"sequential_pairs_per_second", pairsTotal / sequentialSeconds},
            {"sequential_seconds", sequentialSeconds},
            {"alone_seconds", alone},
            {"experiment_over_sequential", sequentialSeconds / seconds}};
}

void printCompareThroughput(const nlohmann::json& c) {
    std::printf("Compare mode, %d scorers in turn on %d threads: %.0f pairs/s in total (%.1f s); one after "
                "another on all cores: %.0f pairs/s (%.1f s) (at once / one after another = %.0f%%)\n",
                c["models"].get<int>(), c["threads"].get<int>(), c["pairs_per_second_total"].get<double>(),
                c["seconds"].get<double>(), c["sequential_pairs_per_second"].get<double>(),
                c["sequential_seconds"].get<double>(), 100.0 * c["experiment_over_sequential"].get<double>());
    std::printf(
        "  all %d at once, each on its own thread (the window's schedule): %.0f pairs/s (%.1f s) = %.0f%%\n",
        c["models"].get<int>(), c["together_pairs_per_second"].get<double>(),
        c["together_seconds"].get<double>(), 100.0 * c["together_over_sequential"].get<double>());
    std::printf("  each alone:");
    for (const auto& [name, seconds] : c["alone_seconds"].items())
        std::printf(" %s %.2f s", name.c_str(), seconds.get<double>());
    std::printf("\n");
}

} // namespace attnlab::bench
