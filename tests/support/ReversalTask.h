#pragma once
// The sequence-reversal task as a seeded batch generator, for tests that need a model that has
// really learned something (no dependency on core/data).
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

} // namespace attnlab::test
