#include "core/util/Random.h"

#include <cmath>
#include <numbers>

namespace attnlab {

std::uint64_t Random::below(std::uint64_t n) {
    if (n <= 1) return 0;
    // Rejection sampling removes the modulo bias.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t x;
    do {
        x = m_engine();
    } while (x >= limit);
    return x % n;
}

double Random::normal() {
    double u1 = uniform();
    while (u1 <= 0.0) u1 = uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

} // namespace attnlab
