// Accuracy, per-class scores, macro-F1 and the confusion matrix on small hand-worked examples,
// including which absent classes macro-F1 leaves out.
#include "core/eval/Classification.h"

#include <QtTest>

#include <cmath>

using namespace attnlab;

namespace {

// Nine examples, three classes, as (gold, predicted):
//   (0,0) (0,0) (0,1) (1,1) (1,2) (2,2) (2,2) (2,1) (2,2)
// Confusion (gold rows x predicted columns):
//          p0 p1 p2 | gold
//   g0   [  2  1  0 ]  3
//   g1   [  0  1  1 ]  2
//   g2   [  0  1  3 ]  4
//   pred    2  3  4    9
// accuracy = (2 + 1 + 3) / 9 = 2/3
// class 0: P = 2/2 = 1,   R = 2/3, F1 = 2 (2/3) / (5/3)       = 4/5
// class 1: P = 1/3,       R = 1/2, F1 = 2 (1/6) / (5/6)       = 2/5
// class 2: P = 3/4,       R = 3/4, F1 = 3/4
// macro-F1 = (4/5 + 2/5 + 3/4) / 3 = (16 + 8 + 15) / 60 = 39/60 = 13/20
const std::vector<int> kGold = {0, 0, 0, 1, 1, 2, 2, 2, 2};
const std::vector<int> kPredicted = {0, 0, 1, 1, 2, 2, 2, 1, 2};

} // namespace

class TestClassificationMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void confusion() {
        ConfusionMatrix cm(3);
        cm.add(kGold, kPredicted);
        QCOMPARE(cm.total(), 9L);
        const long expected[3][3] = {{2, 1, 0}, {0, 1, 1}, {0, 1, 3}};
        for (int g = 0; g < 3; ++g)
            for (int p = 0; p < 3; ++p) QCOMPARE(cm.count(g, p), expected[g][p]);
    }

    void scores() {
        ConfusionMatrix cm(3);
        cm.add(kGold, kPredicted);
        QCOMPARE(cm.accuracy(), 2.0 / 3);
        const ClassScores c0 = cm.classScores(0), c1 = cm.classScores(1), c2 = cm.classScores(2);
        QCOMPARE(c0.precision, 1.0);
        QCOMPARE(c0.recall, 2.0 / 3);
        QCOMPARE(c0.f1, 0.8);
        QCOMPARE(c0.gold, 3L);
        QCOMPARE(c0.predicted, 2L);
        QCOMPARE(c1.precision, 1.0 / 3);
        QCOMPARE(c1.recall, 0.5);
        QCOMPARE(c1.f1, 0.4);
        QCOMPARE(c1.predicted, 3L);
        QCOMPARE(c2.precision, 0.75);
        QCOMPARE(c2.recall, 0.75);
        QCOMPARE(c2.f1, 0.75);
        QCOMPARE(cm.macroF1(), 13.0 / 20);
    }

    void absentClassExcluded() {
        // Same data with a fourth class that is neither gold nor predicted: macro-F1 unchanged.
        ConfusionMatrix cm(4);
        cm.add(kGold, kPredicted);
        QCOMPARE(cm.classScores(3).f1, 0.0);
        QCOMPARE(cm.macroF1(), 13.0 / 20);
    }

    void goldWithoutPredictionCountsZero() {
        // gold (0, 1), predicted (0, 0): class 0 P = 1/2, R = 1, F1 = 2/3; class 1 has gold but is
        // never predicted: F1 0 and kept. macro = (2/3 + 0) / 2 = 1/3.
        ConfusionMatrix cm(2);
        cm.add({0, 1}, {0, 0});
        QCOMPARE(cm.classScores(1).f1, 0.0);
        QCOMPARE(cm.macroF1(), 1.0 / 3);
        QCOMPARE(cm.accuracy(), 0.5);
    }

    void predictionWithoutGoldCountsZero() {
        // gold (0, 0), predicted (0, 1): class 0 P = 1, R = 1/2, F1 = 2/3; class 1 is predicted
        // once but never gold: P = 0, F1 0, kept. macro = 1/3.
        ConfusionMatrix cm(2);
        cm.add({0, 0}, {0, 1});
        QCOMPARE(cm.classScores(0).f1, 2.0 / 3);
        QCOMPARE(cm.macroF1(), 1.0 / 3);
    }

    void emptyIsNaN() {
        ConfusionMatrix cm(3);
        QVERIFY(std::isnan(cm.accuracy()));
        QVERIFY(std::isnan(cm.macroF1()));
    }

    void badInputThrows() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ConfusionMatrix(0));
        ConfusionMatrix cm(2);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, cm.add(2, 0));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, cm.add(0, -1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, cm.add({0, 1}, {0}));
        QCOMPARE(cm.total(), 0L);
    }
};

QTEST_APPLESS_MAIN(TestClassificationMetrics)
#include "tst_classification_metrics.moc"
