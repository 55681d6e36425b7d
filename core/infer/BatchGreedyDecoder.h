#pragma once
// B batch, S source length.
// Greedy decoding of a whole batch at once (validation, `attnlab-cli eval`): one decoder step
// per output position for all B sources, until every one has emitted </s> or hit the limit.
#include "core/infer/DecodeResult.h"
#include "core/nn/Seq2Seq.h"

namespace attnlab {

// Reads batch.source / sourceLengths; returns one result per column, as greedyDecode would
// (attention (rows x S_b), trimmed to the column's own source length).
std::vector<DecodeResult> greedyDecodeBatch(const Seq2Seq<float>& model, const SequenceBatch& batch,
                                            int maxLength = 0);

} // namespace attnlab
