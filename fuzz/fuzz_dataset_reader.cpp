// libFuzzer target: a dataset file as the window and the CLI load it. The first byte chooses the
// options (format, tokenisations, reverse, lowercase, trim, length limits); the rest is the file.
// A file the reader accepts is then walked pair by pair and split and encoded for training, as
// the window does after loading. Anything but a DatasetError is a bug.
#include "core/data/DatasetError.h"
#include "core/data/DatasetReader.h"
#include "core/data/TrainingData.h"

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

using namespace attnlab;

namespace {

DatasetOptions optionsFrom(std::uint8_t bits) {
    DatasetOptions options;
    options.format = (bits & 1) ? DatasetFormat::Csv : DatasetFormat::Tsv;
    options.sourceTokens = (bits & 2) ? Tokenization::Word : Tokenization::Char;
    options.targetTokens = (bits & 4) ? Tokenization::Word : Tokenization::Char;
    options.reverse = bits & 8;
    options.lowercase = bits & 16;
    options.trim = !(bits & 32);
    options.maxSourceLength = (bits & 64) ? 3 : 0;
    options.maxTargetLength = (bits & 128) ? 4 : 0;
    return options;
}

// What the window and the trainer read from a loaded dataset; every pair must be consistent.
void walk(const Dataset& dataset) {
    for (int i = 0; i < dataset.size(); ++i) {
        const TextPair pair = dataset.pair(i);
        const auto sourceTokens = dataset.sourceTokens(i);
        const auto targetTokens = dataset.targetTokens(i);
        if (sourceTokens.empty() || targetTokens.empty()) std::abort(); // empty sides are refused
        for (const AlignmentLink& link : dataset.alignment(i))
            if (link.source < 0 || link.source >= static_cast<int>(sourceTokens.size()) || link.target < 0 ||
                link.target >= static_cast<int>(targetTokens.size()))
                std::abort(); // a kept link points at a kept token
    }
    PrepareOptions prepare;
    prepare.validationFraction = 0.25;
    prepare.testFraction = 0.25;
    const TrainingData data = prepareTrainingData(dataset, prepare, 7);
    if (data.train.pairs.size() + data.validation.pairs.size() + data.test.pairs.size() !=
        static_cast<std::size_t>(dataset.size()))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const DatasetOptions options = optionsFrom(data[0]);
    std::istringstream in(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
    const DatasetSource source{"fuzz", "", "fuzz-input", static_cast<std::int64_t>(size - 1)};
    try {
        walk(readDataset(in, source, options));
    } catch (const DatasetError&) {
    }
    return 0;
}
