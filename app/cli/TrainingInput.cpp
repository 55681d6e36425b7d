#include "app/cli/TrainingInput.h"

#include "app/cli/CommandGuard.h"
#include "app/cli/CoverageWarning.h"
#include "core/data/ShippedDatasets.h"
#include "core/eval/TokenCoverage.h"

#include <iostream>

namespace attnlab::cli {

namespace {
// Headroom for sentences typed later (align) that are longer than any training source; the
// location scorer cannot read past its maximum. Core's Run raises it to the longest source.
constexpr int kMinimumMaxSourceLength = 64;

// "char", or for speech and pictures what the features are: "audio, 40 log-mel bands every 10 ms",
// "48 x 48 pictures in 6 x 6 cells".
std::string sourceDescription(const Dataset& dataset) {
    const InputConfig& input = dataset.input();
    switch (input.kind) {
    case InputKind::Frames:
        return "audio, " + std::to_string(input.melBands) + " log-mel bands every " +
               std::to_string(static_cast<int>(input.hopMs)) + " ms";
    case InputKind::Image:
        return std::to_string(input.imageWidth) + " x " + std::to_string(input.imageHeight) +
               " pictures in " + std::to_string(input.gridRows()) + " x " +
               std::to_string(input.gridColumns()) + " cells";
    case InputKind::Tokens:
        break;
    }
    return std::string(tokenizationName(dataset.options().sourceTokens));
}

// --frame-reduction and --no-row-encoder shape a front end the data must have.
void checkInputOptions(const TrainingArgs& args, const Dataset& dataset) {
    const InputKind kind = dataset.input().kind;
    if (args.frameReduction >= 0 && kind != InputKind::Frames)
        throw InputError("--frame-reduction applies to speech (frames) data; " + args.data + " has " +
                         inputKindName(kind) + " sources");
    if (args.noRowEncoder && kind != InputKind::Image)
        throw InputError("--no-row-encoder applies to picture (image) data; " + args.data + " has " +
                         inputKindName(kind) + " sources");
}

void logSummary(const TrainingArgs& args, const PreparedData& prepared, bool shipped, std::ostream& log) {
    const Dataset& dataset = *prepared.dataset;
    const DatasetOptions& used = dataset.options();
    const TrainingData& data = *prepared.data;
    log << args.data << ": " << dataset.size() << " pairs (" << sourceDescription(dataset) << " -> "
        << tokenizationName(used.targetTokens) << (used.lowercase ? ", lowercased" : "")
        << (dataset.hasAlignments() ? ", gold alignments" : "") << "), " << data.train.pairs.size()
        << " train, " << data.validation.pairs.size() << " validation; vocabulary ";
    if (dataset.hasFeatures())
        log << data.targetVocabulary.size() << " target\n";
    else
        log << data.sourceVocabulary.size() << " source, " << data.targetVocabulary.size() << " target\n";
    if (!shipped) log << "  " << dataset.report().summary() << '\n';
    if (!args.recommendedApplied.empty())
        log << "  " << args.data
            << "'s recommended settings, for the options not given: " << args.recommendedApplied
            << " (give an option to override it)\n";
    if (data.validation.sourceUnknown + data.validation.targetUnknown > 0)
        log << "  validation tokens unseen in training (read as <unk>): " << data.validation.sourceUnknown
            << " of " << data.validation.sourceTokens << " source, " << data.validation.targetUnknown
            << " of " << data.validation.targetTokens << " target\n";
}
} // namespace

Json dataJson(const PreparedData& prepared) {
    return attnlab::dataJson(describeData(prepared));
}

std::shared_ptr<const PreparedData> loadTrainingData(const TrainingArgs& args, std::ostream& log) {
    DatasetOptions options;
    const auto tokens = parseTokenization(args.tokens);
    if (!tokens) throw InputError("unknown tokenisation '" + args.tokens + "' (expected char or word)");
    options.sourceTokens = options.targetTokens = *tokens;
    options.lowercase = args.lowercase;
    if (args.task != "detect") {
        try {
            options.task = parseTaskKind(args.task);
        } catch (const std::invalid_argument& e) {
            throw InputError(e.what());
        }
        options.detectTask = false;
    }
    const ShippedDataset* shipped = findShippedDataset(args.data);
    auto dataset = std::make_shared<const Dataset>(openDataset(args.data, options));
    const DatasetOptions& used = dataset->options();
    if (shipped && args.tokensGiven && (used.sourceTokens != *tokens || used.targetTokens != *tokens))
        log << "note: " << args.data << " is tokenised " << tokenizationName(used.sourceTokens) << " -> "
            << tokenizationName(used.targetTokens) << "; --tokens " << args.tokens
            << " applies to files only\n";
    if (shipped && args.task != "detect" && used.task != options.task)
        log << "note: " << args.data << " is a " << taskKindName(used.task) << " dataset; --task "
            << args.task << " applies to files only\n";
    if (dataset->empty()) throw InputError(args.data + ": the dataset has no pairs");
    checkInputOptions(args, *dataset);
    std::shared_ptr<const PreparedData> prepared;
    try {
        prepared = prepareData(
            dataset, PrepareOptions{.validationFraction = args.validationFraction, .testFraction = 0.0},
            args.seed, args.data);
    } catch (const std::invalid_argument& e) {
        throw InputError(args.data + ": " + e.what());
    }
    logSummary(args, *prepared, shipped != nullptr, log);
    // The vocabularies come from the training split, so validation targets it never saw count as
    // wrong in every validation metric; a few are normal, many make the figures misleading.
    const std::string warning =
        coverageWarning(tokenCoverage(prepared->data->validation), "validation reference tokens",
                        "are not in the vocabulary of the training split and count as wrong");
    if (!warning.empty()) std::cerr << warning << '\n';
    return prepared;
}

RunSpec runSpec(const TrainingArgs& args, ScorerKind scorer, int threads) {
    RunSpec spec;
    spec.name = scorerName(scorer);
    spec.config = modelConfig(args, scorer, 1, 1, kMinimumMaxSourceLength);
    spec.settings = trainingSettings(args);
    spec.settings.threads = threads;
    return spec;
}

} // namespace attnlab::cli
