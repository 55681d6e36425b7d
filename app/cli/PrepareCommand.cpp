// `attnlab-cli prepare`: the data exactly as `train` uses it (the same loading, split and
// vocabularies: loadTrainingData), written to a directory for a trainer outside AttnLab, so
// tokenisation is defined once (docs/PREPARED.md).
#include "app/cli/CommandGuard.h"
#include "app/cli/DataCommands.h"
#include "app/cli/JsonOutput.h"
#include "app/cli/TrainingInput.h"
#include "core/train/ModelFile.h"
#include "core/util/AtomicFile.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace attnlab::cli {
namespace {

struct PrepareArgs {
    TrainingArgs training;
    std::string out;
};

// One pair per line: its dataset index (0-based, in file order), ids without specials, gold links.
std::string pairLines(const PreparedData& prepared, const EncodedSplit& split) {
    std::string text;
    for (size_t k = 0; k < split.pairs.size(); ++k) {
        const int index = split.datasetIndices[k];
        Json links = Json::array();
        if (prepared.dataset)
            for (const AlignmentLink& link : prepared.dataset->alignment(index))
                links.push_back(Json::array({link.source, link.target, link.sure}));
        const Json line = {{"index", index},
                           {"source", split.pairs[k].source},
                           {"target", split.pairs[k].target},
                           {"gold", links}};
        text += line.dump() + '\n';
    }
    return text;
}

// The model and training settings the same arguments give `train`, in the model file's form.
std::string configText(const TrainingArgs& args, const PreparedData& prepared) {
    ModelBundle bundle;
    const TrainingData& data = *prepared.data;
    bundle.config = modelConfig(args, parseScorer(args.scorer), data.sourceVocabulary.size(),
                                data.targetVocabulary.size(), prepared.longestSource);
    bundle.training = trainingSettings(args);
    if (prepared.dataset) {
        bundle.sourceTokens = prepared.dataset->options().sourceTokens;
        bundle.targetTokens = prepared.dataset->options().targetTokens;
        bundle.text = textNormalization(prepared.dataset->options());
    }
    bundle.dataset = prepared.label;
    return modelConfigJson(bundle);
}

int runPrepare(const PrepareArgs& args) {
    namespace fs = std::filesystem;
    const fs::path out(args.out);
    if (fs::exists(out) && !fs::is_directory(out))
        throw InputError("--out " + args.out + " is a file; give a directory");
    checkTrainingArgs(args.training, parseScorer(args.training.scorer));
    const std::shared_ptr<const PreparedData> prepared = loadTrainingData(args.training, std::cerr);
    std::error_code error;
    fs::create_directories(out, error);
    if (error) throw std::runtime_error("cannot make the directory " + args.out + ": " + error.message());
    const TrainingData& data = *prepared->data;
    const Json meta = {{"format", "attnlab-prepared-1"},
                       {"data", dataJson(*prepared)},
                       {"seed", args.training.seed},
                       {"validation_fraction", args.training.validationFraction},
                       {"config", Json::parse(configText(args.training, *prepared))}};
    const auto write = [&](const char* name, const std::string& text) {
        writeFileAtomically((out / name).string(), text);
    };
    write("source_vocab.json", data.sourceVocabulary.toJson() + '\n');
    write("target_vocab.json", data.targetVocabulary.toJson() + '\n');
    write("train.jsonl", pairLines(*prepared, data.train));
    write("validation.jsonl", pairLines(*prepared, data.validation));
    write("meta.json", meta.dump(2) + '\n'); // last: a directory with meta.json is complete
    std::cerr << "prepared " << data.train.pairs.size() << " training and " << data.validation.pairs.size()
              << " validation pairs in " << args.out << '\n';
    return ExitOk;
}

} // namespace

void addPrepareCommand(CLI::App& app, int& exitCode) {
    CLI::App* command = app.add_subcommand(
        "prepare",
        "Write the data as `train` would use it (split, vocabularies, ids, gold links) to a directory");
    auto args = std::make_shared<PrepareArgs>();
    addTrainingOptions(*command, args->training, true);
    command->add_option("--out", args->out, "The directory to write (made when missing)")->required();
    command->callback([command, args, &exitCode] {
        args->training.tokensGiven = command->count("--tokens") > 0;
        applyRecommendedSettings(*command, args->training);
        exitCode = runGuarded("prepare", [&] { return runPrepare(*args); });
    });
}

} // namespace attnlab::cli
