// The forecaster's behaviour (issue 15) beyond its gradients: tensor names and shapes, the loss
// against values computed by hand from its own outputs, prediction (free running, one attention
// row per step over the window), float against double, copies, and refused configurations.
// B batch, W window, K horizon, D series, E projection size, H hidden size.
#include "core/nn/Forecaster.h"

#include <QtTest>

#include <cmath>

using namespace attnlab;

class TestForecaster : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tensorNamesAndShapes();
    void lossFromOutputs();
    void predictionIsFreeRunning();
    void attentionRowsOverTheWindow();
    void floatMatchesDouble();
    void copiesAndSeeds();
    void refusesBadConfigurations();
};

namespace {

constexpr int kSeries = 2, kWindow = 5, kHorizon = 3, kBatch = 2;

ModelConfig config(ScorerKind scorer = ScorerKind::General) {
    ModelConfig c;
    c.input.kind = InputKind::Frames;
    c.input.melBands = kSeries;
    c.embedding = 3;
    c.hidden = 4;
    c.scorer = scorer;
    c.maxSourceLength = kWindow;
    return c;
}

ForecastSettings settings(bool gaussian) {
    ForecastSettings s;
    s.horizon = kHorizon;
    s.gaussian = gaussian;
    return s;
}

// Window 0 full (5 steps), window 1 three steps long; values sin-like, targets random.
SequenceBatch batch() {
    SequenceBatch b;
    b.batchSize = kBatch;
    b.sourceLength = kWindow;
    b.sourceLengths = {5, 3};
    b.featureSize = kSeries;
    b.source.assign(kWindow * kBatch, UnknownId);
    b.features.assign(kSeries * kWindow * kBatch, 0.0f);
    for (int t = 0; t < kWindow; ++t)
        for (int i = 0; i < kBatch; ++i)
            for (int d = 0; d < kSeries; ++d)
                if (t < b.sourceLengths[i])
                    b.features[(t * kBatch + i) * kSeries + d] =
                        static_cast<float>(std::sin(0.7 * t + i + 2 * d));
    b.targetLength = kHorizon;
    b.targetLengths.assign(kBatch, kHorizon);
    Random random(5);
    for (int n = 0; n < kSeries * kHorizon * kBatch; ++n)
        b.targetValues.push_back(static_cast<float>(random.uniform(-1, 1)));
    return b;
}

Matrix<double> truth(const SequenceBatch& b) {
    return Eigen::Map<const Matrix<float>>(b.targetValues.data(), kSeries, kHorizon * kBatch).cast<double>();
}

} // namespace

