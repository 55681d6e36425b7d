// Forecast windows and normalisation (issue 15) on hand-worked numbers: the chronological split,
// the steps the training statistics come from, the batch layout, and gold evidence in a window.
#include "core/data/forecast/ForecastWindows.h"

#include <QtTest>

#include <cmath>

using namespace attnlab;

class TestForecastWindows : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splitsChronologically();
    void statisticsFromTrainingStepsOnly();
    void normalisationAppliesAndInverts();
    void batchLayout();
    void windowValues();
    void goldInWindow();
    void refusesBadSettings();
};

namespace {

// Two series of 20 steps: y0 = t, y1 = 100 + 10 t.
SeriesTable rampTable() {
    std::vector<double> a(20), b(20);
    for (int t = 0; t < 20; ++t) {
        a[t] = t;
        b[t] = 100 + 10 * t;
    }
    return SeriesTable({"a", "b"}, {a, b});
}

ForecastWindowSettings settings(int past, int horizon, int stride, double validation) {
    ForecastWindowSettings s;
    s.past = past;
    s.horizon = horizon;
    s.stride = stride;
    s.validationFraction = validation;
    return s;
}

} // namespace

void TestForecastWindows::splitsChronologically() {
    // N 20, 25 % validation: steps 15..19 are forecast only by validation windows. W 4 + K 2 = 6
    // steps per window: training starts 0, 3, 6, 9 (9 + 6 = 15); validation starts 11 (= 15 − W)
    // and 14 (14 + 6 = 20).
    const ForecastWindows windows(rampTable(), settings(4, 2, 3, 0.25));
    QCOMPARE(windows.splitPoint(), 15);
    QCOMPARE(windows.trainingStarts(), (std::vector<int>{0, 3, 6, 9}));
    QCOMPARE(windows.validationStarts(), (std::vector<int>{11, 14}));
    const ForecastWindows all(rampTable(), settings(4, 2, 5, 0.0));
    QCOMPARE(all.splitPoint(), 20);
    QCOMPARE(all.trainingStarts(), (std::vector<int>{0, 5, 10}));
    QVERIFY(all.validationStarts().empty());
}

void TestForecastWindows::statisticsFromTrainingStepsOnly() {
    // W 2 + K 1, stride 7, split 15: training windows at 0 and 7 cover steps 0, 1, 2, 7, 8, 9.
    // Series a there: mean 27 / 6 = 4.5; squares 2 (4.5² + 3.5² + 2.5²) = 77.5, std √(77.5 / 6).
    // Series b = 100 + 10 a: mean 145, std 10 times a's.
    const ForecastWindows windows(rampTable(), settings(2, 1, 7, 0.25));
    QCOMPARE(windows.trainingStarts(), (std::vector<int>{0, 7}));
    const SeriesNormalization normalization = windows.trainingNormalization();
    QCOMPARE(normalization.means()[0], 4.5);
    QCOMPARE(normalization.means()[1], 145.0);
    QVERIFY(std::abs(normalization.deviations()[0] - std::sqrt(77.5 / 6)) < 1e-12);
    QVERIFY(std::abs(normalization.deviations()[1] - 10 * std::sqrt(77.5 / 6)) < 1e-10);
    // A constant series gets std 1: it is only centred.
    const SeriesNormalization constant = SeriesNormalization::fit({{3, 3, 3, 9}}, {1, 1, 1, 0});
    QCOMPARE(constant.means()[0], 3.0);
    QCOMPARE(constant.deviations()[0], 1.0);
}

void TestForecastWindows::normalisationAppliesAndInverts() {
    const SeriesNormalization n({1, -2}, {2, 0.5});
    QCOMPARE(n.apply(0, 5), 2.0);               // (5 − 1) / 2
    QCOMPARE(n.apply(1, -1), 2.0);              // (−1 + 2) / 0.5
    QCOMPARE(n.invert(1, 4), 0.0);              // 4 · 0.5 − 2
    QCOMPARE(n.invertVariance(0, 3), 12.0);     // 3 · 2²
    std::vector<float> values = {5, -1, 1, -2}; // (D x M) = (2 x 2), column-major
    n.apply(values);
    QCOMPARE(values, (std::vector<float>{2, 2, 0, 0}));
    n.invert(values);
    QCOMPARE(values, (std::vector<float>{5, -1, 1, -2}));
    std::vector<float> ragged = {1, 2, 3};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, n.apply(ragged));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SeriesNormalization({0}, {0}));
}

