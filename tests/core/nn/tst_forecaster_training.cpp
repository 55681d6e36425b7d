// A short fixed-seed training run of the forecaster (issue 15) on a pure sine: Adam on windows
// cut and normalised by ForecastWindows, teacher forcing on half the steps. The training loss and
// the free-running validation error must both fall by more than 10x.
// B batch, W window, K horizon, D series (1), H hidden size.
#include "core/data/forecast/ForecastWindows.h"
#include "core/nn/Forecaster.h"
#include "core/nn/Seq2Seq.h"
#include "core/train/Adam.h"

#include <QtTest>

#include <cmath>
#include <numbers>

using namespace attnlab;

class TestForecasterTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lossFallsOnSine();
};

namespace {

// Mean squared error per value of free-running forecasts, in normalised units.
double validationError(const Forecaster<float>& model, const SequenceBatch& batch) {
    const Forecast<float> forecast = model.predict(batch);
    const Eigen::Map<const Matrix<float>> truth(batch.targetValues.data(), forecast.means.rows(),
                                                forecast.means.cols());
    return static_cast<double>((forecast.means - truth).squaredNorm()) / static_cast<double>(truth.size());
}

} // namespace

void TestForecasterTraining::lossFallsOnSine() {
    constexpr int kSteps = 300, kBatch = 16, kHorizon = 6;
    std::vector<double> sine(300);
    for (int t = 0; t < 300; ++t) sine[t] = 3.0 + 2.0 * std::sin(2 * std::numbers::pi * t / 12.0);
    ForecastWindowSettings windowSettings;
    windowSettings.past = 24;
    windowSettings.horizon = kHorizon;
    windowSettings.validationFraction = 0.2;
    const ForecastWindows windows(SeriesTable({"sine"}, {sine}), windowSettings);
    const SeriesNormalization normalization = windows.trainingNormalization();
    QVERIFY(std::abs(normalization.means()[0] - 3.0) < 0.05); // whole periods, nearly
    const SequenceBatch validation = windows.batch(windows.validationStarts(), normalization);

    ModelConfig config;
    config.input.kind = InputKind::Frames;
    config.input.melBands = 1;
    config.embedding = 8;
    config.hidden = 16;
    config.scorer = ScorerKind::General;
    config.maxSourceLength = windowSettings.past;
    ForecastSettings settings;
    settings.horizon = kHorizon;
    Forecaster<float> model(config, settings);
    model.initialize(15);
    const ParameterList<float> parameters = model.parameters();
    AdamSettings adam;
    adam.learningRate = 0.01;
    Adam optimizer(parameters, adam);
    ForecasterCache<float> cache;
    Random random(15);

    const double before = validationError(model, validation);
    double firstLosses = 0, lastLosses = 0;
    const std::vector<int>& starts = windows.trainingStarts();
    for (int step = 0; step < kSteps; ++step) {
        std::vector<int> picked(kBatch);
        for (int& start : picked) start = starts[random.below(starts.size())];
        const SequenceBatch batch = windows.batch(picked, normalization);
        const std::vector<char> useGold = teacherForcingSchedule(kHorizon, 0.5, random);
        const float values = static_cast<float>(kHorizon * kBatch);
        zeroGrad(parameters);
        const double loss = model.lossAndGradients(batch, useGold, 1.0f / values, cache) / values;
        optimizer.step();
        if (step < 10) firstLosses += loss / 10;
        if (step >= kSteps - 10) lastLosses += loss / 10;
    }
    const double after = validationError(model, validation);
    qInfo("training loss %.4f -> %.5f, validation MSE %.4f -> %.5f", firstLosses, lastLosses, before, after);
    QVERIFY2(firstLosses > 10 * lastLosses, qPrintable(QString("%1 -> %2").arg(firstLosses).arg(lastLosses)));
    QVERIFY2(before > 10 * after, qPrintable(QString("%1 -> %2").arg(before).arg(after)));
    // In normalised units the series has variance 1: the forecast is within 1 % of it.
    QVERIFY2(after < 0.01, qPrintable(QString::number(after)));
}

QTEST_APPLESS_MAIN(TestForecasterTraining)
#include "tst_forecaster_training.moc"
