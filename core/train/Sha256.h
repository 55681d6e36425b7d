#pragma once
// SHA-256, so a model file's checksum can be checked with Python's hashlib and sha256sum. The
// hashing is OpenSSL's (libcrypto, Debian's libssl-dev): it uses the CPU's SHA extensions where
// there are some, about five times faster than portable code on a 343 MB model file.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace attnlab {

class Sha256 {
public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

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

    struct Context;
    std::unique_ptr<Context> m_context; // OpenSSL's EVP_MD_CTX
};

} // namespace attnlab
