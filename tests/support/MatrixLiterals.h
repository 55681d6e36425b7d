#pragma once
// Small matrices written as literals in tests, and their comparison.
#include "core/nn/Tensor.h"

#include <cmath>
#include <vector>

namespace attnlab::test {

using Values = std::vector<double>;  // a matrix written row by row, as PyTorch prints it
using Columns = std::vector<Values>; // a batch written column by column: one Values per b

inline Matrix<double> fromRowMajor(Eigen::Index rows, Eigen::Index cols, const Values& values) {
    Matrix<double> m(rows, cols); // (rows x cols)
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = values.at(static_cast<size_t>(r * cols + c));
    return m;
}

inline Matrix<double> fromColumns(const Columns& columns) {
    Matrix<double> m(static_cast<Eigen::Index>(columns.front().size()),
                     static_cast<Eigen::Index>(columns.size())); // (rows x B)
    for (size_t c = 0; c < columns.size(); ++c)
        for (size_t r = 0; r < columns[c].size(); ++r)
            m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = columns[c][r];
    return m;
}

// Largest absolute difference; infinite when the shapes differ.
inline double maxError(const Matrix<double>& actual, const Matrix<double>& expected) {
    if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) return INFINITY;
    return (actual - expected).cwiseAbs().maxCoeff();
}

} // namespace attnlab::test
