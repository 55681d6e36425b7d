#pragma once
// The terminal face of one training run: a progress line with loss, rate and ETA on stderr, a
// line per epoch with the validation metrics, messages (divergence, learning-rate decay) on
// stderr, health hints (title and advice) on stderr as they appear.
#include "app/cli/ProgressLine.h"
#include "core/train/TrainingEvents.h"

#include <ostream>
#include <string>

namespace attnlab::cli {

class ProgressPrinter : public TrainingObserver {
public:
    // report: where the epoch lines go (stdout, or stderr when stdout carries JSON).
    // plannedEpochs: shown as "epoch 3/10"; 0 when a step budget decides.
    ProgressPrinter(std::ostream& report, ProgressLine& progress, int plannedEpochs, int validationPairs);

    void onStep(const StepProgress& progress) override;
    void onEpoch(const EpochReport& report) override;
    void onMessage(const std::string& message) override;
    void onHint(const HealthHint& hint) override;

private:
    std::ostream& m_report;
    ProgressLine& m_progress;
    int m_plannedEpochs;
    int m_validationPairs;
};

// "epoch 3/10" or "epoch 3".
std::string epochLabel(int epoch, int plannedEpochs);
// "step 383/850  ETA 38.0 s  12.3 steps/s  loss 0.4120"
std::string stepSummary(const StepProgress& progress);
// "train loss 0.4123  val loss 0.3012  token acc 91.2%  exact 80.1%  BLEU 95.30  AER 0.123  8.2 s"
// (AER only when the data has gold alignments). A stop cuts the last validation short; then the
// line says on how many of the validationPairs it was measured.
std::string epochSummary(const EpochReport& report, int validationPairs);
// "Hint (epoch 3): The loss spikes. Lower the learning rate ..." (the explanation is in --json).
std::string hintLine(const HealthHint& hint);

} // namespace attnlab::cli
