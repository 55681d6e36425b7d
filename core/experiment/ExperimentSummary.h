#pragma once
// What an experiment was and what came of it, as plain values: the data it trained on and, per
// run, its settings and record. The window draws its compare views from it (live, while the runs
// train, and from a file), and it is what an experiment file holds (ExperimentFile.h): the same
// schema `attnlab-cli compare --json` writes (docs/EXPERIMENT.md).
#include "core/experiment/RunRecord.h"
#include "core/nn/ModelConfig.h"
#include "core/train/TrainingSettings.h"

#include <string>
#include <vector>

namespace attnlab {

class Experiment;
struct PreparedData;

// The experiment's data as it was prepared (the file's "data" object).
struct ExperimentData {
    std::string name; // a shipped dataset's name, or the path it was read from
    std::string path; // "" for a shipped dataset read from the datasets directory
    long long pairs = 0;
    long long trainPairs = 0;
    long long validationPairs = 0;
    std::string sourceTokens = "char"; // "char" or "word"
    std::string targetTokens = "char";
    bool lowercase = false;
    bool trim = true; // leading and trailing whitespace stripped from each side
    bool goldAlignments = false;
    int longestSource = 0;
    int sourceVocabulary = 0; // tokens of the training split's vocabularies, specials included
    int targetVocabulary = 0;
};

// One run: a row of the table.
struct RunSummary {
    std::string name;   // unique in the experiment: the scorer's name, or a variant's
    std::string scorer; // scorerName(config.scorer)
    ModelConfig config;
    TrainingSettings settings;
    long long parameters = 0;
    RunRecord record;      // result, per-epoch history, per-step losses, training time
    std::string modelPath; // the saved model, relative to the experiment file's directory; "" if none
};

struct ExperimentSummary {
    ExperimentData data;
    int concurrentRuns = 1; // runs that trained at once
    int threadsPerRun = 1;
    std::vector<RunSummary> runs;
};

// `prepared` described: its label, file, split sizes, tokenisation and vocabulary sizes.
ExperimentData describeData(const PreparedData& prepared);

// The summary of `experiment` as it stands (after train(), or before it with empty records).
ExperimentSummary summarize(const Experiment& experiment);

} // namespace attnlab
