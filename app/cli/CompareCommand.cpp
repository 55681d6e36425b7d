// `attnlab-cli compare`: one model per scorer on identical data, split and seed, trained side by
// side, then one table. Each model's result is what `train` with the same options gives: the
// trainer is deterministic per seed whatever its thread count.
#include "app/cli/CommandGuard.h"
#include "app/cli/CompareProgress.h"
#include "app/cli/Format.h"
#include "app/cli/InterruptGuard.h"
#include "app/cli/ModelCommands.h"
#include "app/cli/RunVariant.h"
#include "app/cli/TextTable.h"
#include "app/cli/TrainingInput.h"
#include "app/cli/forecast/ForecastCommands.h"
#include "core/experiment/Experiment.h"
#include "core/experiment/ExperimentFile.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace attnlab::cli {
namespace {

struct CompareArgs {
    TrainingArgs training;
    std::vector<std::string> scorers;
    std::vector<std::string> variants; // NAME:KEY=VALUE,...
    std::string jsonPath;
    std::string outDir;
};

void checkArgs(const CompareArgs& args) {
    namespace fs = std::filesystem;
    if (args.scorers.empty() && args.variants.empty())
        throw InputError("give --scorers, --variant or both: there is nothing to compare");
    for (size_t i = 0; i < args.scorers.size(); ++i)
        if (std::find(args.scorers.begin(), args.scorers.begin() + static_cast<long>(i), args.scorers[i]) !=
            args.scorers.begin() + static_cast<long>(i))
            throw InputError("--scorers names " + args.scorers[i] + " twice");
    if (!args.jsonPath.empty()) {
        const fs::path path(args.jsonPath);
        const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
        if (!fs::is_directory(directory))
            throw InputError("cannot write " + args.jsonPath + ": the directory " + directory.string() +
                             " does not exist");
    }
    if (!args.outDir.empty()) {
        std::error_code error;
        fs::create_directories(args.outDir, error);
        if (error || !fs::is_directory(args.outDir))
            throw InputError("cannot use --out-dir " + args.outDir + ": " +
                             (error ? error.message() : std::string("not a directory")));
    }
}

void printTable(const std::vector<RunSummary>& runs, std::ostream& out) {
    using A = TextTable::Align;
    // Label models (classification, entailment) are judged by accuracy and macro-F1; sequence
    // models by exact match and BLEU. Gold mass wherever the data has gold links.
    const bool labels = !runs.empty() && runs.front().record.result.validation.confusion.has_value();
    TextTable table({"run", "params", "steps", "steps/s", "val loss", labels ? "accuracy" : "exact",
                     labels ? "macro-F1" : "BLEU", labels ? "gold mass" : "AER",
                     labels ? "entropy" : "gold mass", labels ? "time" : "entropy",
                     labels ? "outcome" : "time", labels ? "" : "outcome"},
                    {A::Left, A::Right, A::Right, A::Right, A::Right, A::Right, A::Right, A::Right, A::Right,
                     A::Right, A::Left, A::Left});
    for (const RunSummary& run : runs) {
        const Metrics& v = run.record.result.validation;
        std::vector<std::string> row = {run.name,
                                        grouped(run.parameters),
                                        std::to_string(run.record.result.steps),
                                        fixed(run.record.stepsPerSecond(), 1),
                                        fixed(v.loss, 4),
                                        percent(v.exactMatch)};
        if (labels)
            row.insert(row.end(),
                       {fixed(v.macroF1, 3), fixed(v.goldMass, 3), fixed(v.attentionEntropy, 3),
                        duration(run.record.result.seconds), outcomeName(run.record.result.outcome), ""});
        else
            row.insert(row.end(),
                       {fixed(v.bleu.score, 2), fixed(v.alignmentErrorRate, 3), fixed(v.goldMass, 3),
                        fixed(v.attentionEntropy, 3), duration(run.record.result.seconds),
                        outcomeName(run.record.result.outcome)});
        table.addRow(row);
    }
    table.print(out);
    // Word outputs (summarization): the mean sentence ROUGE of each run, as eval scores it.
    if (labels || runs.empty() || !runs.front().record.result.validation.rouge) return;
    out << "\nROUGE F1 (mean over the validation pairs):\n";
    TextTable rouge({"run", "ROUGE-1", "ROUGE-2", "ROUGE-L"}, {A::Left, A::Right, A::Right, A::Right});
    for (const RunSummary& run : runs) {
        const auto& r = run.record.result.validation.rouge;
        if (!r) continue;
        rouge.addRow({run.name, fixed(100.0 * r->rouge1().f1, 2), fixed(100.0 * r->rouge2().f1, 2),
                      fixed(100.0 * r->rougeL().f1, 2)});
    }
    rouge.print(out, "  ");
}

// Where the experiment file finds a model: relative to its own directory when both paths are
// known, so the file and its models can move together.
std::string modelPathFor(const std::string& modelPath, const std::string& jsonPath) {
    namespace fs = std::filesystem;
    if (jsonPath.empty()) return modelPath;
    std::error_code error;
    const fs::path base = fs::absolute(fs::path(jsonPath), error).parent_path();
    const fs::path model = fs::absolute(fs::path(modelPath), error);
    if (error) return modelPath;
    const fs::path relative = model.lexically_normal().lexically_relative(base.lexically_normal());
    return relative.empty() ? modelPath : relative.string();
}

int runCompare(const CompareArgs& args) {
    checkArgs(args);
    // Every run's arguments are checked before the data is read.
    std::vector<RunSpec> specs;
    for (const std::string& name : args.scorers) {
        checkTrainingArgs(args.training, parseScorer(name));
        specs.push_back(runSpec(args.training, parseScorer(name), 1));
    }
    for (const std::string& text : args.variants) {
        const RunVariant variant = parseVariant(text);
        const TrainingArgs variantArgs = applyVariant(args.training, variant);
        specs.push_back(runSpec(variantArgs, parseScorer(variantArgs.scorer), 1));
        specs.back().name = variant.name;
    }
    for (size_t i = 0; i < specs.size(); ++i)
        for (size_t j = 0; j < i; ++j)
            if (specs[i].name == specs[j].name) throw InputError("two runs are called " + specs[i].name);
    const std::shared_ptr<const PreparedData> prepared = loadTrainingData(args.training, std::cout);
    // A variant's frame_reduction or row_encoder=false shapes a front end only that kind of data has.
    const InputKind dataKind = prepared->dataset->input().kind;
    for (const RunSpec& spec : specs)
        if (!spec.config.input.tokens() && spec.config.input.kind != dataKind)
            throw InputError("--variant " + spec.name + ": " +
                             (spec.config.input.kind == InputKind::Frames
                                  ? "frame_reduction applies to speech"
                                  : "row_encoder applies to picture") +
                             " data; " + args.training.data + " has " + inputKindName(dataKind) + " sources");
    Experiment experiment(prepared);
    const int count = static_cast<int>(specs.size());
    try {
        for (RunSpec& spec : specs) experiment.add(std::move(spec));
    } catch (const std::invalid_argument& e) {
        throw InputError(e.what());
    }
    const ThreadPlan plan = experiment.plan(args.training.threads);
    std::vector<CompareProgress::Run> progressRuns;
    for (int i = 0; i < count; ++i) {
        const Run& run = experiment.run(i);
        progressRuns.push_back({run.name(), run.plannedSteps(),
                                args.training.maxSteps > 0 ? 0 : run.plannedEpochs(),
                                static_cast<int>(experiment.data().data->validation.pairs.size())});
    }
    std::cout << "comparing " << count << " runs: " << experiment.run(0).plannedSteps() << " steps each, "
              << plan.concurrent << " at a time on " << plan.perRun
              << (plan.perRun == 1 ? " thread" : " threads") << " each" << std::endl;

    std::vector<std::unique_ptr<TrainingControl>> controls;
    std::vector<TrainingControl*> controlPointers;
    for (int i = 0; i < count; ++i) {
        controls.push_back(std::make_unique<TrainingControl>());
        controlPointers.push_back(controls.back().get());
    }
    {
        ProgressLine line(std::cerr, ProgressLine::stderrIsTerminal());
        CompareProgress progress(std::cout, line, progressRuns);
        InterruptGuard guard(controlPointers);
        experiment.train(
            args.training.threads, [&](int i) -> TrainingObserver& { return progress.observer(i); },
            controlPointers);
    }
    ExperimentSummary summary = summarize(experiment);
    bool allOk = true;
    for (int i = 0; i < count; ++i) {
        RunSummary& row = summary.runs[static_cast<size_t>(i)];
        const TrainingOutcome outcome = row.record.result.outcome;
        const bool ok = outcome == TrainingOutcome::Completed || outcome == TrainingOutcome::EarlyStopped;
        if (!ok) {
            allOk = false;
            printError("compare", row.name + ": " + row.record.result.message);
        }
        if (!args.outDir.empty() && outcome != TrainingOutcome::Failed && row.record.result.steps > 0) {
            const std::string path =
                (std::filesystem::path(args.outDir) / (row.name + ".safetensors")).string();
            saveModel(path, experiment.run(i).bundle());
            row.modelPath = modelPathFor(path, args.jsonPath);
        }
    }
    std::cout << '\n';
    printTable(summary.runs, std::cout);
    if (!args.outDir.empty()) std::cout << "models saved in " << args.outDir << '\n';
    std::cout.flush();
    if (!args.jsonPath.empty()) {
        saveExperiment(args.jsonPath, summary);
        std::cout << "table written to " << args.jsonPath << std::endl;
    }
    return allOk ? ExitOk : ExitFailure;
}

} // namespace

