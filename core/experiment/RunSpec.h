#pragma once
// What one run of an experiment is: a name for tables and legends, an architecture and the
// training settings. The data is the experiment's.
#include "core/nn/ModelConfig.h"
#include "core/train/TrainingSettings.h"

#include <string>

namespace attnlab {

struct RunSpec {
    std::string name;          // "additive", "additive · hidden 64"
    ModelConfig config;        // vocabulary sizes are the data's; maxSourceLength grows to its longest source
    TrainingSettings settings; // seed: the model's initial values and the batch order
};

} // namespace attnlab
