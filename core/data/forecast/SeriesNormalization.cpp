#include "core/data/forecast/SeriesNormalization.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace attnlab {

SeriesNormalization::SeriesNormalization(std::vector<double> means, std::vector<double> deviations)
    : m_means(std::move(means)), m_deviations(std::move(deviations)) {
    if (m_means.size() != m_deviations.size())
        throw std::invalid_argument("normalisation: " + std::to_string(m_means.size()) + " means but " +
                                    std::to_string(m_deviations.size()) + " deviations");
    for (std::size_t d = 0; d < m_deviations.size(); ++d)
        if (!(m_deviations[d] > 0) || !std::isfinite(m_deviations[d]) || !std::isfinite(m_means[d]))
            throw std::invalid_argument("normalisation: series " + std::to_string(d + 1) +
                                        " needs a finite mean and a positive deviation");
}

SeriesNormalization SeriesNormalization::fit(const std::vector<std::vector<double>>& series,
                                             const std::vector<char>& included) {
    std::vector<double> means, deviations;
    for (const std::vector<double>& values : series) {
        if (values.size() != included.size())
            throw std::invalid_argument("normalisation: a series of " + std::to_string(values.size()) +
                                        " steps, a mask of " + std::to_string(included.size()));
        double sum = 0;
        long long count = 0;
        for (std::size_t t = 0; t < values.size(); ++t)
            if (included[t]) {
                sum += values[t];
                ++count;
            }
        if (count == 0) throw std::invalid_argument("normalisation: no step to take the statistics from");
        const double mean = sum / static_cast<double>(count);
        double squares = 0; // two passes: no cancellation when the mean is large
        for (std::size_t t = 0; t < values.size(); ++t)
            if (included[t]) squares += (values[t] - mean) * (values[t] - mean);
        const double deviation = std::sqrt(squares / static_cast<double>(count));
        means.push_back(mean);
        deviations.push_back(deviation > 0 ? deviation : 1.0);
    }
    return SeriesNormalization(std::move(means), std::move(deviations));
}

void SeriesNormalization::requireColumns(std::span<float> values) const {
    if (m_means.empty() || values.size() % m_means.size() != 0)
        throw std::invalid_argument("normalisation: " + std::to_string(values.size()) +
                                    " values are not whole columns of " + std::to_string(m_means.size()));
}

void SeriesNormalization::apply(std::span<float> values) const {
    requireColumns(values);
    const std::size_t d = m_means.size();
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = static_cast<float>(apply(static_cast<int>(i % d), values[i]));
}

void SeriesNormalization::invert(std::span<float> values) const {
    requireColumns(values);
    const std::size_t d = m_means.size();
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = static_cast<float>(invert(static_cast<int>(i % d), values[i]));
}

} // namespace attnlab
