#pragma once
// S source tokens.
// A person's text as a model's source, read the one way every entry point reads it (the window's
// typed sentence, `attnlab-cli align`): checked as UTF-8, normalised and tokenised exactly as the
// model's training data were (modelTokens), held to the longest source the model takes from a
// person (typedSourceLimit), and looked up in the model's source vocabulary. Nothing is cut off
// or replaced silently: an input that cannot be decoded says why (problem), and tokens the
// vocabulary lacks are decoded as <unk>, counted and listed.
#include "core/data/TextNormalization.h"
#include "core/data/Tokenization.h"
#include "core/data/Vocabulary.h"
#include "core/nn/ModelConfig.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace attnlab {

// The most source tokens typed input may have. The location scorer has one learned weight per
// position up to max_source_len and reads no further (positional). Any other scorer reads any
// length, and a sentence longer than the training data shows how attention copes with one; but
// decoding takes up to 2·S + 10 steps over all S positions (time grows as S²) on the window's
// thread, and the heatmap draws a column per token, so typed input stops at the larger of
// max_source_len and kTypedSourceFloor. Never more than kTypedSourceCeiling, whatever a file claims.
struct SourceLimit {
    int tokens = 0;
    bool positional = false; // the location scorer's own limit (else the typed-input bound)
};
inline constexpr int kTypedSourceFloor = 256;
inline constexpr int kTypedSourceCeiling = 1000;
SourceLimit typedSourceLimit(const ModelConfig& config);

// How a model reads source text: its normalisation and tokenisation, and its limit.
struct SourceReading {
    TextNormalization normalization;
    Tokenization tokenization = Tokenization::Char;
    SourceLimit limit; // tokens 0: none
};

enum class SourceProblem {
    None,
    InvalidUtf8, // the text is not UTF-8 (invalidByte says where)
    Empty,       // nothing left after normalisation
    TooLong,     // more tokens than the limit: refused whole, never cut
};

struct SourceInput {
    std::vector<std::string> tokens;  // (S) normalised; an unknown token keeps its spelling
    std::vector<int> ids;             // (S) UnknownId where the vocabulary lacks the token
    std::vector<std::string> unknown; // the distinct unknown tokens, in order of first appearance
    int unknownCount = 0;             // how many of the S tokens are unknown, repeats included
    int length = 0;                   // tokens in the normalised text (also when too long)
    SourceLimit limit;                // what it was held to
    std::size_t invalidByte = 0;      // InvalidUtf8: offset of the first bad byte
    SourceProblem problem = SourceProblem::None;

    bool ok() const { return problem == SourceProblem::None; }
    // Why it cannot be decoded, in English for the command line ("" when ok): "the input is
    // empty", "the input has 65 tokens; this model (location scorer) reads at most 64", ...
    std::string problemText() const;
};

// Text a person gave. Too long or empty: tokens and ids stay empty (a 10,000-character paste
// costs one pass over the text).
SourceInput readSourceInput(std::string_view text, const SourceReading& reading,
                            const Vocabulary& vocabulary);

// Tokens already split and normalised (a dataset pair): ids and unknown tokens; no limit.
SourceInput encodeSourceTokens(std::vector<std::string> tokens, const Vocabulary& vocabulary);

} // namespace attnlab