void addCompareCommand(CLI::App& app, int& exitCode) {
    CLI::App* command = app.add_subcommand(
        "compare",
        "Train one model per scorer (or variant) on identical data, split and seed, in parallel, and "
        "tabulate them");
    auto args = std::make_shared<CompareArgs>();
    addTrainingOptions(*command, args->training, false);
    const auto forecast = addForecastOptions(*command, ForecastCommand::Compare);
    command->add_option("--scorers", args->scorers, "Comma-separated scorers, e.g. dot,general,additive")
        ->delimiter(',')
        ->check(CLI::IsMember(scorerNames()));
    command->add_option("--variant", args->variants,
                        "A run that differs in other settings, NAME:KEY=VALUE,... (repeatable), e.g. "
                        "additive-h64:scorer=additive,hidden=64; keys: scorer, decoder, input_feeding, "
                        "bidirectional, emb, hidden, attention_dim, dropout, location_kernel, "
                        "location_filters; speech: frame_reduction; pictures: "
                        "row_encoder");
    command->add_option("--json", args->jsonPath, "Also write the table as JSON to this file (atomically)");
    command->add_option("--out-dir", args->outDir, "Save each model as DIR/<scorer>.safetensors");
    command->callback([command, args, forecast, &exitCode] {
        forecast->task = args->training.task;
        if (forecastRequested(*forecast, args->training.data)) // series: the forecasting path
            return void(exitCode = runForecastCompare(*command, args->training, *forecast, args->scorers,
                                                      args->jsonPath, args->outDir));
        args->training.tokensGiven = command->count("--tokens") > 0;
        applyRecommendedSettings(*command, args->training);
        exitCode = runGuarded("compare", [&] { return runCompare(*args); });
    });
}

} // namespace attnlab::cli
