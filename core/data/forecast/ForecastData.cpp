#include "core/data/forecast/ForecastData.h"

#include "core/data/ShippedDatasets.h"
#include "core/data/forecast/SeasonalPeriod.h"

#include <cmath>
#include <filesystem>
#include <sstream>

namespace attnlab {

SeasonalSettings shippedSeasonalSettings() {
    // Tuned with the default forecaster (ForecastRun.h): 2,400 steps keep it from overfitting the
    // spikes, and noise 0.2 makes repeating the last period (MASE's yardstick) pay for the noise
    // of two steps where a model that averages it out pays for one.
    SeasonalSettings s;
    s.series = 3;
    s.length = 2400;
    s.noise = 0.2;
    s.spikeRate = 0.01;
    s.seed = 15;
    return s;
}

SeasonalData shippedSeasonalData() {
    SeasonalData data = generateSeasonal(shippedSeasonalSettings());
    // Through the CSV's text and back: the values a reader of the shipped file gets.
    std::stringstream text;
    data.table().writeCsv(text);
    const SeriesTable read = SeriesTable::read(text, kSeasonalName);
    for (int d = 0; d < read.seriesCount(); ++d) data.series[d].values = read.series(d);
    return data;
}

namespace {

SeriesGold goldOf(const SeasonalData& data) {
    SeriesGold gold;
    for (const SeasonalSeries& series : data.series) gold.push_back(series.gold);
    return gold;
}

bool sameValues(const SeriesTable& a, const SeriesTable& b) {
    if (a.seriesCount() != b.seriesCount() || a.length() != b.length()) return false;
    for (int d = 0; d < a.seriesCount(); ++d)
        for (int t = 0; t < a.length(); ++t)
            if (std::abs(a.series(d)[t] - b.series(d)[t]) > 1e-9) return false;
    return true;
}

} // namespace

bool isForecastData(const std::string& nameOrPath) {
    if (nameOrPath == kSeasonalName) return true;
    std::error_code error;
    return std::filesystem::is_regular_file(nameOrPath, error) && SeriesTable::looksLikeSeries(nameOrPath);
}

ForecastData openForecastData(const std::string& nameOrPath) {
    ForecastData data;
    if (nameOrPath != kSeasonalName) {
        data.table = SeriesTable::load(nameOrPath);
        data.path = nameOrPath;
        data.name = std::filesystem::path(nameOrPath).filename().string();
        return data;
    }
    data.name = kSeasonalName;
    const SeasonalData generated = shippedSeasonalData();
    const std::string directory = datasetsDirectory();
    const std::string file = directory.empty() ? std::string() : directory + "/seasonal.csv";
    std::error_code error;
    if (!file.empty() && std::filesystem::is_regular_file(file, error)) {
        data.path = file;
        data.table = SeriesTable::load(file);
        // An edited file is the user's data now: the generator's evidence no longer describes it.
        if (sameValues(data.table, generated.table())) data.gold = goldOf(generated);
        return data;
    }
    data.table = generated.table();
    data.gold = goldOf(generated);
    return data;
}

std::vector<int> seriesPeriods(const SeriesTable& table, int trainingSteps, int maxLag, int given) {
    std::vector<int> periods;
    for (int d = 0; d < table.seriesCount(); ++d) {
        if (given > 0) {
            periods.push_back(given);
            continue;
        }
        const std::vector<double>& values = table.series(d);
        const std::size_t steps = std::min<std::size_t>(values.size(), std::max(trainingSteps, 0));
        periods.push_back(detectPeriod(std::span<const double>(values.data(), steps), maxLag));
    }
    return periods;
}

} // namespace attnlab
