#pragma once
// Greedy decoding: at each step the most probable token, until </s> or the length limit.
#include "core/infer/DecodeResult.h"
#include "core/nn/Seq2Seq.h"
#include "core/nn/SourceFeatures.h"

namespace attnlab {

// source: token ids of one sentence (no specials). The model is only read (its step scratch is
// used, so one model per thread).
DecodeResult greedyDecode(const Seq2Seq<float>& model, const ModelSource& source,
                          const DecodeOptions& options = {});

// One sentence as a batch of `copies` identical columns (beam search decodes k at once).
SequenceBatch sourceBatch(const ModelSource& source, int copies = 1);

// log softmax of one column of logits.
Vector<float> logSoftmax(const Eigen::Ref<const Vector<float>>& logits);

} // namespace attnlab
