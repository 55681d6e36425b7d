#pragma once
// The terminal face of a forecasting run: a progress line (step, ETA, loss) on stderr and a line
// per epoch with the validation errors in the data's units.
#include "app/cli/ProgressLine.h"
#include "core/train/ForecastTrainer.h"

#include <ostream>
#include <string>

namespace attnlab::cli {

class ForecastProgress : public ForecastObserver {
public:
    // report: where the epoch lines go (stdout, or stderr when stdout carries JSON); plannedEpochs
    // 0 when a step budget decides. prefix: put before each line (a compared run's name).
    ForecastProgress(std::ostream& report, ProgressLine& progress, int plannedEpochs,
                     std::string prefix = {});

    void onStep(const StepProgress& progress) override;
    void onEpoch(const ForecastEpochReport& report) override;
    void onMessage(const std::string& message) override;

private:
    std::ostream& m_report;
    ProgressLine& m_progress;
    int m_plannedEpochs;
    std::string m_prefix;
};

// "MAE 0.1234  RMSE 0.2012  MASE 0.81 (worst 0.93)  gold mass 0.41 (uniform 0.04)"
std::string forecastMetricsSummary(const ForecastMetrics& metrics);

} // namespace attnlab::cli
