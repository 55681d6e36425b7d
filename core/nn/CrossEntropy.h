#pragma once
// B batch, T target length, V vocabulary.
// Masked cross-entropy over the non-padding target tokens (</s> included):
//   L = Σ_{t < len_b} −log softmax(logits[:, t·B + b])[y_{t,b}]
// Returns the sum; the caller divides by the token count (possibly over several shards).
#include "core/nn/Tensor.h"

#include <vector>

namespace attnlab {

// logits: (V x T·B); targets: (T x B) time-major ids; lengths: (B).
// When dLogits is given it is set to gradScale · (softmax − onehot) at valid positions, 0 elsewhere.
template <class T>
T maskedCrossEntropy(const ConstMatrixRef<T>& logits, const std::vector<int>& targets,
                     const std::vector<int>& lengths, T gradScale, Matrix<T>* dLogits);

// The same loss fused with its gradient, for training: one pass over each column (max, then
// exp(z − max) written over the logits and summed, then scaled), in place, with no softmax
// matrix of its own. logits (V x T·B) becomes gradScale · (softmax − onehot) at valid positions
// and 0 elsewhere; returns the summed loss. Equal to maskedCrossEntropy up to rounding.
template <class T>
T maskedCrossEntropyInPlace(MatrixRef<T> logits, const std::vector<int>& targets,
                            const std::vector<int>& lengths, T gradScale);

} // namespace attnlab
