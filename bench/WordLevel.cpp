#include "bench/WordLevel.h"
#include "bench/Fastest.h"

#include "bench/GemmPeak.h"
#include "bench/TrainingRun.h"
#include "bench/WordWorkload.h"
#include "core/util/Parallel.h"

#include <cstdio>
#include <memory>
#include <vector>

namespace attnlab::bench {

using Json = nlohmann::json;

Json measureWordLevel(const WordLevelOptions& options) {
    const Workload workload = wordWorkload(options.pairs, options.seed, options.tsvPath);
    const int hardware = Parallelism::hardwareThreads();
    Json out;
    out["workload"] = {
        {"name", "zipf_words"},
        {"pairs", options.pairs},
        {"seed", options.seed},
        {"steps_per_trial", options.steps},
        {"trials", options.trials},
        {"source_vocabulary", workload.config.sourceVocabulary},
        {"target_vocabulary", workload.config.targetVocabulary},
        {"embedding", workload.config.embedding},
        {"hidden", workload.config.hidden},
        {"average_source", workload.averageSource},
        {"average_target", workload.averageTarget},
        {"flops_per_pair", trainingFlops(workload.config, static_cast<int>(workload.averageSource + 0.5),
                                         static_cast<int>(workload.averageTarget + 0.5))}};
    if (!options.tsvPath.empty()) out["workload"]["tsv"] = options.tsvPath;

    const std::vector<int> threadCounts = measuredThreadCounts(options.threads, hardware);
    out["machine"] = {{"threads", hardware}, {"gemm_peak_gflops_1", gemmPeakGflops(1)}};
    if (hardware > 1)
        out["machine"]["gemm_peak_gflops_all"] = gemmPeakGflops(hardware);
    else
        out["machine"]["gemm_peak_gflops_all"] = out["machine"]["gemm_peak_gflops_1"];

    // The configurations' trials in turn, each keeping its fastest.
    std::vector<std::unique_ptr<TrainingRun>> runs;
    for (int threads : threadCounts)
        runs.push_back(
            std::make_unique<TrainingRun>(workload, workload.config, threads, options.quick ? 2 : 20));
    for (int trial = 0; trial < options.trials; ++trial)
        for (auto& run : runs) run->trial(options.steps);
    for (const auto& run : runs) {
        const Throughput t = run->best();
        const double peak = run->threads() == 1 ? out["machine"]["gemm_peak_gflops_1"].get<double>()
                                                : out["machine"]["gemm_peak_gflops_all"].get<double>();
        out["training"]["general"][std::to_string(run->threads())] = {
            {"pairs_per_second", t.pairsPerSecond},
            {"tokens_per_second", t.tokensPerSecond},
            {"gflops", t.gflops},
            {"peak_share", t.gflops / peak},
            {"seconds", t.seconds},
            {"steps", t.steps}};
    }
    return out;
}

void printWordLevel(const Json& result) {
    const Json& m = result["machine"];
    const Json& w = result["workload"];
    std::printf("Machine: %d threads; Eigen float GEMM peak %.1f GFLOP/s (1 thread), %.1f GFLOP/s (all)\n",
                m["threads"].get<int>(), m["gemm_peak_gflops_1"].get<double>(),
                m["gemm_peak_gflops_all"].get<double>());
    std::printf("Workload: %d Zipf word pairs (seed %llu), vocabularies %d / %d, E %d, H %d, source %.1f, "
                "target %.1f tokens (</s> included), %.1f MFLOP per pair\n",
                w["pairs"].get<int>(), w["seed"].get<unsigned long long>(), w["source_vocabulary"].get<int>(),
                w["target_vocabulary"].get<int>(), w["embedding"].get<int>(), w["hidden"].get<int>(),
                w["average_source"].get<double>(), w["average_target"].get<double>(),
                w["flops_per_pair"].get<double>() / 1e6);
    std::printf("Each figure: the fastest of %d trials of %lld steps (batch 64)\n\n", w["trials"].get<int>(),
                w["steps_per_trial"].get<long long>());
    std::printf("%-12s %7s %10s %10s %9s %8s\n", "training", "threads", "pairs/s", "tokens/s", "GFLOP/s",
                "% peak");
    for (const auto& [threads, t] : result["training"]["general"].items())
        std::printf("%-12s %7s %10.0f %10.0f %9.1f %7.1f%%\n", "general", threads.c_str(),
                    t["pairs_per_second"].get<double>(), t["tokens_per_second"].get<double>(),
                    t["gflops"].get<double>(), 100.0 * t["peak_share"].get<double>());
}

} // namespace attnlab::bench
