#pragma once
// An entailment source is one word-token sequence "premise | hypothesis" (see TaskKind.h); these
// split it back into its two sentences. Everyone that needs the two parts (the entailment model,
// its view, the reader's link checks, the CLI) splits with these, so the rule lives in one place.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace attnlab {

struct PremiseHypothesisTokens {
    std::vector<std::string> premise;
    std::vector<std::string> hypothesis;
};

// Index of the first separator word kPremiseSeparator in `tokens` (= the premise's length), or -1
// when there is none.
int premiseLength(std::span<const std::string> tokens);

// The two sentences of an entailment source's word tokens, separator excluded. Throws
// std::invalid_argument when there is no separator, or either side is empty.
PremiseHypothesisTokens splitPremiseHypothesis(std::span<const std::string> tokens);

// The same on text: the premise and hypothesis of "premise | hypothesis", trimmed, as views into
// `text`. Throws std::invalid_argument as above.
struct PremiseHypothesisText {
    std::string_view premise;
    std::string_view hypothesis;
};
PremiseHypothesisText splitPremiseHypothesisText(std::string_view text);

// True when `sentence` has kPremiseSeparator as one of its whitespace-separated words (an
// entailment premise or hypothesis may not: the join would become ambiguous).
bool hasSeparatorWord(std::string_view sentence);

} // namespace attnlab