void TestForecaster::tensorNamesAndShapes() {
    Forecaster<float> model(config(), settings(true));
    std::vector<std::string> names;
    std::vector<std::vector<std::int64_t>> shapes;
    for (const Parameter<float>* p : model.parameters()) {
        names.push_back(p->name);
        shapes.push_back(p->shape);
    }
    const std::vector<std::string> expected = {
        "frontend.weight",           "frontend.bias",      "encoder.weight_ih_l0",
        "encoder.weight_hh_l0",      "encoder.bias_ih_l0", "encoder.bias_hh_l0",
        "decoder.weight_ih",         "decoder.weight_hh",  "decoder.bias_ih",
        "decoder.bias_hh",           "attention.weight",   "combine.weight",
        "forecast.mean.weight",      "forecast.mean.bias", "forecast.log_variance.weight",
        "forecast.log_variance.bias"};
    QCOMPARE(names, expected);
    // W_ih reads [y_{t−1} (D); h̃_{t−1} (H)]: 4H x (D + H).
    QCOMPARE(shapes[6], (std::vector<std::int64_t>{16, kSeries + 4}));
    QCOMPARE(shapes[11], (std::vector<std::int64_t>{4, 8}));
    QCOMPARE(shapes[12], (std::vector<std::int64_t>{kSeries, 4}));
    QCOMPARE(shapes[15], (std::vector<std::int64_t>{kSeries}));
    // Without the variance there is no log_variance head.
    Forecaster<float> plain(config(), settings(false));
    QCOMPARE(plain.parameters().size(), expected.size() - 2);
    QCOMPARE(plain.parameters().back()->name, std::string("forecast.mean.bias"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, plain.parameter("forecast.log_variance.weight"));
}

void TestForecaster::lossFromOutputs() {
    const SequenceBatch b = batch();
    const Matrix<double> y = truth(b);
    const std::vector<char> freeRunning(kHorizon, 0);
    for (bool gaussian : {false, true}) {
        Forecaster<double> model(config(), settings(gaussian));
        model.initialize(3);
        const Forecast<double> forecast = model.predict(b);
        ForecasterCache<double> cache;
        const double loss = model.loss(b, freeRunning, cache);
        const Matrix<double> difference = forecast.means - y; // (D x K·B)
        double expected = difference.squaredNorm();
        if (gaussian) {
            expected = 0;
            for (Eigen::Index n = 0; n < difference.size(); ++n)
                expected += 0.5 * (std::log(forecast.variances(n)) +
                                   difference(n) * difference(n) / forecast.variances(n));
        }
        QVERIFY2(std::abs(loss - expected) < 1e-12 * std::max(1.0, std::abs(expected)),
                 qPrintable(QString("%1 vs %2").arg(loss).arg(expected)));
        // lossAndGradients returns the same sum.
        QVERIFY(std::abs(model.lossAndGradients(b, freeRunning, 1.0, cache) - loss) < 1e-12);
    }
}

void TestForecaster::predictionIsFreeRunning() {
    const SequenceBatch b = batch();
    Forecaster<double> model(config(), settings(false));
    model.initialize(4);
    const Forecast<double> forecast = model.predict(b);
    QCOMPARE(forecast.means.rows(), Eigen::Index(kSeries));
    QCOMPARE(forecast.means.cols(), Eigen::Index(kHorizon * kBatch));
    QCOMPARE(forecast.variances.size(), Eigen::Index(0));
    ForecasterCache<double> cache;
    model.loss(b, {1, 1, 1}, cache);
    const Matrix<double> forced = cache.decoder.means;
    // Step 0 reads the window's last value either way; later steps differ with what they are fed.
    QVERIFY((forced.leftCols(kBatch) - forecast.means.leftCols(kBatch)).norm() < 1e-15);
    QVERIFY((forced.rightCols(kBatch) - forecast.means.rightCols(kBatch)).norm() > 1e-6);
    // Window 1 is 3 steps long: its step 0 was fed position 2 of its features, the last it has.
    QCOMPARE(cache.lastObserved(0, 1), double(b.features[(2 * kBatch + 1) * kSeries]));
    QCOMPARE(cache.lastObserved(1, 0), double(b.features[(4 * kBatch + 0) * kSeries + 1]));
}

void TestForecaster::attentionRowsOverTheWindow() {
    const SequenceBatch b = batch();
    for (ScorerKind scorer : allScorers()) {
        Forecaster<double> model(config(scorer), settings(true));
        model.initialize(6);
        const Forecast<double> forecast = model.predict(b);
        QCOMPARE(int(forecast.attention.size()), kBatch);
        QCOMPARE(forecast.window, kWindow);
        QVERIFY((forecast.variances.array() > 0).all());
        for (int i = 0; i < kBatch; ++i) {
            const Matrix<double>& weights = forecast.attention[i]; // (K x W)
            QCOMPARE(weights.rows(), Eigen::Index(kHorizon));
            QCOMPARE(weights.cols(), Eigen::Index(kWindow));
            for (int k = 0; k < kHorizon; ++k) {
                // A distribution over the window's valid positions (none without attention).
                const double total = weights.row(k).sum();
                QVERIFY2(std::abs(total - (scorer == ScorerKind::None ? 0.0 : 1.0)) < 1e-12,
                         scorerName(scorer).c_str());
                QVERIFY((weights.row(k).array() >= 0).all());
                for (int s = b.sourceLengths[i]; s < kWindow; ++s) QCOMPARE(weights(k, s), 0.0);
            }
        }
    }
}

void TestForecaster::floatMatchesDouble() {
    const SequenceBatch b = batch();
    Forecaster<float> single(config(ScorerKind::LocationAware), settings(true));
    Forecaster<double> twice(config(ScorerKind::LocationAware), settings(true));
    single.initialize(8);
    twice.initialize(8);
    const Forecast<float> a = single.predict(b);
    const Forecast<double> c = twice.predict(b);
    QVERIFY((a.means.cast<double>() - c.means).cwiseAbs().maxCoeff() < 1e-5);
    QVERIFY((a.variances.cast<double>() - c.variances).cwiseAbs().maxCoeff() < 1e-5);
}

void TestForecaster::copiesAndSeeds() {
    const SequenceBatch b = batch();
    Forecaster<double> first(config(ScorerKind::Additive), settings(false));
    Forecaster<double> second(config(ScorerKind::Additive), settings(false));
    first.initialize(9);
    second.initialize(10);
    QVERIFY((first.predict(b).means - second.predict(b).means).norm() > 1e-6);
    second.copyValuesFrom(first);
    QCOMPARE(first.predict(b).means, second.predict(b).means);
    Forecaster<double> again(config(ScorerKind::Additive), settings(false));
    again.initialize(9);
    QCOMPARE(again.predict(b).means, first.predict(b).means);
    Forecaster<double> gaussian(config(ScorerKind::Additive), settings(true));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gaussian.copyValuesFrom(first));
}

void TestForecaster::refusesBadConfigurations() {
    ModelConfig tokens = config();
    tokens.input.kind = InputKind::Tokens;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Forecaster<float>(tokens, settings(false)));
    ModelConfig reduced = config();
    reduced.input.frameReduction = 1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Forecaster<float>(reduced, settings(false)));
    ModelConfig bahdanau = config();
    bahdanau.decoder = DecoderStyle::Bahdanau;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Forecaster<float>(bahdanau, settings(false)));
    ForecastSettings none = settings(false);
    none.horizon = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Forecaster<float>(config(), none));
    ModelConfig odd = config();
    odd.bidirectional = true;
    odd.hidden = 5;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Forecaster<float>(odd, settings(false)));

    Forecaster<float> model(config(), settings(false));
    model.initialize(1);
    ForecasterCache<float> cache;
    SequenceBatch wrongSeries = batch();
    wrongSeries.featureSize = 1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.loss(wrongSeries, {1, 1, 1}, cache));
    SequenceBatch noTargets = batch();
    noTargets.targetValues.clear();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.loss(noTargets, {1, 1, 1}, cache));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.loss(batch(), {1, 1}, cache));
    model.predict(noTargets); // prediction needs no targets
}

QTEST_APPLESS_MAIN(TestForecaster)
#include "tst_forecaster.moc"
