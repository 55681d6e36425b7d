#pragma once
// B batch, D series, N steps, W past window, K horizon.
// Forecasting examples cut from series (issue 15): a window is W past steps and the K steps after
// them, starting every `stride` steps. The split is chronological: the last validationFraction of
// the steps (rounded) are forecast only by validation windows, whose horizons start at or after
// the split point (their pasts may reach back before it); training windows lie wholly before it.
// So no training window sees a value a validation window is scored on.
#include "core/data/forecast/SeriesNormalization.h"
#include "core/data/forecast/SeriesTable.h"
#include "core/nn/SequenceBatch.h"
#include "core/util/AlignmentLink.h"

#include <vector>

namespace attnlab {

struct ForecastWindowSettings {
    int past = 48;                   // W
    int horizon = 12;                // K
    int stride = 1;                  // steps between window starts
    double validationFraction = 0.2; // share of the steps at the end, in [0, 1)
};

class ForecastWindows {
public:
    // Throws std::invalid_argument naming the setting when W, K or the stride is not positive,
    // the fraction is outside [0, 1), or the series leave no training window (or, with a
    // fraction above 0, no validation window).
    ForecastWindows(const SeriesTable& table, const ForecastWindowSettings& settings);

    int seriesCount() const { return m_table.seriesCount(); } // D
    int past() const { return m_settings.past; }              // W
    int horizon() const { return m_settings.horizon; }        // K
    const SeriesTable& table() const { return m_table; }
    // The first step forecast only by validation windows (N when there are none).
    int splitPoint() const { return m_split; }
    // The first past step of each window, ascending.
    const std::vector<int>& trainingStarts() const { return m_training; }
    const std::vector<int>& validationStarts() const { return m_validation; }

    // Statistics over the steps the training windows cover.
    SeriesNormalization trainingNormalization() const;

    // The raw values of the window starting at start: (D x W) steps start .. start+W−1 and
    // (D x K) steps start+W .. start+W+K−1, column-major (column t holds one step's D values).
    std::vector<float> pastValues(int start) const;   // (D x W)
    std::vector<float> futureValues(int start) const; // (D x K)

    // The windows at starts as one batch, normalised: features (D x W·B) and targetValues
    // (D x K·B) time-major (column t·B + b), sourceLengths W, targetLength K; pairIndices hold the
    // starts. source holds UnknownId per position, as for any frames input.
    SequenceBatch batch(const std::vector<int>& starts, const SeriesNormalization& normalization) const;

private:
    void requireWindow(int start) const;

    SeriesTable m_table;
    ForecastWindowSettings m_settings;
    int m_split = 0;
    std::vector<int> m_training;   // starts
    std::vector<int> m_validation; // starts
};

// Gold evidence (gold[t]: the past positions step t is forecast from, as SeasonalSeries::gold)
// for the window starting at start, as links from window positions (source, 0 .. W−1) to forecast
// steps (target, 0 .. K−1); evidence outside the window is dropped. Ordered by target, then source.
Alignment windowGold(const std::vector<std::vector<int>>& gold, int start, int past, int horizon);

} // namespace attnlab
