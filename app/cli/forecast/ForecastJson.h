#pragma once
// The JSON of the forecasting commands, in the conventions of the others (JsonOutput.h): the
// model file's config keys, snake_case, null for a metric with nothing to measure.
#include "app/cli/JsonOutput.h"
#include "core/data/forecast/ForecastData.h"
#include "core/train/ForecastModelFile.h"
#include "core/train/ForecastTrainer.h"

namespace attnlab::cli {

// {"windows", "loss", "mse", "mae", "rmse", "mase", "max_mase", "gold_mass", "uniform_gold_mass",
//  "series": [{"name", "period", "mae", "rmse", "mase", "naive_scale"}, ...]}
Json forecastMetricsJson(const ForecastMetrics& metrics, const std::vector<std::string>& names,
                         const std::vector<int>& periods);
// {"epoch", "step", "train_loss", "validation", "learning_rate", "seconds"}
Json forecastEpochJson(const ForecastEpochReport& report, const ForecastModelBundle& bundle);
// The model file's config, with every training setting.
Json forecastModelJson(const ForecastModelBundle& bundle);
// {"name", "path", "series": [...], "steps", "gold"}, plus the windows when given.
Json forecastDataJson(const ForecastData& data, const ForecastWindows* windows = nullptr);

} // namespace attnlab::cli
