#pragma once
// D series.
// How good a forecaster's forecasts are on a set of windows (issue 15, item 9). Errors are in the
// data's own units (the normalisation inverted); NaN where there is nothing to measure.
#include <limits>
#include <vector>

namespace attnlab {

struct ForecastMetrics {
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

    int windows = 0;     // windows forecast
    double loss = kNone; // mean training loss per value (normalised units): MSE or Gaussian NLL
    double mse = kNone;  // over every value of every series
    double mae = kNone;
    double rmse = kNone;
    double mase = kNone;            // mean of the series' MASE (of those that have one)
    double maxMase = kNone;         // the worst series' MASE
    std::vector<double> seriesMae;  // (D)
    std::vector<double> seriesRmse; // (D)
    std::vector<double> seriesMase; // (D) MAE / the seasonal-naive scale of the training steps
    std::vector<double> naiveScale; // (D) that scale: in-sample MAE of y_t = y_{t−m}
    // Attention–evidence agreement: mean over the forecast steps that have gold evidence in the
    // window of the attention mass on it, and what uniform attention would put there.
    double goldMass = kNone;
    double uniformGoldMass = kNone;
    long goldRows = 0;
};

} // namespace attnlab
