// Shapes: a tensor of rows x cols floats, row-major in the file, column-major in Eigen.
#include "core/train/LayoutCopy.h"

#include "core/util/Parallel.h"

#include <algorithm>
#include <cstring>

namespace attnlab {

namespace {

constexpr Eigen::Index kTile = 64;              // 64 x 64 floats: 16 KiB read, 16 KiB written
constexpr Eigen::Index kParallelFrom = 1 << 20; // elements; smaller tensors copy on the caller's thread

// Element (r, c) moves from source[r * sourceRowStride + c * sourceColumnStride] to
// target[r * targetRowStride + c * targetColumnStride], tile by tile over column bands.
struct StridedCopy {
    const float* source;
    float* target;
    Eigen::Index rows, cols;
    Eigen::Index sourceRowStride, sourceColumnStride;
    Eigen::Index targetRowStride, targetColumnStride;

    void copyBand(Eigen::Index columnBegin, Eigen::Index columnEnd) const {
        for (Eigen::Index r0 = 0; r0 < rows; r0 += kTile) {
            const Eigen::Index r1 = std::min(rows, r0 + kTile);
            for (Eigen::Index c0 = columnBegin; c0 < columnEnd; c0 += kTile) {
                const Eigen::Index c1 = std::min(columnEnd, c0 + kTile);
                for (Eigen::Index c = c0; c < c1; ++c)
                    for (Eigen::Index r = r0; r < r1; ++r)
                        target[r * targetRowStride + c * targetColumnStride] =
                            source[r * sourceRowStride + c * sourceColumnStride];
            }
        }
    }

    void run() const {
        if (rows == 1 || cols == 1) { // a vector: the same order on both sides
            std::memcpy(target, source, static_cast<std::size_t>(rows * cols) * sizeof(float));
            return;
        }
        if (rows * cols < kParallelFrom) {
            copyBand(0, cols);
            return;
        }
        // Bands of whole tiles; their number depends on the size only, never on the thread count.
        const Eigen::Index bandColumns = kTile * 4;
        const int bands = static_cast<int>((cols + bandColumns - 1) / bandColumns);
        Parallelism::shared().forEach(bands, [&](int band) {
            const Eigen::Index begin = band * bandColumns;
            copyBand(begin, std::min(cols, begin + bandColumns));
        });
    }
};

} // namespace

void copyRowMajorToColumnMajor(const float* rowMajor, Eigen::Index rows, Eigen::Index cols,
                               float* columnMajor) {
    StridedCopy{rowMajor, columnMajor, rows, cols, cols, 1, 1, rows}.run();
}

void copyColumnMajorToRowMajor(const float* columnMajor, Eigen::Index rows, Eigen::Index cols,
                               float* rowMajor) {
    StridedCopy{columnMajor, rowMajor, rows, cols, 1, rows, cols, 1}.run();
}

} // namespace attnlab
