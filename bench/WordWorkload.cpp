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

    Workload w;
    w.data = prepareData(dataset, {.validationFraction = 0.0, .testFraction = 0.0}, seed, "zipf_words");
    const TrainingData& data = *w.data->data;
    w.config.sourceVocabulary = data.sourceVocabulary.size();
    w.config.targetVocabulary = data.targetVocabulary.size();
    w.config.embedding = 128;
    w.config.hidden = 256;
    w.config.scorer = ScorerKind::General;
    w.config.bidirectional = false;
    double source = 0, target = 0;
    for (const EncodedPair& p : data.train.pairs) {
        source += static_cast<double>(p.source.size());
        target += static_cast<double>(p.target.size() + 1);
    }
    w.averageSource = source / static_cast<double>(data.train.pairs.size());
    w.averageTarget = target / static_cast<double>(data.train.pairs.size());
    return w;
}

} // namespace attnlab::bench
