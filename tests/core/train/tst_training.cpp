// Training end to end on the sequence-reversal task: a fixed seed makes the loss fall below a
// stated threshold within a stated number of Adam steps, and the run is bit-identical with 1 and
// 2 threads. Also the optimizers and clipping on hand-computed values.
#include "core/nn/Seq2Seq.h"
#include "core/train/Adam.h"
#include "core/train/GradientClipping.h"
#include "core/train/ParallelStep.h"
#include "core/train/Sgd.h"
#include "support/ReversalTask.h"

#include <QtTest>

#include <numeric>

using namespace attnlab;

class TestTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void adamFirstSteps();
    void sgdMomentum();
    void clippingByGlobalNorm();
    void parallelOptimizerIsTheSerialOne();
    void sliceBatchTrims();
    void reversalLossFalls();
    void identicalForAnyThreadCount_data();
    void identicalForAnyThreadCount();
};

namespace {
using test::reversalBatch;
using test::reversalConfig;

// Trains for steps Adam steps on fresh seeded batches; returns the loss of every step.
std::vector<double> train(Seq2Seq<float>& model, int steps, int batchSize, int threads, std::uint64_t seed,
                          double teacherForcing = 1.0, double dropout = 0.0) {
    Parallelism parallel(threads);
    ParallelStep step(model);
    Adam adam(model.parameters(), {.learningRate = 0.01});
    Random data(seed), forcing(seed + 1);
    std::vector<double> losses;
    for (int i = 0; i < steps; ++i) {
        const SequenceBatch batch = reversalBatch(batchSize, data);
        const auto useGold = teacherForcingSchedule(batch.targetLength, teacherForcing, forcing);
        losses.push_back(step.run(batch, useGold, parallel, dropout, seed + i).loss);
        clipGradientNorm(model.parameters(), 5.0, parallel);
        adam.step(parallel);
    }
    return losses;
}
} // namespace

void TestTraining::adamFirstSteps() {
    Parameter<float> p("p", 2, 1);
    p.value << 1.0f, -2.0f;
    Adam adam({&p}, {.learningRate = 0.1});
    p.grad << 0.5f, -4.0f;
    adam.step();
    // Step 1: m̂ = g, v̂ = g², so θ −= lr · g / (|g| + ε) = ±0.1
    QCOMPARE(p.value(0), 0.9f);
    QCOMPARE(p.value(1), -1.9f);
    p.grad << 0.5f, 0.0f;
    adam.step();
    // Step 2, element 1: m = 0.9·(−0.4) = −0.36, v = 0.999·1.6e-3·10 = 0.015984;
    // m̂ = −0.36 / 0.19 = −1.894737, v̂ = 0.015984 / 0.001999 = 7.995998, √v̂ = 2.827719
    // θ = −1.9 + 0.1 · 1.894737 / 2.827719 = −1.832994
    QVERIFY(std::abs(p.value(1) - (-1.832994f)) < 1e-5f);
    QCOMPARE(adam.steps(), 2LL);
}

void TestTraining::sgdMomentum() {
    Parameter<float> p("p", 1, 1);
    p.value << 1.0f;
    Sgd sgd({&p}, 0.1, 0.9);
    p.grad << 2.0f;
    sgd.step(); // buf = 2, θ = 1 − 0.2 = 0.8
    QCOMPARE(p.value(0), 0.8f);
    p.grad << 1.0f;
    sgd.step(); // buf = 0.9·2 + 1 = 2.8, θ = 0.8 − 0.28 = 0.52
    QVERIFY(std::abs(p.value(0) - 0.52f) < 1e-6f);
}

void TestTraining::clippingByGlobalNorm() {
    Parameter<float> a("a", 2, 1), b("b", 1, 1);
    a.grad << 3.0f, 0.0f;
    b.grad << 4.0f; // global norm 5
    QCOMPARE(clipGradientNorm({&a, &b}, 10.0), 5.0);
    QCOMPARE(a.grad(0), 3.0f); // under the limit: untouched
    QCOMPARE(clipGradientNorm({&a, &b}, 1.0), 5.0);
    QVERIFY(std::abs(a.grad(0) - 0.6f) < 1e-6f);
    QVERIFY(std::abs(b.grad(0) - 0.8f) < 1e-6f);
}

