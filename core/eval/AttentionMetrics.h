#pragma once
// Metrics on attention matrices: hard alignment, alignment error rate against gold alignments,
// entropy and the mass on the last source position.
//
// T output tokens (rows), S source tokens (columns). An attention matrix alpha is (T x S): row t
// holds the weights output token t gave to each source token and sums to 1 over the valid source
// positions s < sourceLength; columns past sourceLength are padding and are never read.
// Every `sourceLength` argument defaults to -1, meaning alpha.cols().
#include "core/nn/Tensor.h"
#include "core/util/AlignmentLink.h"

namespace attnlab {

// For each row t, the link (argmax_s alpha(t, s), t), marked sure; ties go to the lowest s.
// Throws when sourceLength is outside [1, alpha.cols()] while alpha has rows.
Alignment hardAlignment(const ConstMatrixRef<float>& alpha, int sourceLength = -1);

// The counts of AER (Och & Ney 2000) for one sentence or, summed, for a corpus.
// A is the hypothesis alignment, S the sure gold links, P the sure and possible gold links.
struct AerCounts {
    long hypothesisLinks = 0; // |A|
    long sureLinks = 0;       // |S|
    long sureMatches = 0;     // |A ∩ S|
    long possibleMatches = 0; // |A ∩ P|

    // AER = 1 - (|A∩S| + |A∩P|) / (|A| + |S|), in [0, 1]; NaN when |A| + |S| = 0.
    double errorRate() const;

    AerCounts& operator+=(const AerCounts& other);
    friend bool operator==(const AerCounts&, const AerCounts&) = default;
};

// AER counts of any hypothesis alignment against a gold one. Both are treated as sets: repeated
// links count once, and a gold link given as both sure and possible is sure. The hypothesis's
// sure flags are ignored.
AerCounts alignmentErrorCounts(const Alignment& hypothesis, const Alignment& gold);

// AER counts of the model's hard alignment. Only rows t < goldTargetLength are aligned (the
// number of gold target tokens; rows past it, such as the </s> row, are ignored). Throws when a
// gold link lies outside [0, sourceLength) x [0, goldTargetLength) or goldTargetLength < 0.
AerCounts alignmentErrorCounts(const ConstMatrixRef<float>& alpha, const Alignment& gold,
                               int goldTargetLength, int sourceLength = -1);

// Corpus AER over parallel lists of attention matrices, gold alignments and gold target lengths:
// the counts are summed over sentences before dividing. NaN when there is nothing to count.
double alignmentErrorRate(const std::vector<Matrix<float>>& attentions, const std::vector<Alignment>& golds,
                          const std::vector<int>& goldTargetLengths);

// Entropy of each row in nats, H_t = -sum_{s < sourceLength} alpha(t, s) ln alpha(t, s) with
// 0 ln 0 = 0, averaged over the rows: 0 for one-hot rows, ln(sourceLength) for uniform ones.
// NaN for a matrix without rows.
double meanAttentionEntropy(const ConstMatrixRef<float>& alpha, int sourceLength = -1);

// Mean over rows of alpha(t, sourceLength - 1): how much attention parks on the last source
// token (often </s> or final punctuation). NaN for a matrix without rows.
double meanLastPositionMass(const ConstMatrixRef<float>& alpha, int sourceLength = -1);

// Attention-evidence agreement: for each target row t that has gold links (t < rows), the
// attention mass on its gold source positions, Σ_{s linked to t} alpha(t, s); returned as the sum
// over those rows, with their count in `rows`. A model that puts all its attention inside each
// word's span (a spoken word covers many frames) scores 1 per row, whatever single frame it picks,
// where AER would count every unpicked frame of the span as a miss.
double goldAttentionMass(const ConstMatrixRef<float>& alpha, const Alignment& gold, long& rows);

} // namespace attnlab
