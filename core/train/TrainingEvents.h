#pragma once
// S source length, T output length.
// What a training run reports, as copyable values (they cross threads in the GUI), and the
// observer that receives them. Every callback runs on the training thread.
#include "core/eval/Metrics.h"
#include "core/nn/Tensor.h"
#include "core/train/HealthHint.h"
#include "core/util/AlignmentLink.h"

#include <string>
#include <vector>

namespace attnlab {

struct StepProgress {
    long long step = 0;       // steps done, 1-based
    long long totalSteps = 0; // planned steps of the whole run
    int epoch = 1;            // 1-based
    int batchInEpoch = 0;     // 1-based
    int batchesPerEpoch = 0;
    double loss = 0.0;         // this batch's mean token loss
    double gradientNorm = 0.0; // before clipping
    double learningRate = 0.0;
    double stepsPerSecond = 0.0; // over the last few seconds
    double pairsPerSecond = 0.0;
    double elapsedSeconds = 0.0;
    double etaSeconds = 0.0;
};

struct EpochReport {
    int epoch = 0;
    long long step = 0;
    double trainLoss = 0.0; // mean over the epoch's batches
    Metrics validation;     // loss, accuracy, exact match, BLEU, AER, entropy, ... (NaN if no validation)
    // Pairs in the validation split. Stop during validation cuts it short: validation.examples is
    // then fewer, its metrics cover those pairs only, and the epoch counts for nothing (not
    // improved, no best weights, no decay or early stopping).
    int validationPairs = 0;
    bool improved = false; // best validation loss so far
    double learningRate = 0.0;
    double seconds = 0.0; // the epoch's wall time
    // Health hints that became true at this validation (HealthHints: a persisting one is given at
    // the epoch it appeared only); none for an epoch whose validation was cut short.
    std::vector<HealthHint> hints;
};

// The attention of one validation pair, decoded with the current weights.
struct AttentionSnapshot {
    long long step = 0;
    int pairIndex = 0; // index in the validation split
    // The attention's axes (core/infer/AttentionAxes.h): for entailment, premise and hypothesis.
    std::vector<std::string> source; // columns: source tokens
    std::vector<std::string> output; // rows: decoded tokens (</s> last when finished)
    std::vector<std::string> reference;
    std::string predicted;   // label models: the predicted label; else empty
    Matrix<float> attention; // (output x source)
    Alignment gold;          // empty when the dataset has none
};

enum class TrainingOutcome { Completed, Stopped, EarlyStopped, Diverged, Failed };

struct TrainingResult {
    TrainingOutcome outcome = TrainingOutcome::Completed;
    std::string message; // one sentence for a person (with the standing warning, if any)
    std::string warning; // the loss looked unhealthy at the last epoch (LossWatch); "" when not
    long long steps = 0;
    int epochs = 0; // epochs finished
    double seconds = 0.0;
    Metrics validation; // of the last complete validation
};

class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onStep(const StepProgress&) {}
    virtual void onEpoch(const EpochReport&) {}
    // After each validation batch of an epoch's validation: pairs done of the split's total.
    virtual void onValidationProgress(int /*done*/, int /*total*/) {}
    virtual void onAttention(const AttentionSnapshot&) {}
    virtual void onMessage(const std::string&) {}
    // The loss looks unhealthy (LossWatch); the run goes on. By default a message like any other.
    virtual void onWarning(const std::string& text) { onMessage(text); }
    // A health hint that became true at this validation, after onEpoch (whose report lists it too).
    virtual void onHint(const HealthHint&) {}
};

std::string outcomeName(TrainingOutcome outcome); // "completed", "stopped", ...

} // namespace attnlab
