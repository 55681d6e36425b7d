#pragma once
// The seed of a model's initialisation. Each parameter draws from a stream of its own, seeded by
// the model's seed and the parameter's name, so its initial values depend on nothing else: two
// models with the same seed start equal in every parameter they share by name and shape, whatever
// else differs between them (scorer, input feeding, attention size). A comparison of scorers then
// measures the scorers, not the luck of the draw.
#include "core/util/Random.h"

#include <cstdint>
#include <string_view>

namespace attnlab {

class InitSeed {
public:
    explicit InitSeed(std::uint64_t seed) : m_seed(seed) {}

    std::uint64_t value() const { return m_seed; }
    // The stream of the parameter called `parameterName`.
    Random streamFor(std::string_view parameterName) const;

private:
    std::uint64_t m_seed;
};

} // namespace attnlab
