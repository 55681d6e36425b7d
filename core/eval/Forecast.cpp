// MAE, RMSE and MASE; inputs are checked here since a NaN score would hide a wiring mistake.
#include "core/eval/Forecast.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace attnlab {

namespace {

void checkHorizon(const char* who, std::span<const double> forecast, std::span<const double> actual) {
    if (forecast.size() != actual.size())
        throw std::invalid_argument(std::string(who) + ": " + std::to_string(forecast.size()) +
                                    " forecasts but " + std::to_string(actual.size()) + " actual values");
    if (forecast.empty()) throw std::invalid_argument(std::string(who) + ": empty horizon");
}

} // namespace

double meanAbsoluteError(std::span<const double> forecast, std::span<const double> actual) {
    checkHorizon("meanAbsoluteError", forecast, actual);
    double sum = 0.0;
    for (size_t i = 0; i < forecast.size(); ++i) sum += std::abs(actual[i] - forecast[i]);
    return sum / double(forecast.size());
}

double rootMeanSquaredError(std::span<const double> forecast, std::span<const double> actual) {
    checkHorizon("rootMeanSquaredError", forecast, actual);
    double sum = 0.0;
    for (size_t i = 0; i < forecast.size(); ++i) {
        const double e = actual[i] - forecast[i];
        sum += e * e;
    }
    return std::sqrt(sum / double(forecast.size()));
}

double seasonalNaiveScale(std::span<const double> training, int season) {
    if (season < 1)
        throw std::invalid_argument("seasonalNaiveScale: season must be >= 1, got " + std::to_string(season));
    const size_t m = static_cast<size_t>(season);
    if (training.size() <= m)
        throw std::invalid_argument("seasonalNaiveScale: training series of " +
                                    std::to_string(training.size()) + " values is too short for season " +
                                    std::to_string(season) + " (needs at least " +
                                    std::to_string(season + 1) + ")");
    double sum = 0.0;
    for (size_t t = m; t < training.size(); ++t) sum += std::abs(training[t] - training[t - m]);
    return sum / double(training.size() - m);
}

double meanAbsoluteScaledError(std::span<const double> forecast, std::span<const double> actual,
                               std::span<const double> training, int season) {
    const double scale = seasonalNaiveScale(training, season);
    if (scale == 0.0)
        throw std::invalid_argument("meanAbsoluteScaledError: zero scale (the training series "
                                    "repeats exactly with season " +
                                    std::to_string(season) + "), MASE is undefined");
    return meanAbsoluteError(forecast, actual) / scale;
}

} // namespace attnlab
