#pragma once
// The machine's matrix-product peak as Eigen reaches it: square float products, timed.

namespace attnlab::bench {

// The best GFLOP/s of n x n x n float products for n in {256, 384, 512, 768, 1024}, each size
// timed `trials` times with `threads` products running at once (one per thread). The best of
// many short trials is the peak: a single long timing also measures whatever else the machine
// was doing.
double gemmPeakGflops(int threads, int trials = 7);

} // namespace attnlab::bench
