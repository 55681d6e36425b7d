#include "app/cli/forecast/ForecastProgress.h"

#include "app/cli/Format.h"
#include "app/cli/ProgressPrinter.h"

#include <cmath>
#include <iostream>

namespace attnlab::cli {

ForecastProgress::ForecastProgress(std::ostream& report, ProgressLine& progress, int plannedEpochs,
                                   std::string prefix)
    : m_report(report), m_progress(progress), m_plannedEpochs(plannedEpochs), m_prefix(std::move(prefix)) {}

void ForecastProgress::onStep(const StepProgress& p) {
    const double fraction = p.totalSteps > 0 ? static_cast<double>(p.step) / p.totalSteps : 0.0;
    m_progress.update(fraction, m_prefix + stepSummary(p), p.step == p.totalSteps);
}

void ForecastProgress::onEpoch(const ForecastEpochReport& r) {
    m_progress.clear();
    std::string line =
        m_prefix + epochLabel(r.epoch, m_plannedEpochs) + ": train loss " + fixed(r.trainLoss, 4);
    if (r.validation.windows > 0) line += "  " + forecastMetricsSummary(r.validation);
    m_report << line << "  " << duration(r.seconds) << std::endl;
}

void ForecastProgress::onMessage(const std::string& message) {
    m_progress.clear();
    std::cerr << m_prefix << message << std::endl;
}

std::string forecastMetricsSummary(const ForecastMetrics& m) {
    std::string text = "MAE " + fixed(m.mae, 4) + "  RMSE " + fixed(m.rmse, 4) + "  MASE " +
                       fixed(m.mase, 3) + " (worst " + fixed(m.maxMase, 3) + ")";
    if (!std::isnan(m.goldMass))
        text += "  gold mass " + fixed(m.goldMass, 3) + " (uniform " + fixed(m.uniformGoldMass, 3) + ")";
    return text;
}

} // namespace attnlab::cli
