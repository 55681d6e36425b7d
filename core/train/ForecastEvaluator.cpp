#include "core/train/ForecastEvaluator.h"

#include "core/eval/AttentionMetrics.h"
#include "core/eval/Forecast.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

namespace attnlab {

std::vector<WindowForecast> forecastWindows(const Forecaster<float>& model, const ForecastWindows& windows,
                                            const std::vector<int>& starts,
                                            const SeriesNormalization& normalization, int batchSize) {
    const int d = windows.seriesCount();
    const int k = windows.horizon();
    std::vector<WindowForecast> result;
    result.reserve(starts.size());
    for (std::size_t first = 0; first < starts.size(); first += batchSize) {
        const std::size_t last = std::min(starts.size(), first + static_cast<std::size_t>(batchSize));
        const std::vector<int> chunk(starts.begin() + first, starts.begin() + last);
        const int b = static_cast<int>(chunk.size());
        const Forecast<float> forecast = model.predict(windows.batch(chunk, normalization));
        for (int i = 0; i < b; ++i) {
            WindowForecast window;
            window.start = chunk[i];
            window.means.resize(d, k);
            if (forecast.variances.size() > 0) window.variances.resize(d, k);
            for (int step = 0; step < k; ++step)
                for (int s = 0; s < d; ++s) {
                    // column step·B + i of the (D x K·B) forecast
                    const Eigen::Index column = static_cast<Eigen::Index>(step) * b + i;
                    window.means(s, step) =
                        static_cast<float>(normalization.invert(s, forecast.means(s, column)));
                    if (window.variances.size() > 0)
                        window.variances(s, step) = static_cast<float>(
                            normalization.invertVariance(s, forecast.variances(s, column)));
                }
            window.attention = forecast.attention[i];
            result.push_back(std::move(window));
        }
    }
    return result;
}

Alignment windowGoldUnion(const SeriesGold& gold, int start, int past, int horizon) {
    std::set<std::pair<int, int>> links; // (target, source), so the result is ordered by target
    for (const auto& series : gold)
        for (const AlignmentLink& link : windowGold(series, start, past, horizon))
            links.insert({link.target, link.source});
    Alignment result;
    for (const auto& [target, source] : links) result.push_back({source, target, true});
    return result;
}

ForecastEvaluator::ForecastEvaluator(const ForecastWindows& windows, std::vector<int> starts,
                                     SeriesNormalization normalization, std::vector<int> periods,
                                     SeriesGold gold)
    : m_windows(windows), m_starts(std::move(starts)), m_normalization(std::move(normalization)),
      m_periods(std::move(periods)), m_gold(std::move(gold)) {
    const int d = windows.seriesCount();
    if (static_cast<int>(m_periods.size()) != d)
        throw std::invalid_argument("forecast evaluation: " + std::to_string(m_periods.size()) +
                                    " periods for " + std::to_string(d) + " series");
    if (!m_gold.empty() && static_cast<int>(m_gold.size()) != d)
        throw std::invalid_argument("forecast evaluation: gold for " + std::to_string(m_gold.size()) +
                                    " series, the data has " + std::to_string(d));
    const int split = windows.splitPoint();
    for (int s = 0; s < d; ++s) {
        const std::vector<double>& values = windows.table().series(s);
        const std::span<const double> training(values.data(), static_cast<std::size_t>(split));
        try {
            const double scale = seasonalNaiveScale(training, m_periods[s]);
            m_scales.push_back(scale > 0 ? scale : ForecastMetrics::kNone);
        } catch (const std::invalid_argument&) {
            // A series that repeats exactly (a constant one) or is shorter than its period has no
            // MASE: NaN, so the other series are still scored.
            m_scales.push_back(ForecastMetrics::kNone);
        }
    }
}

ForecastMetrics ForecastEvaluator::evaluate(const Forecaster<float>& model, int batchSize) const {
    return score(forecastWindows(model, m_windows, m_starts, m_normalization, batchSize));
}

ForecastMetrics ForecastEvaluator::score(const std::vector<WindowForecast>& forecasts) const {
    const int d = m_windows.seriesCount();
    const int k = m_windows.horizon();
    const int w = m_windows.past();
    ForecastMetrics m;
    m.windows = static_cast<int>(forecasts.size());
    m.naiveScale = m_scales;
    if (forecasts.empty()) return m;
    std::vector<double> absolute(d, 0.0), squared(d, 0.0);
    double goldMass = 0, uniformMass = 0;
    double loss = 0; // the training loss per value, in normalised units
    for (const WindowForecast& f : forecasts) {
        const std::vector<float> truth = m_windows.futureValues(f.start); // (D x K)
        for (int step = 0; step < k; ++step)
            for (int s = 0; s < d; ++s) {
                const double error = f.means(s, step) - truth[static_cast<std::size_t>(step) * d + s];
                absolute[s] += std::abs(error);
                squared[s] += error * error;
                const double deviation = m_normalization.deviations()[s];
                const double z = error / deviation; // the error in normalised units
                if (f.variances.size() == 0) {
                    loss += z * z;
                } else { // ½ (log σ² + z² / σ²) with σ² in normalised units
                    const double variance = f.variances(s, step) / (deviation * deviation);
                    loss += 0.5 * (std::log(variance) + z * z / variance);
                }
            }
        if (m_gold.empty()) continue;
        const Alignment gold = windowGoldUnion(m_gold, f.start, w, k);
        long rows = 0;
        goldMass += goldAttentionMass(f.attention, gold, rows);
        m.goldRows += rows;
        uniformMass += static_cast<double>(gold.size()) / w; // uniform α puts 1/W on each link
    }
    const double values = static_cast<double>(forecasts.size()) * k; // per series
    double allAbsolute = 0, allSquared = 0, maseSum = 0, maseMax = 0;
    int maseCount = 0;
    for (int s = 0; s < d; ++s) {
        m.seriesMae.push_back(absolute[s] / values);
        m.seriesRmse.push_back(std::sqrt(squared[s] / values));
        m.seriesMase.push_back(m.seriesMae.back() / m_scales[s]); // NaN without a scale
        allAbsolute += absolute[s];
        allSquared += squared[s];
        if (std::isnan(m.seriesMase.back())) continue;
        maseSum += m.seriesMase.back();
        maseMax = std::max(maseMax, m.seriesMase.back());
        ++maseCount;
    }
    m.loss = loss / (values * d);
    m.mae = allAbsolute / (values * d);
    m.mse = allSquared / (values * d);
    m.rmse = std::sqrt(m.mse);
    m.mase = maseCount > 0 ? maseSum / maseCount : ForecastMetrics::kNone;
    m.maxMase = maseCount > 0 ? maseMax : ForecastMetrics::kNone;
    if (m.goldRows > 0) {
        m.goldMass = goldMass / m.goldRows;
        m.uniformGoldMass = uniformMass / m.goldRows;
    }
    return m;
}

} // namespace attnlab
