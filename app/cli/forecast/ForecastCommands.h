#pragma once
// The forecasting path of train, eval, align and compare (issue 15). Each returns the command's
// exit code (0 ok, 1 runtime failure, 2 bad usage or bad input) and reports its own errors, as
// runGuarded does; with --json standard output carries the JSON alone.
#include "app/cli/forecast/ForecastOptions.h"

#include <string>
#include <vector>

namespace attnlab::cli {

// train --data SERIES --out MODEL [options]: trains, prints a line per epoch, saves the model.
int runForecastTrain(const CLI::App& command, const TrainingArgs& args, const ForecastOptions& options,
                     const std::string& out, bool json);

// eval --model M --data SERIES [--period P] [--json]: MAE, RMSE, MASE overall and per series on
// the validation windows (the model's chronological split), gold mass where the data has gold.
int runForecastEval(const std::string& model, const std::string& data, const ForecastOptions& options,
                    bool json);

// align --model M --data SERIES [--index N] [--json]: one validation window's forecast against
// the truth and, per step, the past steps it attended to most; JSON has the (K x W) attention.
int runForecastAlign(const std::string& model, const ForecastOptions& options, bool json);

// compare --data SERIES --scorers a,b,... [options] [--json FILE] [--out-dir DIR]: one model per
// scorer on identical windows and seed, then a table.
int runForecastCompare(const CLI::App& command, const TrainingArgs& args, const ForecastOptions& options,
                       const std::vector<std::string>& scorers, const std::string& jsonPath,
                       const std::string& outDir);

} // namespace attnlab::cli
