#pragma once
// B batch, S source length, T target length.
// Forward and backward of one batch, split into shards that run in parallel on model replicas.
// The shards depend only on the batch size, never on the thread count, and their gradients and
// losses are summed in shard order, so the result is bit-identical for any number of threads.
#include "core/nn/Seq2Seq.h"
#include "core/util/Parallel.h"

#include <memory>
#include <vector>

namespace attnlab {

struct StepLoss {
    double loss = 0.0; // mean cross-entropy per target token
    int tokens = 0;    // target tokens in the batch, </s> included
};

// Columns [begin, begin + count) of a batch, trimmed to their own longest source and target.
SequenceBatch sliceBatch(const SequenceBatch& batch, int begin, int count);

class ParallelStep {
public:
    // shardColumns: the most columns one shard takes (a batch of 64 makes two shards of 32).
    explicit ParallelStep(Seq2Seq<float>& model, int shardColumns = 32);
    ~ParallelStep();

    // Leaves the gradient of the mean token loss in the model's parameters (overwritten).
    // With dropout > 0, shard i draws its masks from a generator seeded by (dropoutSeed, i).
    StepLoss run(const SequenceBatch& batch, const std::vector<char>& useGold, Parallelism& parallel,
                 double dropout = 0.0, std::uint64_t dropoutSeed = 0);

private:
    struct Shard;
    Shard& shard(int index);

    Seq2Seq<float>& m_model;
    int m_shardColumns;
    std::vector<std::unique_ptr<Shard>> m_shards;
};

} // namespace attnlab
