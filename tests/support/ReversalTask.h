#pragma once
// The sequence-reversal task as a seeded batch generator, for tests that need a model that has
// really learned something (no dependency on core/data).
#include "core/data/TrainingData.h"
#include "core/nn/ModelConfig.h"
#include "core/nn/SequenceBatch.h"
#include "core/util/Random.h"

#include <algorithm>
#include <vector>

namespace attnlab::test {

constexpr int kReversalVocabulary = 10; // 4 specials + 6 symbols (ids 4..9)

// A random string of 3..7 symbols.
inline std::vector<int> reversalSource(Random& random) {
    std::vector<int> s(3 + random.below(5));
    for (int& token : s) token = 4 + static_cast<int>(random.below(kReversalVocabulary - 4));
    return s;
}

// count strings and their reversals (+ </s>), time-major and padded.
inline SequenceBatch reversalBatch(int count, Random& random) {
    std::vector<std::vector<int>> sources(count);
    for (auto& s : sources) s = reversalSource(random);
    SequenceBatch batch;
    batch.batchSize = count;
    for (const auto& s : sources) {
        batch.sourceLengths.push_back(static_cast<int>(s.size()));
        batch.targetLengths.push_back(static_cast<int>(s.size()) + 1);
        batch.sourceLength = std::max(batch.sourceLength, static_cast<int>(s.size()));
    }
    batch.targetLength = batch.sourceLength + 1;
    batch.source.assign(batch.sourceLength * count, PadId);
    batch.target.assign(batch.targetLength * count, PadId);
    for (int b = 0; b < count; ++b) {
        const auto& s = sources[b];
        const int n = static_cast<int>(s.size());
        for (int t = 0; t < n; ++t) {
            batch.source[t * count + b] = s[t];
            batch.target[t * count + b] = s[n - 1 - t];
        }
        batch.target[n * count + b] = EndId;
    }
    return batch;
}

inline ModelConfig reversalConfig(ScorerKind scorer = ScorerKind::General) {
    ModelConfig config;
    config.sourceVocabulary = config.targetVocabulary = kReversalVocabulary;
    config.embedding = 16;
    config.hidden = 32;
    config.scorer = scorer;
    return config;
}

// trainPairs and validationPairs reversal pairs as a trainer takes them (vocabulary: the specials
// and the symbols 'a'..'f' as ids 4..9 on both sides).
inline TrainingData reversalTrainingData(int trainPairs, int validationPairs, std::uint64_t seed) {
    TrainingData data;
    std::vector<std::string> tokens(Vocabulary::SpecialTokens.begin(), Vocabulary::SpecialTokens.end());
    for (char c = 'a'; c < 'a' + kReversalVocabulary - 4; ++c) tokens.push_back(std::string(1, c));
    data.sourceVocabulary = Vocabulary::fromTokens(tokens);
    data.targetVocabulary = data.sourceVocabulary;
    Random random(seed);
    auto fill = [&](EncodedSplit& split, int count) {
        for (int i = 0; i < count; ++i) {
            EncodedPair pair;
            pair.source = reversalSource(random);
            pair.target.assign(pair.source.rbegin(), pair.source.rend());
            split.pairs.push_back(pair);
            split.datasetIndices.push_back(i);
        }
    };
    fill(data.train, trainPairs);
    fill(data.validation, validationPairs);
    return data;
}

} // namespace attnlab::test
