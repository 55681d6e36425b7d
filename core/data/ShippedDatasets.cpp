#include "core/data/ShippedDatasets.h"

#include "core/data/DatasetReader.h"
#include "core/data/MediaDatasets.h"
#include "core/data/TaskGenerators.h"

#include <filesystem>
#include <sstream>

namespace attnlab {
namespace {

namespace fs = std::filesystem;

bool isDirectory(const fs::path& path) {
    std::error_code error;
    return fs::is_directory(path, error);
}

} // namespace

const std::vector<ShippedDataset>& shippedDatasets() {
    static const std::vector<ShippedDataset> datasets = {
        {"dates", "Human-readable dates in 15 formats ('saturday, march 7 2015', '3/7/15') to ISO YYYY-MM-DD",
         Tokenization::Char, Tokenization::Char, 6000, 1},
        {"reverse", "Random letter strings (4-16) to their reversal: an anti-diagonal alignment",
         Tokenization::Char, Tokenization::Char, 4000, 1},
        {"sort", "Digit strings (3-12) to their digits sorted: a permutation alignment", Tokenization::Char,
         Tokenization::Char, 4000, 1},
        // Bahdanau et al.'s Figure 2 in a few minutes for all seven scorers (datasets/copy_long.md):
        // both directions let `none` copy short strings; its fixed vector still loses long ones.
        {"copy_long", "Copy letter strings of length 5 to 60: where a fixed-vector encoder-decoder fails",
         Tokenization::Char, Tokenization::Char, 10000, 1,
         RecommendedSettings{.bidirectional = true, .batchSize = 32, .epochs = 7, .learningRate = 3e-3}},
        {"numbers", "Integers up to 999,999 in digits to English words ('42' -> 'forty two')",
         Tokenization::Char, Tokenization::Word, 5000, 1},
        {"translation", "Toy English to French with adjective reordering and gender agreement",
         Tokenization::Word, Tokenization::Word, 5000, 1},
        // Issue 15's summarization: a long sentence to a short headline (datasets/headlines.md).
        {"headlines",
         "Templated news sentences (about 20 words) to their headlines ('acme shares rise after strong "
         "profits')",
         Tokenization::Word, Tokenization::Word, 5000, 1,
         RecommendedSettings{.epochs = 20, .learningRate = 3e-3}},
        // Issue 15's label kinds (datasets/sentiment.md, entailment.md).
        {"sentiment",
         "Short film reviews (5-14 words) with negation and contrast to positive or negative; gold "
         "evidence words",
         Tokenization::Word, Tokenization::Word, 4000, 1,
         RecommendedSettings{.scorer = ScorerKind::ScaledDot}, InputKind::Tokens, 0, 0,
         TaskKind::Classification},
        {"entailment",
         "Premise | hypothesis (hypernyms, negation, quantifiers, swapped roles) to entailment, "
         "contradiction or neutral",
         Tokenization::Word,
         Tokenization::Word,
         6000,
         1,
         {},
         InputKind::Tokens,
         0,
         0,
         TaskKind::Entailment},
        // Issue 14: real audio made by espeak-ng on this machine (datasets/spoken.md), and pictures.
        {"spoken", "Spoken digits and command words (espeak-ng, 2-6 words) as log-mel frames to the words",
         Tokenization::Word, Tokenization::Word, 1500, 1,
         RecommendedSettings{.bidirectional = true,
                             .batchSize = 16,
                             .epochs = 12,
                             .learningRate = 3e-3,
                             .locationKernel = 31},
         InputKind::Frames, 2, 6},
        {"spoken_long", "Long utterances (10-16 words, 4-6 s) for location-aware attention",
         Tokenization::Word, Tokenization::Word, 800, 2,
         RecommendedSettings{.bidirectional = true,
                             .batchSize = 16,
                             .epochs = 12,
                             .learningRate = 3e-3,
                             .locationKernel = 31},
         InputKind::Frames, 10, 16},
        {"shapes", "48x48 scenes of coloured shapes to captions ('a red circle above a blue square')",
         Tokenization::Word, Tokenization::Word, 6000, 1,
         RecommendedSettings{.bidirectional = true, .batchSize = 32, .epochs = 30, .learningRate = 3e-3},
         InputKind::Image},
    };
    return datasets;
}

const ShippedDataset* findShippedDataset(std::string_view name) {
    for (const ShippedDataset& dataset : shippedDatasets())
        if (dataset.name == name) return &dataset;
    return nullptr;
}

std::string datasetsDirectory() {
#ifdef ATTNLAB_DATASETS_DIR
    if (isDirectory(ATTNLAB_DATASETS_DIR)) return ATTNLAB_DATASETS_DIR;
#endif
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed = exe.parent_path() / ".." / "share" / "attnlab" / "datasets";
        if (isDirectory(installed)) return fs::weakly_canonical(installed, error).string();
    }
    return {};
}

std::string shippedDatasetFile(const ShippedDataset& dataset, const std::string& directory) {
    if (dataset.input != InputKind::Tokens) return {}; // generated on the machine
    const std::string dir = directory.empty() ? datasetsDirectory() : directory;
    if (dir.empty()) return {};
    const fs::path file = fs::path(dir) / (dataset.name + ".tsv");
    std::error_code error;
    return fs::is_regular_file(file, error) ? file.string() : std::string();
}

Dataset openShippedDataset(const ShippedDataset& dataset, const std::string& directory,
                           DatasetOptions options, const ProgressCallback& progress) {
    options.sourceTokens = options.reverse ? dataset.targetTokens : dataset.sourceTokens;
    options.targetTokens = options.reverse ? dataset.sourceTokens : dataset.targetTokens;
    options.format = DatasetFormat::Tsv;
    options.task = dataset.task; // the file says so too; generated in memory it is the same text
    if (dataset.input == InputKind::Frames)
        return generateSpokenDataset(dataset.name, dataset.defaultCount, dataset.seed,
                                     {.minWords = dataset.minWords, .maxWords = dataset.maxWords}, options,
                                     progress);
    if (dataset.input == InputKind::Image)
        return generateShapesDataset(dataset.name, dataset.defaultCount, dataset.seed, options, progress);
    const std::string file = directory.empty() ? std::string() : shippedDatasetFile(dataset, directory);
    if (!file.empty()) return loadDataset(file, options, progress);
    // The very text the file would hold, read by the same reader: identical pairs and report.
    std::ostringstream text;
    writeTaskTsv(text, dataset.name, dataset.defaultCount, dataset.seed);
    std::string tsv = std::move(text).str();
    const DatasetSource source{
        dataset.name, {}, dataset.name + " (generated in memory)", static_cast<std::int64_t>(tsv.size())};
    std::istringstream in(std::move(tsv));
    return readDataset(in, source, options, progress);
}

Dataset openDataset(const std::string& nameOrPath, DatasetOptions options, const ProgressCallback& progress) {
    if (const ShippedDataset* shipped = findShippedDataset(nameOrPath))
        return openShippedDataset(*shipped, datasetsDirectory(), std::move(options), progress);
    if (const std::optional<InputKind> media = mediaKindOfTsv(nameOrPath))
        return loadMediaDataset(nameOrPath, *media, options, progress);
    return loadDataset(nameOrPath, options, progress);
}

} // namespace attnlab
