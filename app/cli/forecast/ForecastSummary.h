#pragma once
// The lines the forecasting commands print for people: the data and the run before training,
// the outcome, and the errors as a table with a row per series.
#include "core/experiment/ForecastRun.h"

#include <ostream>
#include <string>

namespace attnlab::cli {

// "data: seasonal (datasets/seasonal.csv): 3 series x 2400 steps, gold evidence; windows 48 -> 12:
// 1873 training, 469 validation (from step 1920)"
std::string describeSeries(const ForecastData& data, const ForecastWindows& windows);
// "model: forecaster, general scorer, E 16, H 64: 29,123 parameters\ntraining: ..."
std::string describeForecastRun(const ForecastRun& run);
// "general scorer, E 16, H 64, window 48, horizon 12"
std::string describeForecaster(const ForecastModelBundle& bundle);
// The overall line, then a table: series, period, MAE, RMSE, MASE, naive MAE.
void printForecastMetrics(std::ostream& out, const ForecastMetrics& metrics,
                          const ForecastModelBundle& bundle, const std::vector<int>* periods = nullptr);

} // namespace attnlab::cli
