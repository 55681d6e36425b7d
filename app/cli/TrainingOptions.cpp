#include "app/cli/TrainingOptions.h"

#include "app/cli/CommandGuard.h"
#include "core/data/MediaDatasets.h"
#include "core/data/ShippedDatasets.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <type_traits>

namespace attnlab::cli {

CLI::Validator atLeast(double minimum) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", minimum);
    const std::string limit = text;
    return CLI::Validator(
        [minimum, limit](std::string& input) -> std::string {
            double value = 0;
            if (!CLI::detail::lexical_cast(input, value)) return "expected a number, got " + input;
            return value >= minimum ? "" : "must be at least " + limit + ", got " + input;
        },
        ">=" + limit);
}

CLI::Validator positive() {
    return CLI::Validator(
        [](std::string& input) -> std::string {
            double value = 0;
            if (!CLI::detail::lexical_cast(input, value)) return "expected a number, got " + input;
            return value > 0 ? "" : "must be positive, got " + input;
        },
        ">0");
}

std::vector<std::string> scorerNames() {
    std::vector<std::string> names;
    for (ScorerKind kind : allScorers()) names.push_back(scorerName(kind));
    return names;
}

void addTrainingOptions(CLI::App& command, TrainingArgs& args, bool withScorer) {
    command.add_option("--data", args.data, "Shipped dataset name (see `datasets`) or a TSV/CSV file")
        ->required();
    command
        .add_option("--tokens", args.tokens,
                    "Tokenisation of a file's both sides (shipped datasets bring their own)")
        ->check(CLI::IsMember({"char", "word"}))
        ->capture_default_str();
    command
        .add_option("--task", args.task,
                    "What a file's pairs mean: detect (a CSV label column or a '# task:' line), pairs, "
                    "classification (text -> label), entailment (premise, hypothesis -> label) or forecast "
                    "(numeric columns: series)")
        ->check(CLI::IsMember({"detect", "pairs", "classification", "entailment", "forecast"}))
        ->capture_default_str();
    command.add_flag("--lowercase", args.lowercase,
                     "Lowercase both sides before tokenising; the model then lowercases what it reads");
    if (withScorer)
        command.add_option("--scorer", args.scorer, "Attention scoring function")
            ->check(CLI::IsMember(scorerNames()))
            ->capture_default_str();
    command.add_option("--decoder", args.decoder, "Decoder style")
        ->check(CLI::IsMember({"luong", "bahdanau"}))
        ->capture_default_str();
    command.add_flag("--no-input-feeding", args.noInputFeeding,
                     "Luong: do not feed h~ back into the LSTM input");
    command.add_flag("--bidirectional", args.bidirectional,
                     "Bidirectional encoder (H/2 units per direction); --bidirectional=false: one direction");
    command.add_option("--emb", args.embedding, "Embedding size E")->check(atLeast(1))->capture_default_str();
    command.add_option("--hidden", args.hidden, "Hidden size H")->check(atLeast(1))->capture_default_str();
    command.add_option("--attention-dim", args.attentionDim, "Attention size A of additive scorers (0: H)")
        ->check(atLeast(0))
        ->capture_default_str();
    command.add_option("--location-filters", args.locationFilters, "location_aware: convolution filters F")
        ->check(atLeast(1))
        ->capture_default_str();
    command
        .add_option("--location-kernel", args.locationKernel,
                    "location_aware: kernel width W in keys (odd; speech wants a wide one, e.g. 31)")
        ->check(atLeast(1))
        ->capture_default_str();
    command.add_option("--batch", args.batch, "Batch size")->check(atLeast(1))->capture_default_str();
    command.add_option("--epochs", args.epochs, "Epochs")->check(atLeast(1))->capture_default_str();
    command.add_option("--max-steps", args.maxSteps, "Stop after this many steps (0: epochs decide)")
        ->check(atLeast(0))
        ->capture_default_str();
    command.add_option("--lr", args.learningRate, "Learning rate")->check(positive())->capture_default_str();
    command.add_option("--optimizer", args.optimizer, "Optimizer")
        ->check(CLI::IsMember({"adam", "sgd"}))
        ->capture_default_str();
    command.add_option("--clip", args.clip, "Clip gradients to this global norm (0: off)")
        ->check(atLeast(0))
        ->capture_default_str();
    command.add_option("--teacher-forcing", args.teacherForcing, "Probability of feeding the gold token")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    command.add_option("--dropout", args.dropout, "Dropout probability on embeddings and h~ while training")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    command
        .add_option("--val-fraction", args.validationFraction, "Fraction of pairs held out for validation")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    command.add_option("--seed", args.seed, "Seed of the split, the initial weights and the batches")
        ->capture_default_str();
    command
        .add_option("--frame-reduction", args.frameReduction,
                    "Speech data: pyramidal encoder levels, each halving the frames (default: the data's, 2)")
        ->check(CLI::Range(0, 4));
    command.add_flag("--no-row-encoder", args.noRowEncoder,
                     "Picture data: keys are the projected patches, without the LSTM along each row");
    command.add_option("--threads", args.threads, "Threads (0: all cores)")
        ->check(atLeast(0))
        ->capture_default_str();
}

