#include "bench/MediaLevel.h"
#include "bench/Fastest.h"

#include "bench/GemmPeak.h"
#include "bench/TrainingRun.h"
#include "bench/Workload.h"
#include "core/data/MediaDatasets.h"
#include "core/data/ShippedDatasets.h"
#include "core/util/Parallel.h"

#include <cstdio>
#include <memory>
#include <vector>

namespace attnlab::bench {

using Json = nlohmann::json;

namespace {

constexpr int kEmbedding = 32;
constexpr int kHidden = 128;
constexpr int kReferencePairs = 4096; // dates pairs for the token reference (quick: 1024)

// The shipped task's pairs, generated here with the task's own tokenisation and input settings.
Workload mediaWorkload(InputKind kind, int pairs, std::uint64_t seed) {
    const ShippedDataset* shipped = findShippedDataset(kind == InputKind::Frames ? "spoken" : "shapes");
    DatasetOptions options;
    options.sourceTokens = shipped->sourceTokens;
    options.targetTokens = shipped->targetTokens;
    auto dataset = std::make_shared<const Dataset>(
        kind == InputKind::Frames
            ? generateSpokenDataset(shipped->name, pairs, seed,
                                    {.minWords = shipped->minWords, .maxWords = shipped->maxWords}, options)
            : generateShapesDataset(shipped->name, pairs, seed, options));
    const InputConfig input = dataset->input();
    Workload w = workloadOf(dataset, seed, shipped->name, kEmbedding, kHidden);
    w.config.input = input;
    w.config.bidirectional = true; // as the shipped tasks recommend
    return w;
}

struct Case {
    std::string name;
    ModelConfig config;
};

std::vector<Case> casesOf(const Workload& w, InputKind kind) {
    if (kind == InputKind::Frames) {
        ModelConfig locationAware = w.config;
        locationAware.scorer = ScorerKind::LocationAware;
        return {{"general", w.config}, {"location_aware", locationAware}};
    }
    ModelConfig flat = w.config;
    flat.input.rowEncoder = false;
    return {{"general", w.config}, {"general_no_row_encoder", flat}};
}

Json throughputJson(const Throughput& t, double peak) {
    return {{"pairs_per_second", t.pairsPerSecond},
            {"tokens_per_second", t.tokensPerSecond},
            {"gflops", t.gflops},
            {"peak_share", t.gflops / peak},
            {"seconds", t.seconds},
            {"steps", t.steps}};
}

} // namespace

Json measureMedia(const MediaLevelOptions& options) {
    const bool frames = options.kind == InputKind::Frames;
    const int wanted = options.pairs > 0 ? options.pairs
                       : frames          ? (options.quick ? 64 : 256)
                                         : (options.quick ? 256 : 2048);
    // Whole batches only: pairs/s counts BatchSize pairs a step, so a short last batch would
    // inflate it (the batcher cuts pools of whole batches: a multiple of the batch is all full).
    constexpr int batch = TrainingRun::BatchSize;
    const int pairs = (wanted + batch - 1) / batch * batch;
    const Workload workload = mediaWorkload(options.kind, pairs, options.seed);
    const Workload reference = datesWorkload(options.quick ? 1024 : kReferencePairs, options.seed);
    const InputConfig& input = workload.config.input;
    const int hardware = Parallelism::hardwareThreads();
    Json out;
    out["workload"] = {{"name", frames ? "spoken" : "shapes"},
                       {"input", inputKindName(input.kind)},
                       {"pairs", pairs},
                       {"seed", options.seed},
                       {"steps_per_trial", options.steps},
                       {"trials", options.trials},
                       {"batch", TrainingRun::BatchSize},
                       {"embedding", workload.config.embedding},
                       {"hidden", workload.config.hidden},
                       {"bidirectional", workload.config.bidirectional},
                       {"average_source", workload.averageSource},
                       {"average_target", workload.averageTarget},
                       {"flops_per_pair", meanTrainingFlops(workload, workload.config)},
                       {"reference_flops_per_pair",
                        trainingFlops(reference.config, static_cast<int>(reference.averageSource + 0.5),
                                      static_cast<int>(reference.averageTarget + 0.5))}};
    if (frames) {
        out["workload"]["mel_bands"] = input.melBands;
        out["workload"]["frame_reduction"] = input.frameReduction;
    } else {
        out["workload"]["grid"] = {input.gridRows(), input.gridColumns()};
        out["workload"]["patch"] = input.patch;
    }

    const std::vector<int> threadCounts = measuredThreadCounts(options.threads, hardware);
    const int peakTrials = options.quick ? 1 : 7;
    out["machine"] = {{"threads", hardware}};
    for (int threads : threadCounts)
        out["machine"]["gemm_peak_gflops"][std::to_string(threads)] = gemmPeakGflops(threads, peakTrials);

    // Every configuration's trials in turn, each keeping its fastest, so a slow spell of the
    // machine costs each one trial rather than all of one configuration's.
    const std::vector<Case> cases = casesOf(workload, options.kind);
    const long long warmUp = options.quick ? 2 : 20;
    struct Measured {
        std::string name;
        std::unique_ptr<TrainingRun> run;
    };
    std::vector<Measured> runs;
    for (int threads : threadCounts) {
        for (const Case& c : cases)
            runs.push_back({c.name, std::make_unique<TrainingRun>(workload, c.config, threads, warmUp)});
        runs.push_back({"", std::make_unique<TrainingRun>(reference, reference.config, threads, warmUp)});
    }
    for (int trial = 0; trial < options.trials; ++trial)
        for (Measured& m : runs) m.run->trial(options.steps);
    for (const Measured& m : runs) {
        const std::string threads = std::to_string(m.run->threads());
        const double peak = out["machine"]["gemm_peak_gflops"][threads].get<double>();
        const Json t = throughputJson(m.run->best(), peak);
        if (m.name.empty())
            out["reference"][threads] = t;
        else
            out["training"][m.name][threads] = t;
    }
    for (const Case& c : cases)
        for (int threads : threadCounts) {
            const std::string key = std::to_string(threads);
            out["share_ratio"][c.name][key] = out["training"][c.name][key]["peak_share"].get<double>() /
                                              out["reference"][key]["peak_share"].get<double>();
        }
    return out;
}

void printMedia(const Json& result) {
    const Json& w = result["workload"];
    const bool frames = w["input"] == "frames";
    std::printf("Machine: %d threads; Eigen float GEMM peak", result["machine"]["threads"].get<int>());
    for (const auto& [threads, peak] : result["machine"]["gemm_peak_gflops"].items())
        std::printf(" %.1f GFLOP/s (%s thread%s)", peak.get<double>(), threads.c_str(),
                    threads == "1" ? "" : "s");
    std::printf("\n");
    if (frames)
        std::printf(
            "Workload: %d spoken utterances (seed %llu), %d log-mel bands, %.1f frames and %.1f words "
            "(</s> included) a pair, %d pyramid levels, E %d, H %d, bidirectional; %.1f MFLOP per pair\n",
            w["pairs"].get<int>(), w["seed"].get<unsigned long long>(), w["mel_bands"].get<int>(),
            w["average_source"].get<double>(), w["average_target"].get<double>(),
            w["frame_reduction"].get<int>(), w["embedding"].get<int>(), w["hidden"].get<int>(),
            w["flops_per_pair"].get<double>() / 1e6);
    else
        std::printf(
            "Workload: %d shapes scenes (seed %llu), %d x %d cells of %d px, %.1f words (</s> included) "
            "a caption, row encoder, E %d, H %d, bidirectional; %.1f MFLOP per pair\n",
            w["pairs"].get<int>(), w["seed"].get<unsigned long long>(), w["grid"][0].get<int>(),
            w["grid"][1].get<int>(), w["patch"].get<int>(), w["average_target"].get<double>(),
            w["embedding"].get<int>(), w["hidden"].get<int>(), w["flops_per_pair"].get<double>() / 1e6);
    std::printf("Reference: dates, general scorer, E 32, H 128, unidirectional; %.2f MFLOP per pair\n",
                w["reference_flops_per_pair"].get<double>() / 1e6);
    std::printf("Each figure: the fastest of %d trials of %lld steps (batch %d)\n\n", w["trials"].get<int>(),
                w["steps_per_trial"].get<long long>(), w["batch"].get<int>());
    std::printf("%-24s %7s %10s %9s %8s %14s\n", "training", "threads", "pairs/s", "GFLOP/s", "% peak",
                "share / tokens");
    for (const auto& [name, byThreads] : result["training"].items())
        for (const auto& [threads, t] : byThreads.items())
            std::printf("%-24s %7s %10.0f %9.1f %7.1f%% %14.2f\n", name.c_str(), threads.c_str(),
                        t["pairs_per_second"].get<double>(), t["gflops"].get<double>(),
                        100.0 * t["peak_share"].get<double>(),
                        result["share_ratio"][name][threads].get<double>());
    for (const auto& [threads, t] : result["reference"].items())
        std::printf("%-24s %7s %10.0f %9.1f %7.1f%% %14s\n", "tokens (dates, general)", threads.c_str(),
                    t["pairs_per_second"].get<double>(), t["gflops"].get<double>(),
                    100.0 * t["peak_share"].get<double>(), "1.00");
}

} // namespace attnlab::bench
