#pragma once
// Copies between a model file's row-major tensors and Eigen's column-major parameters. A plain
// element loop over a 32,000 x 1024 output layer misses the cache on every element of one side;
// these copy square tiles instead, and share the tiles of big tensors between the cores, which
// makes opening a 343 MB model several times faster.
#include <Eigen/Core>

namespace attnlab {

// rowMajor holds rows x cols floats, row after row; columnMajor (rows x cols) receives them.
void copyRowMajorToColumnMajor(const float* rowMajor, Eigen::Index rows, Eigen::Index cols,
                               float* columnMajor);
// The reverse: columnMajor (rows x cols) written into rowMajor, row after row.
void copyColumnMajorToRowMajor(const float* columnMajor, Eigen::Index rows, Eigen::Index cols,
                               float* rowMajor);

} // namespace attnlab
