#pragma once
// What the two `train` commands (encoder-decoders and label models; forecasters) check and print
// alike around a run: the --out check before training, the plan line, the outcome's title.
#include "core/train/TrainingEvents.h"
#include "core/train/TrainingSettings.h"

#include <string>

namespace attnlab::cli {

// Refuses an unusable --out (a directory, or a file in a directory that does not exist) before
// minutes of training rather than after. Throws InputError.
void checkOutputPath(const std::string& out);

// "training: 1,200 steps (10 epochs of 120 batches), batch 32, adam lr 0.001": the epochs only
// when no step budget (settings.maxSteps) sets the length.
std::string trainingPlanLine(const TrainingSettings& settings, long long plannedSteps, int batchesPerEpoch);

// "Finished", "Stopped", "Stopped early", "Diverged", "Failed".
std::string outcomeTitle(TrainingOutcome outcome);

} // namespace attnlab::cli
