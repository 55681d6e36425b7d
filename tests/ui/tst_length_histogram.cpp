// The length histogram: one bar per length while the lengths fit, wider bars beyond MaxBins
// lengths, bar sums equal to the pair counts, and the hover read-out.
#include "ui/plots/LengthHistogram.h"

#include <QtTest>

#include <qcustomplot.h>

using attnlab::ui::LengthHistogram;

namespace {

QVector<double> keys(const QCPBars* bars) {
    QVector<double> result;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) result << it->key;
    return result;
}

QVector<double> values(const QCPBars* bars) {
    QVector<double> result;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) result << it->value;
    return result;
}

} // namespace

class TestLengthHistogram : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneBarPerLength();
    void wideRangesShareBars();
    void hoverReadsTheBar();
    void clearEmptiesBothSeries();
};

void TestLengthHistogram::oneBarPerLength() {
    LengthHistogram histogram;
    // Source: 3 pairs of length 2, 5 of length 3; target: 1 of length 1, 2 of length 4.
    histogram.setLengthCounts({0, 0, 3, 5}, {0, 1, 0, 0, 2});
    QCOMPARE(histogram.binWidth(), 1);
    QCOMPARE(histogram.firstLength(), 1);
    QCOMPARE(histogram.binCount(), 4);
    QCOMPARE(keys(histogram.sourceBars()), (QVector<double>{1, 2, 3, 4}));
    QCOMPARE(values(histogram.sourceBars()), (QVector<double>{0, 3, 5, 0}));
    QCOMPARE(values(histogram.targetBars()), (QVector<double>{1, 0, 0, 2}));
    QCOMPARE(histogram.sourceBars()->name(), QString("source"));
    QCOMPARE(histogram.targetBars()->name(), QString("target"));
    QVERIFY(histogram.plot()->legend->visible());
    // The axis shows every length from the first to the last, half a bar of margin each side.
    QCOMPARE(histogram.plot()->xAxis->range().lower, 0.5);
    QCOMPARE(histogram.plot()->xAxis->range().upper, 4.5);
    QCOMPARE(histogram.plot()->yAxis->range().lower, 0.0);
    QVERIFY(histogram.plot()->yAxis->range().upper > 5.0);
}

void TestLengthHistogram::wideRangesShareBars() {
    LengthHistogram histogram;
    std::vector<int> source(101, 0);
    source[5] = 10;
    source[6] = 4;
    source[100] = 1;
    std::vector<int> target(51, 0);
    target[50] = 15;
    histogram.setLengthCounts(source, target);
    // Lengths 5..100 are 96 lengths: bars of ceil(96 / 40) = 3, starting at 3 (a multiple of 3).
    QCOMPARE(histogram.binWidth(), 3);
    QCOMPARE(histogram.firstLength(), 3);
    QCOMPARE(histogram.binCount(), 33); // 3..5, 6..8, ..., 99..101
    QVERIFY(histogram.binCount() <= LengthHistogram::MaxBins);
    const QVector<double> sourceValues = values(histogram.sourceBars());
    QCOMPARE(sourceValues.size(), 33);
    QCOMPARE(sourceValues[0], 10.0);                // lengths 3..5
    QCOMPARE(sourceValues[1], 4.0);                 // lengths 6..8
    QCOMPARE(sourceValues[32], 1.0);                // lengths 99..101
    QCOMPARE(keys(histogram.sourceBars())[0], 4.0); // the middle of 3..5
    QCOMPARE(keys(histogram.sourceBars())[32], 100.0);
    QCOMPARE(values(histogram.targetBars())[15], 15.0); // 48..50
    double sourceSum = 0;
    for (double v : sourceValues) sourceSum += v;
    QCOMPARE(sourceSum, 15.0);
    QVERIFY(histogram.plot()->xAxis->label().contains("3 lengths"));
}

void TestLengthHistogram::hoverReadsTheBar() {
    LengthHistogram histogram;
    histogram.resize(500, 300);
    histogram.show();
    QVERIFY(QTest::qWaitForWindowExposed(&histogram));
    histogram.setLengthCounts({0, 0, 3, 5}, {0, 1, 0, 0, 2});
    histogram.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCustomPlot* plot = histogram.plot();
    const double y = plot->yAxis->coordToPixel(1.0);
    QCOMPARE(histogram.hoverTextAt(QPointF(plot->xAxis->coordToPixel(3.2), y)),
             QString("length 3: 5 source, 0 target pairs"));
    QCOMPARE(histogram.hoverTextAt(QPointF(plot->xAxis->coordToPixel(0.9), y)),
             QString("length 1: 0 source, 1 target pairs"));
    QCOMPARE(histogram.hoverTextAt(QPointF(2, 2)), QString()); // outside the axis rect

    std::vector<int> wide(101, 0);
    wide[100] = 7;
    wide[1] = 1;
    histogram.setLengthCounts(wide, wide);
    plot->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(histogram.binWidth(), 3);
    QCOMPARE(histogram.hoverTextAt(QPointF(plot->xAxis->coordToPixel(100.0), y)),
             QString("lengths 99\u2013101: 7 source, 7 target pairs"));
}

void TestLengthHistogram::clearEmptiesBothSeries() {
    LengthHistogram histogram;
    histogram.setLengthCounts({0, 2}, {0, 2});
    histogram.clear();
    QCOMPARE(histogram.sourceBars()->dataCount(), 0);
    QCOMPARE(histogram.targetBars()->dataCount(), 0);
    QCOMPARE(histogram.binCount(), 0);
}

QTEST_MAIN(TestLengthHistogram)
#include "tst_length_histogram.moc"
