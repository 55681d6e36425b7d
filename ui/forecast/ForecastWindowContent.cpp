#include "ui/forecast/ForecastWindowContent.h"

#include "core/train/ForecastEvaluator.h"

#include <stdexcept>
#include <string>

namespace attnlab::ui {

ForecastContent forecastWindowContent(const ForecastModelBundle& bundle, const ForecastWindows& windows,
                                      const SeriesGold& gold, int start) {
    const int d = windows.seriesCount(), w = windows.past(), k = windows.horizon();
    if (bundle.model->seriesCount() != d || bundle.window != w || bundle.forecast.horizon != k)
        throw std::invalid_argument("the model reads " + std::to_string(bundle.model->seriesCount()) +
                                    " series over " + std::to_string(bundle.window) +
                                    " steps and forecasts " + std::to_string(bundle.forecast.horizon) +
                                    "; the windows have " + std::to_string(d) + " series, " +
                                    std::to_string(w) + " and " + std::to_string(k));
    const WindowForecast f = forecastWindows(*bundle.model, windows, {start}, bundle.normalization).front();
    const std::vector<float> past = windows.pastValues(start);    // (D x W) column t: step t's D values
    const std::vector<float> truth = windows.futureValues(start); // (D x K)
    ForecastContent content;
    for (int s = 0; s < d; ++s) {
        ForecastSeries series;
        for (int t = 0; t < w; ++t) series.past.push_back(past[static_cast<std::size_t>(t) * d + s]);
        for (int j = 0; j < k; ++j) {
            series.truth.push_back(truth[static_cast<std::size_t>(j) * d + s]);
            series.forecast.push_back(f.means(s, j));
            if (f.variances.size() > 0) series.variance.push_back(f.variances(s, j));
        }
        content.series.push_back(std::move(series));
        content.seriesNames.push_back(s < static_cast<int>(bundle.series.size())
                                          ? QString::fromStdString(bundle.series[static_cast<std::size_t>(s)])
                                          : QStringLiteral("series %1").arg(s + 1));
    }
    if (bundle.config.scorer != ScorerKind::None) content.attention = f.attention;
    content.gold = windowGoldUnion(gold, start, w, k);
    content.firstTimeIndex = start;
    return content;
}

} // namespace attnlab::ui
