// `attnlab-cli train` on series: one forecaster, trained with a progress line, saved.
#include "app/cli/CommandGuard.h"
#include "app/cli/Format.h"
#include "app/cli/InterruptGuard.h"
#include "app/cli/TrainingReport.h"
#include "app/cli/forecast/ForecastCommands.h"
#include "app/cli/forecast/ForecastJson.h"
#include "app/cli/forecast/ForecastProgress.h"
#include "app/cli/forecast/ForecastSummary.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace attnlab::cli {
namespace {

int train(const CLI::App& command, const TrainingArgs& args, const ForecastOptions& options,
          const std::string& out, bool json) {
    std::ostream& report = json ? std::cerr : std::cout; // stdout carries the JSON alone
    checkOutputPath(out);
    const ScorerKind scorer =
        command.count("--scorer") > 0 ? parseScorer(args.scorer) : defaultForecastSpec().config.scorer;
    const ForecastRunSpec spec = forecastSpec(command, args, options, scorer);
    const ForecastData data = openSeries(args.data);
    std::unique_ptr<ForecastRun> built;
    try {
        built = std::make_unique<ForecastRun>(data, spec);
    } catch (const std::invalid_argument& e) {
        throw InputError(e.what());
    }
    ForecastRun& run = *built;
    report << describeSeries(data, run.windows()) << '\n' << describeForecastRun(run) << std::endl;
    TrainingControl control;
    ForecastTrainingResult result;
    {
        ProgressLine line(std::cerr, ProgressLine::stderrIsTerminal());
        ForecastProgress progress(report, line, spec.training.maxSteps > 0 ? 0 : spec.training.epochs);
        InterruptGuard guard({&control});
        result = run.train(progress, control);
    }
    const bool saved = result.steps > 0;
    if (saved) saveForecastModel(out, run.bundle());
    report << outcomeTitle(result.outcome) << " after " << counted(result.steps, "step") << " and "
           << counted(result.epochs, "epoch") << " in " << duration(result.seconds) << ".\n";
    if (result.validation.windows > 0) printForecastMetrics(report, result.validation, run.bundle());
    if (saved) report << "Saved the model to " << out << '\n';
    report.flush();
    const bool ok = result.outcome == TrainingOutcome::Completed;
    if (!ok)
        printError("train", outcomeName(result.outcome) + " after " + std::to_string(result.steps) +
                                " steps" +
                                (saved ? "; the model so far is saved in " + out : "; nothing was saved"));
    if (json) {
        Json history = Json::array();
        for (const ForecastEpochReport& epoch : result.history)
            history.push_back(forecastEpochJson(epoch, run.bundle()));
        const Json output = {
            {"command", "train"},
            {"task", "forecast"},
            {"data", forecastDataJson(data, &run.windows())},
            {"config", forecastModelJson(run.bundle())},
            {"parameters", run.parameterCount()},
            {"planned_steps", run.plannedSteps()},
            {"history", history},
            {"final", forecastMetricsJson(result.validation, run.bundle().series, run.bundle().periods)},
            {"outcome", outcomeName(result.outcome)},
            {"message", result.message},
            {"steps", result.steps},
            {"epochs", result.epochs},
            {"seconds", result.seconds},
            {"model", saved ? Json(out) : Json(nullptr)},
        };
        std::cout << jsonText(output) << std::endl;
    }
    return ok ? ExitOk : ExitFailure;
}

} // namespace

int runForecastTrain(const CLI::App& command, const TrainingArgs& args, const ForecastOptions& options,
                     const std::string& out, bool json) {
    return runGuarded("train", [&] { return train(command, args, options, out, json); });
}

} // namespace attnlab::cli
