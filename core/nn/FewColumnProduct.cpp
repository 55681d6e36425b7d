// Shapes: W (R x K) a weight matrix, X (K x N) a decoding step's columns (N <= 8), Y (R x N).
#include "core/nn/FewColumnProduct.h"

#include "core/util/Parallel.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace attnlab {

namespace {

std::string shapeText(Eigen::Index rows, Eigen::Index cols) {
    return std::to_string(rows) + " x " + std::to_string(cols);
}

constexpr Eigen::Index kStrip = 64; // rows: four 16-float vectors per column of the strip

// One strip of kStrip rows (or fewer, the last one): partial sums acc[k][r] for its N columns.
template <int N, Eigen::Index Rows>
void stripProduct(const float* __restrict w, Eigen::Index ldw, Eigen::Index inner, const float* __restrict x,
                  Eigen::Index ldx, float* __restrict y, Eigen::Index ldy, Eigen::Index rows) {
    alignas(64) float acc[N][Rows] = {};
    for (Eigen::Index j = 0; j < inner; ++j) {
        const float* __restrict column = w + j * ldw;
        for (int k = 0; k < N; ++k) {
            const float xk = x[j + k * ldx];
            if constexpr (Rows == kStrip) {
                for (Eigen::Index r = 0; r < kStrip; ++r) acc[k][r] += column[r] * xk;
            } else {
                for (Eigen::Index r = 0; r < rows; ++r) acc[k][r] += column[r] * xk;
            }
        }
    }
    for (int k = 0; k < N; ++k)
        for (Eigen::Index r = 0; r < rows; ++r) y[r + k * ldy] = acc[k][r];
}

template <int N>
void product(const Matrix<float>& w, Eigen::Index rowBegin, Eigen::Index rows, const ConstMatrixRef<float>& x,
             MatrixRef<float> y) {
    const Eigen::Index ldw = w.rows();
    const Eigen::Index inner = w.cols();
    Eigen::Index r = 0;
    for (; r + kStrip <= rows; r += kStrip)
        stripProduct<N, kStrip>(w.data() + rowBegin + r, ldw, inner, x.data(), x.outerStride(), y.data() + r,
                                y.outerStride(), kStrip);
    if (r < rows)
        stripProduct<N, kStrip - 1>(w.data() + rowBegin + r, ldw, inner, x.data(), x.outerStride(),
                                    y.data() + r, y.outerStride(), rows - r);
}

} // namespace

void fewColumnProduct(const Matrix<float>& w, Eigen::Index rowBegin, Eigen::Index rows,
                      const ConstMatrixRef<float>& x, MatrixRef<float> y) {
    if (x.rows() != w.cols() || y.rows() != rows || y.cols() != x.cols() || rowBegin < 0 ||
        rowBegin + rows > w.rows())
        throw std::invalid_argument(
            "fewColumnProduct: rows [" + std::to_string(rowBegin) + ", " + std::to_string(rowBegin + rows) +
            ") of w (" + shapeText(w.rows(), w.cols()) + ") times x (" + shapeText(x.rows(), x.cols()) +
            ") cannot fill y (" + shapeText(y.rows(), y.cols()) + ")");
    switch (x.cols()) {
    case 1:
        product<1>(w, rowBegin, rows, x, y);
        return;
    case 2:
        product<2>(w, rowBegin, rows, x, y);
        return;
    case 3:
        product<3>(w, rowBegin, rows, x, y);
        return;
    case 4:
        product<4>(w, rowBegin, rows, x, y);
        return;
    case 5:
        product<5>(w, rowBegin, rows, x, y);
        return;
    case 6:
        product<6>(w, rowBegin, rows, x, y);
        return;
    case 7:
        product<7>(w, rowBegin, rows, x, y);
        return;
    case 8:
        product<8>(w, rowBegin, rows, x, y);
        return;
    default:
        throw std::invalid_argument("fewColumnProduct: more than kFewColumnsMax columns");
    }
}

template <class T> void stepProduct(const Matrix<T>& w, const ConstMatrixRef<T>& x, MatrixRef<T> y) {
    constexpr Eigen::Index kSplitFrom = Eigen::Index(1) << 22; // weights; smaller matrices stay whole
    constexpr int kBands = 8; // fixed, so the result never depends on the thread count
    if (x.rows() != w.cols() || y.rows() != w.rows() || y.cols() != x.cols())
        throw std::invalid_argument("stepProduct: w (" + shapeText(w.rows(), w.cols()) + ") times x (" +
                                    shapeText(x.rows(), x.cols()) + ") cannot fill y (" +
                                    shapeText(y.rows(), y.cols()) + ")");
    if (!std::is_same_v<T, float> || w.size() < kSplitFrom || w.rows() < 64 * kBands ||
        x.cols() > kFewColumnsMax) {
        y.noalias() = w * x;
        return;
    }
    // Bands start on whole cache lines of the output (64 rows), as the strips within them do.
    const Eigen::Index bandRows = (w.rows() + 64 * kBands - 1) / (64 * kBands) * 64;
    Parallelism::shared().forEach(kBands, [&](int band) {
        const Eigen::Index begin = band * bandRows;
        const Eigen::Index rows = std::min<Eigen::Index>(bandRows, w.rows() - begin);
        if (rows <= 0) return;
        auto out = y.middleRows(begin, rows); // (rows x N)
        if constexpr (std::is_same_v<T, float>) {
            if (x.cols() > 1)
                fewColumnProduct(w, begin, rows, x, out); // no copy (packing) of w per step
            else
                out.noalias() = w.middleRows(begin, rows) * x;
        }
    });
}

template void stepProduct<float>(const Matrix<float>&, const ConstMatrixRef<float>&, MatrixRef<float>);
template void stepProduct<double>(const Matrix<double>&, const ConstMatrixRef<double>&, MatrixRef<double>);

} // namespace attnlab
