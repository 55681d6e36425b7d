#pragma once
// D series, W window, K horizon.
// The values that cross from the forecast worker's thread to the GUI thread over queued
// connections (issue 15, the Forecast tab): the steps since the last update, a finished epoch with
// a copy of the weights at its end, and a finished run. All copyable; a model crosses as a
// shared pointer to a const copy that the training thread never touches again.
#include "core/train/ForecastModelFile.h"
#include "core/train/ForecastTrainer.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <vector>

namespace attnlab::ui {

using ForecastModel = std::shared_ptr<const ForecastModelBundle>;

// The training steps since the last update (≤ every 100 ms): every loss, so the plot misses none.
struct ForecastSteps {
    int run = 0;                  // index in the job's specs
    std::vector<long long> steps; // (n) 1-based step numbers
    std::vector<double> losses;   // (n) each step's mean loss per value, normalised units
    long long totalSteps = 0;     // planned steps of the run
};

struct ForecastEpoch {
    int run = 0;
    ForecastEpochReport report;
    ForecastModel model; // the weights at the end of the epoch; null when one was sent < 1 s ago
};

// One finished run; model is null when not a single step was taken.
struct ForecastRunEnd {
    int run = 0;
    QString name; // the spec's name (the scorer in a comparison)
    ForecastTrainingResult result;
    ForecastModel model;
};

// A deep copy: the same settings and a new Forecaster holding the same weights.
std::shared_ptr<ForecastModelBundle> copyForecastModel(const ForecastModelBundle& bundle);

void registerForecastMetaTypes();

} // namespace attnlab::ui

Q_DECLARE_METATYPE(attnlab::ui::ForecastSteps)
Q_DECLARE_METATYPE(attnlab::ui::ForecastEpoch)
Q_DECLARE_METATYPE(attnlab::ui::ForecastRunEnd)
Q_DECLARE_METATYPE(attnlab::ui::ForecastModel)
