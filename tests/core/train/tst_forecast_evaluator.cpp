// ForecastEvaluator (issue 15) on forecasts made by hand: MAE, RMSE and MASE per series and
// overall in the data's units against the seasonal-naive scale of the training steps, and the
// attention mass on the union of the series' gold steps next to uniform attention's.
// D series, W window, K horizon.
#include "core/train/ForecastEvaluator.h"

#include <QtTest>

#include <cmath>

using namespace attnlab;

class TestForecastEvaluator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void errorsByHand();
    void goldMassByHand();
    void goldUnionOfSeries();
    void constantSeriesHasNoMase();
};

namespace {

// Two series of 10 steps; W 4, K 2, the last 4 steps for validation: split at step 6, training
// window start 0, validation starts 2, 3 and 4 (horizons from step 6 on).
ForecastWindows windows() {
    const std::vector<double> a = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
    const std::vector<double> b = {5, 5, 6, 6, 7, 7, 8, 8, 9, 9};
    ForecastWindowSettings s;
    s.past = 4;
    s.horizon = 2;
    s.validationFraction = 0.4;
    return ForecastWindows(SeriesTable({"a", "b"}, {a, b}), s);
}

WindowForecast forecast(int start, std::vector<float> a, std::vector<float> b, Matrix<float> attention) {
    WindowForecast f;
    f.start = start;
    f.means.resize(2, 2);
    f.means << a[0], a[1], b[0], b[1];
    f.attention = std::move(attention);
    return f;
}

} // namespace

void TestForecastEvaluator::errorsByHand() {
    const ForecastWindows w = windows();
    QCOMPARE(w.splitPoint(), 6);
    QCOMPARE(w.validationStarts(), (std::vector<int>{2, 3, 4}));
    // Periods: a repeats every 2 (scale 0 would be refused), so m = 1 for a: |Δ| = 1 each step,
    // scale 1; b with m = 2 over steps 0..5: |6−5|, |6−5|, |7−6|, |7−6| → scale 1.
    const ForecastEvaluator evaluator(w, {2, 4}, SeriesNormalization({0, 0}, {1, 2}), {1, 2});
    QCOMPARE(evaluator.naiveScales(), (std::vector<double>{1.0, 1.0}));
    const Matrix<float> uniform = Matrix<float>::Constant(2, 4, 0.25f);
    // truth: a 0,1 (start 2) and 0,1 (start 4); b 8,8 and 9,9
    const std::vector<WindowForecast> forecasts = {forecast(2, {0.5f, 1.0f}, {8.0f, 7.0f}, uniform),
                                                   forecast(4, {0.0f, 0.0f}, {9.5f, 9.0f}, uniform)};
    const ForecastMetrics m = evaluator.score(forecasts);
    QCOMPARE(m.windows, 2);
    // a: errors 0.5, 0, 0, 1 → MAE 0.375, RMSE sqrt(1.25/4); b: errors 0, 1, 0.5, 0 → MAE 0.375
    QCOMPARE(m.seriesMae, (std::vector<double>{0.375, 0.375}));
    QCOMPARE(m.seriesRmse[0], std::sqrt(1.25 / 4));
    QCOMPARE(m.seriesRmse[1], std::sqrt(1.25 / 4));
    QCOMPARE(m.seriesMase, (std::vector<double>{0.375, 0.375}));
    QCOMPARE(m.mae, 0.375);
    QCOMPARE(m.mse, 2.5 / 8);
    QCOMPARE(m.rmse, std::sqrt(2.5 / 8));
    QCOMPARE(m.mase, 0.375);
    QCOMPARE(m.maxMase, 0.375);
    // loss: mean squared error in normalised units (b's errors divided by its std 2)
    QCOMPARE(m.loss, (0.25 + 0 + 0 + 1 + 0 + 0.25 + 0.0625 + 0) / 8);
    QVERIFY(std::isnan(m.goldMass)); // no gold
}

void TestForecastEvaluator::goldMassByHand() {
    const ForecastWindows w = windows();
    // gold of series a at steps 6..9: one step back of a 2-periodic series, t − 2
    SeriesGold gold(2, std::vector<std::vector<int>>(10));
    for (int t = 2; t < 10; ++t) gold[0][t] = {t - 2};
    const ForecastEvaluator evaluator(w, {2}, SeriesNormalization({0, 0}, {1, 1}), {1, 2}, gold);
    // window 2: past steps 2..5; step 6 ← gold 4 (position 2), step 7 ← gold 5 (position 3)
    Matrix<float> attention(2, 4);
    attention << 0.1f, 0.1f, 0.7f, 0.1f, //
        0.0f, 0.0f, 0.5f, 0.5f;
    const ForecastMetrics m = evaluator.score({forecast(2, {0, 1}, {8, 8}, attention)});
    QCOMPARE(m.goldRows, 2L);
    QVERIFY(std::abs(m.goldMass - (0.7 + 0.5) / 2) < 1e-6);
    QCOMPARE(m.uniformGoldMass, 0.25);
}

void TestForecastEvaluator::goldUnionOfSeries() {
    SeriesGold gold(2, std::vector<std::vector<int>>(10));
    gold[0][6] = {4};
    gold[1][6] = {4, 1};
    gold[1][7] = {3};
    const Alignment links = windowGoldUnion(gold, 2, 4, 2);
    // step 6 (target 0) ← steps 4 (source 2), 1 is outside the window; step 7 ← step 3 (source 1)
    QCOMPARE(static_cast<int>(links.size()), 2);
    QCOMPARE(links[0].source, 2);
    QCOMPARE(links[0].target, 0);
    QCOMPARE(links[1].source, 1);
    QCOMPARE(links[1].target, 1);
}

void TestForecastEvaluator::constantSeriesHasNoMase() {
    ForecastWindowSettings s;
    s.past = 4;
    s.horizon = 2;
    s.validationFraction = 0.4;
    const std::vector<double> flat(10, 3.0);
    const std::vector<double> b = {5, 5, 6, 6, 7, 7, 8, 8, 9, 9};
    const ForecastWindows w(SeriesTable({"flat", "b"}, {flat, b}), s);
    const ForecastEvaluator evaluator(w, {4}, SeriesNormalization({0, 0}, {1, 1}), {1, 2});
    QVERIFY(std::isnan(evaluator.naiveScales()[0])); // repeating 3.0 is never wrong
    const ForecastMetrics m =
        evaluator.score({forecast(4, {3.5f, 3.0f}, {9.0f, 8.0f}, Matrix<float>::Constant(2, 4, 0.25f))});
    QCOMPARE(m.seriesMae[0], 0.25);
    QVERIFY(std::isnan(m.seriesMase[0]));
    QCOMPARE(m.seriesMase[1], 0.5); // errors 0, 1 over scale 1
    QCOMPARE(m.mase, 0.5);          // the series that has one
    QCOMPARE(m.maxMase, 0.5);
}

QTEST_APPLESS_MAIN(TestForecastEvaluator)
#include "tst_forecast_evaluator.moc"
