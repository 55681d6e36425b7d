#pragma once
// D series, M steps.
// Per-series standardisation of forecasting values (issue 15): z = (y − mean_d) / std_d, with the
// mean and the (population) standard deviation of each series taken over the steps the training
// windows cover, never the validation steps, so validation scores do not see their own statistics.
// A series that is constant there gets std 1 (it is only centred). Saved in the model file so
// forecasts are turned back into the data's units the same way.
#include <span>
#include <vector>

namespace attnlab {

class SeriesNormalization {
public:
    SeriesNormalization() = default;
    // means, deviations: (D) each, every deviation > 0; throws std::invalid_argument otherwise.
    SeriesNormalization(std::vector<double> means, std::vector<double> deviations);

    // The statistics of series (D) x (N) over the steps t with included[t] (N); throws
    // std::invalid_argument when no step is included or the lengths differ.
    static SeriesNormalization fit(const std::vector<std::vector<double>>& series,
                                   const std::vector<char>& included);

    int seriesCount() const { return static_cast<int>(m_means.size()); }   // D
    const std::vector<double>& means() const { return m_means; }           // (D)
    const std::vector<double>& deviations() const { return m_deviations; } // (D)

    double apply(int series, double value) const { return (value - m_means[series]) / m_deviations[series]; }
    double invert(int series, double value) const { return value * m_deviations[series] + m_means[series]; }
    // A variance in normalised units, in the data's units: σ² · std_d².
    double invertVariance(int series, double variance) const {
        return variance * m_deviations[series] * m_deviations[series];
    }
    // In place over values (D x M), column-major (column m holds step m's D values).
    void apply(std::span<float> values) const;
    void invert(std::span<float> values) const;

private:
    void requireColumns(std::span<float> values) const;

    std::vector<double> m_means;      // (D)
    std::vector<double> m_deviations; // (D)
};

} // namespace attnlab
