#include "core/train/Trainer.h"

#include "core/infer/AttentionAxes.h"

#include "core/data/Batcher.h"
#include "core/infer/GreedyDecoder.h"
#include "core/train/Adam.h"
#include "core/train/BatchTurns.h"
#include "core/train/Evaluator.h"
#include "core/train/GradientClipping.h"
#include "core/train/HealthHints.h"
#include "core/train/LossWatch.h"
#include "core/train/ParallelStep.h"
#include "core/train/RateMeter.h"
#include "core/train/Sgd.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <sstream>

namespace attnlab {

namespace {
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::unique_ptr<Optimizer> makeOptimizer(const TrainingSettings& s, const ParameterList<float>& parameters) {
    if (s.optimizer == OptimizerKind::Sgd)
        return std::make_unique<Sgd>(parameters, s.learningRate, s.momentum);
    return std::make_unique<Adam>(parameters, AdamSettings{.learningRate = s.learningRate});
}

std::vector<Matrix<float>> values(const ParameterList<float>& parameters) {
    std::vector<Matrix<float>> copy;
    copy.reserve(parameters.size());
    for (const Parameter<float>* p : parameters) copy.push_back(p->value);
    return copy;
}

void copyValues(const ParameterList<float>& parameters, std::vector<Matrix<float>>& into) {
    for (size_t i = 0; i < parameters.size(); ++i) into[i] = parameters[i]->value;
}

void copyValues(const ParameterList<float>& parameters, std::vector<Matrix<float>>& into,
                Parallelism& parallel) {
    parallel.forEach(static_cast<int>(parameters.size()), [&](int i) { into[i] = parameters[i]->value; });
}

void restore(const ParameterList<float>& parameters, const std::vector<Matrix<float>>& from) {
    for (size_t i = 0; i < parameters.size(); ++i) parameters[i]->value = from[i];
}

std::string divergenceMessage(long long step, double loss, double norm, double learningRate) {
    std::ostringstream text;
    text << "Training diverged at step " << step << ": the "
         << (std::isfinite(loss) ? "gradient norm" : "loss") << " became "
         << (std::isfinite(loss) ? norm : loss) << ". The model keeps the weights of step " << step - 1
         << ". " << learningRateAdvice(learningRate);
    return text.str();
}
} // namespace

Trainer::Trainer(Seq2Seq<float>& model, const TrainingData& data, TrainingSettings settings,
                 const Dataset* dataset)
    : m_model(model), m_data(data), m_settings(std::move(settings)), m_dataset(dataset),
      m_validationSources(SourceLengthSummary::of(data.validation.pairs)) {
    m_settings.validate();
    if (m_data.train.pairs.empty()) throw std::invalid_argument("there are no training pairs");
    if (m_dataset && m_dataset->hasAlignments()) {
        for (int index : m_data.validation.datasetIndices) {
            const auto links = m_dataset->alignment(index);
            m_validationGold.emplace_back(links.begin(), links.end());
        }
    }
}

long long Trainer::plannedSteps() const {
    if (m_settings.maxSteps > 0) return m_settings.maxSteps;
    const long long perEpoch =
        (static_cast<long long>(m_data.train.pairs.size()) + m_settings.batchSize - 1) / m_settings.batchSize;
    return perEpoch * m_settings.epochs;
}

const Alignment* Trainer::validationGold(int pairIndex) const {
    if (pairIndex < 0 || pairIndex >= static_cast<int>(m_validationGold.size())) return nullptr;
    return &m_validationGold[pairIndex];
}

AttentionSnapshot Trainer::snapshot(int pairIndex, long long step) const {
    const EncodedPair& pair = m_data.validation.pairs.at(pairIndex);
    const DecodeResult decoded = greedyDecode(m_model, pair.modelSource());
    AttentionSnapshot shot;
    shot.step = step;
    shot.pairIndex = pairIndex;
    AttentionAxes axes = attentionAxes(m_model.config(), decoded, m_data.sourceVocabulary.decode(pair.source),
                                       m_data.targetVocabulary);
    shot.source = std::move(axes.columns);
    shot.output = std::move(axes.rows);
    if (m_model.config().predictsLabel())
        shot.predicted = m_data.targetVocabulary.token(decoded.tokens.front());
    shot.reference = m_data.targetVocabulary.decode(pair.target);
    shot.attention = decoded.attention;
    if (const Alignment* gold = validationGold(pairIndex)) shot.gold = *gold;
    return shot;
}

void Trainer::reportSnapshots(TrainingObserver& observer, long long step) const {
    for (int index : m_settings.attentionPairs)
        if (index >= 0 && index < static_cast<int>(m_data.validation.pairs.size()))
            observer.onAttention(snapshot(index, step));
}

TrainingResult Trainer::run(TrainingObserver& observer, TrainingControl& control) {
    const auto start = Clock::now();
    const TrainingSettings& s = m_settings;
    auto parallel = std::make_unique<Parallelism>(s.threads);
    ParallelStep step(m_model);
    const ParameterList<float> parameters = m_model.parameters();
    std::unique_ptr<Optimizer> optimizer = makeOptimizer(s, parameters);
    const bool appendEnd = !m_model.config().predictsLabel();
    const Batcher train(m_data.train.pairs, s.batchSize, s.seed, appendEnd);
    const Batcher validation(m_data.validation.pairs, s.batchSize, s.seed, appendEnd);
    Random forcing(s.seed * 7919 + 17);
    std::vector<Matrix<float>> lastGood = values(parameters);
    std::vector<Matrix<float>> best = lastGood;
    double bestLoss = INFINITY;
    int epochsWithoutImprovement = 0;
    int epochsSinceDecay = 0;
    RateMeter rate;
    rate.start(0);
    LossWatch watch;
    const long long planned = plannedSteps();
    // What the health detectors read: every step's loss and gradient norm (a push_back a step,
    // reserved up front) and every validated epoch.
    HealthHints hints;
    std::vector<float> stepLosses;    // (steps)
    std::vector<float> gradientNorms; // (steps)
    std::vector<EpochReport> validated;
    stepLosses.reserve(static_cast<size_t>(std::min(planned, 1LL << 20)));
    gradientNorms.reserve(stepLosses.capacity());

    TrainingResult result;
    long long steps = 0;
    bool budgetSpent = false;
    BatchTurns::Holder turn;
    for (int epoch = 1; !budgetSpent && (s.maxSteps > 0 || epoch <= s.epochs); ++epoch) {
        const auto epochStart = Clock::now();
        const std::vector<SequenceBatch> batches = train.epoch(epoch - 1);
        double epochLoss = 0.0;
        int epochBatches = 0;
        for (size_t i = 0; i < batches.size(); ++i) {
            const bool wasPaused = control.paused();
            if (!control.awaitPermission([&turn] { turn.giveBack(); })) {
                result.outcome = TrainingOutcome::Stopped;
                break;
            }
            if (wasPaused) rate.start(steps); // time spent paused is not training time
            const SequenceBatch& batch = batches[i];
            const auto useGold = teacherForcingSchedule(batch.targetLength, s.teacherForcing, forcing);
            if (const int threads = control.threads(); threads > 0 && threads != parallel->threads())
                parallel = std::make_unique<Parallelism>(threads);
            turn.take(control.turns()); // the cores, when an experiment shares them
            const StepLoss loss = step.run(batch, useGold, *parallel, s.dropout, s.seed * 1000003 + steps);
            const double norm = clipGradientNorm(parameters, s.clipNorm, *parallel);
            if (!std::isfinite(loss.loss) || !std::isfinite(norm)) {
                restore(parameters, lastGood);
                result.outcome = TrainingOutcome::Diverged;
                result.message = divergenceMessage(steps + 1, loss.loss, norm, optimizer->learningRate());
                observer.onMessage(result.message);
                break;
            }
            copyValues(parameters, lastGood, *parallel); // these weights gave a finite loss
            optimizer->step(*parallel);
            ++steps;
            epochLoss += loss.loss;
            ++epochBatches;
            stepLosses.push_back(static_cast<float>(loss.loss));
            gradientNorms.push_back(static_cast<float>(norm));
            watch.addStep(loss.loss);
            rate.record(steps, batch.batchSize);

            StepProgress progress;
            progress.step = steps;
            progress.totalSteps = planned;
            progress.epoch = epoch;
            progress.batchInEpoch = static_cast<int>(i) + 1;
            progress.batchesPerEpoch = static_cast<int>(batches.size());
            progress.loss = loss.loss;
            progress.gradientNorm = norm;
            progress.learningRate = optimizer->learningRate();
            progress.stepsPerSecond = rate.stepsPerSecond();
            progress.pairsPerSecond = rate.pairsPerSecond();
            progress.elapsedSeconds = secondsSince(start);
            progress.etaSeconds =
                progress.stepsPerSecond > 0 ? (planned - steps) / progress.stepsPerSecond : 0.0;
            observer.onStep(progress);
            if (s.attentionEverySteps > 0 && steps % s.attentionEverySteps == 0)
                reportSnapshots(observer, steps);
            if (s.maxSteps > 0 && steps >= s.maxSteps) {
                budgetSpent = true;
                break;
            }
        }
        if (result.outcome == TrainingOutcome::Diverged) break;
        if (epochBatches == 0) break; // stopped before the epoch did anything

        EpochReport report;
        report.epoch = epoch;
        report.step = steps;
        report.trainLoss = epochLoss / epochBatches;
        report.validationPairs = validation.pairCount();
        bool validationCut = false;
        if (validation.pairCount() > 0) {
            EvaluationOptions evaluation;
            evaluation.beamWidth = s.beamWidth;
            evaluation.gold = [this](int index) { return validationGold(index); };
            evaluation.rouge = m_dataset && m_dataset->options().targetTokens == Tokenization::Word &&
                               !m_model.config().predictsLabel();
            // Stop is honoured between validation batches (a large split takes seconds).
            evaluation.progress = [&control, &observer](int done, int total) {
                observer.onValidationProgress(done, total);
                return !control.stopRequested();
            };
            report.validation = evaluate(m_model, validation, evaluation);
            validationCut = report.validation.examples < validation.pairCount();
        }
        if (validationCut) {
            // Metrics of the pairs validated so far (the shortest first) are no epoch's result:
            // reported as cut short, they choose no best weights and lower no learning rate.
            result.outcome = TrainingOutcome::Stopped;
            report.learningRate = optimizer->learningRate();
            report.seconds = secondsSince(epochStart);
            result.epochs = epoch;
            observer.onEpoch(report);
            break;
        }
        const double watched = validation.pairCount() > 0 ? report.validation.loss : report.trainLoss;
        report.improved = watched < bestLoss;
        if (report.improved) {
            bestLoss = watched;
            copyValues(parameters, best);
            epochsWithoutImprovement = 0;
            epochsSinceDecay = 0;
        } else {
            ++epochsWithoutImprovement;
            ++epochsSinceDecay;
        }
        if (s.decayOnPlateau && epochsSinceDecay >= s.decayPatience) {
            optimizer->setLearningRate(optimizer->learningRate() * s.decayFactor);
            epochsSinceDecay = 0;
            observer.onMessage("Validation loss has not improved: learning rate lowered to " +
                               std::to_string(optimizer->learningRate()));
        }
        report.learningRate = optimizer->learningRate();
        const bool complete = epochBatches == static_cast<int>(batches.size());
        if (const std::string warning =
                watch.endEpoch(epoch, report.trainLoss, report.learningRate, complete);
            !warning.empty())
            observer.onWarning(warning);
        validated.push_back(report);
        report.hints = hints.update(HealthHistory{.epochs = validated,
                                                  .stepLosses = stepLosses,
                                                  .gradientNorms = gradientNorms,
                                                  .clipNorm = s.clipNorm,
                                                  .sources = m_validationSources});
        validated.back().hints = report.hints;
        report.seconds = secondsSince(epochStart);
        result.epochs = epoch;
        result.validation = report.validation;
        observer.onEpoch(report);
        for (const HealthHint& hint : report.hints) observer.onHint(hint);
        reportSnapshots(observer, steps);
        if (result.outcome == TrainingOutcome::Stopped) break;
        if (s.earlyStopping && epochsWithoutImprovement >= s.patience) {
            restore(parameters, best);
            result.outcome = TrainingOutcome::EarlyStopped;
            result.message = "Stopped early after epoch " + std::to_string(epoch) + ": no improvement for " +
                             std::to_string(s.patience) + " epochs; the best weights are restored.";
            observer.onMessage(result.message);
            break;
        }
    }
    result.steps = steps;
    result.seconds = secondsSince(start);
    if (result.message.empty()) {
        result.message = result.outcome == TrainingOutcome::Stopped
                             ? "Training stopped after " + std::to_string(steps) + " steps."
                             : "Training finished: " + std::to_string(steps) + " steps, " +
                                   std::to_string(result.epochs) + " epochs.";
    }
    result.warning = watch.standingWarning();
    if (!result.warning.empty() && result.outcome != TrainingOutcome::Diverged)
        result.message += " " + result.warning;
    return result;
}

std::string outcomeName(TrainingOutcome outcome) {
    switch (outcome) {
    case TrainingOutcome::Completed:
        return "completed";
    case TrainingOutcome::Stopped:
        return "stopped";
    case TrainingOutcome::EarlyStopped:
        return "early_stopped";
    case TrainingOutcome::Diverged:
        return "diverged";
    case TrainingOutcome::Failed:
        return "failed";
    }
    return "unknown";
}

} // namespace attnlab
