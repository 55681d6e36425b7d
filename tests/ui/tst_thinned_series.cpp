// ThinnedSeries: a long curve drawn with at most `cap` points, each the mean of an equal bucket.
#include "ui/plots/ThinnedSeries.h"

#include <QtTest>

#include <numeric>

using namespace attnlab::ui;

class TestThinnedSeries : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shortSeriesIsDrawnAsItIs();
    void longSeriesStaysUnderTheCap();
    void pointsAreBucketMeans();
};

void TestThinnedSeries::shortSeriesIsDrawnAsItIs() {
    ThinnedSeries series(8);
    for (int i = 1; i <= 5; ++i) series.add(i, 10.0 * i);
    QCOMPARE(series.pointCount(), size_t(5));
    QCOMPARE(series.stride(), size_t(1));
    QCOMPARE(series.keys(), (std::vector<double>{1, 2, 3, 4, 5}));
    QCOMPARE(series.values(), (std::vector<double>{10, 20, 30, 40, 50}));
}

void TestThinnedSeries::longSeriesStaysUnderTheCap() {
    ThinnedSeries series(512);
    for (int i = 1; i <= 100000; ++i) {
        series.add(i, 1.0 / i);
        QVERIFY(series.pointCount() <= 513);
    }
    QCOMPARE(series.samples(), size_t(100000));
    QCOMPARE(series.stride(), size_t(256)); // 100,000 / 256 = 390 complete buckets, under 512
    const std::vector<double> keys = series.keys();
    QCOMPARE(keys.front(), (1.0 + 256.0) / 2.0); // the first bucket: steps 1..256
    QVERIFY(std::is_sorted(keys.begin(), keys.end()));
    QVERIFY(keys.back() > 99800 && keys.back() <= 100000); // the partial bucket reaches the last step
}

void TestThinnedSeries::pointsAreBucketMeans() {
    ThinnedSeries series(6);
    const std::vector<double> values = {3, 1, 4, 1, 5, 9, 2, 6, 5};
    for (size_t i = 0; i < values.size(); ++i) series.add(double(i), values[i]);
    // Six buckets of one filled the cap: pairs merged (stride 2), then (2 6), and 5 alone.
    QCOMPARE(series.stride(), size_t(2));
    QCOMPARE(series.values(), (std::vector<double>{2, 2.5, 7, 4, 5}));
    QCOMPARE(series.keys(), (std::vector<double>{0.5, 2.5, 4.5, 6.5, 8}));
}

QTEST_GUILESS_MAIN(TestThinnedSeries)
#include "tst_thinned_series.moc"
