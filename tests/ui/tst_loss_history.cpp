// The loss plot's data: debiased EMA values worked out by hand, runs kept for comparison, and the
// exact CSV text.
#include "ui/plots/CsvWriter.h"
#include "ui/plots/LossHistory.h"

#include <QtTest>

#include <cmath>

using attnlab::ui::CsvWriter;
using attnlab::ui::LossHistory;
using attnlab::ui::LossSeries;

class TestLossHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void smoothingIsDebiasedEma_data();
    void smoothingIsDebiasedEma();
    void nonFiniteLossesAreSkippedByTheAverage();
    void changingTheWeightRecomputes();
    void keepCurrentAsPreviousMovesTheRun();
    void atMostMaxPreviousRunsAreKept();
    void csvHasEveryRunAndSeries();
    void rejectsAWeightOutsideZeroOne();
};

void TestLossHistory::smoothingIsDebiasedEma_data() {
    QTest::addColumn<double>("weight");
    QTest::addColumn<QList<double>>("losses");
    QTest::addColumn<QList<double>>("expected");
    // w = 0.5, x = 1, 0: a1 = 0.5, s1 = 0.5 / 0.5 = 1; a2 = 0.25, s2 = 0.25 / 0.75 = 1/3.
    QTest::newRow("w 0.5") << 0.5 << QList<double>{1.0, 0.0} << QList<double>{1.0, 1.0 / 3.0};
    // w = 0.9, x = 2, 2, 2: a constant input stays constant once debiased.
    QTest::newRow("constant") << 0.9 << QList<double>{2.0, 2.0, 2.0} << QList<double>{2.0, 2.0, 2.0};
    // w = 0.5, x = 4, 2, 1: a = 2, 2, 1.5; debias 0.5, 0.75, 0.875 -> 4, 8/3, 12/7.
    QTest::newRow("three") << 0.5 << QList<double>{4.0, 2.0, 1.0}
                           << QList<double>{4.0, 8.0 / 3.0, 12.0 / 7.0};
    QTest::newRow("w 0 is raw") << 0.0 << QList<double>{3.0, 1.0} << QList<double>{3.0, 1.0};
}

void TestLossHistory::smoothingIsDebiasedEma() {
    QFETCH(double, weight);
    QFETCH(QList<double>, losses);
    QFETCH(QList<double>, expected);
    LossHistory history;
    history.setSmoothing(weight);
    for (int i = 0; i < losses.size(); ++i) {
        const auto point = history.addTrainingLoss(10 * (i + 1), losses[i]);
        QCOMPARE(point.step, 10 * (i + 1));
        QVERIFY2(std::abs(point.value - expected[i]) < 1e-12, qPrintable(QString::number(point.value)));
    }
    QCOMPARE(history.current().smoothedTrainingLoss.size(), size_t(losses.size()));
    QCOMPARE(history.current().trainingLoss.back().value, losses.back());
}

void TestLossHistory::nonFiniteLossesAreSkippedByTheAverage() {
    LossHistory history;
    history.setSmoothing(0.5);
    history.addTrainingLoss(1, 1.0);
    const auto spike = history.addTrainingLoss(2, std::nan(""));
    QCOMPARE(spike.value, 1.0); // the curve holds its last value
    const auto after = history.addTrainingLoss(3, 0.0);
    QVERIFY(std::abs(after.value - 1.0 / 3.0) < 1e-12);           // as if the NaN never came
    QVERIFY(std::isnan(history.current().trainingLoss[1].value)); // but the raw record keeps it
}

void TestLossHistory::changingTheWeightRecomputes() {
    LossHistory history;
    history.setSmoothing(0.9);
    history.addTrainingLoss(1, 1.0);
    history.addTrainingLoss(2, 0.0);
    history.setSmoothing(0.5);
    QCOMPARE(history.current().smoothedTrainingLoss[0].value, 1.0);
    QVERIFY(std::abs(history.current().smoothedTrainingLoss[1].value - 1.0 / 3.0) < 1e-12);
    const auto next = history.addTrainingLoss(3, 1.0); // a3 = 0.125 + 0.5 = 0.625; / 0.875
    QVERIFY(std::abs(next.value - 0.625 / 0.875) < 1e-12);
}

void TestLossHistory::keepCurrentAsPreviousMovesTheRun() {
    LossHistory history;
    history.addTrainingLoss(1, 2.0);
    history.addValidation(10, 1, 1.5, 0.25);
    history.keepCurrentAsPrevious("dot");
    QCOMPARE(history.previous().size(), size_t(1));
    QCOMPARE(history.previous()[0].label, QString("dot"));
    QCOMPARE(history.previous()[0].trainingLoss.size(), size_t(1));
    QCOMPARE(history.previous()[0].exactMatch[0].value, 0.25);
    QCOMPARE(history.previous()[0].exactMatch[0].epoch, 1);
    QVERIFY(history.current().trainingLoss.empty());
    QVERIFY(history.current().validationLoss.empty());
    // The new run's average starts afresh: its first smoothed point is its first loss.
    QCOMPARE(history.addTrainingLoss(1, 5.0).value, 5.0);
}

void TestLossHistory::atMostMaxPreviousRunsAreKept() {
    LossHistory history(2);
    for (const char* label : {"a", "b", "c"}) {
        history.addTrainingLoss(1, 1.0);
        history.keepCurrentAsPrevious(label);
    }
    QCOMPARE(history.previous().size(), size_t(2));
    QCOMPARE(history.previous()[0].label, QString("b"));
    QCOMPARE(history.previous()[1].label, QString("c"));
    history.clearPrevious();
    QVERIFY(history.previous().empty());
}

void TestLossHistory::csvHasEveryRunAndSeries() {
    LossHistory history;
    history.addTrainingLoss(1, 2.5);
    history.addValidation(50, 1, 1.25, 0.125);
    history.keepCurrentAsPrevious("dot, lr=1e-3");
    history.addTrainingLoss(1, 3.0);
    history.addTrainingLoss(2, 0.1);
    history.addValidation(100, 2, 0.75, 0.5);
    CsvWriter csv;
    history.writeCsv(csv);
    QCOMPARE(csv.text(), QStringLiteral("run,series,step,epoch,value\r\n"
                                        "\"dot, lr=1e-3\",train_loss,1,,2.5\r\n"
                                        "\"dot, lr=1e-3\",validation_loss,50,1,1.25\r\n"
                                        "\"dot, lr=1e-3\",exact_match,50,1,0.125\r\n"
                                        "current,train_loss,1,,3\r\n"
                                        "current,train_loss,2,,0.1\r\n"
                                        "current,validation_loss,100,2,0.75\r\n"
                                        "current,exact_match,100,2,0.5\r\n"));
}

void TestLossHistory::rejectsAWeightOutsideZeroOne() {
    LossHistory history;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, history.setSmoothing(1.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, history.setSmoothing(-0.1));
    QCOMPARE(history.smoothing(), 0.9);
}

QTEST_APPLESS_MAIN(TestLossHistory)
#include "tst_loss_history.moc"
