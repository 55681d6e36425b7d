#include "core/nn/InitSeed.h"

namespace attnlab {

namespace {
// FNV-1a: a stable 64-bit hash of the name (std::hash may differ between library versions).
std::uint64_t nameHash(std::string_view name) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : name) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

// splitmix64's finaliser: nearby seeds and hashes give unrelated engine seeds.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}
} // namespace

Random InitSeed::streamFor(std::string_view parameterName) const {
    return Random(mix(m_seed ^ mix(nameHash(parameterName))));
}

} // namespace attnlab
