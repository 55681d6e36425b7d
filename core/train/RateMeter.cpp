#include "core/train/RateMeter.h"

namespace attnlab {

namespace {
constexpr double kWindowSeconds = 3.0;
}

void RateMeter::start(long long step) {
    m_samples.clear();
    m_samples.push_back({std::chrono::steady_clock::now(), step, m_pairs});
}

void RateMeter::record(long long step, int pairs) {
    m_pairs += pairs;
    const auto now = std::chrono::steady_clock::now();
    if (m_samples.empty()) start(step - 1);
    m_samples.push_back({now, step, m_pairs});
    while (m_samples.size() > 2 &&
           std::chrono::duration<double>(now - m_samples[1].time).count() > kWindowSeconds)
        m_samples.pop_front();
}

double RateMeter::stepsPerSecond() const {
    if (m_samples.size() < 2) return 0.0;
    const double seconds =
        std::chrono::duration<double>(m_samples.back().time - m_samples.front().time).count();
    return seconds > 0 ? (m_samples.back().step - m_samples.front().step) / seconds : 0.0;
}

double RateMeter::pairsPerSecond() const {
    if (m_samples.size() < 2) return 0.0;
    const double seconds =
        std::chrono::duration<double>(m_samples.back().time - m_samples.front().time).count();
    return seconds > 0 ? (m_samples.back().pairs - m_samples.front().pairs) / seconds : 0.0;
}

} // namespace attnlab
