// The forecaster (issue 15) against central differences in double precision: encoder over a
// window of values, decoder over real values with input feeding, every scorer, squared error and
// Gaussian negative log-likelihood, uni- and bidirectional encoders, with a teacher-forcing
// schedule that mixes fed truths and fed means (the gradient flows through a fed mean).
// B batch, W window, K horizon, D series, E projection size, H hidden size.
#include "core/nn/Forecaster.h"
#include "support/GradientCheck.h"

#include <QtTest>

using namespace attnlab;

Q_DECLARE_METATYPE(attnlab::ScorerKind)

class TestGradcheckForecaster : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wholeModel_data();
    void wholeModel();
    void inputFeedingOff();
};

namespace {

constexpr int kSeries = 2;  // D
constexpr int kWindow = 6;  // W
constexpr int kHorizon = 4; // K
constexpr int kBatch = 2;   // B
// One full window and one shorter, so the masked keys and the last-value lookup are both checked.
const std::vector<int> kLengths = {6, 4};

ModelConfig forecastConfig(ScorerKind scorer, bool bidirectional, bool inputFeeding) {
    ModelConfig config;
    config.input.kind = InputKind::Frames;
    config.input.melBands = kSeries;
    config.embedding = 3;
    config.hidden = 4;
    config.attentionDim = 3;
    config.scorer = scorer;
    config.bidirectional = bidirectional;
    config.inputFeeding = inputFeeding;
    config.maxSourceLength = kWindow;
    config.locationFilters = 2;
    config.locationKernel = 3;
    return config;
}

// Features (D x W·B) and target values (D x K·B), random, zero past each window's length.
SequenceBatch forecastBatch(Random& random) {
    SequenceBatch batch;
    batch.batchSize = kBatch;
    batch.sourceLength = kWindow;
    batch.sourceLengths = kLengths;
    batch.featureSize = kSeries;
    batch.source.assign(kWindow * kBatch, UnknownId);
    batch.features.assign(kSeries * kWindow * kBatch, 0.0f);
    for (int t = 0; t < kWindow; ++t)
        for (int b = 0; b < kBatch; ++b)
            for (int d = 0; d < kSeries; ++d)
                if (t < kLengths[b])
                    batch.features[(t * kBatch + b) * kSeries + d] =
                        static_cast<float>(random.uniform(-1.0, 1.0));
    batch.targetLength = kHorizon;
    batch.targetLengths.assign(kBatch, kHorizon);
    batch.targetValues.resize(kSeries * kHorizon * kBatch);
    for (float& value : batch.targetValues) value = static_cast<float>(random.uniform(-1.0, 1.0));
    return batch;
}

test::GradientCheckResult checkForecaster(const ModelConfig& config, bool gaussian, std::uint64_t seed) {
    ForecastSettings settings;
    settings.horizon = kHorizon;
    settings.gaussian = gaussian;
    Forecaster<double> model(config, settings);
    model.initialize(seed);
    Random random(seed);
    const SequenceBatch batch = forecastBatch(random);
    // Steps 1 and 3 read the truth, step 2 the model's own mean of step 1.
    const std::vector<char> useGold = {1, 1, 0, 1};
    const double values = kSeries * kHorizon * kBatch;
    ForecasterCache<double> cache;
    const ParameterList<double> parameters = model.parameters();
    auto loss = [&](bool withGradients) {
        if (!withGradients) return model.loss(batch, useGold, cache) / values;
        zeroGrad(parameters);
        return model.lossAndGradients(batch, useGold, 1.0 / values, cache) / values;
    };
    return test::checkGradients(parameters, {}, loss);
}

void verifyResult(const test::GradientCheckResult& result, int minimumNonZero) {
    qInfo("max relative error %.3g over %d elements (%d non-zero)", result.maxRelativeError, result.checked,
          result.nonZero);
    QVERIFY2(result.nonZero >= minimumNonZero, qPrintable(QString("only %1 non-zero").arg(result.nonZero)));
    QVERIFY2(
        result.maxRelativeError < 1e-6,
        qPrintable(
            QString("max relative error %1 at %2").arg(result.maxRelativeError).arg(result.worst.c_str())));
}

} // namespace

void TestGradcheckForecaster::wholeModel_data() {
    QTest::addColumn<ScorerKind>("scorer");
    QTest::addColumn<bool>("gaussian");
    QTest::addColumn<bool>("bidirectional");
    for (ScorerKind scorer : allScorers())
        for (bool gaussian : {false, true})
            for (bool bidirectional : {false, true})
                QTest::newRow((scorerName(scorer) + (gaussian ? "/gaussian" : "/mse") +
                               (bidirectional ? "/bi" : "/uni"))
                                  .c_str())
                    << scorer << gaussian << bidirectional;
}

void TestGradcheckForecaster::wholeModel() {
    QFETCH(ScorerKind, scorer);
    QFETCH(bool, gaussian);
    QFETCH(bool, bidirectional);
    const ModelConfig config = forecastConfig(scorer, bidirectional, true);
    const test::GradientCheckResult result = checkForecaster(config, gaussian, 41);
    // Every tensor is reached (checkGradients fails a disconnected one); most elements matter.
    verifyResult(result, result.checked / 2);
}

void TestGradcheckForecaster::inputFeedingOff() {
    const ModelConfig config = forecastConfig(ScorerKind::LocationAware, false, false);
    ForecastSettings settings;
    settings.horizon = kHorizon;
    Forecaster<double> model(config, settings);
    // x_t = y_{t−1} only: W_ih reads D values.
    QCOMPARE(model.parameter("decoder.weight_ih").value.cols(), Eigen::Index(kSeries));
    const test::GradientCheckResult result = checkForecaster(config, true, 43);
    verifyResult(result, result.checked / 2);
}

QTEST_APPLESS_MAIN(TestGradcheckForecaster)
#include "tst_gradcheck_forecaster.moc"
