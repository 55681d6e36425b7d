#include "core/data/PremiseHypothesis.h"

#include "core/data/TaskKind.h"
#include "core/data/Tokenization.h"
#include "core/data/Utf8.h"

#include <stdexcept>

namespace attnlab {

int premiseLength(std::span<const std::string> tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (tokens[i] == kPremiseSeparator) return static_cast<int>(i);
    return -1;
}

PremiseHypothesisTokens splitPremiseHypothesis(std::span<const std::string> tokens) {
    const int split = premiseLength(tokens);
    if (split < 0)
        throw std::invalid_argument("an entailment source needs the separator '" +
                                    std::string(kPremiseSeparator) + "' between premise and hypothesis");
    PremiseHypothesisTokens parts;
    parts.premise.assign(tokens.begin(), tokens.begin() + split);
    parts.hypothesis.assign(tokens.begin() + split + 1, tokens.end());
    if (parts.premise.empty()) throw std::invalid_argument("the premise is empty");
    if (parts.hypothesis.empty()) throw std::invalid_argument("the hypothesis is empty");
    return parts;
}

PremiseHypothesisText splitPremiseHypothesisText(std::string_view text) {
    // The first separator *word*: a '|' inside a word ("a|b") does not split.
    std::size_t found = std::string_view::npos;
    forEachToken(text, Tokenization::Word, [&](std::string_view word) {
        if (found == std::string_view::npos && word == kPremiseSeparator)
            found = static_cast<std::size_t>(word.data() - text.data());
    });
    if (found == std::string_view::npos)
        throw std::invalid_argument("an entailment source needs the separator '" +
                                    std::string(kPremiseSeparator) + "' between premise and hypothesis");
    PremiseHypothesisText parts{trimUnicodeWhitespace(text.substr(0, found)),
                                trimUnicodeWhitespace(text.substr(found + kPremiseSeparator.size()))};
    if (parts.premise.empty()) throw std::invalid_argument("the premise is empty");
    if (parts.hypothesis.empty()) throw std::invalid_argument("the hypothesis is empty");
    return parts;
}

bool hasSeparatorWord(std::string_view sentence) {
    bool found = false;
    forEachToken(sentence, Tokenization::Word,
                 [&](std::string_view word) { found |= word == kPremiseSeparator; });
    return found;
}

} // namespace attnlab
