#include "app/cli/ProgressPrinter.h"

#include "app/cli/Format.h"

#include <cmath>
#include <iostream>

namespace attnlab::cli {

std::string epochLabel(int epoch, int plannedEpochs) {
    std::string label = "epoch " + std::to_string(epoch);
    if (plannedEpochs > 0) label += '/' + std::to_string(plannedEpochs);
    return label;
}

std::string stepSummary(const StepProgress& p) {
    // Most telling first: a narrow terminal cuts the end of the line.
    std::string text = "step " + std::to_string(p.step) + "/" + std::to_string(p.totalSteps);
    if (p.stepsPerSecond > 0) text += "  ETA " + duration(p.etaSeconds);
    return text + "  " + fixed(p.stepsPerSecond, 1) + " steps/s  loss " + fixed(p.loss, 4);
}

std::string epochSummary(const EpochReport& r, int validationPairs) {
    std::string text = "train loss " + fixed(r.trainLoss, 4);
    const Metrics& v = r.validation;
    if (v.examples == 0) return text + "  (no validation split)  " + duration(r.seconds);
    if (v.confusion) // a label model: accuracy and macro-F1 say it all
        text += "  val loss " + fixed(v.loss, 4) + "  accuracy " + percent(v.exactMatch) + "  macro-F1 " +
                fixed(v.macroF1, 3);
    else
        text += "  val loss " + fixed(v.loss, 4) + "  token acc " + percent(v.tokenAccuracy) + "  exact " +
                percent(v.exactMatch) + "  BLEU " + fixed(v.bleu.score, 2);
    if (!std::isnan(v.alignmentErrorRate)) text += "  AER " + fixed(v.alignmentErrorRate, 3);
    if (!std::isnan(v.goldMass)) text += "  gold mass " + fixed(v.goldMass, 2);
    if (v.rouge) text += "  ROUGE-L " + fixed(100.0 * v.rouge->rougeL().f1, 1);
    text += "  " + duration(r.seconds);
    if (v.examples < validationPairs)
        text += "  (stopped: validated on " + std::to_string(v.examples) + " of " +
                std::to_string(validationPairs) + " pairs)";
    return text;
}

std::string hintLine(const HealthHint& hint) {
    return "Hint (epoch " + std::to_string(hint.epoch) + "): " + hint.title + ". " + hint.advice;
}

ProgressPrinter::ProgressPrinter(std::ostream& report, ProgressLine& progress, int plannedEpochs,
                                 int validationPairs)
    : m_report(report), m_progress(progress), m_plannedEpochs(plannedEpochs),
      m_validationPairs(validationPairs) {}

void ProgressPrinter::onStep(const StepProgress& p) {
    const double fraction = p.totalSteps > 0 ? static_cast<double>(p.step) / p.totalSteps : 0.0;
    m_progress.update(fraction, epochLabel(p.epoch, m_plannedEpochs) + "  " + stepSummary(p));
}

void ProgressPrinter::onEpoch(const EpochReport& r) {
    m_progress.clear();
    m_report << epochLabel(r.epoch, m_plannedEpochs) << "  " << epochSummary(r, m_validationPairs)
             << std::endl;
}

void ProgressPrinter::onMessage(const std::string& message) {
    m_progress.clear();
    std::cerr << message << std::endl;
}

void ProgressPrinter::onHint(const HealthHint& hint) {
    m_progress.clear();
    std::cerr << hintLine(hint) << std::endl;
}

} // namespace attnlab::cli
