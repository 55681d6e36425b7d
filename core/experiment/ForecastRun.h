#pragma once
// D series, W window, K horizon.
// One forecasting run (issue 15): the data cut into windows (chronological split), the
// normalisation of the training steps, the seasonal-naive periods, a forecaster built and
// initialised from the seed, and its ForecastTrainer. `attnlab-cli train` and `compare` use it.
#include "core/data/forecast/ForecastData.h"
#include "core/train/ForecastModelFile.h"
#include "core/train/ForecastTrainer.h"

#include <memory>
#include <string>

namespace attnlab {

// The defaults are the shipped ones: on `seasonal` they reach MASE < 1 on every series (README).
struct ForecastRunSpec {
    std::string name;   // e.g. the scorer's name in a comparison
    ModelConfig config; // scorer, sizes, bidirectional, input feeding; input and vocabularies are filled in
    ForecastSettings forecast;
    ForecastWindowSettings windows; // validationFraction is taken from training
    TrainingSettings training;
    int period = 0; // seasonal-naive period of every series; 0: detected per series
};

// The shipped defaults: dot scorer over a bidirectional encoder, E 16, H 64, window 48, horizon
// 12, Adam 3e-3, batch 32, 15 epochs, no teacher forcing (trained free running, as it forecasts),
// validation 0.2.
ForecastRunSpec defaultForecastSpec();

class ForecastRun {
public:
    // Throws std::invalid_argument naming the problem (a window longer than the data, ...).
    ForecastRun(const ForecastData& data, ForecastRunSpec spec);

    const ForecastRunSpec& spec() const { return m_spec; }
    const ForecastWindows& windows() const { return *m_windows; }
    const ForecastEvaluator* validation() const { return m_validation.get(); }
    ForecastModelBundle& bundle() { return m_bundle; }
    long long parameterCount() const;
    int batchesPerEpoch() const { return m_trainer->batchesPerEpoch(); }
    long long plannedSteps() const { return m_trainer->plannedSteps(); }

    ForecastTrainingResult train(ForecastObserver& observer, TrainingControl& control);

private:
    ForecastRunSpec m_spec;
    std::unique_ptr<ForecastWindows> m_windows;
    std::unique_ptr<ForecastEvaluator> m_validation; // null without a validation split
    ForecastModelBundle m_bundle;
    std::unique_ptr<ForecastTrainer> m_trainer;
};

// The evaluation of a saved forecaster on data (eval, align): the windows the model's window,
// horizon and validation fraction cut from the data, and an evaluator over the validation
// windows (all windows when the model was trained without validation). period > 0 overrides the
// model's periods. Throws std::invalid_argument when the data does not fit the model.
struct ForecastEvaluation {
    std::unique_ptr<ForecastWindows> windows;
    std::unique_ptr<ForecastEvaluator> evaluator;
};
ForecastEvaluation evaluationFor(const ForecastModelBundle& bundle, const ForecastData& data, int period = 0);

} // namespace attnlab
