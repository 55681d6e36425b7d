// libFuzzer target: UTF-8 validation, then the tokenisers and the text normalisation on text the
// validation accepts (their documented input). Checks the invariants the data side relies on:
// counts agree with the tokens, char tokens join back to the text, lowercasing keeps the number
// of code points (so gold alignments survive it), trimming and normalising are idempotent.
#include "core/data/Tokenization.h"
#include "core/data/Utf8.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace attnlab;

namespace {
void check(bool condition) {
    if (!condition) std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t invalid = findInvalidUtf8(text);
    if (invalid != std::string_view::npos) {
        check(invalid < text.size());
        check(findInvalidUtf8(text.substr(0, invalid)) == std::string_view::npos);
        return 0;
    }
    const auto chars = tokenize(text, Tokenization::Char);
    check(static_cast<int>(chars.size()) == tokenCount(text, Tokenization::Char));
    check(chars.size() == codePointCount(text));
    check(joinTokens(chars, Tokenization::Char) == text);

    const auto words = tokenize(text, Tokenization::Word);
    check(static_cast<int>(words.size()) == tokenCount(text, Tokenization::Word));
    for (const std::string& word : words) {
        check(!word.empty());
        check(tokenize(word, Tokenization::Word).size() == 1);
    }
    check(tokenize(joinTokens(words, Tokenization::Word), Tokenization::Word) == words);

    const std::string lowered = lowercaseUtf8(text);
    check(findInvalidUtf8(lowered) == std::string_view::npos);
    check(codePointCount(lowered) == codePointCount(text));

    const std::string_view trimmed = trimUnicodeWhitespace(text);
    check(trimUnicodeWhitespace(trimmed) == trimmed);
    check(tokenize(trimmed, Tokenization::Word) == words);
    const std::string normal = normalizeText(text, true, true);
    check(normalizeText(normal, true, true) == normal);
    return 0;
}
