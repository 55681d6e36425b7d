// MAE, RMSE and MASE on a short series worked by hand, and the inputs they refuse.
#include "core/eval/Forecast.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace attnlab;

namespace {

// Training y = 2 4 3 7 5 8 (n = 6).
//   season 2: |3-2| + |7-4| + |5-3| + |8-7| = 1 + 3 + 2 + 1 = 7 over n - m = 4 -> scale 7/4
//   season 1: |4-2| + |3-4| + |7-3| + |5-7| + |8-5| = 2 + 1 + 4 + 2 + 3 = 12 over 5 -> 12/5
// Horizon: forecast 6 9 7, actual 7 8 10; errors 1, -1, 3.
//   MAE  = (1 + 1 + 3) / 3 = 5/3
//   RMSE = sqrt((1 + 1 + 9) / 3) = sqrt(11/3)
//   MASE season 2 = (5/3) / (7/4) = 20/21; season 1 = (5/3) / (12/5) = 25/36
const std::vector<double> kTraining = {2, 4, 3, 7, 5, 8};
const std::vector<double> kForecast = {6, 9, 7};
const std::vector<double> kActual = {7, 8, 10};

} // namespace

class TestForecastMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void errors() {
        QCOMPARE(meanAbsoluteError(kForecast, kActual), 5.0 / 3);
        QCOMPARE(rootMeanSquaredError(kForecast, kActual), std::sqrt(11.0 / 3));
        QCOMPARE(meanAbsoluteError(kActual, kActual), 0.0);
    }

    void scale() {
        QCOMPARE(seasonalNaiveScale(kTraining, 2), 1.75);
        QCOMPARE(seasonalNaiveScale(kTraining, 1), 2.4);
        // n = m + 1: a single difference, |8 - 2| = 6.
        QCOMPARE(seasonalNaiveScale(kTraining, 5), 6.0);
    }

    void mase() {
        QCOMPARE(meanAbsoluteScaledError(kForecast, kActual, kTraining, 2), 20.0 / 21);
        QCOMPARE(meanAbsoluteScaledError(kForecast, kActual, kTraining, 1), 25.0 / 36);
    }

    void refusals() {
        const std::vector<double> shortSeries = {1, 2};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, seasonalNaiveScale(shortSeries, 2));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, seasonalNaiveScale(kTraining, 6));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, seasonalNaiveScale(kTraining, 0));
        // Repeats exactly every 2 steps: the seasonal-naive forecast is perfect, scale 0.
        const std::vector<double> periodic = {1, 2, 1, 2, 1, 2};
        QCOMPARE(seasonalNaiveScale(periodic, 2), 0.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 meanAbsoluteScaledError(kForecast, kActual, periodic, 2));
        const std::vector<double> two = {1, 2};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanAbsoluteError(two, kActual));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rootMeanSquaredError(two, kActual));
        const std::vector<double> none;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanAbsoluteError(none, none));
    }
};

QTEST_APPLESS_MAIN(TestForecastMetrics)
#include "tst_forecast_metrics.moc"
