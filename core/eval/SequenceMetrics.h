#pragma once
// Metrics on output token sequences: loss per token, token accuracy, exact match and exact match
// by source length. Sequences are token ids compared as given (include </s> in both the hypothesis
// and the reference if it should count, leave it out of both otherwise), with one exception: a
// reference token that is <unk> (UnknownId) is never predicted correctly. It stands for a token
// the model's vocabulary lacks, so a model that outputs <unk> there has not produced the answer;
// counting <unk> == <unk> as right lets a model that learned "<unk><unk>..." on foreign data reach
// 100% exact match.
#include "core/nn/SequenceBatch.h"

#include <span>
#include <vector>

namespace attnlab {

// Mean loss per token, lossSum / tokens; NaN when tokens == 0. Throws when tokens < 0.
double meanTokenLoss(double lossSum, long tokens);

// Reference positions i with hypothesis[i] == reference[i] != UnknownId. Positions past the end
// of the hypothesis are wrong; hypothesis tokens past the end of the reference are not counted
// (the denominator of token accuracy is the reference length, <unk> positions included).
long matchingPositions(std::span<const int> hypothesis, std::span<const int> reference);

// Whole sequences equal (same length, same tokens) and the reference holds no UnknownId.
bool exactMatch(std::span<const int> hypothesis, std::span<const int> reference);

// Corpus token accuracy: sum of matchingPositions / sum of reference lengths (so <unk> reference
// tokens count as wrong), in [0, 1];
// NaN when there are no reference tokens. Throws when the lists differ in size.
double tokenAccuracy(const std::vector<std::vector<int>>& hypotheses,
                     const std::vector<std::vector<int>>& references);

// Fraction of pairs for which exactMatch holds, in [0, 1]; NaN for an empty corpus.
double exactMatchAccuracy(const std::vector<std::vector<int>>& hypotheses,
                          const std::vector<std::vector<int>>& references);

// One row of the accuracy-by-source-length table.
struct LengthAccuracy {
    int sourceLength = 0;
    long count = 0;           // examples with this source length
    long exactMatches = 0;    // of which exactMatch holds (never with a <unk> in the reference)
    long correctTokens = 0;   // sum of matchingPositions (never a <unk> reference position)
    long referenceTokens = 0; // sum of reference lengths, <unk> included

    // Counts one example of this source length.
    void add(std::span<const int> hypothesis, std::span<const int> reference);

    double exactMatchRate() const;    // exactMatches / count; NaN when count == 0
    double tokenAccuracyRate() const; // correctTokens / referenceTokens; NaN when 0 tokens

    friend bool operator==(const LengthAccuracy&, const LengthAccuracy&) = default;
};

// Exact match (and token accuracy) per source length, sorted by length, lengths that occur only;
// <unk> in a reference counts as wrong here as everywhere above.
// Throws when the three lists differ in size or a source length is negative.
std::vector<LengthAccuracy> accuracyBySourceLength(const std::vector<int>& sourceLengths,
                                                   const std::vector<std::vector<int>>& hypotheses,
                                                   const std::vector<std::vector<int>>& references);

} // namespace attnlab
