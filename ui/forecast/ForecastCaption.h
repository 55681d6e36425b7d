#pragma once
// W window, K horizon. The forecasting view's sentence about one step's attention, so a reader (or
// a projector's back row) gets the answer without reading colours: "step t+3 looks mostly at t−9
// (41%), t−21 (22%); the gold points t−12, t−24 get 9% together".
#include "ui/forecast/ForecastContent.h"

#include <QString>

namespace attnlab::ui {

// The largest weights a caption names, and the least a weight past the first must have to be named:
// a tenth of the mass is where a point starts to matter to the eye on the shading.
inline constexpr int kCaptionPositions = 3;
inline constexpr double kCaptionMinimumWeight = 0.10;

// For step (0..K−1) of a checked content: the top positions by weight, rounded to whole percent
// (the first always, the next while they carry at least kCaptionMinimumWeight), and the share on
// the step's gold points when it has any. A row that nowhere reaches twice the uniform weight 1/W
// is called spread out. Without attention, or with step outside 0..K−1, says what to do instead.
QString forecastCaption(const ForecastContent& content, int step);

} // namespace attnlab::ui
