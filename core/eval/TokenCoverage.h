#pragma once
// How much of a set of encoded pairs a model's vocabularies cover: the tokens that were encoded
// as <unk> (UnknownId) on each side. A reference token that is <unk> is never predicted correctly
// (SequenceMetrics.h), so a high unknown target share means the metrics measure data the model
// was not trained on; the CLI and the window warn above kWarningShare.
#include "core/data/EncodedPair.h"
#include "core/data/TrainingData.h"

#include <cstdint>
#include <span>

namespace attnlab {

struct TokenCoverage {
    // Above this share of unknown reference tokens a user should be warned: a few unseen
    // characters in a validation split are normal, a tenth of the references is not.
    static constexpr double kWarningShare = 0.02;

    std::int64_t sourceTokens = 0;
    std::int64_t unknownSourceTokens = 0; // read as <unk> by the encoder
    std::int64_t targetTokens = 0;        // the references, </s> excluded
    std::int64_t unknownTargetTokens = 0; // never predictable: they count as wrong

    // unknown / tokens in [0, 1]; NaN when there are no tokens on that side.
    double unknownSourceShare() const;
    double unknownTargetShare() const;
    // unknownTargetShare() > kWarningShare (false when there are no target tokens).
    bool warrantsWarning() const;

    TokenCoverage& operator+=(const TokenCoverage& other);
    friend bool operator==(const TokenCoverage&, const TokenCoverage&) = default;
};

// Counts the UnknownId ids of the pairs as they were encoded with the model's vocabularies.
TokenCoverage tokenCoverage(std::span<const EncodedPair> pairs);
// The same over a split's pairs (e.g. the validation split of prepareTrainingData, or pairs
// encoded with a loaded model's vocabularies by encodePairs).
TokenCoverage tokenCoverage(const EncodedSplit& split);

} // namespace attnlab
