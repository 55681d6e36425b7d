#pragma once
// Small helpers shared by the task generators.
#include "core/util/Random.h"

#include <string>
#include <string_view>
#include <vector>

namespace attnlab::tasks {

// Uniform integer in [low, high].
inline int uniformInt(Random& rng, int low, int high) {
    return low + static_cast<int>(rng.below(static_cast<std::uint64_t>(high - low + 1)));
}

template <class T> const T& pick(Random& rng, const std::vector<T>& items) {
    return items[static_cast<std::size_t>(rng.below(items.size()))];
}

// `length` characters drawn uniformly from `alphabet` (ASCII).
inline std::string randomString(Random& rng, std::string_view alphabet, int length) {
    std::string s;
    s.reserve(static_cast<std::size_t>(length));
    for (int i = 0; i < length; ++i) s += alphabet[static_cast<std::size_t>(rng.below(alphabet.size()))];
    return s;
}

} // namespace attnlab::tasks
