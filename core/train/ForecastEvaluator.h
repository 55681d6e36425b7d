#pragma once
// B windows, D series, W window, K horizon, N steps.
// Scores a forecaster on a set of windows (issue 15, item 9): each window is forecast free
// running (every step fed the model's own previous mean), turned back into the data's units and
// compared with the truth: MAE, RMSE and MASE per series and overall, and, where the data has
// gold evidence, the attention mass on it.
#include "core/data/forecast/ForecastData.h"
#include "core/data/forecast/ForecastWindows.h"
#include "core/nn/Forecaster.h"
#include "core/train/ForecastMetrics.h"

#include <vector>

namespace attnlab {

// One window's forecast in the data's units.
struct WindowForecast {
    int start = 0;           // the window's first past step
    Matrix<float> means;     // (D x K) column k: the forecast of step start + W + k
    Matrix<float> variances; // (D x K) σ² in the data's units; empty without gaussian
    Matrix<float> attention; // (K x W) row k: α over the window's past steps
};

// Forecasts of the windows starting at starts, in batches of batchSize.
std::vector<WindowForecast> forecastWindows(const Forecaster<float>& model, const ForecastWindows& windows,
                                            const std::vector<int>& starts,
                                            const SeriesNormalization& normalization, int batchSize = 64);

// For one window: the union over the series of the gold positions of each forecast step, as links
// from window positions (source) to forecast steps (target). The attention is shared by the
// series, so a position that is evidence for any of them counts.
Alignment windowGoldUnion(const SeriesGold& gold, int start, int past, int horizon);

class ForecastEvaluator {
public:
    // periods: (D) the seasonal-naive period per series; the scale is measured on the steps before
    // windows.splitPoint() (the training part). A series with too few training steps for its
    // period, or that repeats exactly (a zero scale), has no scale: its MASE is NaN, and the
    // overall MASE is the mean of the others'.
    ForecastEvaluator(const ForecastWindows& windows, std::vector<int> starts,
                      SeriesNormalization normalization, std::vector<int> periods, SeriesGold gold = {});

    const std::vector<int>& starts() const { return m_starts; }
    const std::vector<double>& naiveScales() const { return m_scales; } // (D)
    const std::vector<int>& periods() const { return m_periods; }       // (D)

    ForecastMetrics evaluate(const Forecaster<float>& model, int batchSize = 64) const;
    // The same from forecasts already made (of starts(), in order).
    ForecastMetrics score(const std::vector<WindowForecast>& forecasts) const;

private:
    const ForecastWindows& m_windows;
    std::vector<int> m_starts;
    SeriesNormalization m_normalization;
    std::vector<int> m_periods;   // (D)
    std::vector<double> m_scales; // (D)
    SeriesGold m_gold;
};

} // namespace attnlab
