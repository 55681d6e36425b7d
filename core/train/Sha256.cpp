#include "core/train/Sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace attnlab {

struct Sha256::Context {
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(context); }
};

namespace {

void check(int status, const char* what) {
    if (status != 1) throw std::runtime_error(std::string("SHA-256: OpenSSL's ") + what + " failed");
}

} // namespace

Sha256::Sha256() : m_context(std::make_unique<Context>()) {
    if (!m_context->context) throw std::runtime_error("SHA-256: OpenSSL could not allocate a digest context");
    reset();
}

Sha256::~Sha256() = default;

void Sha256::reset() {
    check(EVP_DigestInit_ex(m_context->context, EVP_sha256(), nullptr), "EVP_DigestInit_ex");
}

void Sha256::update(const void* data, std::size_t size) {
    if (size > 0) check(EVP_DigestUpdate(m_context->context, data, size), "EVP_DigestUpdate");
}

Sha256::Digest Sha256::finish() {
    Digest digest{};
    unsigned int length = 0;
    check(EVP_DigestFinal_ex(m_context->context, digest.data(), &length), "EVP_DigestFinal_ex");
    if (length != digest.size())
        throw std::runtime_error("SHA-256: OpenSSL returned a digest of " + std::to_string(length) +
                                 " bytes");
    reset();
    return digest;
}

std::string Sha256::toHex(const Digest& digest) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    text.reserve(2 * digest.size());
    for (const std::uint8_t byte : digest) {
        text.push_back(kHex[byte >> 4]);
        text.push_back(kHex[byte & 0xf]);
    }
    return text;
}

std::string Sha256::hexDigest(const void* data, std::size_t size) {
    Sha256 sha;
    sha.update(data, size);
    return toHex(sha.finish());
}

} // namespace attnlab
