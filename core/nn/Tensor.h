#pragma once
// Matrix types of the numeric core. Everything is templated on the scalar type T: the engine runs
// in float, the gradient checks build the very same code in double.
//
// Legend used in every numeric file:
//   B batch, S source length, T target length, E embedding size, H hidden size,
//   V vocabulary size, A attention size, F location filters, W location kernel width.
// Matrices are column-major; a batch is stored as columns (H x B). A sequence is stored
// time-major: column t * B + b holds step t of sequence b, so step t is middleCols(t * B, B).
#include <Eigen/Core>

#include <stdexcept>
#include <string>

namespace attnlab {

using Scalar = float; // the engine's scalar type outside the gradient checks

template <class T> using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
template <class T> using Vector = Eigen::Matrix<T, Eigen::Dynamic, 1>;
template <class T> using RowVector = Eigen::Matrix<T, 1, Eigen::Dynamic>;
template <class T> using MatrixRef = Eigen::Ref<Matrix<T>>;
template <class T> using ConstMatrixRef = Eigen::Ref<const Matrix<T>>;

// Throws std::invalid_argument "what: expected RxC, got rxc" when a shape is wrong.
template <class Derived>
void requireShape(const Eigen::MatrixBase<Derived>& m, Eigen::Index rows, Eigen::Index cols,
                  const char* what) {
    if (m.rows() != rows || m.cols() != cols)
        throw std::invalid_argument(std::string(what) + ": expected " + std::to_string(rows) + "x" +
                                    std::to_string(cols) + ", got " + std::to_string(m.rows()) + "x" +
                                    std::to_string(m.cols()));
}

} // namespace attnlab
