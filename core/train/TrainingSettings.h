#pragma once
// How to train: everything `attnlab-cli train` and the GUI's settings panel expose beyond the
// architecture (ModelConfig). Saved with the model under config.training.
#include <cstdint>
#include <string>
#include <vector>

namespace attnlab {

enum class OptimizerKind { Adam, Sgd };

struct TrainingSettings {
    OptimizerKind optimizer = OptimizerKind::Adam;
    double learningRate = 1e-3;
    double momentum = 0.9;       // SGD only
    double clipNorm = 5.0;       // global gradient norm; 0 = no clipping
    double teacherForcing = 1.0; // probability of feeding the gold token at each step
    double dropout = 0.0;        // probability of zeroing embeddings and h̃ in training (inverted dropout)
    int batchSize = 64;
    int epochs = 15;
    long long maxSteps = 0; // stop after this many steps; 0 = epochs decide
    std::uint64_t seed = 1;
    int threads = 0; // 0 = all cores
    double validationFraction = 0.1;
    bool earlyStopping = false;  // stop when validation loss has not improved for `patience` epochs
    int patience = 3;            // ... and restore the best weights
    bool decayOnPlateau = false; // multiply the learning rate by decayFactor after decayPatience
    double decayFactor = 0.5;    // epochs without improvement
    int decayPatience = 1;
    int beamWidth = 1;               // decoding for the validation metrics
    std::vector<int> attentionPairs; // validation pairs whose attention is reported
    int attentionEverySteps = 0;     // ... also every N steps (0: at the end of each epoch only)

    // Throws std::invalid_argument naming the first bad field.
    void validate() const;
};

std::string optimizerName(OptimizerKind kind); // "adam", "sgd"
OptimizerKind parseOptimizer(const std::string& name);

} // namespace attnlab
