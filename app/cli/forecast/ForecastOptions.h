#pragma once
// The forecasting side of attnlab-cli (issue 15): the options train, eval, align and compare take
// for series data (--task forecast, --window, --horizon, --stride, --gaussian, --unidirectional,
// --period; align
// also --data and --index), and the test that sends a command down the forecasting path.
#include "app/cli/TrainingOptions.h"
#include "core/experiment/ForecastRun.h"

#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace attnlab::cli {

struct ForecastOptions {
    std::string
        task; // "forecast" (the shared --task option) forces the forecasting path; else the data decides
    int window = 48;  // W
    int horizon = 12; // K
    int stride = 1;
    bool gaussian = false;
    bool unidirectional = false; // the default encoder is bidirectional
    int period = 0;              // seasonal-naive period for MASE; 0: detected per series
    std::string data;            // align only: the series the window is cut from
    int index = 0;               // align only: which validation window (0-based)
};

enum class ForecastCommand { Train, Eval, Align, Compare };

// Registers the options `which` takes on `command`; the returned options fill when it parses.
std::shared_ptr<ForecastOptions> addForecastOptions(CLI::App& command, ForecastCommand which);

// Whether a command goes down the forecasting path: --task forecast, data that is `seasonal` or
// a file of numeric columns, or a model file that holds a forecaster.
bool forecastRequested(const ForecastOptions& options, const std::string& data,
                       const std::string& model = {});

// The run train/compare's options describe: the forecasting defaults (defaultForecastSpec), with
// each model or training option the user gave on `command` in their place.
ForecastRunSpec forecastSpec(const CLI::App& command, const TrainingArgs& args,
                             const ForecastOptions& options, ScorerKind scorer);

// Opens the data (DatasetError for a bad file) and prints nothing.
ForecastData openSeries(const std::string& data);

} // namespace attnlab::cli
