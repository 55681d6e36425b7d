#include "core/data/forecast/SeasonalPeriod.h"

#include <algorithm>

namespace attnlab {

int detectPeriod(std::span<const double> values, int maxLag) {
    const int n = static_cast<int>(values.size());
    maxLag = std::min(maxLag, n / 2);
    if (maxLag < 2) return 1;
    double mean = 0;
    for (double v : values) mean += v;
    mean /= n;
    double variance = 0;
    for (double v : values) variance += (v - mean) * (v - mean);
    if (!(variance > 0)) return 1;
    int best = 1;
    double bestCorrelation = 0;
    for (int lag = 2; lag <= maxLag; ++lag) {
        double sum = 0;
        for (int t = lag; t < n; ++t) sum += (values[t] - mean) * (values[t - lag] - mean);
        const double correlation = sum / variance;
        // a multiple of the period correlates about as well; the shorter lag stays unless clearly beaten
        if (correlation > bestCorrelation * 1.01 + 1e-12) {
            best = lag;
            bestCorrelation = correlation;
        }
    }
    return best;
}

} // namespace attnlab
