#pragma once
// How long Stop takes during the validation of a large split: the time from requestStop() to
// Trainer::run() returning, while the reference model validates every pair of a workload (20,000
// dates pairs by default) after a one-batch epoch. The issue asks for under 200 ms.
#include "bench/Workload.h"

#include <vector>

namespace attnlab::bench {

struct StopLatency {
    int validationPairs = 0;
    int beamWidth = 1;
    std::vector<double> milliseconds; // one per trial, each stopped at another point of the split
    double medianMilliseconds = 0, worstMilliseconds = 0;
    double validationStepMilliseconds = 0; // mean time between two checks for Stop (a batch, or a pair)
    int mostStepsAfterStop = 0;            // validation batches (or pairs) finished after the request
};

// `fractions`: how far into the validation each trial stops (one trial per entry).
StopLatency measureStopLatency(const Workload& workload, int beamWidth, int threads,
                               const std::vector<double>& fractions);

} // namespace attnlab::bench
