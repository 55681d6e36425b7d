#pragma once
// B batch, S source length, C classes (the target vocabulary: 4 specials, then the labels).
// Decoding a label model (classifier, entailment) is one forward pass: the most probable label
// and the attention that decided it, in the DecodeResult every caller of decoding already reads.
#include "core/infer/DecodeResult.h"
#include "core/nn/Seq2Seq.h"

#include <vector>

namespace attnlab {

// One result per column: tokens {label} (the most probable of the labels, the specials never
// chosen), tokenLogProbs {its log p}, finished, classProbabilities (C), attention: the pooling
// weights (1 x S_b) or, for entailment, one row per hypothesis word over the premise (N_b x P_b).
std::vector<DecodeResult> predictLabels(const Seq2Seq<float>& model, const SequenceBatch& batch);

} // namespace attnlab
