#pragma once
// D series, W window, K horizon.
// What the Forecast tab's view shows for one window: the model's free-running forecast of the
// window starting at `start`, its past and the truth that followed, all in the data's own units
// (forecastWindows undoes the training split's normalisation, as `attnlab-cli align` does), the
// attention (K x W) and the gold links of the data's evidence for that window.
#include "core/data/forecast/ForecastData.h"
#include "core/data/forecast/ForecastWindows.h"
#include "core/train/ForecastModelFile.h"
#include "ui/forecast/ForecastContent.h"

namespace attnlab::ui {

// windows: cut with the model's W and K from the data gold belongs to. Throws
// std::invalid_argument when the start is not a window of them or the model does not fit them.
ForecastContent forecastWindowContent(const ForecastModelBundle& bundle, const ForecastWindows& windows,
                                      const SeriesGold& gold, int start);

} // namespace attnlab::ui
