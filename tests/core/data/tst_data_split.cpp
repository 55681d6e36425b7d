// Deterministic train/validation/test splits.
#include "core/data/DataSplit.h"

#include <QtTest>

#include <set>

using namespace attnlab;

class TestDataSplit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sizes_data();
    void sizes();
    void partitionsAllPairs();
    void deterministicPerSeed();
    void rejectsBadFractions();
};

void TestDataSplit::sizes_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<double>("validation");
    QTest::addColumn<double>("test");
    QTest::addColumn<int>("trainCount");
    QTest::addColumn<int>("validationCount");
    QTest::addColumn<int>("testCount");
    QTest::newRow("1000 at 10/10") << 1000 << 0.1 << 0.1 << 800 << 100 << 100;
    QTest::newRow("rounding 15 at 0.1/0.2") << 15 << 0.1 << 0.2 << 10 << 2 << 3; // 1.5 -> 2, 3.0 -> 3
    QTest::newRow("tiny fraction gets one") << 20 << 0.01 << 0.0 << 19 << 1 << 0;
    QTest::newRow("no validation, no test") << 7 << 0.0 << 0.0 << 7 << 0 << 0;
    QTest::newRow("one pair trains") << 1 << 0.1 << 0.1 << 1 << 0 << 0;
    QTest::newRow("two pairs") << 2 << 0.3 << 0.3 << 1 << 0 << 1;
}

void TestDataSplit::sizes() {
    QFETCH(int, n);
    QFETCH(double, validation);
    QFETCH(double, test);
    QFETCH(int, trainCount);
    QFETCH(int, validationCount);
    QFETCH(int, testCount);
    const DataSplit split = makeSplit(n, validation, test, 42);
    QCOMPARE(static_cast<int>(split.train.size()), trainCount);
    QCOMPARE(static_cast<int>(split.validation.size()), validationCount);
    QCOMPARE(static_cast<int>(split.test.size()), testCount);
}

void TestDataSplit::partitionsAllPairs() {
    const DataSplit split = makeSplit(500, 0.15, 0.05, 7);
    std::set<int> all;
    for (const auto* part : {&split.train, &split.validation, &split.test}) {
        QVERIFY(std::is_sorted(part->begin(), part->end()));
        all.insert(part->begin(), part->end());
    }
    QCOMPARE(all.size(), std::size_t(500)); // disjoint and complete
    QCOMPARE(*all.begin(), 0);
    QCOMPARE(*all.rbegin(), 499);
    // Shuffled, not cut from the front: test is not simply 0..24.
    QVERIFY(split.test.back() > 24);
}

void TestDataSplit::deterministicPerSeed() {
    const DataSplit a = makeSplit(300, 0.1, 0.1, 1234);
    const DataSplit b = makeSplit(300, 0.1, 0.1, 1234);
    const DataSplit c = makeSplit(300, 0.1, 0.1, 1235);
    QCOMPARE(a.train, b.train);
    QCOMPARE(a.validation, b.validation);
    QCOMPARE(a.test, b.test);
    QVERIFY(a.test != c.test);
}

void TestDataSplit::rejectsBadFractions() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeSplit(10, -0.1, 0.1, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeSplit(10, 0.5, 0.5, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeSplit(10, 1.0, 0.0, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeSplit(0, 0.1, 0.1, 1));
}

QTEST_APPLESS_MAIN(TestDataSplit)
#include "tst_data_split.moc"
