#pragma once
// A long series drawn with a bounded number of points: each point is the mean (of keys and of
// values) of a bucket of `stride` consecutive samples. When the complete buckets reach the cap,
// neighbouring pairs merge and the stride doubles, so the points always cover the whole series
// evenly. A run of 10,000 steps then costs a replot no more than one of 500: the curve it thins
// is already smoothed, and the plot is a few hundred pixels wide.
#include <cstddef>
#include <vector>

namespace attnlab::ui {

class ThinnedSeries {
public:
    explicit ThinnedSeries(size_t cap = 512);

    void add(double key, double value);
    void clear();

    // The complete buckets' means, then the partial bucket's (if it has samples).
    std::vector<double> keys() const;
    std::vector<double> values() const;
    size_t pointCount() const { return m_keys.size() + (m_partialCount > 0 ? 1 : 0); }
    size_t stride() const { return m_stride; }
    size_t samples() const { return m_samples; }

private:
    void mergePairs();

    size_t m_cap;
    size_t m_stride = 1;
    size_t m_samples = 0;
    std::vector<double> m_keys, m_values; // complete buckets' means
    double m_partialKeySum = 0, m_partialValueSum = 0;
    size_t m_partialCount = 0;
};

} // namespace attnlab::ui
