#include "core/data/Tokenization.h"

#include "core/data/Utf8.h"

#include <utf8cpp/utf8.h>

namespace attnlab {

void forEachToken(std::string_view text, Tokenization tokenization,
                  const std::function<void(std::string_view)>& visit) {
    auto it = text.begin();
    if (tokenization == Tokenization::Char) {
        while (it != text.end()) {
            const auto start = it;
            utf8::unchecked::next(it);
            visit(std::string_view(&*start, static_cast<std::size_t>(it - start)));
        }
        return;
    }
    auto wordStart = text.end();
    while (it != text.end()) {
        const auto here = it;
        const bool space = isUnicodeWhitespace(utf8::unchecked::next(it));
        if (space && wordStart != text.end()) {
            visit(std::string_view(&*wordStart, static_cast<std::size_t>(here - wordStart)));
            wordStart = text.end();
        } else if (!space && wordStart == text.end()) {
            wordStart = here;
        }
    }
    if (wordStart != text.end())
        visit(std::string_view(&*wordStart, static_cast<std::size_t>(text.end() - wordStart)));
}

std::vector<std::string> tokenize(std::string_view text, Tokenization tokenization) {
    std::vector<std::string> tokens;
    forEachToken(text, tokenization, [&](std::string_view token) { tokens.emplace_back(token); });
    return tokens;
}

int tokenCount(std::string_view text, Tokenization tokenization) {
    if (tokenization == Tokenization::Char) return static_cast<int>(codePointCount(text));
    int n = 0;
    bool inWord = false;
    for (auto it = text.begin(); it != text.end();) {
        const bool space = isUnicodeWhitespace(utf8::unchecked::next(it));
        if (!space && !inWord) ++n;
        inWord = !space;
    }
    return n;
}

std::string joinTokens(const std::vector<std::string>& tokens, Tokenization tokenization) {
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i > 0 && tokenization == Tokenization::Word) out += ' ';
        out += tokens[i];
    }
    return out;
}

std::string_view tokenizationName(Tokenization tokenization) {
    return tokenization == Tokenization::Char ? "char" : "word";
}

std::optional<Tokenization> parseTokenization(std::string_view name) {
    if (name == "char") return Tokenization::Char;
    if (name == "word") return Tokenization::Word;
    return std::nullopt;
}

} // namespace attnlab
