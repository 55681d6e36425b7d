#pragma once
// S source length, T target length.
// The attention a model gives a known (source, target) pair under teacher forcing: the rows
// follow the reference, so they can be scored against its gold alignment (AER).
#include "core/nn/Seq2Seq.h"
#include "core/nn/SourceFeatures.h"

namespace attnlab {

// target: reference ids without </s>. Returns (T+1 x S): one row per target token, then </s>.
Matrix<float> teacherForcedAttention(const Seq2Seq<float>& model, const ModelSource& source,
                                     const std::vector<int>& target);

} // namespace attnlab
