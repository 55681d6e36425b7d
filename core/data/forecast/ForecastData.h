#pragma once
// D series, N steps.
// Forecasting data as `attnlab-cli` and a run open it (issue 15, items 6 and 7): the shipped
// `seasonal` task (datasets/seasonal.csv, or the same values generated when the file is absent,
// with the generator's gold evidence) or a user's CSV/TSV of numeric columns.
#include "core/data/forecast/SeasonalTask.h"
#include "core/data/forecast/SeriesTable.h"

#include <string>
#include <vector>

namespace attnlab {

// The gold past positions of every step of every series: (D) x (N), as SeasonalSeries::gold;
// empty for a user's data.
using SeriesGold = std::vector<std::vector<std::vector<int>>>;

inline constexpr const char* kSeasonalName = "seasonal";

// The settings of the shipped datasets/seasonal.csv.
SeasonalSettings shippedSeasonalSettings();
// The shipped task as its CSV holds it (values rounded to the file's 6 decimals), so generated
// and read data are the same.
SeasonalData shippedSeasonalData();

struct ForecastData {
    std::string name; // "seasonal", or the file's name
    std::string path; // the file read; "" when generated in memory
    SeriesTable table;
    SeriesGold gold; // seasonal only
};

// True for "seasonal" and for a file SeriesTable::looksLikeSeries accepts.
bool isForecastData(const std::string& nameOrPath);
// "seasonal" opens datasetsDirectory()/seasonal.csv (gold from the generator, kept only when
// the file holds the generator's values) or generates it when the file is absent; anything
// else is read as a series file (DatasetError naming file, line and column).
ForecastData openForecastData(const std::string& nameOrPath);

// The seasonal-naive period of each series: `given` (> 0) for all, else detected on the first
// trainingSteps steps by autocorrelation over lags 2..maxLag (detectPeriod).
std::vector<int> seriesPeriods(const SeriesTable& table, int trainingSteps, int maxLag, int given = 0);

} // namespace attnlab
