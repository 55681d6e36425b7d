#include "app/cli/forecast/ForecastJson.h"

namespace attnlab::cli {

Json forecastMetricsJson(const ForecastMetrics& m, const std::vector<std::string>& names,
                         const std::vector<int>& periods) {
    Json series = Json::array();
    for (std::size_t d = 0; d < m.seriesMae.size(); ++d)
        series.push_back({{"name", d < names.size() ? names[d] : std::string()},
                          {"period", d < periods.size() ? periods[d] : 0},
                          {"mae", number(m.seriesMae[d])},
                          {"rmse", number(m.seriesRmse[d])},
                          {"mase", number(m.seriesMase[d])},
                          {"naive_scale", number(m.naiveScale[d])}});
    return {{"windows", m.windows},
            {"loss", number(m.loss)},
            {"mse", number(m.mse)},
            {"mae", number(m.mae)},
            {"rmse", number(m.rmse)},
            {"mase", number(m.mase)},
            {"max_mase", number(m.maxMase)},
            {"gold_mass", number(m.goldMass)},
            {"uniform_gold_mass", number(m.uniformGoldMass)},
            {"series", series}};
}

Json forecastEpochJson(const ForecastEpochReport& report, const ForecastModelBundle& bundle) {
    return {{"epoch", report.epoch},
            {"step", report.step},
            {"train_loss", number(report.trainLoss)},
            {"validation", forecastMetricsJson(report.validation, bundle.series, bundle.periods)},
            {"learning_rate", report.learningRate},
            {"seconds", report.seconds}};
}

Json forecastModelJson(const ForecastModelBundle& bundle) {
    Json json = Json::parse(forecastConfigJson(bundle));
    json["training"] = settingsJson(bundle.training);
    return json;
}

Json forecastDataJson(const ForecastData& data, const ForecastWindows* windows) {
    Json json = {{"name", data.name},
                 {"path", data.path.empty() ? Json(nullptr) : Json(data.path)},
                 {"kind", "series"},
                 {"series", data.table.names()},
                 {"steps", data.table.length()},
                 {"gold", !data.gold.empty()}};
    if (windows) {
        json["split_step"] = windows->splitPoint();
        json["training_windows"] = windows->trainingStarts().size();
        json["validation_windows"] = windows->validationStarts().size();
    }
    return json;
}

} // namespace attnlab::cli
