#include "core/train/TrainingSettings.h"

#include <cmath>
#include <stdexcept>

namespace attnlab {

namespace {
void require(bool ok, const std::string& message) {
    if (!ok) throw std::invalid_argument(message);
}
} // namespace

void TrainingSettings::validate() const {
    require(std::isfinite(learningRate) && learningRate > 0, "the learning rate must be positive");
    require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1)");
    require(clipNorm >= 0, "the clipping norm must be 0 (off) or positive");
    require(teacherForcing >= 0 && teacherForcing <= 1, "teacher forcing must be in [0, 1]");
    require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1)");
    require(batchSize >= 1, "the batch size must be at least 1");
    require(epochs >= 1 || maxSteps > 0, "train for at least one epoch or a positive number of steps");
    require(maxSteps >= 0, "the step budget cannot be negative");
    require(threads >= 0, "threads must be 0 (all cores) or positive");
    require(validationFraction >= 0 && validationFraction < 1, "the validation fraction must be in [0, 1)");
    require(patience >= 1, "early-stopping patience must be at least 1 epoch");
    require(decayFactor > 0 && decayFactor < 1, "the decay factor must be in (0, 1)");
    require(decayPatience >= 1, "decay patience must be at least 1 epoch");
    require(beamWidth >= 1, "the beam width must be at least 1");
    require(attentionEverySteps >= 0, "attention snapshots every N steps needs N >= 0");
}

std::string optimizerName(OptimizerKind kind) {
    return kind == OptimizerKind::Adam ? "adam" : "sgd";
}

OptimizerKind parseOptimizer(const std::string& name) {
    if (name == "adam") return OptimizerKind::Adam;
    if (name == "sgd") return OptimizerKind::Sgd;
    throw std::invalid_argument("unknown optimizer '" + name + "' (expected adam or sgd)");
}

} // namespace attnlab
