// ForecastTrainer (issue 15): deterministic per seed, obeys stop, pause and single step between
// batches, and a non-finite loss stops the run with the weights of the last finite step.
// W window, K horizon, D series, H hidden size.
#include "core/data/forecast/SeasonalTask.h"
#include "core/train/ForecastTrainer.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

using namespace attnlab;

class TestForecastTrainer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameRun();
    void lossFallsAndValidationIsScored();
    void nonFiniteLossRestoresLastGoodWeights();
    void stopIsObeyedBetweenBatches();
    void pauseAndSingleStep();
};

namespace {

// A small problem: one series of 240 steps, W 24, K 6, H 8.
struct Fixture {
    Fixture() : windows(table(), windowSettings()), normalization(windows.trainingNormalization()) {}

    static SeriesTable table() {
        SeasonalSettings s;
        s.series = 1;
        s.length = 240;
        s.seed = 3;
        return generateSeasonal(s).table();
    }
    static ForecastWindowSettings windowSettings() {
        ForecastWindowSettings w;
        w.past = 24;
        w.horizon = 6;
        w.validationFraction = 0.2;
        return w;
    }
    std::unique_ptr<Forecaster<float>> model(std::uint64_t seed) const {
        ModelConfig c;
        c.input.kind = InputKind::Frames;
        c.input.melBands = 1;
        c.embedding = 4;
        c.hidden = 8;
        c.maxSourceLength = 24;
        ForecastSettings f;
        f.horizon = 6;
        auto m = std::make_unique<Forecaster<float>>(c, f);
        m->initialize(seed);
        return m;
    }
    static TrainingSettings settings() {
        TrainingSettings t;
        t.batchSize = 16;
        t.epochs = 3;
        t.learningRate = 0.01;
        t.teacherForcing = 0.5;
        t.seed = 9;
        return t;
    }

    ForecastWindows windows;
    SeriesNormalization normalization;
};

std::vector<Matrix<float>> valuesOf(Forecaster<float>& model) {
    std::vector<Matrix<float>> values;
    for (const Parameter<float>* p : model.parameters()) values.push_back(p->value);
    return values;
}

struct Recorder : ForecastObserver {
    std::vector<double> losses;
    std::vector<std::string> messages;
    std::function<void(const StepProgress&)> onEachStep;
    void onStep(const StepProgress& p) override {
        losses.push_back(p.loss);
        if (onEachStep) onEachStep(p);
    }
    void onMessage(const std::string& m) override { messages.push_back(m); }
};

} // namespace

void TestForecastTrainer::sameSeedSameRun() {
    const Fixture f;
    std::vector<double> losses[2];
    std::vector<Matrix<float>> weights[2];
    for (int run = 0; run < 2; ++run) {
        auto model = f.model(5);
        ForecastTrainer trainer(*model, f.windows, f.normalization, nullptr, Fixture::settings());
        Recorder recorder;
        TrainingControl control;
        const ForecastTrainingResult result = trainer.run(recorder, control);
        QCOMPARE(result.outcome, TrainingOutcome::Completed);
        QCOMPARE(result.steps, trainer.plannedSteps());
        losses[run] = recorder.losses;
        weights[run] = valuesOf(*model);
    }
    QCOMPARE(losses[0], losses[1]); // bit for bit
    for (std::size_t i = 0; i < weights[0].size(); ++i) QVERIFY(weights[0][i] == weights[1][i]);
    // Another seed: another shuffle and forcing, so another curve.
    auto model = f.model(5);
    TrainingSettings other = Fixture::settings();
    other.seed = 10;
    ForecastTrainer trainer(*model, f.windows, f.normalization, nullptr, other);
    Recorder recorder;
    TrainingControl control;
    trainer.run(recorder, control);
    QVERIFY(recorder.losses != losses[0]);
}

