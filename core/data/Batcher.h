#pragma once
// Cuts the encoded pairs of one split into padded, time-major SequenceBatches.
//
// Training epochs are length-bucketed and shuffled: the pairs are shuffled from (seed, epoch),
// taken in pools of PoolBatches batches, each pool sorted by (source, target) length and cut
// into batches (so a batch holds similar lengths and little padding), and the batch order is
// shuffled again. The same seed and epoch always give the same batches.
#include <cstddef> // before SequenceBatch.h, which uses size_t without including it

#include "core/data/EncodedPair.h"
#include "core/nn/SequenceBatch.h"

#include <cstdint>
#include <vector>

namespace attnlab {

class Batcher {
public:
    static constexpr int PoolBatches = 32;

    // Owns its pairs (move them in to avoid a copy). Throws std::invalid_argument when
    // batchSize < 1 or a pair has an empty side.
    // appendEnd false: targets are a label model's labels, one token each with no </s> after it.
    Batcher(std::vector<EncodedPair> pairs, int batchSize, std::uint64_t seed, bool appendEnd = true);

    int pairCount() const { return static_cast<int>(m_pairs.size()); }
    int batchSize() const { return m_batchSize; }
    int batchesPerEpoch() const { return (pairCount() + m_batchSize - 1) / m_batchSize; }
    const std::vector<EncodedPair>& pairs() const { return m_pairs; }

    // Epoch `epoch`'s batches, bucketed and shuffled; every pair exactly once.
    std::vector<SequenceBatch> epoch(int epoch) const;
    // All pairs sorted by (source, target) length, then index, cut into batches, never shuffled:
    // for validation and tests.
    std::vector<SequenceBatch> ordered() const;

    // One batch of the pairs at `indices` (pairIndices records them).
    SequenceBatch makeBatch(const std::vector<int>& indices) const;

private:
    void copyFeatures(const std::vector<int>& indices, SequenceBatch& batch) const;
    void sortByLength(std::vector<int>::iterator begin, std::vector<int>::iterator end) const;

    std::vector<EncodedPair> m_pairs;
    int m_batchSize;
    std::uint64_t m_seed;
    bool m_appendEnd;
};

} // namespace attnlab
