// `attnlab-cli train`: one model, trained with a progress line, saved as .safetensors.
#include "app/cli/CommandGuard.h"
#include "app/cli/Format.h"
#include "app/cli/InterruptGuard.h"
#include "app/cli/JsonOutput.h"
#include "app/cli/ModelCommands.h"
#include "app/cli/ModelInput.h"
#include "app/cli/ProgressPrinter.h"
#include "app/cli/TrainingInput.h"
#include "app/cli/TrainingReport.h"
#include "app/cli/TranscriptErrors.h"
#include "app/cli/forecast/ForecastCommands.h"
#include "core/experiment/Run.h"

#include <CLI/CLI.hpp>

#include <cmath>
#include <iostream>
#include <optional>

namespace attnlab::cli {
namespace {

struct TrainArgs {
    TrainingArgs training;
    std::string out;
    bool json = false;
};

// The model and training plan `train` prints before it starts.
std::string describeRun(const Run& run) {
    const TrainingSettings& s = run.bundle().training;
    std::string text = "model: " + describeArchitecture(run.bundle().config) + ": " +
                       grouped(run.parameterCount()) + " parameters\n";
    text += trainingPlanLine(s, run.plannedSteps(), run.batchesPerEpoch()) + ", " +
            (s.threads == 1  ? std::string("1 thread")
             : s.threads > 1 ? std::to_string(s.threads) + " threads"
                             : std::string("all cores"));
    return text;
}

std::string metricsLine(const Metrics& v, const std::optional<CharacterErrorRate>& cer) {
    std::string text = v.confusion ? "validation: loss " + fixed(v.loss, 4) + ", accuracy " +
                                         percent(v.exactMatch) + " (" + std::to_string(v.exactMatches) + "/" +
                                         std::to_string(v.examples) + "), macro-F1 " + fixed(v.macroF1, 3)
                                   : "validation: loss " + fixed(v.loss, 4) + ", token accuracy " +
                                         percent(v.tokenAccuracy) + ", exact match " + percent(v.exactMatch) +
                                         " (" + std::to_string(v.exactMatches) + "/" +
                                         std::to_string(v.examples) + "), BLEU " + fixed(v.bleu.score, 2);
    if (!std::isnan(v.alignmentErrorRate)) text += ", AER " + fixed(v.alignmentErrorRate, 3);
    if (!std::isnan(v.goldMass)) text += ", gold mass " + fixed(v.goldMass, 2);
    if (cer) text += ", CER " + percent(cer->rate());
    return text;
}

int runTrain(const TrainArgs& args) {
    std::ostream& report = args.json ? std::cerr : std::cout; // stdout carries the JSON alone
    checkOutputPath(args.out);
    const ScorerKind scorer = parseScorer(args.training.scorer);
    checkTrainingArgs(args.training, scorer);
    const std::shared_ptr<const PreparedData> prepared = loadTrainingData(args.training, report);
    std::unique_ptr<Run> built;
    try {
        built = std::make_unique<Run>(prepared, runSpec(args.training, scorer, args.training.threads));
    } catch (const std::invalid_argument& e) {
        throw InputError(e.what());
    }
    Run& run = *built;
    report << describeRun(run) << std::endl;

    TrainingControl control;
    {
        ProgressLine progress(std::cerr, ProgressLine::stderrIsTerminal());
        ProgressPrinter printer(report, progress, args.training.maxSteps > 0 ? 0 : run.plannedEpochs(),
                                static_cast<int>(prepared->data->validation.pairs.size()));
        InterruptGuard guard({&control});
        run.train(printer, control);
    }
    const RunRecord& record = run.record();
    const TrainingResult& result = record.result;
    const bool saved = result.steps > 0; // nothing worth a file before the first step
    if (saved) saveModel(args.out, run.bundle());

    // result.message already reached stderr through onMessage when the run diverged or stopped early.
    report << outcomeTitle(result.outcome) << " after " << counted(result.steps, "step") << " and "
           << counted(result.epochs, "epoch") << " in " << duration(result.seconds) << " ("
           << fixed(record.stepsPerSecond(), 1) << " steps/s of training).\n";
    // Speech: the character error rate of the trained model's validation transcripts (a decoding
    // pass of its own: the trainer's metrics are over tokens).
    std::optional<CharacterErrorRate> cer;
    if (result.validation.examples > 0 && run.bundle().config.input.kind == InputKind::Frames)
        cer = splitTranscriptErrors(run.bundle(), *prepared->dataset, prepared->data->validation);
    if (result.validation.examples > 0) report << metricsLine(result.validation, cer) << '\n';
    if (saved) {
        const bool partial =
            result.outcome == TrainingOutcome::Stopped || result.outcome == TrainingOutcome::Diverged;
        report << (partial ? "Saved the weights trained so far to " : "Saved the model to ") << args.out
               << '\n';
    }
    report.flush();
    const bool ok =
        result.outcome == TrainingOutcome::Completed || result.outcome == TrainingOutcome::EarlyStopped;
    if (!ok)
        printError("train",
                   outcomeName(result.outcome) + " after " + std::to_string(result.steps) + " steps" +
                       (saved ? "; the model so far is saved in " + args.out : "; nothing was saved"));
    if (args.json) {
        Json history = Json::array();
        for (const EpochReport& epoch : record.history) history.push_back(epochJson(epoch));
        Json json = {
            {"command", "train"},
            {"data", dataJson(*prepared)},
            {"config", modelJson(run.bundle())},
            {"parameters", run.parameterCount()},
            {"planned_steps", run.plannedSteps()},
            {"history", history},
            {"final", metricsJson(result.validation)},
            {"outcome", outcomeName(result.outcome)},
            {"message", result.message},
            {"steps", result.steps},
            {"epochs", result.epochs},
            {"seconds", result.seconds},
            {"training_seconds", record.trainingSeconds},
            {"steps_per_second", record.stepsPerSecond()},
            {"model", saved ? Json(args.out) : Json(nullptr)},
        };
        if (cer) {
            json["final"]["character_error_rate"] = number(cer->rate());
            json["final"]["character_errors"] = characterErrorJson(*cer);
        }
        std::cout << jsonText(json) << std::endl;
    }
    return ok ? ExitOk : ExitFailure;
}

} // namespace

void addTrainCommand(CLI::App& app, int& exitCode) {
    CLI::App* command = app.add_subcommand("train", "Train a model on a dataset and save it as .safetensors");
    auto args = std::make_shared<TrainArgs>();
    addTrainingOptions(*command, args->training, true);
    const auto forecast = addForecastOptions(*command, ForecastCommand::Train);
    command->add_option("--out", args->out, "The model file to write (.safetensors)")->required();
    command->add_flag("--json", args->json,
                      "Print one JSON object at the end on stdout (progress stays on stderr)");
    command->callback([command, args, forecast, &exitCode] {
        forecast->task = args->training.task;
        if (forecastRequested(*forecast, args->training.data)) // series: the forecasting path
            return void(exitCode =
                            runForecastTrain(*command, args->training, *forecast, args->out, args->json));
        args->training.tokensGiven = command->count("--tokens") > 0;
        applyRecommendedSettings(*command, args->training);
        exitCode = runGuarded("train", [&] { return runTrain(*args); });
    });
}

} // namespace attnlab::cli
