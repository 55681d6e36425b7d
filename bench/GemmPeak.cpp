#include "bench/GemmPeak.h"

#include "core/nn/Tensor.h"
#include "core/util/Parallel.h"

#include <algorithm>
#include <chrono>
#include <vector>

namespace attnlab::bench {

namespace {

double bestGflopsAtSize(Parallelism& parallel, int threads, int n, int trials) {
    // a, b, c: one (n x n) each per thread.
    std::vector<Matrix<float>> a(threads), b(threads), c(threads);
    for (int i = 0; i < threads; ++i) {
        a[i] = Matrix<float>::Random(n, n);
        b[i] = Matrix<float>::Random(n, n);
        c[i] = Matrix<float>::Zero(n, n);
    }
    // Enough products per trial for about 50 ms at 100 GFLOP/s.
    const int repeats = std::max(1, static_cast<int>(5e9 / (2.0 * n * n * n)));
    auto trial = [&] {
        parallel.forEach(threads, [&](int i) {
            for (int r = 0; r < repeats; ++r) c[i].noalias() = a[i] * b[i];
        });
    };
    trial(); // warm up caches and threads
    double best = 0;
    for (int t = 0; t < trials; ++t) {
        const auto start = std::chrono::steady_clock::now();
        trial();
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        best = std::max(best, 2.0 * n * n * static_cast<double>(n) * repeats * threads / seconds / 1e9);
    }
    return best;
}

} // namespace

double gemmPeakGflops(int threads, int trials) {
    Parallelism parallel(threads);
    double best = 0;
    for (int n : {256, 384, 512, 768, 1024})
        best = std::max(best, bestGflopsAtSize(parallel, threads, n, trials));
    return best;
}

} // namespace attnlab::bench
