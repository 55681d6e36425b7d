#pragma once
// The model and training options shared by `train` and `compare`, with the defaults of the
// reference model (general scorer, Luong, input feeding, E 32, H 128, batch 64, 15 epochs, Adam
// 1e-3, clip 5), which reaches >= 95% exact match on the dates validation split.
#include "core/nn/ModelConfig.h"
#include "core/train/TrainingSettings.h"

#include <cstdint>
#include <string>

namespace CLI {
class App;
class Validator;
} // namespace CLI

namespace attnlab::cli {

struct TrainingArgs {
    std::string data;            // a shipped dataset's name or a TSV/CSV path
    std::string tokens = "char"; // for a user's file; a shipped dataset brings its own
    bool tokensGiven = false;
    // What a file's pairs mean: detect (a CSV label column, a "# task:" line, else pairs), pairs,
    // classification or entailment (DatasetOptions::task). Shipped datasets bring their own.
    std::string task = "detect";
    bool lowercase = false; // lowercase both sides before tokenising (saved in the model file)
    std::string scorer = "general";
    std::string decoder = "luong";
    bool noInputFeeding = false;
    bool bidirectional = false;
    int embedding = 32;
    int hidden = 128;
    int attentionDim = 0;     // 0: the hidden size
    int locationFilters = 10; // F of location_aware
    int locationKernel = 5;   // W of location_aware (odd): how far, in keys, it sees the last alignment
    int batch = 64;
    int epochs = 15; // dates: 94% exact match after 10 epochs, 99.8% after 13 (seed 1)
    long long maxSteps = 0;
    double learningRate = 1e-3;
    std::string optimizer = "adam";
    double clip = 5.0;
    double teacherForcing = 1.0;
    double dropout = 0.0;
    double validationFraction = 0.1;
    std::uint64_t seed = 1;
    int threads = 0; // all cores
    // Speech and pictures (issue 14): pyramidal levels of a frames model (-1: the data's, 2), and
    // an image model without the row LSTM. Refused by loadTrainingData for data of another kind.
    int frameReduction = -1;
    bool noRowEncoder = false;
    // The options a shipped dataset's recommended settings filled, e.g. "--batch=32 --epochs=7"
    // (see applyRecommendedSettings); printed with the data summary so the user knows.
    std::string recommendedApplied;
};

// Registers --data and every model and training option on `command`; --scorer only when
// withScorer (compare takes --scorers instead). Values out of range are usage errors (exit 2).
void addTrainingOptions(CLI::App& command, TrainingArgs& args, bool withScorer);

// Fills the settings the shipped dataset named by args.data recommends (ShippedDataset::recommended)
// whose option the user did not give on `command` (--bidirectional, --batch, --epochs, --lr), and records
// them in args.recommendedApplied. A file, or a dataset without recommendations, changes nothing.
void applyRecommendedSettings(const CLI::App& command, TrainingArgs& args);

// The settings the arguments describe; throws InputError when they are inconsistent.
TrainingSettings trainingSettings(const TrainingArgs& args);

// The architecture the arguments describe for the given vocabularies; maxSourceLength is the
// longest source the model must accept. Throws InputError when it is inconsistent (e.g. an odd
// hidden size with --bidirectional).
ModelConfig modelConfig(const TrainingArgs& args, ScorerKind scorer, int sourceVocabulary,
                        int targetVocabulary, int maxSourceLength);

// Both of the above with placeholder vocabularies: refuses bad arguments before any data is read.
void checkTrainingArgs(const TrainingArgs& args, ScorerKind scorer);

// Range checks for numeric options that state the limit plainly (CLI11's own print the largest
// double in full): "--batch: must be at least 1, got -5".
CLI::Validator atLeast(double minimum);
CLI::Validator positive();

// "none, dot, scaled_dot, general, additive, location, location_aware"
std::vector<std::string> scorerNames();

} // namespace attnlab::cli
