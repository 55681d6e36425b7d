#include "app/cli/forecast/ForecastSummary.h"

#include "app/cli/Format.h"
#include "app/cli/TextTable.h"
#include "app/cli/TrainingReport.h"
#include "app/cli/forecast/ForecastProgress.h"

namespace attnlab::cli {

std::string describeSeries(const ForecastData& data, const ForecastWindows& windows) {
    std::string text = "data: " + data.name + (data.path.empty() ? " (generated)" : " (" + data.path + ")") +
                       ": " + counted(data.table.seriesCount(), "series", "series") + " x " +
                       grouped(data.table.length()) + " steps" +
                       (data.gold.empty() ? "" : ", gold evidence") + "; windows " +
                       std::to_string(windows.past()) + " -> " + std::to_string(windows.horizon()) + ": " +
                       grouped(static_cast<long long>(windows.trainingStarts().size())) + " training";
    if (!windows.validationStarts().empty())
        text += ", " + grouped(static_cast<long long>(windows.validationStarts().size())) +
                " validation (forecasting steps " + std::to_string(windows.splitPoint()) + " on)";
    return text;
}

std::string describeForecaster(const ForecastModelBundle& b) {
    const ModelConfig& c = b.config;
    return scorerName(c.scorer) + " scorer, " + (c.bidirectional ? "bidirectional, " : "") + "E " +
           std::to_string(c.embedding) + ", H " + std::to_string(c.hidden) + ", window " +
           std::to_string(b.window) + ", horizon " + std::to_string(b.forecast.horizon) +
           (b.forecast.gaussian ? ", gaussian" : "");
}

std::string describeForecastRun(const ForecastRun& run) {
    const ForecastModelBundle& b = const_cast<ForecastRun&>(run).bundle();
    const TrainingSettings& s = b.training;
    std::string text = "model: forecaster, " + describeForecaster(b) + ": " + grouped(run.parameterCount()) +
                       " parameters\n";
    text += trainingPlanLine(s, run.plannedSteps(), run.batchesPerEpoch()) + ", teacher forcing " +
            general(s.teacherForcing);
    return text;
}

void printForecastMetrics(std::ostream& out, const ForecastMetrics& m, const ForecastModelBundle& b,
                          const std::vector<int>* periods) {
    out << "validation (" << counted(m.windows, "window") << ", data units): " << forecastMetricsSummary(m)
        << '\n';
    using A = TextTable::Align;
    TextTable table({"series", "period", "MAE", "RMSE", "MASE", "naive MAE"},
                    {A::Left, A::Right, A::Right, A::Right, A::Right, A::Right});
    const std::vector<int>& p = periods ? *periods : b.periods;
    for (std::size_t d = 0; d < m.seriesMae.size(); ++d)
        table.addRow({d < b.series.size() ? b.series[d] : std::to_string(d + 1),
                      d < p.size() ? std::to_string(p[d]) : "-", fixed(m.seriesMae[d], 4),
                      fixed(m.seriesRmse[d], 4), fixed(m.seriesMase[d], 3), fixed(m.naiveScale[d], 4)});
    table.print(out, "  ");
    out << "  (MASE < 1: better than repeating the value one period back; naive MAE: that forecast's error "
           "on "
           "the training steps)\n";
}

} // namespace attnlab::cli
