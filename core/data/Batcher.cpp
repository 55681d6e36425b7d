#include "core/data/Batcher.h"

#include "core/util/Random.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

namespace attnlab {
namespace {

// SplitMix64 finaliser: decorrelates the epoch streams of nearby seeds and epochs.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

template <class T> void shuffle(std::vector<T>& items, Random& rng) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[rng.below(i)]);
}

} // namespace

Batcher::Batcher(std::vector<EncodedPair> pairs, int batchSize, std::uint64_t seed, bool appendEnd)
    : m_pairs(std::move(pairs)), m_batchSize(batchSize), m_seed(seed), m_appendEnd(appendEnd) {
    if (batchSize < 1)
        throw std::invalid_argument("batcher: batch size must be >= 1, got " + std::to_string(batchSize));
    for (std::size_t i = 0; i < m_pairs.size(); ++i)
        if (m_pairs[i].source.empty() || m_pairs[i].target.empty())
            throw std::invalid_argument("batcher: pair " + std::to_string(i) + " has an empty side");
}

void Batcher::sortByLength(std::vector<int>::iterator begin, std::vector<int>::iterator end) const {
    std::stable_sort(begin, end, [this](int a, int b) {
        const EncodedPair& x = m_pairs[static_cast<std::size_t>(a)];
        const EncodedPair& y = m_pairs[static_cast<std::size_t>(b)];
        return x.source.size() != y.source.size() ? x.source.size() < y.source.size()
                                                  : x.target.size() < y.target.size();
    });
}

std::vector<SequenceBatch> Batcher::epoch(int epoch) const {
    Random rng(mix(m_seed ^ mix(static_cast<std::uint64_t>(epoch))));
    std::vector<int> order(m_pairs.size());
    std::iota(order.begin(), order.end(), 0);
    shuffle(order, rng);

    std::vector<std::vector<int>> groups;
    const std::size_t pool = static_cast<std::size_t>(m_batchSize) * PoolBatches;
    for (std::size_t start = 0; start < order.size(); start += pool) {
        const std::size_t end = std::min(order.size(), start + pool);
        sortByLength(order.begin() + static_cast<std::ptrdiff_t>(start),
                     order.begin() + static_cast<std::ptrdiff_t>(end));
        for (std::size_t b = start; b < end; b += static_cast<std::size_t>(m_batchSize))
            groups.emplace_back(order.begin() + static_cast<std::ptrdiff_t>(b),
                                order.begin() + static_cast<std::ptrdiff_t>(std::min(end, b + m_batchSize)));
    }
    shuffle(groups, rng);

    std::vector<SequenceBatch> batches;
    batches.reserve(groups.size());
    for (const std::vector<int>& group : groups) batches.push_back(makeBatch(group));
    return batches;
}

std::vector<SequenceBatch> Batcher::ordered() const {
    std::vector<int> order(m_pairs.size());
    std::iota(order.begin(), order.end(), 0);
    sortByLength(order.begin(), order.end());
    std::vector<SequenceBatch> batches;
    for (std::size_t b = 0; b < order.size(); b += static_cast<std::size_t>(m_batchSize))
        batches.push_back(makeBatch(std::vector<int>(
            order.begin() + static_cast<std::ptrdiff_t>(b),
            order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), b + m_batchSize)))));
    return batches;
}

void Batcher::copyFeatures(const std::vector<int>& indices, SequenceBatch& batch) const {
    const int B = batch.batchSize;
    const int d = m_pairs[static_cast<std::size_t>(indices[0])].features->rows;
    batch.featureSize = d;
    batch.features.assign(static_cast<std::size_t>(d) * batch.sourceLength * B, 0.0f); // (D x S·B)
    for (int b = 0; b < B; ++b) {
        const SourceFeatures* f =
            m_pairs[static_cast<std::size_t>(indices[static_cast<std::size_t>(b)])].features.get();
        if (!f || f->rows != d)
            throw std::invalid_argument("a batch mixes pairs with and without " + std::to_string(d) +
                                        "-value features");
        for (int t = 0; t < f->columns; ++t)
            std::copy(f->column(t).begin(), f->column(t).end(),
                      batch.features.begin() + (static_cast<std::size_t>(t) * B + b) * d);
    }
}

SequenceBatch Batcher::makeBatch(const std::vector<int>& indices) const {
    SequenceBatch batch;
    const int B = static_cast<int>(indices.size());
    batch.batchSize = B;
    batch.pairIndices = indices;
    for (const int i : indices) {
        const EncodedPair& pair = m_pairs.at(static_cast<std::size_t>(i));
        batch.sourceLengths.push_back(static_cast<int>(pair.source.size()));
        batch.targetLengths.push_back(static_cast<int>(pair.target.size()) + (m_appendEnd ? 1 : 0)); // + </s>
    }
    batch.sourceLength = B ? *std::max_element(batch.sourceLengths.begin(), batch.sourceLengths.end()) : 0;
    batch.targetLength = B ? *std::max_element(batch.targetLengths.begin(), batch.targetLengths.end()) : 0;
    batch.source.assign(static_cast<std::size_t>(batch.sourceLength) * B, PadId); // (S x B)
    batch.target.assign(static_cast<std::size_t>(batch.targetLength) * B, PadId); // (T x B)
    for (int b = 0; b < B; ++b) {
        const EncodedPair& pair = m_pairs[static_cast<std::size_t>(indices[static_cast<std::size_t>(b)])];
        for (std::size_t t = 0; t < pair.source.size(); ++t) batch.source[t * B + b] = pair.source[t];
        for (std::size_t t = 0; t < pair.target.size(); ++t) batch.target[t * B + b] = pair.target[t];
        if (m_appendEnd) batch.target[pair.target.size() * B + b] = EndId;
    }
    if (B > 0 && m_pairs[static_cast<std::size_t>(indices[0])].features) copyFeatures(indices, batch);
    return batch;
}

} // namespace attnlab
