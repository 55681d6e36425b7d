#pragma once
// What the forecasting view shows for one window (issue 15): plain values, so the view needs
// nothing from the models. W window (past positions), K horizon (forecast steps), D series.
// Values are in the series' original units (the caller undoes the normalisation); the attention
// is the model's, shared by the D series because the encoder reads one D-vector per position.
#include "core/nn/Tensor.h"
#include "core/util/AlignmentLink.h"

#include <QString>

#include <vector>

namespace attnlab::ui {

// One series of the window.
struct ForecastSeries {
    std::vector<double> past;     // (W) the window's values, oldest first
    std::vector<double> truth;    // (K) what followed; empty when unknown (a forecast of the future)
    std::vector<double> forecast; // (K) the model's means
    std::vector<double> variance; // (K) σ² in original units squared; empty unless the model is Gaussian
};

struct ForecastContent {
    std::vector<QString> seriesNames;   // (D)
    std::vector<ForecastSeries> series; // (D)
    int shownSeries = 0;                // which series the plot draws; the view offers a choice when D > 1
    Matrix<float> attention; // (K x W) row j = step j's weights over the window; empty for scorer none
    Alignment gold;          // source = past position i, target = forecast step j; may be empty
    int firstTimeIndex = 0;  // the time label of past position 0 (the x axis)

    int window() const { return series.empty() ? 0 : int(series.front().past.size()); }      // W
    int horizon() const { return series.empty() ? 0 : int(series.front().forecast.size()); } // K
    bool hasAttention() const { return attention.size() > 0; }
    bool hasVariance() const { return !series.empty() && !series.front().variance.empty(); }
};

// Throws std::invalid_argument naming what is wrong: no series, names and series of different
// counts, the shown series outside them, a past, truth, forecast or variance of the wrong length
// (or not finite, or a negative variance), series that disagree on W, K or on having a variance,
// the attention's shape against K x W or a row that is not a distribution, a gold link outside the
// window and the horizon.
void checkForecastContent(const ForecastContent& content);

// Relative time labels: past position i of W is "t−(W−1−i)" ("t" for the last one), forecast step
// j is "t+(j+1)". The minus sign is U+2212, as printed.
QString pastLabel(int position, int window);
QString stepLabel(int step);

} // namespace attnlab::ui
