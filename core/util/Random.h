#pragma once
// Seeded random numbers with the same sequence on every platform: the standard distributions are
// implementation-defined, so AttnLab maps the raw 64-bit engine output itself.
#include <cstdint>
#include <random>

namespace attnlab {

class Random {
public:
    explicit Random(std::uint64_t seed = 0) : m_engine(seed) {}

    std::uint64_t next() { return m_engine(); }
    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    // Uniform integer in [0, n).
    std::uint64_t below(std::uint64_t n);
    // Standard normal (Box-Muller; no cached second value, so the stream stays simple).
    double normal();

private:
    std::mt19937_64 m_engine;
};

} // namespace attnlab
