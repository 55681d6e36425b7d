#include "bench/GemmPeak.h"

#include "core/nn/Tensor.h"
#include "core/util/Parallel.h"

#include <chrono>
#include <vector>

namespace attnlab::bench {

double gemmPeakGflops(int threads, int n) {
    std::vector<Matrix<float>> a(threads), b(threads), c(threads);
    for (int i = 0; i < threads; ++i) {
        a[i] = Matrix<float>::Random(n, n);
        b[i] = Matrix<float>::Random(n, n);
        c[i] = Matrix<float>::Zero(n, n);
    }
    Parallelism parallel(threads);
    auto run = [&] { parallel.forEach(threads, [&](int i) { c[i].noalias() = a[i] * b[i]; }); };
    run(); // warm up caches and threads
    const int repeats = 5;
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < repeats; ++r) run();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return 2.0 * n * n * static_cast<double>(n) * threads * repeats / seconds / 1e9;
}

} // namespace attnlab::bench
