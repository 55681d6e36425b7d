#pragma once
// SHA-256 (FIPS 180-4), so a model file's checksum can be checked with Python's hashlib and
// sha256sum; AttnLab needs no crypto library for this one hash.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace attnlab {

class Sha256 {
public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256();

    // Feed bytes; any split of the input into update() calls gives the same digest.
    void update(const void* data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    // Pads, returns the digest and resets the object for a new message.
    Digest finish();

    static std::string toHex(const Digest& digest); // 64 lowercase hex digits
    static std::string hexDigest(const void* data, std::size_t size);
    static std::string hexDigest(std::string_view bytes) { return hexDigest(bytes.data(), bytes.size()); }

private:
    void reset();
    void compress(const std::uint8_t* block); // one 64-byte block

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_block; // pending input, m_blockSize bytes used
    std::size_t m_blockSize = 0;
    std::uint64_t m_totalBytes = 0;
};

} // namespace attnlab
