#pragma once
// B batch, D series, W window, K horizon.
// Trains a forecaster (issue 15) beside the token models' Trainer, from the same parts: Adam or
// SGD, clipping by global norm, TrainingControl (stop, pause, single step between batches) and
// TrainingSettings (lr, batch, epochs or max steps, clip, teacher forcing, seed). Each epoch
// visits the training windows in a seeded shuffle; the loss is the mean over the batch's K·D·B
// values. After each epoch the validation windows are forecast free running and scored
// (ForecastEvaluator). A non-finite loss or gradient stops the run and puts back the weights of
// the last step whose loss was finite. Same seed and settings: the same run, bit for bit.
#include "core/train/ForecastEvaluator.h"
#include "core/train/TrainingControl.h"
#include "core/train/TrainingEvents.h"
#include "core/train/TrainingSettings.h"

#include <string>
#include <vector>

namespace attnlab {

struct ForecastEpochReport {
    int epoch = 0; // 1-based
    long long step = 0;
    double trainLoss = 0.0;     // mean over the epoch's batches, normalised units
    ForecastMetrics validation; // windows 0 when there is no validation split
    double learningRate = 0.0;
    double seconds = 0.0;
};

struct ForecastTrainingResult {
    TrainingOutcome outcome = TrainingOutcome::Completed;
    std::string message; // one sentence for a person when the run did not simply complete
    long long steps = 0;
    int epochs = 0; // epochs finished
    double seconds = 0.0;
    ForecastMetrics validation; // of the last validation
    std::vector<ForecastEpochReport> history;
};

// Every callback runs on the training thread; the defaults do nothing.
class ForecastObserver {
public:
    virtual ~ForecastObserver() = default;
    virtual void onStep(const StepProgress&) {}
    virtual void onEpoch(const ForecastEpochReport&) {}
    virtual void onMessage(const std::string&) {}
};

class ForecastTrainer {
public:
    // model: initialised by the caller; windows: its training starts are trained on; validation:
    // scored after every epoch (null: none). settings are validated (std::invalid_argument).
    ForecastTrainer(Forecaster<float>& model, const ForecastWindows& windows,
                    SeriesNormalization normalization, const ForecastEvaluator* validation,
                    TrainingSettings settings);

    int batchesPerEpoch() const;
    long long plannedSteps() const;

    ForecastTrainingResult run(ForecastObserver& observer, TrainingControl& control);

private:
    // One optimisation step on the windows at starts; returns the mean loss per value (NaN or
    // infinite when the step went bad and was not applied).
    double step(const std::vector<int>& starts, Random& forcing);

    Forecaster<float>& m_model;
    const ForecastWindows& m_windows;
    SeriesNormalization m_normalization;
    const ForecastEvaluator* m_validation;
    TrainingSettings m_settings;
    ForecasterCache<float> m_cache;
    std::vector<Matrix<float>> m_lastGood; // the values at the start of the last finite step
    double m_lastNorm = 0.0;               // the gradient norm of the last step, before clipping
};

} // namespace attnlab
