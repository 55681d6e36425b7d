#pragma once
// Watches a run's training loss for the signs of a learning rate that is too high but not high
// enough to give NaN: an epoch whose mean loss is far above where the run started, or clearly
// above the epoch before. A diverging run stops by itself (Trainer); this one trains on, so the
// person is told, with the same advice as for divergence.
#include <limits>
#include <string>

namespace attnlab {

class LossWatch {
public:
    // "Far above": more than twice the start and at least one nat above it (so a continued,
    // already low loss may wobble without a warning).
    static constexpr double kFarFactor = 2.0;
    static constexpr double kFarMargin = 1.0;
    // "Rising": the epoch's mean is more than 10% and 0.05 above the previous epoch's mean.
    static constexpr double kRiseFactor = 1.1;
    static constexpr double kRiseMargin = 0.05;

    // Every step's loss, in order. The first finite one is where the run started: it is computed
    // before any update, so a learning rate that blows up already by step 2 cannot hide it.
    // Non-finite losses end the run elsewhere and are ignored here.
    void addStep(double loss);
    // At the end of each epoch: a warning sentence for a person, or "" when the loss looks sane.
    // `complete` is false for an epoch cut short (a step budget, Stop): a few batches are too
    // noisy to say the loss rose, but can still be far above the start.
    std::string endEpoch(int epoch, double meanLoss, double learningRate, bool complete = true);

    double startingLoss() const; // NaN until the first step
    // The last warning given, or "" when none (or when a later epoch looked sane again).
    const std::string& standingWarning() const { return m_warning; }

private:
    double m_start = std::numeric_limits<double>::quiet_NaN();
    double m_previousEpoch = 0.0;
    bool m_havePrevious = false;
    std::string m_warning;
};

// The advice given with a diverging or unhealthy loss.
std::string learningRateAdvice(double learningRate);

} // namespace attnlab
