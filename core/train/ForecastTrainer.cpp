#include "core/train/ForecastTrainer.h"

#include "core/nn/Seq2Seq.h"
#include "core/train/Adam.h"
#include "core/train/GradientClipping.h"
#include "core/train/Sgd.h"
#include "core/util/Random.h"

#include <chrono>
#include <cmath>
#include <memory>

namespace attnlab {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::unique_ptr<Optimizer> makeOptimizer(const ParameterList<float>& parameters, const TrainingSettings& s) {
    if (s.optimizer == OptimizerKind::Sgd)
        return std::make_unique<Sgd>(parameters, s.learningRate, s.momentum);
    AdamSettings adam;
    adam.learningRate = s.learningRate;
    return std::make_unique<Adam>(parameters, adam);
}

// Fisher–Yates with the run's own stream, so the order depends on the seed alone.
void shuffle(std::vector<int>& order, Random& random) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.below(i)]);
}

} // namespace

ForecastTrainer::ForecastTrainer(Forecaster<float>& model, const ForecastWindows& windows,
                                 SeriesNormalization normalization, const ForecastEvaluator* validation,
                                 TrainingSettings settings)
    : m_model(model), m_windows(windows), m_normalization(std::move(normalization)), m_validation(validation),
      m_settings(std::move(settings)) {
    m_settings.validate();
    if (m_windows.horizon() != model.settings().horizon)
        throw std::invalid_argument("the windows' horizon is " + std::to_string(m_windows.horizon()) +
                                    ", the forecaster's " + std::to_string(model.settings().horizon));
    if (m_windows.seriesCount() != model.seriesCount())
        throw std::invalid_argument("the data has " + std::to_string(m_windows.seriesCount()) +
                                    " series, the forecaster reads " + std::to_string(model.seriesCount()));
}

int ForecastTrainer::batchesPerEpoch() const {
    const int windows = static_cast<int>(m_windows.trainingStarts().size());
    return (windows + m_settings.batchSize - 1) / m_settings.batchSize;
}

long long ForecastTrainer::plannedSteps() const {
    return m_settings.maxSteps > 0 ? m_settings.maxSteps
                                   : static_cast<long long>(batchesPerEpoch()) * m_settings.epochs;
}

double ForecastTrainer::step(const std::vector<int>& starts, Random& forcing) {
    const ParameterList<float> parameters = m_model.parameters();
    const SequenceBatch batch = m_windows.batch(starts, m_normalization);
    const int k = m_windows.horizon();
    const double values = static_cast<double>(k) * m_windows.seriesCount() * batch.batchSize;
    const std::vector<char> useGold = teacherForcingSchedule(k, m_settings.teacherForcing, forcing);
    zeroGrad(parameters);
    const double loss =
        m_model.lossAndGradients(batch, useGold, static_cast<float>(1.0 / values), m_cache) / values;
    m_lastNorm = clipGradientNorm(parameters, m_settings.clipNorm);
    if (!std::isfinite(loss) || !std::isfinite(m_lastNorm)) return std::isfinite(loss) ? m_lastNorm : loss;
    // These weights gave a finite loss: the ones to go back to if a later step breaks them.
    m_lastGood.resize(parameters.size());
    for (std::size_t i = 0; i < parameters.size(); ++i) m_lastGood[i] = parameters[i]->value;
    return loss;
}

ForecastTrainingResult ForecastTrainer::run(ForecastObserver& observer, TrainingControl& control) {
    const Clock::time_point begun = Clock::now();
    const ParameterList<float> parameters = m_model.parameters();
    const std::unique_ptr<Optimizer> optimizer = makeOptimizer(parameters, m_settings);
    Random shuffling(m_settings.seed ^ 0x5eed5eedULL);           // separate streams: the order does not
    Random forcing(m_settings.seed * 0x9e3779b97f4a7c15ULL + 1); // depend on the forcing ratio
    std::vector<int> order = m_windows.trainingStarts();
    const int perEpoch = batchesPerEpoch();
    const long long planned = plannedSteps();
    ForecastTrainingResult result;
    long long stepsDone = 0;
    for (int epoch = 1; stepsDone < planned; ++epoch) {
        const Clock::time_point epochStart = Clock::now();
        shuffle(order, shuffling);
        double lossSum = 0;
        int batches = 0;
        for (int b = 0; b < perEpoch && stepsDone < planned; ++b) {
            if (!control.awaitPermission()) {
                result.outcome = TrainingOutcome::Stopped;
                result.message = "stopped after " + std::to_string(stepsDone) + " steps";
                break;
            }
            const auto first = order.begin() + static_cast<std::ptrdiff_t>(b) * m_settings.batchSize;
            const auto last = b + 1 == perEpoch ? order.end() : first + m_settings.batchSize;
            const double loss = step(std::vector<int>(first, last), forcing);
            if (!std::isfinite(loss)) {
                for (std::size_t i = 0; i < m_lastGood.size(); ++i) parameters[i]->value = m_lastGood[i];
                result.outcome = TrainingOutcome::Diverged;
                result.message = "the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") +
                                 " at step " + std::to_string(stepsDone + 1) +
                                 (m_lastGood.empty() ? std::string("; the weights are the initial ones")
                                                     : "; the weights of the last finite step are kept") +
                                 " (try a lower --lr or --clip)";
                observer.onMessage(result.message);
                break;
            }
            optimizer->step();
            ++stepsDone;
            ++batches;
            lossSum += loss;
            StepProgress progress;
            progress.step = stepsDone;
            progress.totalSteps = planned;
            progress.epoch = epoch;
            progress.batchInEpoch = b + 1;
            progress.batchesPerEpoch = perEpoch;
            progress.loss = loss;
            progress.gradientNorm = m_lastNorm;
            progress.learningRate = optimizer->learningRate();
            progress.elapsedSeconds = secondsSince(begun);
            progress.stepsPerSecond = stepsDone / std::max(progress.elapsedSeconds, 1e-9);
            progress.pairsPerSecond = progress.stepsPerSecond * m_settings.batchSize;
            progress.etaSeconds = (planned - stepsDone) / std::max(progress.stepsPerSecond, 1e-9);
            observer.onStep(progress);
        }
        if (result.outcome != TrainingOutcome::Completed) break;
        ForecastEpochReport report;
        report.epoch = epoch;
        report.step = stepsDone;
        report.trainLoss = batches > 0 ? lossSum / batches : ForecastMetrics::kNone;
        report.learningRate = optimizer->learningRate();
        if (m_validation) report.validation = m_validation->evaluate(m_model, m_settings.batchSize);
        report.seconds = secondsSince(epochStart);
        result.epochs = epoch;
        result.validation = report.validation;
        result.history.push_back(report);
        observer.onEpoch(report);
    }
    // A run cut short still reports how good its weights are.
    if (result.outcome != TrainingOutcome::Completed && m_validation && stepsDone > 0)
        result.validation = m_validation->evaluate(m_model, m_settings.batchSize);
    result.steps = stepsDone;
    result.seconds = secondsSince(begun);
    return result;
}

} // namespace attnlab
