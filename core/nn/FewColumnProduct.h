#pragma once
// Y = W X for a tall weight matrix W and a few columns X, as a decoding step with a beam needs
// (a 32,000 x 1024 output layer times 5 hypotheses). A general matrix product first copies
// (packs) all of W, 131 MB per step; this reads W once, in strips of 64 rows whose partial sums
// for every column stay in registers or the L1 cache, so a step costs about one pass over W's memory.
#include "core/nn/Tensor.h"

namespace attnlab {

// y (R x N) = w (R x K) x (K x N), as forward products compute it, for the few columns of a
// decoding step (N <= kFewColumnsMax) through a big weight matrix (at least 2^22 values): bands of
// rows shared between all cores, fewColumnProduct for N > 1 and Eigen's matrix-vector product for
// N = 1 (exactly `y = w * x` then). Other shapes, and double, are `y.noalias() = w * x`. The bands
// are fixed, so the values never depend on the thread count.
template <class T> void stepProduct(const Matrix<T>& w, const ConstMatrixRef<T>& x, MatrixRef<T> y);

// The largest number of columns fewColumnProduct takes.
inline constexpr int kFewColumnsMax = 8;

// y (rows x N) = rows [rowBegin, rowBegin + rows) of w (R x K) times x (K x N), N <= kFewColumnsMax.
// Every element is summed over K in order, the same way whatever the row range around it.
void fewColumnProduct(const Matrix<float>& w, Eigen::Index rowBegin, Eigen::Index rows,
                      const ConstMatrixRef<float>& x, MatrixRef<float> y);

} // namespace attnlab
