#pragma once
// The datasets AttnLab ships: each a generated task written as datasets/<name>.tsv, and one API
// that opens either a shipped dataset by name or a user's file by path.
#include "core/data/Dataset.h"
#include "core/data/ProgressCallback.h"
#include "core/data/TaskKind.h"
#include "core/data/Tokenization.h"
#include "core/nn/InputConfig.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnlab {

// Settings a shipped dataset is best trained with, where they differ from the general defaults
// (ModelConfig, TrainingSettings). They fill only what the user left alone: `attnlab-cli train`
// and `compare` apply each one whose option was not given; the window sets them in its settings.
// Empty fields keep the general defaults.
struct RecommendedSettings {
    std::optional<bool> bidirectional;
    std::optional<int> batchSize;
    std::optional<int> epochs;
    std::optional<double> learningRate;
    // location_aware's kernel width, in keys: speech needs to see the last alignment a word away
    // (a spoken word spans about 8 keys of 40 ms), where text's default of 5 sees two tokens.
    std::optional<int> locationKernel;
    // The scorer that both learns the task and shows its evidence (sentiment: scaled dot spreads
    // over "not" and its adjective, where dot and general lock onto one word).
    std::optional<ScorerKind> scorer;

    bool empty() const {
        return !bidirectional && !batchSize && !epochs && !learningRate && !locationKernel && !scorer;
    }
};

struct ShippedDataset {
    std::string name;
    std::string description; // one line
    Tokenization sourceTokens = Tokenization::Char;
    Tokenization targetTokens = Tokenization::Char;
    int defaultCount = 0; // pairs in the shipped file
    std::uint64_t seed = 0;
    RecommendedSettings recommended = {}; // empty for most: the general defaults suit them
    InputKind input = InputKind::Tokens;  // frames, image: generated on the machine, never a file
    int minWords = 0;                     // spoken tasks: words per utterance
    int maxWords = 0;
    TaskKind task = TaskKind::Pairs; // sentiment: classification; entailment: entailment (issue 15)
};

const std::vector<ShippedDataset>& shippedDatasets();
const ShippedDataset* findShippedDataset(std::string_view name);

// Where the shipped files are: the source tree's datasets/ (ATTNLAB_DATASETS_DIR at build time)
// if it exists, else <directory of this program>/../share/attnlab/datasets for an installed
// program; empty when neither exists.
std::string datasetsDirectory();

// The file of a shipped dataset in `directory` (datasetsDirectory() when empty), or "" if absent.
std::string shippedDatasetFile(const ShippedDataset& dataset, const std::string& directory = {});

// A shipped name opens its file, or when the file is missing the same pairs generated in memory
// from the shipped seed and count (identical content). The task's own tokenisation replaces
// options.sourceTokens/targetTokens (swapped when options.reverse). Anything else is a path
// (see loadDataset). Throws DatasetError or DatasetCancelled.
Dataset openDataset(const std::string& nameOrPath, DatasetOptions options = {},
                    const ProgressCallback& progress = {});

// openDataset for a shipped dataset with an explicit directory ("" or a missing file: generate).
Dataset openShippedDataset(const ShippedDataset& dataset, const std::string& directory,
                           DatasetOptions options = {}, const ProgressCallback& progress = {});

} // namespace attnlab