void TestForecastWindows::batchLayout() {
    const ForecastWindows windows(rampTable(), settings(4, 2, 3, 0.25));
    const SeriesNormalization normalization({2, 100}, {2, 10});
    const SequenceBatch batch = windows.batch({3, 9}, normalization);
    QCOMPARE(batch.batchSize, 2);
    QCOMPARE(batch.featureSize, 2);
    QCOMPARE(batch.sourceLength, 4);
    QCOMPARE(batch.sourceLengths, (std::vector<int>{4, 4}));
    QCOMPARE(batch.targetLength, 2);
    QCOMPARE(batch.pairIndices, (std::vector<int>{3, 9}));
    QCOMPARE(int(batch.features.size()), 2 * 4 * 2);
    QCOMPARE(int(batch.targetValues.size()), 2 * 2 * 2);
    // features column t·B + b, row d: window b = 1 starts at 9, step t = 2 is time 11:
    // a = (11 − 2) / 2 = 4.5, b = (210 − 100) / 10 = 11.
    QCOMPARE(batch.features[(2 * 2 + 1) * 2 + 0], 4.5f);
    QCOMPARE(batch.features[(2 * 2 + 1) * 2 + 1], 11.0f);
    // window 0 step 0 is time 3: a = 0.5, b = 3.
    QCOMPARE(batch.features[0], 0.5f);
    QCOMPARE(batch.features[1], 3.0f);
    // targets: window 0's horizon is times 7, 8; step 1 (time 8) of window 0 is column 1·B + 0.
    QCOMPARE(batch.targetValues[(1 * 2 + 0) * 2 + 0], 3.0f);  // (8 − 2) / 2
    QCOMPARE(batch.targetValues[(0 * 2 + 1) * 2 + 1], 13.0f); // window 1, time 13: (230 − 100) / 10
}

void TestForecastWindows::windowValues() {
    const ForecastWindows windows(rampTable(), settings(3, 2, 1, 0.25));
    // (D x W) column-major: {a_t, b_t} per step, raw values.
    QCOMPARE(windows.pastValues(4), (std::vector<float>{4, 140, 5, 150, 6, 160}));
    QCOMPARE(windows.futureValues(4), (std::vector<float>{7, 170, 8, 180}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, windows.pastValues(16));
}

void TestForecastWindows::goldInWindow() {
    // gold[t] = {t − 3} (one period of 3 back), and step 6 also names step 1.
    std::vector<std::vector<int>> gold(10);
    for (int t = 3; t < 10; ++t) gold[t] = {t - 3};
    gold[6] = {1, 3};
    // Window at 2, W 4 (steps 2..5), K 2 (steps 6, 7): 6 ← 3 (position 1; step 1 is outside),
    // 7 ← 4 (position 2).
    const Alignment links = windowGold(gold, 2, 4, 2);
    QCOMPARE(links, (Alignment{{1, 0, true}, {2, 1, true}}));
}

void TestForecastWindows::refusesBadSettings() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ForecastWindows(rampTable(), settings(0, 2, 1, 0.2)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ForecastWindows(rampTable(), settings(4, 2, 1, 1.0)));
    // 20 steps, 10 for training: no window of 8 + 4 fits.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ForecastWindows(rampTable(), settings(8, 4, 1, 0.5)));
    // 2 validation steps are fewer than a horizon of 3.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ForecastWindows(rampTable(), settings(4, 3, 1, 0.1)));
}

QTEST_APPLESS_MAIN(TestForecastWindows)
#include "tst_forecast_windows.moc"
