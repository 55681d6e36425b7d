#pragma once
// B batch, S source length, P premise length, N hypothesis length.
// An entailment batch's sources are "premise | hypothesis" (core/data/TaskKind.h): the encoder
// reads the premise, the decoder's LSTM the hypothesis. This cuts them apart.
#include "core/nn/SequenceBatch.h"

#include <vector>

namespace attnlab {

struct PremiseHypothesisBatch {
    SequenceBatch premise;       // the premises as a batch of sources (P x B); no targets
    std::vector<int> hypothesis; // ((N+1) x B) time-major: the hypothesis words, then EndId, PadId after
    std::vector<int> hypothesisLengths; // (B) N_b >= 1
    int steps = 0;                      // N + 1: the decoder steps (<s>, then one per hypothesis word)
};

// Cuts each column at the first separatorId. Throws std::invalid_argument naming the column when
// it has no separator, or nothing before or after it.
void splitPremiseHypothesis(const SequenceBatch& batch, int separatorId, PremiseHypothesisBatch& out);

} // namespace attnlab