void TestTraining::parallelOptimizerIsTheSerialOne() {
    // A 3000 x 100 parameter is three slices of Adam's; with 2 threads the update and the
    // clipping must give the serial bits.
    Random random(21);
    auto fill = [&random](Matrix<float>& m) {
        for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<float>(random.normal());
    };
    Parameter<float> bigSerial("big", 3000, 100), smallSerial("small", 7, 1);
    fill(bigSerial.value);
    fill(smallSerial.value);
    Parameter<float> bigParallel = bigSerial, smallParallel = smallSerial;
    Adam serial({&bigSerial, &smallSerial}), parallel({&bigParallel, &smallParallel});
    Parallelism threads(2);
    for (int step = 0; step < 3; ++step) {
        fill(bigSerial.grad);
        fill(smallSerial.grad);
        bigParallel.grad = bigSerial.grad;
        smallParallel.grad = smallSerial.grad;
        const double norm = clipGradientNorm({&bigSerial, &smallSerial}, 100.0);
        QVERIFY(norm > 100.0); // about √300,007 ≈ 548: clipping scales
        QCOMPARE(clipGradientNorm({&bigParallel, &smallParallel}, 100.0, threads), norm);
        QVERIFY(bigParallel.grad == bigSerial.grad);
        serial.step();
        parallel.step(threads);
    }
    QVERIFY(bigParallel.value == bigSerial.value);
    QVERIFY(smallParallel.value == smallSerial.value);
    QCOMPARE(parallel.steps(), 3LL);
}

void TestTraining::sliceBatchTrims() {
    Random random(5);
    const SequenceBatch batch = reversalBatch(6, random);
    const SequenceBatch slice = sliceBatch(batch, 2, 3);
    QCOMPARE(slice.batchSize, 3);
    QCOMPARE(slice.sourceLength, *std::max_element(slice.sourceLengths.begin(), slice.sourceLengths.end()));
    for (int b = 0; b < 3; ++b) {
        QCOMPARE(slice.sourceLengths[b], batch.sourceLengths[2 + b]);
        for (int t = 0; t < slice.sourceLength; ++t) QCOMPARE(slice.sourceAt(t, b), batch.sourceAt(t, 2 + b));
        for (int t = 0; t < slice.targetLength; ++t) QCOMPARE(slice.targetAt(t, b), batch.targetAt(t, 2 + b));
    }
}

void TestTraining::reversalLossFalls() {
    // Stated: from ln(10) ≈ 2.3 the mean token loss falls below 0.1 within 150 Adam steps
    // (fresh batches of 32 reversals, lr 0.01, clip 5, E 16, H 32, general attention, seed 42).
    Seq2Seq<float> model(reversalConfig());
    model.initialize(42);
    const auto losses = train(model, 150, 32, 2, 42);
    qInfo("loss: first %.4f, step 50 %.4f, step 100 %.4f, last %.4f", losses.front(), losses[49], losses[99],
          losses.back());
    QVERIFY(losses.front() > 2.0);
    const double lastTen = std::accumulate(losses.end() - 10, losses.end(), 0.0) / 10;
    QVERIFY2(lastTen < 0.1, qPrintable(QString("mean loss of the last 10 steps %1").arg(lastTen)));
}

void TestTraining::identicalForAnyThreadCount_data() {
    QTest::addColumn<double>("teacherForcing");
    QTest::addColumn<double>("dropout");
    QTest::addColumn<int>("scorer");
    QTest::addColumn<bool>("bidirectional");
    const int additive = static_cast<int>(ScorerKind::Additive);
    QTest::newRow("teacher forcing") << 1.0 << 0.0 << additive << false;
    QTest::newRow("half free-running") << 0.5 << 0.0 << additive << false;
    QTest::newRow("dropout") << 1.0 << 0.2 << additive << false;
    // Every scorer with both encoders, half free-running so the decoder's own outputs feed back.
    for (ScorerKind scorer : allScorers())
        for (bool bidirectional : {false, true})
            QTest::newRow(
                (scorerName(scorer) + (bidirectional ? ", bidirectional" : ", unidirectional")).c_str())
                << 0.5 << 0.0 << static_cast<int>(scorer) << bidirectional;
}

void TestTraining::identicalForAnyThreadCount() {
    QFETCH(double, teacherForcing);
    QFETCH(double, dropout);
    QFETCH(int, scorer);
    QFETCH(bool, bidirectional);
    ModelConfig config = reversalConfig(static_cast<ScorerKind>(scorer));
    config.bidirectional = bidirectional;
    Seq2Seq<float> one(config), two(config);
    one.initialize(9);
    two.initialize(9);
    const auto lossesOne = train(one, 6, 64, 1, 9, teacherForcing, dropout);
    const auto lossesTwo = train(two, 6, 64, 2, 9, teacherForcing, dropout);
    for (size_t i = 0; i < lossesOne.size(); ++i) QCOMPARE(lossesOne[i], lossesTwo[i]); // bit for bit
    const auto a = one.parameters();
    const auto b = two.parameters();
    for (size_t i = 0; i < a.size(); ++i) QVERIFY2(a[i]->value == b[i]->value, a[i]->name.c_str());
}

QTEST_APPLESS_MAIN(TestTraining)
#include "tst_training.moc"
