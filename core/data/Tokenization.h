#pragma once
// Tokenisers. Char: one token per Unicode code point (é and ß are one token each; a space is a
// token too). Word: maximal runs of non-whitespace, split at Unicode whitespace.
// Input is valid UTF-8 (the dataset reader checks it).
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnlab {

enum class Tokenization { Char, Word };

std::vector<std::string> tokenize(std::string_view text, Tokenization tokenization);

// Calls visit(token) for each token, in order, without allocating (views into `text`).
void forEachToken(std::string_view text, Tokenization tokenization,
                  const std::function<void(std::string_view)>& visit);

int tokenCount(std::string_view text, Tokenization tokenization);

// The inverse of tokenize for display: char tokens concatenated, word tokens joined by a space.
std::string joinTokens(const std::vector<std::string>& tokens, Tokenization tokenization);

// "char" / "word", as written in configurations and on the command line.
std::string_view tokenizationName(Tokenization tokenization);
std::optional<Tokenization> parseTokenization(std::string_view name);

} // namespace attnlab