void applyRecommendedSettings(const CLI::App& command, TrainingArgs& args) {
    args.recommendedApplied.clear();
    const ShippedDataset* shipped = findShippedDataset(args.data);
    if (!shipped) return;
    const RecommendedSettings& recommended = shipped->recommended;
    const auto fill = [&](const char* option, const auto& value, auto& field) {
        if (!value || command.count(option) > 0) return;
        field = *value;
        char text[32];
        if constexpr (std::is_same_v<std::decay_t<decltype(*value)>, bool>)
            std::snprintf(text, sizeof text, "%s", *value ? "true" : "false");
        else if constexpr (std::is_same_v<std::decay_t<decltype(*value)>, std::string>)
            std::snprintf(text, sizeof text, "%s", value->c_str());
        else
            std::snprintf(text, sizeof text, "%g", static_cast<double>(*value));
        args.recommendedApplied +=
            std::string(args.recommendedApplied.empty() ? "" : " ") + option + '=' + text;
    };
    fill("--bidirectional", recommended.bidirectional, args.bidirectional);
    fill("--batch", recommended.batchSize, args.batch);
    fill("--epochs", recommended.epochs, args.epochs);
    fill("--lr", recommended.learningRate, args.learningRate);
    fill("--location-kernel", recommended.locationKernel, args.locationKernel);
    // compare takes --scorers instead: the recommendation is for a single run
    if (recommended.scorer && command.get_option_no_throw("--scorer") != nullptr)
        fill("--scorer", std::optional<std::string>(scorerName(*recommended.scorer)), args.scorer);
}

TrainingSettings trainingSettings(const TrainingArgs& args) {
    TrainingSettings s;
    try {
        s.optimizer = parseOptimizer(args.optimizer);
    } catch (const std::invalid_argument& e) {
        throw InputError(e.what());
    }
    s.learningRate = args.learningRate;
    s.clipNorm = args.clip;
    s.teacherForcing = args.teacherForcing;
    s.dropout = args.dropout;
    s.batchSize = args.batch;
    s.epochs = args.epochs;
    s.maxSteps = args.maxSteps;
    s.seed = args.seed;
    s.threads = args.threads;
    s.validationFraction = args.validationFraction;
    try {
        s.validate();
    } catch (const std::invalid_argument& e) {
        throw InputError(e.what());
    }
    return s;
}

ModelConfig modelConfig(const TrainingArgs& args, ScorerKind scorer, int sourceVocabulary,
                        int targetVocabulary, int maxSourceLength) {
    ModelConfig c;
    c.sourceVocabulary = sourceVocabulary;
    c.targetVocabulary = targetVocabulary;
    c.embedding = args.embedding;
    c.hidden = args.hidden;
    c.attentionDim = args.attentionDim;
    c.locationFilters = args.locationFilters;
    c.locationKernel = args.locationKernel;
    c.scorer = scorer;
    c.bidirectional = args.bidirectional;
    c.maxSourceLength = maxSourceLength;
    // The data decides the input kind; these settings are kept by core's Run when it matches
    // (loadTrainingData refuses them for data of the other kind).
    if (args.frameReduction >= 0) {
        c.input = defaultFramesInput();
        c.input.frameReduction = args.frameReduction;
    } else if (args.noRowEncoder) {
        c.input = defaultImageInput();
        c.input.rowEncoder = false;
    }
    try {
        c.decoder = parseDecoderStyle(args.decoder);
        c.inputFeeding = !args.noInputFeeding;
        c.validate();
    } catch (const std::invalid_argument& e) {
        throw InputError(e.what());
    }
    return c;
}

void checkTrainingArgs(const TrainingArgs& args, ScorerKind scorer) {
    trainingSettings(args);
    modelConfig(args, scorer, 1, 1, 1);
}

} // namespace attnlab::cli
