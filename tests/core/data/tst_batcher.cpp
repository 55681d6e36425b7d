// Padded time-major batches, length bucketing and per-epoch shuffling.
#include "core/data/Batcher.h"

#include "core/util/Random.h"

#include <QtTest>

#include <set>

using namespace attnlab;

namespace {

// Pairs with source lengths spread over 1..20 and target lengths close to them, as in real data.
std::vector<EncodedPair> makePairs(int n, std::uint64_t seed) {
    Random rng(seed);
    std::vector<EncodedPair> pairs;
    for (int i = 0; i < n; ++i) {
        const int s = 1 + static_cast<int>(rng.below(20)), t = s + static_cast<int>(rng.below(3));
        pairs.push_back({std::vector<int>(static_cast<std::size_t>(s), 4 + i % 50),
                         std::vector<int>(static_cast<std::size_t>(t), 4 + i % 50)});
    }
    return pairs;
}

// Padding positions over all batches, source and target.
long padding(const std::vector<SequenceBatch>& batches) {
    long pad = 0;
    for (const SequenceBatch& b : batches)
        for (int i = 0; i < b.batchSize; ++i)
            pad += (b.sourceLength - b.sourceLengths[i]) + (b.targetLength - b.targetLengths[i]);
    return pad;
}

std::vector<int> allIndices(const std::vector<SequenceBatch>& batches) {
    std::vector<int> all;
    for (const SequenceBatch& b : batches) all.insert(all.end(), b.pairIndices.begin(), b.pairIndices.end());
    return all;
}

} // namespace

class TestBatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void batchLayout();
    void epochCoversEveryPairOnce();
    void sameSeedSameEpoch();
    void bucketingCutsPadding();
    void orderedIsSortedAndStable();
    void rejectsBadInput();
};

void TestBatcher::batchLayout() {
    // Two pairs: sources (5 6 7) and (8), targets (9) and (10 11).
    const Batcher batcher({{{5, 6, 7}, {9}}, {{8}, {10, 11}}}, 2, 1);
    const SequenceBatch b = batcher.makeBatch({0, 1});
    QCOMPARE(b.batchSize, 2);
    QCOMPARE(b.sourceLength, 3);
    QCOMPARE(b.targetLength, 3); // (10 11 </s>)
    QCOMPARE(b.sourceLengths, (std::vector<int>{3, 1}));
    QCOMPARE(b.targetLengths, (std::vector<int>{2, 3}));
    // (S x B) time-major: source[t * B + b].
    QCOMPARE(b.source, (std::vector<int>{5, 8, 6, PadId, 7, PadId}));
    // (T x B), each target ends with </s>, no <s>.
    QCOMPARE(b.target, (std::vector<int>{9, 10, EndId, 11, PadId, EndId}));
    QCOMPARE(b.sourceAt(2, 0), 7);
    QCOMPARE(b.targetAt(1, 0), int(EndId));
    QCOMPARE(b.targetTokenCount(), 5);
    QCOMPARE(b.pairIndices, (std::vector<int>{0, 1}));
}

void TestBatcher::epochCoversEveryPairOnce() {
    const Batcher batcher(makePairs(1000, 3), 16, 9);
    QCOMPARE(batcher.batchesPerEpoch(), 63); // ceil(1000 / 16)
    const std::vector<SequenceBatch> batches = batcher.epoch(0);
    QCOMPARE(static_cast<int>(batches.size()), 63);
    std::vector<int> all = allIndices(batches);
    std::sort(all.begin(), all.end());
    std::vector<int> expected(1000);
    std::iota(expected.begin(), expected.end(), 0);
    QCOMPARE(all, expected);
    for (const SequenceBatch& b : batches) {
        QVERIFY(b.batchSize >= 1 && b.batchSize <= 16);
        for (int i = 0; i < b.batchSize; ++i) {
            const EncodedPair& p = batcher.pairs()[static_cast<std::size_t>(b.pairIndices[i])];
            QCOMPARE(b.sourceLengths[i], static_cast<int>(p.source.size()));
            QCOMPARE(b.sourceAt(0, i), p.source[0]);
            QCOMPARE(b.targetAt(b.targetLengths[i] - 1, i), int(EndId));
        }
    }
}

void TestBatcher::sameSeedSameEpoch() {
    const std::vector<EncodedPair> pairs = makePairs(300, 5);
    const Batcher a(pairs, 8, 77), b(pairs, 8, 77), c(pairs, 8, 78);
    QCOMPARE(allIndices(a.epoch(3)), allIndices(b.epoch(3)));
    QCOMPARE(a.epoch(3).front().source, b.epoch(3).front().source);
    QVERIFY(allIndices(a.epoch(3)) != allIndices(a.epoch(4))); // reshuffled every epoch
    QVERIFY(allIndices(a.epoch(3)) != allIndices(c.epoch(3))); // and per seed
}

void TestBatcher::bucketingCutsPadding() {
    const std::vector<EncodedPair> pairs = makePairs(2000, 11);
    const Batcher batcher(pairs, 32, 1);
    // The same batch size without bucketing: consecutive pairs of a shuffled order.
    std::vector<int> order(pairs.size());
    std::iota(order.begin(), order.end(), 0);
    Random rng(1);
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    std::vector<SequenceBatch> unbucketed;
    for (std::size_t i = 0; i < order.size(); i += 32)
        unbucketed.push_back(batcher.makeBatch(
            std::vector<int>(order.begin() + static_cast<long>(i),
                             order.begin() + static_cast<long>(std::min(order.size(), i + 32)))));
    const long bucketed = padding(batcher.epoch(0));
    const long random = padding(unbucketed);
    qInfo("padding: bucketed %ld, random %ld", bucketed, random);
    QVERIFY2(bucketed * 5 < random, qPrintable(QString("bucketed %1, random %2").arg(bucketed).arg(random)));
}

void TestBatcher::orderedIsSortedAndStable() {
    const Batcher batcher(makePairs(100, 2), 10, 4);
    const std::vector<SequenceBatch> a = batcher.ordered(), b = batcher.ordered();
    QCOMPARE(allIndices(a), allIndices(b));
    std::vector<std::pair<std::size_t, std::size_t>> lengths;
    for (const int i : allIndices(a))
        lengths.emplace_back(batcher.pairs()[static_cast<std::size_t>(i)].source.size(),
                             batcher.pairs()[static_cast<std::size_t>(i)].target.size());
    QVERIFY(std::is_sorted(lengths.begin(), lengths.end()));
    QCOMPARE(static_cast<int>(a.size()), 10);
}

void TestBatcher::rejectsBadInput() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Batcher({{{1}, {1}}}, 0, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Batcher({{{}, {1}}}, 4, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Batcher({{{1}, {}}}, 4, 1));
}

QTEST_APPLESS_MAIN(TestBatcher)
#include "tst_batcher.moc"
