// attnlab-bench: training throughput, achieved GFLOP/s against the machine's matrix-product
// peak, inference latency, compare-mode throughput and peak memory, for the reference workload
// of the speed issue. Prints a table, or JSON with --json (bench/run-bench reads it).
#include "bench/BigModel.h"
#include "bench/CompareThroughput.h"
#include "bench/GemmPeak.h"
#include "bench/MediaLevel.h"
#include "bench/StopLatency.h"
#include "bench/TrainingRun.h"
#include "bench/WordLevel.h"
#include "bench/Workload.h"
#include "core/experiment/Experiment.h"
#include "core/infer/BeamSearch.h"
#include "core/infer/GreedyDecoder.h"
#include "core/train/Trainer.h"
#include "core/util/Parallel.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

using namespace attnlab;
using namespace attnlab::bench;
using Json = nlohmann::json;

namespace {

double medianMicroseconds(const std::function<void()>& run, int repeats) {
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        run();
        times.push_back(
            std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    }
    std::nth_element(times.begin(), times.begin() + repeats / 2, times.end());
    return times[repeats / 2];
}

Json stopJson(const StopLatency& s) {
    return {{"validation_pairs", s.validationPairs},
            {"beam_width", s.beamWidth},
            {"trials_ms", s.milliseconds},
            {"median_ms", s.medianMilliseconds},
            {"worst_ms", s.worstMilliseconds},
            {"validation_step_ms", s.validationStepMilliseconds},
            {"most_steps_after_stop", s.mostStepsAfterStop}};
}

// Greedy validation of every pair (stopped at several points), and beam search (5) early on.
Json measureStops(const Workload& workload, int threads, bool quick) {
    const std::vector<double> greedyAt =
        quick ? std::vector<double>{0.5} : std::vector<double>{0.2, 0.5, 0.8};
    const std::vector<double> beamAt =
        quick ? std::vector<double>{0.01} : std::vector<double>{0.01, 0.02, 0.03};
    return {{"greedy", stopJson(measureStopLatency(workload, 1, threads, greedyAt))},
            {"beam5", stopJson(measureStopLatency(workload, 5, threads, beamAt))}};
}

void printStops(const Json& stops) {
    for (const char* kind : {"greedy", "beam5"}) {
        const Json& s = stops.at(kind);
        std::printf("Stop during validation of %d pairs (%s): median %.1f ms, worst %.1f ms over %zu trials; "
                    "a validation %s takes %.1f ms; at most %d finished after the request\n",
                    s["validation_pairs"].get<int>(), kind, s["median_ms"].get<double>(),
                    s["worst_ms"].get<double>(), s["trials_ms"].size(),
                    s["beam_width"].get<int>() > 1 ? "pair" : "batch", s["validation_step_ms"].get<double>(),
                    s["most_steps_after_stop"].get<int>());
    }
}

double peakMemoryMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"attnlab-bench: speed of the reference workload (dates, E 32, H 128, batch 64)."};
    int pairs = 20000;
    long long steps = 313; // one epoch of 20,000 pairs
    int trials = 3;
    bool json = false, quick = false;
    std::string only;
    int onlyThreads = 0;
    app.add_option("--pairs", pairs, "training pairs generated");
    app.add_option("--steps", steps, "steps measured per trial");
    app.add_option("--trials", trials, "timed trials per configuration; the fastest is reported")
        ->check(CLI::PositiveNumber);
    app.add_flag("--json", json, "print one JSON object");
    app.add_flag("--quick", quick, "fewer steps and repeats (a smoke run)");
    app.add_option("--only", only,
                   "train this case alone and stop (general, dot, additive, general_bidirectional)");
    app.add_option("--threads", onlyThreads, "with --only or --compare: this thread count");
    bool compareOnly = false;
    app.add_flag("--compare", compareOnly, "measure compare mode's throughput (seven scorers), alone");
    bool stopOnly = false;
    app.add_flag("--stop-latency", stopOnly, "measure how fast Stop answers during validation, alone");
    bool bigOnly = false;
    app.add_flag("--big-model", bigOnly,
                 "open and decode a model of H 1024, E 512 and 32,000-word vocabularies, alone");
    bool wordLevel = false;
    std::string pairsTsv;
    app.add_flag("--word-level", wordLevel,
                 "the second workload alone: 50,000 Zipf word pairs, 8,000-id vocabularies, E 128, H 256 "
                 "(--steps defaults to 100 there, --pairs to 50,000)");
    app.add_option("--write-pairs", pairsTsv,
                   "with --word-level: write the pairs to this TSV and train on it");
    bool framesOnly = false, imageOnly = false;
    app.add_flag(
        "--frames", framesOnly,
        "speech alone: the spoken task (log-mel frames, 2 pyramid levels; general and location_aware), "
        "beside the token reference (--steps defaults to 20, --pairs to 256 utterances)");
    app.add_flag("--image", imageOnly,
                 "captioning alone: the shapes task (6 x 6 cells; with and without the row encoder), beside "
                 "the token reference (--steps defaults to 20, --pairs to 2048 scenes)");
    CLI11_PARSE(app, argc, argv);
    if (framesOnly || imageOnly) {
        MediaLevelOptions options;
        options.kind = framesOnly ? InputKind::Frames : InputKind::Image;
        if (app.count("--pairs")) options.pairs = pairs;
        options.steps = app.count("--steps") ? steps : (quick ? 3 : options.steps);
        options.quick = quick;
        options.trials = quick ? 1 : trials;
        options.threads = quick && onlyThreads == 0 ? 1 : onlyThreads; // a smoke leaves the other core alone
        const Json result = measureMedia(options);
        if (json)
            std::cout << result.dump(2) << "\n";
        else
            printMedia(result);
        return 0;
    }
    if (wordLevel) {
        WordLevelOptions options;
        if (app.count("--pairs")) options.pairs = pairs;
        options.steps = app.count("--steps") ? steps : (quick ? 3 : options.steps);
        options.quick = quick;
        options.trials = quick ? 1 : trials;
        options.threads = onlyThreads;
        options.tsvPath = pairsTsv;
        const Json result = measureWordLevel(options);
        if (json)
            std::cout << result.dump(2) << "\n";
        else
            printWordLevel(result);
        return 0;
    }
    if (quick) {
        steps = std::min<long long>(steps, 40);
        trials = 1;
    }
    const int hardware = Parallelism::hardwareThreads();

    Json out;
    const Workload reference = datesWorkload(pairs, 7);
    out["workload"] = {
        {"pairs", pairs},
        {"steps_per_trial", steps},
        {"trials", trials},
        {"average_source", reference.averageSource},
        {"average_target", reference.averageTarget},
        {"flops_per_pair", trainingFlops(reference.config, static_cast<int>(reference.averageSource + 0.5),
                                         static_cast<int>(reference.averageTarget + 0.5))}};

    struct Case {
        std::string name;
        ScorerKind scorer;
        bool bidirectional;
    };
    const std::vector<Case> cases = {{"general", ScorerKind::General, false},
                                     {"dot", ScorerKind::Dot, false},
                                     {"additive", ScorerKind::Additive, false},
                                     {"general_bidirectional", ScorerKind::General, true}};
    // Every case trains on the reference pairs; only the architecture differs.
    auto configOf = [&](const Case& c) {
        return withArchitecture(reference.config, c.scorer, c.bidirectional);
    };
    if (compareOnly) {
        const Json compare =
            measureCompareThroughput(datesWorkload(pairs / 4, 7), std::max<long long>(10, steps / 4),
                                     onlyThreads > 0 ? onlyThreads : hardware);
        if (json)
            std::cout << Json{{"compare", compare}}.dump(2) << "\n";
        else
            printCompareThroughput(compare);
        return 0;
    }
    if (bigOnly) {
        const Json big = measureBigModel(quick ? 1 : 3);
        if (json)
            std::cout << Json{{"big_model", big}}.dump(2) << "\n";
        else
            printBigModel(big);
        return 0;
    }
    if (stopOnly) {
        const Json stops = measureStops(reference, hardware, quick);
        if (json)
            std::cout << Json{{"stop_latency", stops}}.dump(2) << "\n";
        else
            printStops(stops);
        return 0;
    }
    if (!only.empty()) { // one case, for profiling: perf record attnlab-bench --only general --threads 1
        const auto c =
            std::find_if(cases.begin(), cases.end(), [&](const Case& c) { return c.name == only; });
        if (c == cases.end()) {
            std::cerr << "attnlab-bench: no case named " << only << "\n";
            return 2;
        }
        TrainingRun run(reference, configOf(*c), onlyThreads > 0 ? onlyThreads : hardware);
        for (int trial = 0; trial < trials; ++trial) run.trial(steps);
        const Throughput t = run.best();
        if (json) {
            std::cout << Json{{"case", only},
                              {"threads", run.threads()},
                              {"pairs_per_second", t.pairsPerSecond},
                              {"gflops", t.gflops},
                              {"peak_memory_mb", peakMemoryMegabytes()}}
                             .dump()
                      << "\n";
            return 0;
        }
        std::printf("%s, %d threads: %.0f pairs/s, %.1f GFLOP/s, %lld steps in %.2f s; peak memory %.0f MB\n",
                    only.c_str(), run.threads(), t.pairsPerSecond, t.gflops, t.steps, t.seconds,
                    peakMemoryMegabytes());
        return 0;
    }
    out["machine"] = {{"threads", hardware},
                      {"gemm_peak_gflops_1", gemmPeakGflops(1)},
                      {"gemm_peak_gflops_all", gemmPeakGflops(hardware)}};
    // Every configuration's trials in turn (round robin), each keeping its fastest.
    std::vector<std::pair<std::string, std::unique_ptr<TrainingRun>>> runs;
    for (const Case& c : cases)
        for (int threads : {1, hardware})
            if (threads == 1 || hardware > 1)
                runs.emplace_back(c.name, std::make_unique<TrainingRun>(reference, configOf(c), threads));
    for (int trial = 0; trial < trials; ++trial)
        for (auto& [name, run] : runs) run->trial(steps);
    for (const auto& [name, run] : runs) {
        const Throughput t = run->best();
        out["training"][name][std::to_string(run->threads())] = {{"pairs_per_second", t.pairsPerSecond},
                                                                 {"tokens_per_second", t.tokensPerSecond},
                                                                 {"gflops", t.gflops},
                                                                 {"seconds", t.seconds},
                                                                 {"steps", t.steps}};
    }
    runs.clear();

    // Inference on one typed sentence of 30 characters.
    {
        Seq2Seq<float> model(reference.config);
        model.initialize(3);
        const std::string sentence = "saturday, september 30th 2017";
        std::vector<int> source;
        for (char ch : sentence + "!")
            source.push_back(reference.data->data->sourceVocabulary.id(std::string(1, ch)));
        source.resize(30);
        const int repeats = quick ? 100 : 1000;
        const DecodeOptions greedy{.beamWidth = 1, .maxLength = 10};
        const DecodeOptions beam{.beamWidth = 5, .maxLength = 10};
        out["inference"] = {
            {"source_length", source.size()},
            {"greedy_median_us", medianMicroseconds([&] { greedyDecode(model, source, greedy); }, repeats)},
            {"beam5_median_us", medianMicroseconds([&] { beamSearch(model, source, beam); }, repeats)}};
    }

    // Compare mode: the seven scorers at once against the same runs one after another.
    out["compare"] =
        measureCompareThroughput(datesWorkload(pairs / 4, 7), std::max<long long>(10, steps / 4), hardware);
    out["stop_latency"] = measureStops(reference, hardware, quick);
    out["peak_memory_mb"] = peakMemoryMegabytes();

    if (json) {
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    const double peakAll = out["machine"]["gemm_peak_gflops_all"];
    std::printf("Machine: %d threads; Eigen float GEMM peak %.1f GFLOP/s (1 thread), %.1f GFLOP/s (all)\n",
                hardware, out["machine"]["gemm_peak_gflops_1"].get<double>(), peakAll);
    std::printf(
        "Workload: %d dates pairs, source %.1f, target %.1f tokens (</s> included), %.1f MFLOP per pair\n",
        pairs, reference.averageSource, reference.averageTarget,
        out["workload"]["flops_per_pair"].get<double>() / 1e6);
    std::printf("\n%-24s %7s %12s %12s %9s %8s\n", "training", "threads", "pairs/s", "tokens/s", "GFLOP/s",
                "% peak");
    for (const auto& [name, byThreads] : out["training"].items())
        for (const auto& [threads, t] : byThreads.items()) {
            const double peak = threads == "1" ? out["machine"]["gemm_peak_gflops_1"].get<double>() : peakAll;
            std::printf("%-24s %7s %12.0f %12.0f %9.2f %7.1f%%\n", name.c_str(), threads.c_str(),
                        t["pairs_per_second"].get<double>(), t["tokens_per_second"].get<double>(),
                        t["gflops"].get<double>(), 100.0 * t["gflops"].get<double>() / peak);
        }
    std::printf("\nInference, %d-token sentence: greedy %.0f us, beam 5 %.0f us (median)\n",
                out["inference"]["source_length"].get<int>(),
                out["inference"]["greedy_median_us"].get<double>(),
                out["inference"]["beam5_median_us"].get<double>());
    printCompareThroughput(out["compare"]);
    printStops(out["stop_latency"]);
    std::printf("Peak memory: %.0f MB\n", out["peak_memory_mb"].get<double>());
    return 0;
}
