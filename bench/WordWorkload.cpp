#include "bench/WordWorkload.h"

#include "core/data/DatasetReader.h"
#include "core/data/ZipfWordPairs.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace attnlab::bench {

Workload wordWorkload(int pairs, std::uint64_t seed, const std::string& tsvPath) {
    ZipfWordOptions options;
    options.count = pairs;
    const std::vector<TextPair> generated = generateZipfWordPairs(options, seed);
    DatasetOptions reading;
    reading.sourceTokens = Tokenization::Word;
    reading.targetTokens = Tokenization::Word;
    reading.format = DatasetFormat::Tsv;
    std::shared_ptr<const Dataset> dataset;
    if (!tsvPath.empty()) {
        {
            std::ofstream out(tsvPath, std::ios::binary);
            writeZipfWordTsv(out, generated, options, seed);
            if (!out.flush()) throw std::runtime_error("cannot write " + tsvPath);
        }
        dataset = std::make_shared<const Dataset>(loadDataset(tsvPath, reading));
    } else {
        std::stringstream text;
        writeZipfWordTsv(text, generated, options, seed);
        dataset =
            std::make_shared<const Dataset>(readDataset(text, {"zipf_words", "", "zipf_words.tsv"}, reading));
    }

    return workloadOf(dataset, seed, "zipf_words", 128, 256);
}

} // namespace attnlab::bench
