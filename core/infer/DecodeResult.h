#pragma once
// S source length, T output length.
// What decoding returns: the output, its log-probabilities and the attention that produced it.
#include "core/nn/Tensor.h"

#include <vector>

namespace attnlab {

struct DecodeResult {
    std::vector<int> tokens;          // output ids, </s> excluded
    std::vector<float> tokenLogProbs; // log p of each emitted token (+ the </s> when finished)
    double logProb = 0.0;             // sum of tokenLogProbs
    double score = 0.0;               // the ranking score (length-normalised for beam search)
    bool finished = false;            // ended with </s> (else it hit the length limit)
    // (rows x S): one row per output token, then one for </s> when finished; row t is α_t.
    // Label models (LabelPrediction.h): the pooling weights (1 x S), or for entailment one row per
    // hypothesis word over the premise (N x P).
    Matrix<float> attention;
    std::vector<float> classProbabilities; // label models: p of every target id (C); else empty
};

struct DecodeOptions {
    int beamWidth = 1;          // 1 = greedy
    int maxLength = 0;          // output tokens at most; 0 means 2·S + 10
    double lengthPenalty = 1.0; // beam score = logProb / length^lengthPenalty (0 = raw sum)
};

inline int effectiveMaxLength(const DecodeOptions& options, int sourceLength) {
    return options.maxLength > 0 ? options.maxLength : 2 * sourceLength + 10;
}

} // namespace attnlab
