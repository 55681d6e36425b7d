#pragma once
// The machine's matrix-product peak as Eigen reaches it: large float products, timed.

namespace attnlab::bench {

// GFLOP/s of n x n x n float products, run on `threads` threads at once (one product each).
double gemmPeakGflops(int threads, int n = 1024);

} // namespace attnlab::bench
