#pragma once
// D series. The Forecast tab's one-line account of a validation, in the data's units:
// "MAE 0.412 · RMSE 0.523 · MASE 0.81 (sine 0.75, square 0.93, spikes 0.76) · gold mass 0.21
// (uniform 0.06)". MASE below 1 beats the seasonal-naive forecast; a series without a naive scale
// reads "–".
#include "core/train/ForecastMetrics.h"

#include <QString>

#include <string>
#include <vector>

namespace attnlab::ui {

QString forecastMetricsText(const ForecastMetrics& metrics, const std::vector<std::string>& series);

} // namespace attnlab::ui
