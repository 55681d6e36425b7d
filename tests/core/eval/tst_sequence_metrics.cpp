// Loss per token, token accuracy, exact match and accuracy by source length on hand-made pairs.
#include "core/eval/SequenceMetrics.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace attnlab;

using Ids = std::vector<int>;

class TestSequenceMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void onePair_data();
    void onePair();
    void corpusAccuracy();
    void unknownReferencesAreWrong();
    void bySourceLength();
    void meanLoss();
    void emptyAndInvalid();
};

void TestSequenceMetrics::onePair_data() {
    QTest::addColumn<Ids>("hypothesis");
    QTest::addColumn<Ids>("reference");
    QTest::addColumn<int>("matching");
    QTest::addColumn<bool>("exact");

    QTest::newRow("equal") << Ids{5, 6, 7, 2} << Ids{5, 6, 7, 2} << 4 << true;
    // Position 2 differs, position 3 (</s>) is missing from the hypothesis: 2 of 4 right.
    QTest::newRow("wrong and short") << Ids{5, 6, 8} << Ids{5, 6, 7, 2} << 2 << false;
    // Extra hypothesis tokens are not counted as positions, but break the exact match.
    QTest::newRow("too long") << Ids{5, 6, 7, 9, 9} << Ids{5, 6, 7} << 3 << false;
    // Position by position, no realignment: one insertion shifts everything after it.
    QTest::newRow("shifted") << Ids{4, 5, 6, 7} << Ids{5, 6, 7} << 0 << false;
    QTest::newRow("empty hypothesis") << Ids{} << Ids{5, 6} << 0 << false;
    QTest::newRow("both empty") << Ids{} << Ids{} << 0 << true;
    // <unk> (id 3) in the reference is never right, not even when the hypothesis says <unk>: the
    // model has not produced the token it stands for.
    QTest::newRow("unk matched by unk") << Ids{5, 3, 7} << Ids{5, 3, 7} << 2 << false;
    QTest::newRow("all unk") << Ids{3, 3, 3} << Ids{3, 3, 3} << 0 << false;
    QTest::newRow("unk in reference only") << Ids{5, 6} << Ids{5, 3} << 1 << false;
    // <unk> in the hypothesis against a known reference token was always wrong.
    QTest::newRow("unk in hypothesis only") << Ids{5, 3} << Ids{5, 6} << 1 << false;
}

void TestSequenceMetrics::onePair() {
    QFETCH(Ids, hypothesis);
    QFETCH(Ids, reference);
    QFETCH(int, matching);
    QFETCH(bool, exact);
    QCOMPARE(matchingPositions(hypothesis, reference), long(matching));
    QCOMPARE(exactMatch(hypothesis, reference), exact);
}

void TestSequenceMetrics::corpusAccuracy() {
    const std::vector<Ids> hyps{{5, 6, 8}, {5, 6, 7, 9, 9}, {4, 4}};
    const std::vector<Ids> refs{{5, 6, 7, 2}, {5, 6, 7}, {4, 4}};
    // Matching positions 2 + 3 + 2 = 7 over reference tokens 4 + 3 + 2 = 9.
    QCOMPARE(tokenAccuracy(hyps, refs), 7.0 / 9.0);
    // Only the third pair is equal: 1 of 3.
    QCOMPARE(exactMatchAccuracy(hyps, refs), 1.0 / 3.0);
}

void TestSequenceMetrics::unknownReferencesAreWrong() {
    // A model that learned to answer <unk> (3) for data its vocabulary lacks, on that data:
    // everything "equal", yet only the known tokens 5, 6, 7 of the last pair count.
    const std::vector<Ids> hyps{{3, 3, 3}, {3, 3}, {5, 3, 7}, {6}};
    const std::vector<Ids> refs{{3, 3, 3}, {3, 3}, {5, 3, 7}, {6}};
    // Correct 0 + 0 + 2 + 1 = 3 of 3 + 2 + 3 + 1 = 9 reference tokens; only {6} matches exactly.
    QCOMPARE(tokenAccuracy(hyps, refs), 3.0 / 9.0);
    QCOMPARE(exactMatchAccuracy(hyps, refs), 1.0 / 4.0);
    // By source length: pairs 0 and 3 have length 2, pairs 1 and 2 length 4.
    const std::vector<LengthAccuracy> table = accuracyBySourceLength({2, 4, 4, 2}, hyps, refs);
    const std::vector<LengthAccuracy> expected{
        {2, 2, 1, 1, 4},
        {4, 2, 0, 2, 5},
    };
    QCOMPARE(table, expected);
    QCOMPARE(table[1].exactMatchRate(), 0.0);
    QCOMPARE(table[1].tokenAccuracyRate(), 2.0 / 5.0);
}

void TestSequenceMetrics::bySourceLength() {
    const std::vector<int> sourceLengths{3, 1, 3, 2, 3};
    // Data ids only (>= 4): <unk> (3) has its own test, unknownReferencesAreWrong.
    const std::vector<Ids> hyps{{4, 5}, {7}, {4, 8}, {4, 5}, {4, 5, 8}};
    const std::vector<Ids> refs{{4, 5}, {7}, {4, 5}, {4, 6}, {4, 5, 8}};
    const std::vector<LengthAccuracy> table = accuracyBySourceLength(sourceLengths, hyps, refs);
    // Length 1: pair 1, exact. Length 2: pair 3, 1 of 2 tokens. Length 3: pairs 0, 2, 4, of which
    // 0 and 4 are exact (2 of 3), tokens 2 + 1 + 3 = 6 of 2 + 2 + 3 = 7.
    const std::vector<LengthAccuracy> expected{
        {1, 1, 1, 1, 1},
        {2, 1, 0, 1, 2},
        {3, 3, 2, 6, 7},
    };
    QCOMPARE(table, expected);
    QCOMPARE(table[2].exactMatchRate(), 2.0 / 3.0);
    QCOMPARE(table[2].tokenAccuracyRate(), 6.0 / 7.0);
    QCOMPARE(table[1].exactMatchRate(), 0.0);
}

void TestSequenceMetrics::meanLoss() {
    // Two batches: 6.0 nats over 4 tokens and 3.0 over 2 -> 9.0 / 6 = 1.5 nats per token.
    QCOMPARE(meanTokenLoss(6.0 + 3.0, 4 + 2), 1.5);
    QVERIFY(std::isnan(meanTokenLoss(0.0, 0)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanTokenLoss(1.0, -1));
}

void TestSequenceMetrics::emptyAndInvalid() {
    QVERIFY(std::isnan(tokenAccuracy({}, {})));
    QVERIFY(std::isnan(exactMatchAccuracy({}, {})));
    QVERIFY(accuracyBySourceLength({}, {}, {}).empty());
    QVERIFY(std::isnan(LengthAccuracy{}.exactMatchRate()));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tokenAccuracy({{1}}, {}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, exactMatchAccuracy({}, {{1}}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, accuracyBySourceLength({1, 2}, {{1}}, {{1}}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, accuracyBySourceLength({-1}, {{1}}, {{1}}));
}

QTEST_APPLESS_MAIN(TestSequenceMetrics)
#include "tst_sequence_metrics.moc"