void TestForecastTrainer::lossFallsAndValidationIsScored() {
    const Fixture f;
    auto model = f.model(5);
    const ForecastEvaluator validation(f.windows, f.windows.validationStarts(), f.normalization, {12});
    TrainingSettings s = Fixture::settings();
    s.epochs = 15;
    ForecastTrainer trainer(*model, f.windows, f.normalization, &validation, s);
    Recorder recorder;
    TrainingControl control;
    const ForecastTrainingResult result = trainer.run(recorder, control);
    QCOMPARE(static_cast<int>(result.history.size()), 15);
    const double first = result.history.front().trainLoss, last = result.history.back().trainLoss;
    QVERIFY2(last < 0.6 * first, qPrintable(QString("%1 -> %2").arg(first).arg(last)));
    QCOMPARE(result.validation.windows, static_cast<int>(f.windows.validationStarts().size()));
    QCOMPARE(static_cast<int>(result.validation.seriesMase.size()), 1);
    QVERIFY(std::isfinite(result.validation.mase) && result.validation.mase > 0);
    QCOMPARE(result.validation.mase, result.validation.seriesMase[0]);
    QVERIFY(std::isnan(result.validation.goldMass)); // no gold given
}

void TestForecastTrainer::nonFiniteLossRestoresLastGoodWeights() {
    const Fixture f;
    auto model = f.model(5);
    TrainingSettings s = Fixture::settings();
    s.learningRate = 1e30; // Adam moves every weight by about 1e30: the forward pass overflows
    s.clipNorm = 0;
    // snapshots[i]: the weights after i updates (0: the initial ones)
    std::vector<std::vector<Matrix<float>>> snapshots{valuesOf(*model)};
    Recorder recorder;
    recorder.onEachStep = [&](const StepProgress&) { snapshots.push_back(valuesOf(*model)); };
    ForecastTrainer trainer(*model, f.windows, f.normalization, nullptr, s);
    TrainingControl control;
    const ForecastTrainingResult result = trainer.run(recorder, control);
    QCOMPARE(result.outcome, TrainingOutcome::Diverged);
    QVERIFY2(result.steps >= 1, qPrintable(QString::number(result.steps)));
    QCOMPARE(static_cast<int>(recorder.messages.size()), 1);
    QVERIFY2(QString::fromStdString(result.message).contains("the loss became"), result.message.c_str());
    // Step steps + 1 gave a non-finite loss with the weights after `steps` updates; the last finite
    // step began from the weights after steps − 1 updates: those are kept.
    const std::vector<Matrix<float>> kept = valuesOf(*model);
    const std::vector<Matrix<float>>& expected = snapshots[static_cast<std::size_t>(result.steps - 1)];
    for (std::size_t i = 0; i < kept.size(); ++i) QVERIFY(kept[i] == expected[i]);
    for (const Parameter<float>* p : model->parameters()) QVERIFY2(p->value.allFinite(), p->name.c_str());
}

void TestForecastTrainer::stopIsObeyedBetweenBatches() {
    const Fixture f;
    auto model = f.model(5);
    ForecastTrainer trainer(*model, f.windows, f.normalization, nullptr, Fixture::settings());
    TrainingControl control;
    Recorder recorder;
    recorder.onEachStep = [&](const StepProgress& p) {
        if (p.step == 3) control.requestStop();
    };
    const ForecastTrainingResult result = trainer.run(recorder, control);
    QCOMPARE(result.outcome, TrainingOutcome::Stopped);
    QCOMPARE(result.steps, 3LL);
    QCOMPARE(static_cast<int>(recorder.losses.size()), 3);
}

void TestForecastTrainer::pauseAndSingleStep() {
    const Fixture f;
    auto model = f.model(5);
    ForecastTrainer trainer(*model, f.windows, f.normalization, nullptr, Fixture::settings());
    TrainingControl control;
    control.pause();
    std::atomic<long long> steps{0};
    Recorder recorder;
    recorder.onEachStep = [&](const StepProgress& p) { steps = p.step; };
    ForecastTrainingResult result;
    std::thread worker([&] { result = trainer.run(recorder, control); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    QCOMPARE(steps.load(), 0LL); // paused before the first batch
    control.step();
    for (int i = 0; i < 100 && steps.load() < 1; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    QCOMPARE(steps.load(), 1LL); // exactly one batch, then paused again
    control.resume();
    worker.join();
    QCOMPARE(result.outcome, TrainingOutcome::Completed);
    QCOMPARE(result.steps, trainer.plannedSteps());
}

QTEST_APPLESS_MAIN(TestForecastTrainer)
#include "tst_forecast_trainer.moc"
