#pragma once
// What happened in a run: its result, every epoch's report and every step's loss. A copyable
// value, written by the run's thread while it trains and read by others after it has finished.
#include "core/train/TrainingEvents.h"

#include <vector>

namespace attnlab {

struct RunRecord {
    TrainingResult result; // outcome, steps, epochs, wall time, the last validation's metrics
    std::vector<EpochReport> history;
    std::vector<float> stepLosses; // one per step, in order (the batch's mean token loss)
    double trainingSeconds = 0.0;  // wall time of the steps, validation excluded

    double stepsPerSecond() const { return trainingSeconds > 0 ? result.steps / trainingSeconds : 0.0; }
};

} // namespace attnlab
