#include "core/data/forecast/ForecastWindows.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace attnlab {
namespace {

void requirePositive(int value, const char* what) {
    if (value <= 0)
        throw std::invalid_argument(std::string(what) + " must be positive, got " + std::to_string(value));
}

} // namespace

ForecastWindows::ForecastWindows(const SeriesTable& table, const ForecastWindowSettings& settings)
    : m_table(table), m_settings(settings) {
    requirePositive(settings.past, "the past window");
    requirePositive(settings.horizon, "the forecast horizon");
    requirePositive(settings.stride, "the window stride");
    if (!(settings.validationFraction >= 0.0 && settings.validationFraction < 1.0))
        throw std::invalid_argument("the validation fraction must be within [0, 1), got " +
                                    std::to_string(settings.validationFraction));
    const int n = table.length();
    const int w = settings.past;
    const int k = settings.horizon;
    m_split = n - static_cast<int>(std::lround(settings.validationFraction * n));
    for (int start = 0; start + w + k <= m_split; start += settings.stride) m_training.push_back(start);
    if (m_training.empty())
        throw std::invalid_argument("no training window: " + std::to_string(m_split) +
                                    " training steps, a window needs " + std::to_string(w + k) + " (past " +
                                    std::to_string(w) + " + horizon " + std::to_string(k) + ")");
    if (m_split == n) return;
    for (int start = m_split - w; start + w + k <= n; start += settings.stride) m_validation.push_back(start);
    if (m_validation.empty())
        throw std::invalid_argument("no validation window: " + std::to_string(n - m_split) +
                                    " validation steps, fewer than the horizon of " + std::to_string(k));
}

SeriesNormalization ForecastWindows::trainingNormalization() const {
    std::vector<char> covered(m_table.length(), 0);
    const int span = m_settings.past + m_settings.horizon;
    for (int start : m_training)
        for (int t = start; t < start + span; ++t) covered[t] = 1;
    return SeriesNormalization::fit(m_table.allSeries(), covered);
}

void ForecastWindows::requireWindow(int start) const {
    if (start < 0 || start + m_settings.past + m_settings.horizon > m_table.length())
        throw std::invalid_argument("a window starting at step " + std::to_string(start) +
                                    " does not fit in " + std::to_string(m_table.length()) + " steps");
}

std::vector<float> ForecastWindows::pastValues(int start) const {
    requireWindow(start);
    const int d = seriesCount();
    std::vector<float> values(static_cast<std::size_t>(d) * past());
    for (int t = 0; t < past(); ++t)
        for (int s = 0; s < d; ++s)
            values[static_cast<std::size_t>(t) * d + s] = static_cast<float>(m_table.series(s)[start + t]);
    return values;
}

std::vector<float> ForecastWindows::futureValues(int start) const {
    requireWindow(start);
    const int d = seriesCount();
    std::vector<float> values(static_cast<std::size_t>(d) * horizon());
    for (int t = 0; t < horizon(); ++t)
        for (int s = 0; s < d; ++s)
            values[static_cast<std::size_t>(t) * d + s] =
                static_cast<float>(m_table.series(s)[start + past() + t]);
    return values;
}

SequenceBatch ForecastWindows::batch(const std::vector<int>& starts,
                                     const SeriesNormalization& normalization) const {
    const int d = seriesCount();
    if (normalization.seriesCount() != d)
        throw std::invalid_argument("the normalisation has " + std::to_string(normalization.seriesCount()) +
                                    " series, the windows " + std::to_string(d));
    const int b = static_cast<int>(starts.size());
    const int w = past();
    const int k = horizon();
    SequenceBatch batch;
    batch.batchSize = b;
    batch.sourceLength = w;
    batch.sourceLengths.assign(b, w);
    batch.source.assign(static_cast<std::size_t>(w) * b, UnknownId);
    batch.featureSize = d;
    batch.features.resize(static_cast<std::size_t>(d) * w * b);
    batch.targetLength = k;
    batch.targetLengths.assign(b, k);
    batch.targetValues.resize(static_cast<std::size_t>(d) * k * b);
    batch.pairIndices = starts;
    for (int i = 0; i < b; ++i) {
        requireWindow(starts[i]);
        // column t·B + b of (D x T·B) holds step t of window b
        for (int t = 0; t < w; ++t)
            for (int s = 0; s < d; ++s)
                batch.features[(static_cast<std::size_t>(t) * b + i) * d + s] =
                    static_cast<float>(normalization.apply(s, m_table.series(s)[starts[i] + t]));
        for (int t = 0; t < k; ++t)
            for (int s = 0; s < d; ++s)
                batch.targetValues[(static_cast<std::size_t>(t) * b + i) * d + s] =
                    static_cast<float>(normalization.apply(s, m_table.series(s)[starts[i] + w + t]));
    }
    return batch;
}

Alignment windowGold(const std::vector<std::vector<int>>& gold, int start, int past, int horizon) {
    Alignment links;
    for (int k = 0; k < horizon; ++k) {
        const std::size_t t = static_cast<std::size_t>(start) + past + k;
        if (t >= gold.size()) break;
        for (int position : gold[t])
            if (position >= start && position < start + past) links.push_back({position - start, k, true});
    }
    return links;
}

} // namespace attnlab
