// `attnlab-cli compare` on series: one forecaster per scorer on the same windows, split and
// seed, trained side by side, then a table.
#include "app/cli/CommandGuard.h"
#include "app/cli/Format.h"
#include "app/cli/InterruptGuard.h"
#include "app/cli/TextTable.h"
#include "app/cli/forecast/ForecastCommands.h"
#include "app/cli/forecast/ForecastJson.h"
#include "app/cli/forecast/ForecastProgress.h"
#include "app/cli/forecast/ForecastSummary.h"
#include "core/util/AtomicFile.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

namespace attnlab::cli {
namespace {

// Epoch lines of runs on several threads, one whole line at a time.
class CompareLines : public ForecastObserver {
public:
    CompareLines(std::mutex& mutex, std::string name, int epochs)
        : m_mutex(mutex), m_prefix("[" + std::move(name) + "] "), m_epochs(epochs) {}
    void onEpoch(const ForecastEpochReport& r) override {
        const std::lock_guard lock(m_mutex);
        std::cout << m_prefix << "epoch " << r.epoch << '/' << m_epochs << ": train loss "
                  << fixed(r.trainLoss, 4) << "  " << forecastMetricsSummary(r.validation) << std::endl;
    }
    void onMessage(const std::string& message) override {
        const std::lock_guard lock(m_mutex);
        std::cerr << m_prefix << message << std::endl;
    }

private:
    std::mutex& m_mutex;
    std::string m_prefix;
    int m_epochs;
};

int compare(const CLI::App& command, const TrainingArgs& args, const ForecastOptions& options,
            const std::vector<std::string>& scorers, const std::string& jsonPath, const std::string& outDir) {
    if (scorers.empty()) throw InputError("--scorers: name at least one scorer, e.g. dot,general,additive");
    if (!outDir.empty() && !std::filesystem::is_directory(outDir))
        throw InputError("--out-dir " + outDir + " is not a directory");
    std::vector<ForecastRunSpec> specs;
    for (const std::string& name : scorers)
        specs.push_back(forecastSpec(command, args, options, parseScorer(name)));
    const ForecastData data = openSeries(args.data);
    std::vector<std::unique_ptr<ForecastRun>> runs;
    try {
        for (ForecastRunSpec& spec : specs) runs.push_back(std::make_unique<ForecastRun>(data, spec));
    } catch (const std::invalid_argument& e) {
        throw InputError(e.what());
    }
    const int count = static_cast<int>(runs.size());
    const int threads = std::clamp(
        args.threads > 0 ? args.threads : static_cast<int>(std::thread::hardware_concurrency()), 1, count);
    std::cout << describeSeries(data, runs[0]->windows()) << '\n'
              << "comparing " << count << " forecasters: " << grouped(runs[0]->plannedSteps())
              << " steps each, " << threads << " at a time" << std::endl;
    std::vector<std::unique_ptr<TrainingControl>> controls;
    std::vector<TrainingControl*> pointers;
    for (int i = 0; i < count; ++i) {
        controls.push_back(std::make_unique<TrainingControl>());
        pointers.push_back(controls.back().get());
    }
    std::vector<ForecastTrainingResult> results(count);
    {
        std::mutex mutex;
        std::vector<std::unique_ptr<CompareLines>> observers;
        for (int i = 0; i < count; ++i)
            observers.push_back(
                std::make_unique<CompareLines>(mutex, runs[i]->spec().name, specs[i].training.epochs));
        InterruptGuard guard(pointers);
        std::atomic<int> next{0};
        // Each run is deterministic on its own thread: the table is the same for any thread count.
        const auto worker = [&] {
            for (int i = next++; i < count; i = next++)
                results[i] = runs[i]->train(*observers[i], *pointers[i]);
        };
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
        for (std::thread& thread : pool) thread.join();
    }
    using A = TextTable::Align;
    TextTable table({"scorer", "MAE", "RMSE", "MASE", "worst MASE", "gold mass", "steps", "time"},
                    {A::Left, A::Right, A::Right, A::Right, A::Right, A::Right, A::Right, A::Right});
    Json rows = Json::array();
    bool allOk = true;
    for (int i = 0; i < count; ++i) {
        const ForecastTrainingResult& r = results[i];
        const ForecastMetrics& m = r.validation;
        const std::string& name = runs[i]->spec().name;
        if (r.outcome != TrainingOutcome::Completed) {
            allOk = false;
            printError("compare",
                       name + ": " + outcomeName(r.outcome) + (r.message.empty() ? "" : ": " + r.message));
        }
        std::string modelPath;
        if (!outDir.empty() && r.steps > 0) {
            modelPath = (std::filesystem::path(outDir) / (name + ".safetensors")).string();
            saveForecastModel(modelPath, runs[i]->bundle());
        }
        table.addRow({name, fixed(m.mae, 4), fixed(m.rmse, 4), fixed(m.mase, 3), fixed(m.maxMase, 3),
                      fixed(m.goldMass, 3), grouped(r.steps), duration(r.seconds)});
        rows.push_back(
            {{"name", name},
             {"config", forecastModelJson(runs[i]->bundle())},
             {"final", forecastMetricsJson(m, runs[i]->bundle().series, runs[i]->bundle().periods)},
             {"outcome", outcomeName(r.outcome)},
             {"steps", r.steps},
             {"epochs", r.epochs},
             {"seconds", r.seconds},
             {"model", modelPath.empty() ? Json(nullptr) : Json(modelPath)}});
    }
    std::cout << '\n';
    table.print(std::cout);
    if (!std::isnan(results[0].validation.uniformGoldMass))
        std::cout << "(gold mass: attention on the gold past steps; uniform attention would put "
                  << fixed(results[0].validation.uniformGoldMass, 3) << " there)\n";
    if (!outDir.empty()) std::cout << "models saved in " << outDir << '\n';
    if (!jsonPath.empty()) {
        const Json output = {{"command", "compare"},
                             {"task", "forecast"},
                             {"data", forecastDataJson(data, &runs[0]->windows())},
                             {"runs", rows}};
        writeFileAtomically(jsonPath, jsonText(output) + "\n");
        std::cout << "table written to " << jsonPath << '\n';
    }
    std::cout.flush();
    return allOk ? ExitOk : ExitFailure;
}

} // namespace

int runForecastCompare(const CLI::App& command, const TrainingArgs& args, const ForecastOptions& options,
                       const std::vector<std::string>& scorers, const std::string& jsonPath,
                       const std::string& outDir) {
    return runGuarded("compare", [&] { return compare(command, args, options, scorers, jsonPath, outDir); });
}

} // namespace attnlab::cli
