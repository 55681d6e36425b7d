#include "ui/forecast/ForecastSnapshots.h"

namespace attnlab::ui {

std::shared_ptr<ForecastModelBundle> copyForecastModel(const ForecastModelBundle& bundle) {
    auto copy = std::make_shared<ForecastModelBundle>();
    copy->config = bundle.config;
    copy->forecast = bundle.forecast;
    copy->window = bundle.window;
    copy->stride = bundle.stride;
    copy->periods = bundle.periods;
    copy->training = bundle.training;
    copy->series = bundle.series;
    copy->normalization = bundle.normalization;
    copy->dataset = bundle.dataset;
    copy->model = std::make_unique<Forecaster<float>>(bundle.model->config(), bundle.model->settings());
    copy->model->copyValuesFrom(*bundle.model);
    return copy;
}

void registerForecastMetaTypes() {
    qRegisterMetaType<ForecastSteps>();
    qRegisterMetaType<ForecastEpoch>();
    qRegisterMetaType<ForecastRunEnd>();
    qRegisterMetaType<ForecastModel>();
}

} // namespace attnlab::ui
