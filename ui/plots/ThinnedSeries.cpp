#include "ui/plots/ThinnedSeries.h"

#include <algorithm>

namespace attnlab::ui {

ThinnedSeries::ThinnedSeries(size_t cap) : m_cap(std::max<size_t>(cap, 2) & ~size_t(1)) {}

void ThinnedSeries::clear() {
    *this = ThinnedSeries(m_cap);
}

void ThinnedSeries::add(double key, double value) {
    ++m_samples;
    m_partialKeySum += key;
    m_partialValueSum += value;
    if (++m_partialCount < m_stride) return;
    m_keys.push_back(m_partialKeySum / double(m_stride));
    m_values.push_back(m_partialValueSum / double(m_stride));
    m_partialKeySum = m_partialValueSum = 0;
    m_partialCount = 0;
    if (m_keys.size() >= m_cap) mergePairs();
}

// Every bucket holds `stride` samples, so the mean of two neighbours is the mean of their samples.
void ThinnedSeries::mergePairs() {
    const size_t half = m_keys.size() / 2;
    for (size_t i = 0; i < half; ++i) {
        m_keys[i] = 0.5 * (m_keys[2 * i] + m_keys[2 * i + 1]);
        m_values[i] = 0.5 * (m_values[2 * i] + m_values[2 * i + 1]);
    }
    m_keys.resize(half);
    m_values.resize(half);
    m_stride *= 2;
}

std::vector<double> ThinnedSeries::keys() const {
    std::vector<double> keys = m_keys;
    if (m_partialCount > 0) keys.push_back(m_partialKeySum / double(m_partialCount));
    return keys;
}

std::vector<double> ThinnedSeries::values() const {
    std::vector<double> values = m_values;
    if (m_partialCount > 0) values.push_back(m_partialValueSum / double(m_partialCount));
    return values;
}

} // namespace attnlab::ui
