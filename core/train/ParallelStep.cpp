#include "core/train/ParallelStep.h"

#include <algorithm>

namespace attnlab {

struct ParallelStep::Shard {
    explicit Shard(const ModelConfig& config) : model(config) {}
    Seq2Seq<float> model;
    Seq2SeqCache<float> cache;
    SequenceBatch batch;
    double lossSum = 0.0;
};

SequenceBatch sliceBatch(const SequenceBatch& batch, int begin, int count) {
    SequenceBatch slice;
    slice.batchSize = count;
    slice.sourceLengths.assign(batch.sourceLengths.begin() + begin,
                               batch.sourceLengths.begin() + begin + count);
    slice.targetLengths.assign(batch.targetLengths.begin() + begin,
                               batch.targetLengths.begin() + begin + count);
    if (!batch.pairIndices.empty())
        slice.pairIndices.assign(batch.pairIndices.begin() + begin,
                                 batch.pairIndices.begin() + begin + count);
    slice.sourceLength = *std::max_element(slice.sourceLengths.begin(), slice.sourceLengths.end());
    slice.targetLength = *std::max_element(slice.targetLengths.begin(), slice.targetLengths.end());
    slice.source.resize(static_cast<size_t>(slice.sourceLength) * count);
    slice.target.resize(static_cast<size_t>(slice.targetLength) * count);
    for (int t = 0; t < slice.sourceLength; ++t)
        for (int b = 0; b < count; ++b) slice.source[t * count + b] = batch.sourceAt(t, begin + b);
    for (int t = 0; t < slice.targetLength; ++t)
        for (int b = 0; b < count; ++b) slice.target[t * count + b] = batch.targetAt(t, begin + b);
    if (batch.featureSize > 0) {
        const std::size_t d = static_cast<std::size_t>(batch.featureSize);
        slice.featureSize = batch.featureSize;
        slice.features.resize(d * slice.sourceLength * count);
        for (int t = 0; t < slice.sourceLength; ++t) // (D x S·B) columns t·B + b
            std::copy_n(batch.features.begin() + (static_cast<std::size_t>(t) * batch.batchSize + begin) * d,
                        d * count, slice.features.begin() + static_cast<std::size_t>(t) * count * d);
    }
    return slice;
}

ParallelStep::ParallelStep(Seq2Seq<float>& model, int shardColumns)
    : m_model(model), m_shardColumns(std::max(1, shardColumns)) {}

ParallelStep::~ParallelStep() = default;

ParallelStep::Shard& ParallelStep::shard(int index) {
    while (static_cast<int>(m_shards.size()) <= index)
        m_shards.push_back(std::make_unique<Shard>(m_model.config()));
    return *m_shards[index];
}

StepLoss ParallelStep::run(const SequenceBatch& batch, const std::vector<char>& useGold,
                           Parallelism& parallel, double dropout, std::uint64_t dropoutSeed) {
    const int shardCount = (batch.batchSize + m_shardColumns - 1) / m_shardColumns;
    const int tokens = batch.targetTokenCount();
    const float gradScale = 1.0f / static_cast<float>(tokens);
    for (int i = 0; i < shardCount; ++i) {
        Shard& s = shard(i);
        const int begin = i * m_shardColumns;
        s.batch = sliceBatch(batch, begin, std::min(m_shardColumns, batch.batchSize - begin));
    }
    parallel.forEach(shardCount, [&](int i) {
        Shard& s = *m_shards[i];
        s.model.copyValuesFrom(m_model); // each replica copies its own weights, in parallel
        const ParameterList<float> parameters = s.model.parameters();
        zeroGrad(parameters);
        std::vector<char> shardGold(useGold.begin(), useGold.begin() + s.batch.targetLength);
        Random masks(dropoutSeed * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(i));
        s.lossSum = s.model.lossAndGradients(s.batch, shardGold, gradScale, s.cache, {dropout, &masks});
    });
    // Deterministic reduction: every element sums shard 0, then 1, ...; the parameters are
    // shared out between the threads, which changes no sum.
    const ParameterList<float> target = m_model.parameters();
    std::vector<ParameterList<float>> sources;
    for (int i = 0; i < shardCount; ++i) sources.push_back(m_shards[i]->model.parameters());
    parallel.forEach(static_cast<int>(target.size()), [&](int p) {
        target[p]->grad = sources[0][p]->grad;
        for (int i = 1; i < shardCount; ++i) target[p]->grad += sources[i][p]->grad;
    });
    double lossSum = 0.0;
    for (int i = 0; i < shardCount; ++i) lossSum += m_shards[i]->lossSum;
    return {lossSum / tokens, tokens};
}

} // namespace attnlab
