// `attnlab-cli eval`: every metric of a saved model on a dataset, read the way the model reads.
#include "app/cli/CommandGuard.h"
#include "app/cli/CoverageWarning.h"
#include "app/cli/Format.h"
#include "app/cli/JsonOutput.h"
#include "app/cli/LabelMetrics.h"
#include "app/cli/ModelCommands.h"
#include "app/cli/ModelInput.h"
#include "app/cli/ProgressLine.h"
#include "app/cli/TextTable.h"
#include "app/cli/TrainingOptions.h"
#include "app/cli/TranscriptErrors.h"
#include "app/cli/forecast/ForecastCommands.h"
#include "core/data/DataSplit.h"
#include "core/data/ShippedDatasets.h"
#include "core/eval/Rouge.h"
#include "core/eval/TokenCoverage.h"
#include "core/train/Evaluator.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>

namespace attnlab::cli {
namespace {

struct EvalArgs {
    std::string model;
    std::string data;
    std::string split = "all";
    int beam = 1;
    bool json = false;
};

// Tokens of one side that the model's vocabulary lacks: how many, and which (each once).
struct UnknownTokens {
    long long tokens = 0;
    long long unknown = 0;
    std::vector<std::string> distinct;

    void add(const std::vector<std::string>& text, const std::vector<int>& ids) {
        tokens += static_cast<long long>(ids.size());
        unknown += std::count(ids.begin(), ids.end(), UnknownId);
        addDistinctUnknown(distinct, text, ids);
    }
    std::string list() const {
        std::string text;
        for (size_t i = 0; i < distinct.size() && i < 20; ++i)
            text += (i ? " '" : "'") + visibleToken(distinct[i]) + "'";
        if (distinct.size() > 20) text += " and " + std::to_string(distinct.size() - 20) + " more";
        return text;
    }
    Json json() const { return {{"tokens", tokens}, {"unknown", unknown}, {"distinct", distinct}}; }
};

// The pairs to evaluate, encoded with the model's tokenisation and vocabularies.
struct EvalData {
    std::vector<int> datasetIndices; // pair k of the batcher is dataset pair datasetIndices[k]
    std::vector<EncodedPair> pairs;
    int skippedTooLong = 0;
    UnknownTokens source;
    UnknownTokens target;
    std::vector<std::string> transcripts; // (pairs) references joined, for the CER of speech models
};

std::vector<int> selectPairs(const EvalArgs& args, const Dataset& dataset, const ModelBundle& bundle) {
    std::vector<int> all(static_cast<size_t>(dataset.size()));
    for (int i = 0; i < dataset.size(); ++i) all[static_cast<size_t>(i)] = i;
    if (args.split == "all") return all;
    const auto sameName = [](const std::string& a, const std::string& b) {
        return std::filesystem::path(a).filename() == std::filesystem::path(b).filename();
    };
    if (!sameName(args.data, bundle.dataset))
        std::cerr << "note: the model was trained on "
                  << (bundle.dataset.empty() ? "unknown data" : bundle.dataset) << "; --split " << args.split
                  << " follows its split only if " << args.data << " holds the same pairs\n";
    // The split `train` made: same pair count, validation fraction and seed, no test split.
    const DataSplit split =
        makeSplit(dataset.size(), bundle.training.validationFraction, 0.0, bundle.training.seed);
    return args.split == "validation" ? split.validation : split.train;
}

EvalData encode(const Dataset& dataset, const std::vector<int>& indices, const ModelBundle& bundle) {
    EvalData data;
    const int limit = sourceLengthLimit(bundle);
    for (int i : indices) {
        if (const SharedFeatures& features = dataset.features(i)) {
            // Frames or cells: one placeholder id per position, as training had; the limit is
            // over the keys the location scorer reads.
            if (limit > 0 && bundle.config.input.keyLength(features->columns) > limit) {
                ++data.skippedTooLong;
                continue;
            }
            std::vector<std::string> target =
                modelTokens(dataset.target(i), bundle.text, bundle.targetTokens);
            EncodedPair pair{std::vector<int>(static_cast<std::size_t>(features->columns), UnknownId),
                             bundle.targetVocabulary.encode(target), features};
            data.target.add(target, pair.target);
            data.transcripts.push_back(joinTokens(target, bundle.targetTokens));
            data.datasetIndices.push_back(i);
            data.pairs.push_back(std::move(pair));
            continue;
        }
        // The dataset was read with the model's normalisation; modelTokens is the window's and
        // align's reading too (applying it again to normalised text changes nothing).
        std::vector<std::string> source = modelTokens(dataset.source(i), bundle.text, bundle.sourceTokens);
        std::vector<std::string> target = modelTokens(dataset.target(i), bundle.text, bundle.targetTokens);
        if (limit > 0 && static_cast<int>(source.size()) > limit) {
            ++data.skippedTooLong;
            continue;
        }
        EncodedPair pair{bundle.sourceVocabulary.encode(source), bundle.targetVocabulary.encode(target), {}};
        data.source.add(source, pair.source);
        data.target.add(target, pair.target);
        data.datasetIndices.push_back(i);
        data.pairs.push_back(std::move(pair));
    }
    return data;
}

// The data must be of the kind the model reads, with features of its size.
void checkInputKind(const EvalArgs& args, const Dataset& dataset, const ModelBundle& bundle) {
    const InputConfig& model = bundle.config.input;
    const InputConfig& data = dataset.input();
    if (model.kind != data.kind)
        throw InputError(args.data + ": the data's sources are " + inputKindName(data.kind) + ", but " +
                         args.model + " reads " + inputKindName(model.kind));
    if (!model.tokens() && model.featureSize() != data.featureSize())
        throw InputError(args.data + ": its " + inputKindName(data.kind) + " have " +
                         std::to_string(data.featureSize()) + " values per position, " + args.model +
                         " reads " + std::to_string(model.featureSize()));
}

void printMetrics(const Metrics& m, const std::optional<CharacterErrorRate>& cer,
                  const std::optional<RougeAccumulator>& rouge, bool byLength, std::ostream& out) {
    TextTable table({"metric", "value", ""},
                    {TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Left});
    table.addRow({"loss", fixed(m.loss, 4), "nats per target token, </s> included"});
    table.addRow({"perplexity", fixed(m.perplexity, 4), ""});
    std::string tokens =
        std::to_string(m.correctTokens) + " / " + std::to_string(m.referenceTokens) + " tokens";
    if (m.unknownReferenceTokens > 0) // they are in the denominator and never correct
        tokens += ", " + std::to_string(m.unknownReferenceTokens) + " of them unknown to the model";
    table.addRow({"token accuracy", percent(m.tokenAccuracy), tokens});
    table.addRow({"exact match", percent(m.exactMatch),
                  std::to_string(m.exactMatches) + " / " + std::to_string(m.examples) + " pairs"});
    table.addRow({"BLEU", fixed(m.bleu.score, 2), "corpus BLEU-4 over the model's tokens"});
    if (rouge)
        for (const auto& [name, score] :
             {std::pair{"ROUGE-1", rouge->rouge1()}, std::pair{"ROUGE-2", rouge->rouge2()},
              std::pair{"ROUGE-L", rouge->rougeL()}})
            table.addRow({name, fixed(100.0 * score.f1, 2),
                          "F1 (precision " + fixed(100.0 * score.precision, 2) + ", recall " +
                              fixed(100.0 * score.recall, 2) + "), mean over the pairs"});
    if (cer)
        table.addRow({"CER", percent(cer->rate()),
                      std::to_string(cer->edits()) + " edits / " +
                          std::to_string(cer->referenceCharacters()) +
                          " characters of the joined transcripts"});
    table.addRow({"AER", fixed(m.alignmentErrorRate, 3),
                  m.alignedExamples > 0 ? std::to_string(m.alignedExamples) + " pairs with gold alignments"
                                        : "no gold alignments"});
    if (m.goldMassRows > 0)
        table.addRow({"gold mass", fixed(m.goldMass, 3),
                      "attention on the gold positions, mean over " + std::to_string(m.goldMassRows) +
                          " output tokens with gold links"});
    table.addRow({"entropy", fixed(m.attentionEntropy, 3), "nats per attention row"});
    table.addRow({"last-position mass", fixed(m.lastPositionMass, 3), "attention on the last source token"});
    table.print(out);
    // Speech and pictures have a length per frame count or none to speak of: no table.
    if (m.bySourceLength.empty() || !byLength) return;
    out << "\naccuracy by source length:\n";
    TextTable lengths(
        {"length", "pairs", "exact match", "token accuracy"},
        {TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Right});
    for (const LengthAccuracy& row : m.bySourceLength)
        lengths.addRow({std::to_string(row.sourceLength), std::to_string(row.count),
                        percent(row.exactMatchRate()), percent(row.tokenAccuracyRate())});
    lengths.print(out, "  ");
}

int runEval(const EvalArgs& args) {
    const auto start = std::chrono::steady_clock::now();
    ModelBundle bundle = openModel(args.model);
    DatasetOptions options;
    options.sourceTokens = bundle.sourceTokens;
    options.targetTokens = bundle.targetTokens;
    // Read as the model's training data were: the gold links then index the same tokens.
    options.lowercase = bundle.text.lowercase;
    options.trim = bundle.text.trim;
    // A label model reads its file as its task, whatever the file says about itself.
    if (bundle.config.kind == ModelKind::Classifier) options.task = TaskKind::Classification;
    if (bundle.config.kind == ModelKind::Entailment) options.task = TaskKind::Entailment;
    const Dataset dataset = openDataset(args.data, options);
    checkInputKind(args, dataset, bundle);
    const std::vector<int> indices = selectPairs(args, dataset, bundle);
    EvalData data = encode(dataset, indices, bundle);
    std::ostream& report = args.json ? std::cerr : std::cout;
    if (data.skippedTooLong > 0)
        std::cerr << "note: skipped " << data.skippedTooLong << " pairs longer than the "
                  << sourceLengthLimit(bundle) << " source tokens this location-scorer model can read\n";
    if (data.pairs.empty()) throw InputError(args.data + ": no pairs to evaluate");
    if (data.source.unknown > 0)
        std::cerr << "note: " << data.source.unknown
                  << " source tokens unknown to the model (read as <unk>): " << data.source.list() << '\n';
    if (data.target.unknown > 0)
        std::cerr << "note: " << data.target.unknown
                  << " target tokens unknown to the model (never predictable): " << data.target.list()
                  << '\n';
    // Unknown references count as wrong; past a few percent the metrics describe the data more
    // than the model, which a user evaluating on the wrong file needs to hear before the numbers.
    const std::string warning =
        coverageWarning(tokenCoverage(data.pairs), "reference tokens",
                        "are unknown to the model and count as wrong: was it trained on this data?");
    if (!warning.empty()) std::cerr << warning << '\n';

    // Gold links index the dataset's tokens, so they only fit when it tokenises like the model.
    const bool goldFits = dataset.hasAlignments() && dataset.options().sourceTokens == bundle.sourceTokens &&
                          dataset.options().targetTokens == bundle.targetTokens;
    std::vector<Alignment> gold;
    if (goldFits)
        for (int i : data.datasetIndices) {
            const auto links = dataset.alignment(i);
            gold.emplace_back(links.begin(), links.end());
        }
    const int pairCount = static_cast<int>(data.pairs.size());
    const Batcher batcher(std::move(data.pairs), 64, 0, !bundle.config.predictsLabel());
    const bool speech = bundle.config.input.kind == InputKind::Frames;
    EvaluationOutputs outputs;
    ProgressLine progress(std::cerr, ProgressLine::stderrIsTerminal());
    EvaluationOptions evaluation;
    evaluation.beamWidth = args.beam;
    if (goldFits) evaluation.gold = [&gold](int k) { return &gold[static_cast<size_t>(k)]; };
    evaluation.progress = [&progress](int done, int total) {
        progress.update(static_cast<double>(done) / total,
                        "evaluating " + std::to_string(done) + "/" + std::to_string(total) + " pairs");
        return true;
    };
    // Word outputs (summarization, translation) are also scored with ROUGE, as summaries are.
    const bool words = bundle.targetTokens == Tokenization::Word && !bundle.config.predictsLabel();
    evaluation.rouge = words;
    const Metrics metrics = evaluate(*bundle.model, batcher, evaluation, speech ? &outputs : nullptr);
    const std::optional<RougeAccumulator>& rouge = metrics.rouge;
    std::optional<CharacterErrorRate> cer;
    if (speech) cer = transcriptErrors(bundle, outputs, data.transcripts);
    progress.clear();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    report << "model: " << args.model << " (" << describeModel(bundle) << ")\n"
           << "data: " << args.data << ", " << pairCount << " pairs (" << args.split << "), "
           << (args.beam > 1 ? "beam search k=" + std::to_string(args.beam) : std::string("greedy decoding"))
           << ", " << duration(seconds) << "\n";
    if (!args.json) {
        std::cout << '\n';
        if (bundle.config.predictsLabel())
            printLabelMetrics(metrics, bundle.targetVocabulary, std::cout);
        else
            printMetrics(metrics, cer, rouge, bundle.config.input.tokens(), std::cout);
        std::cout.flush();
        return std::cout ? ExitOk : ExitFailure;
    }
    report.flush();
    Json json = {
        {"command", "eval"},
        {"model", args.model},
        {"config", modelJson(bundle)},
        {"data",
         {{"name", args.data},
          {"path", dataset.path().empty() ? Json(nullptr) : Json(dataset.path())},
          {"pairs", dataset.size()},
          {"split", args.split},
          {"evaluated", pairCount},
          {"skipped_too_long", data.skippedTooLong},
          {"gold_alignments", goldFits},
          {"source", data.source.json()},
          {"target", data.target.json()}}},
        {"beam", args.beam},
        {"metrics", metricsJson(metrics)},
        {"seconds", seconds},
    };
    addLabelNames(metrics, bundle.targetVocabulary, json["metrics"]);
    if (cer) {
        json["metrics"]["character_error_rate"] = number(cer->rate());
        json["metrics"]["character_errors"] = characterErrorJson(*cer);
    }
    std::cout << jsonText(json) << std::endl;
    return std::cout ? ExitOk : ExitFailure;
}

} // namespace

void addEvalCommand(CLI::App& app, int& exitCode) {
    CLI::App* command =
        app.add_subcommand("eval", "Evaluate a saved model on a dataset: loss, accuracy, BLEU, AER");
    auto args = std::make_shared<EvalArgs>();
    const auto forecast = addForecastOptions(*command, ForecastCommand::Eval);
    command->add_option("--model", args->model, "The model file (.safetensors)")->required();
    command->add_option("--data", args->data, "Shipped dataset name or a TSV/CSV file")->required();
    command
        ->add_option("--split", args->split,
                     "Which pairs: all, or the validation/train split `train` made (same seed and fraction)")
        ->check(CLI::IsMember({"all", "validation", "train"}))
        ->default_str("all");
    command->add_option("--beam", args->beam, "Beam width (1: greedy)")->check(atLeast(1))->default_str("1");
    command->add_flag("--json", args->json, "Print one JSON object on stdout");
    command->callback([args, forecast, &exitCode] {
        if (forecastRequested(*forecast, args->data, args->model)) // series: the forecasting path
            return void(exitCode = runForecastEval(args->model, args->data, *forecast, args->json));
        exitCode = runGuarded("eval", [&] { return runEval(*args); });
    });
}

} // namespace attnlab::cli
