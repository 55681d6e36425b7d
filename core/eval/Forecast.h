#pragma once
// Point-forecast errors over a horizon of h steps: forecast[i] predicts actual[i].
//   MAE  = (1/h) sum_i |actual_i - forecast_i|
//   RMSE = sqrt( (1/h) sum_i (actual_i - forecast_i)^2 )
//   MASE = MAE / scale (Hyndman & Koehler 2006), with scale the in-sample MAE of the
//          seasonal-naive forecast y_t = y_{t-m} on the training series y_1..y_n:
//          scale = (1/(n-m)) sum_{t=m+1..n} |y_t - y_{t-m}|   (m = 1: the naive forecast).
// MASE < 1 means the forecast beats seasonal-naive on average. Mismatched or empty inputs, m < 1,
// a training series with n <= m, and a zero scale (a series that repeats exactly every m steps,
// where MASE is undefined) throw std::invalid_argument rather than return inf or NaN.
#include <span>

namespace attnlab {

double meanAbsoluteError(std::span<const double> forecast, std::span<const double> actual);
double rootMeanSquaredError(std::span<const double> forecast, std::span<const double> actual);
// The MASE denominator above.
double seasonalNaiveScale(std::span<const double> training, int season);
double meanAbsoluteScaledError(std::span<const double> forecast, std::span<const double> actual,
                               std::span<const double> training, int season);

} // namespace attnlab
