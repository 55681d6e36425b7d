// The fused loss of training (maskedCrossEntropyInPlace: log-softmax, loss and gradient in one
// pass, written over the logits) against the unfused maskedCrossEntropy it replaced, and against
// central differences in double.
#include "core/nn/CrossEntropy.h"
#include "support/GradientCheck.h"

#include <QtTest>

using namespace attnlab;

class TestFusedCrossEntropy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesUnfusedInDouble();
    void matchesUnfusedInFloatAtEightThousandWords();
    void gradientAgainstFiniteDifferences();
    void paddingGetsNoGradient();
    void badShapesAndIdsThrow();
};

namespace {

// T x B time-major targets in [0, V), with lengths (B).
std::vector<int> randomTargets(int steps, int batch, int vocabulary, Random& random) {
    std::vector<int> targets(static_cast<size_t>(steps) * batch);
    for (int& t : targets) t = static_cast<int>(random.below(static_cast<std::uint64_t>(vocabulary)));
    return targets;
}

} // namespace

void TestFusedCrossEntropy::matchesUnfusedInDouble() {
    Random random(11);
    const Matrix<double> logits = test::randomMatrix(9, 4 * 3, random, 4.0); // V = 9, T = 4, B = 3
    const std::vector<int> targets = randomTargets(4, 3, 9, random);
    const std::vector<int> lengths = {4, 2, 3};
    Matrix<double> unfused; // (V x T·B)
    const double expected = maskedCrossEntropy<double>(logits, targets, lengths, 0.25, &unfused);
    Matrix<double> fused = logits; // (V x T·B), becomes the gradient
    const double loss = maskedCrossEntropyInPlace<double>(fused, targets, lengths, 0.25);
    QVERIFY(expected > 1.0);
    QVERIFY2(std::abs(loss - expected) < 1e-12 * expected,
             qPrintable(QString("%1 vs %2").arg(loss).arg(expected)));
    QVERIFY2((fused - unfused).cwiseAbs().maxCoeff() < 1e-15,
             qPrintable(QString::number((fused - unfused).cwiseAbs().maxCoeff())));
    // Each valid column of the gradient sums to zero (softmax sums to one, minus the one-hot).
    QVERIFY(std::abs(fused.col(0).sum()) < 1e-15);
}

void TestFusedCrossEntropy::matchesUnfusedInFloatAtEightThousandWords() {
    Random random(12);
    const int vocabulary = 8000, steps = 6, batch = 5;
    const Matrix<float> logits = test::randomMatrix(vocabulary, steps * batch, random, 8.0).cast<float>();
    const std::vector<int> targets = randomTargets(steps, batch, vocabulary, random);
    const std::vector<int> lengths = {6, 1, 4, 6, 3};
    Matrix<float> unfused; // (V x T·B)
    const float scale = 1.0f / 20.0f;
    const float expected = maskedCrossEntropy<float>(logits, targets, lengths, scale, &unfused);
    Matrix<float> fused = logits;
    const float loss = maskedCrossEntropyInPlace<float>(fused, targets, lengths, scale);
    // 20 tokens, each about log(8000) + spread: a loss near 20 × 16.
    QVERIFY(expected > 20 * 9.0f);
    QVERIFY2(std::abs(loss - expected) < 1e-5f * expected,
             qPrintable(QString("%1 vs %2").arg(loss).arg(expected)));
    // Gradients agree to float rounding: the largest entry is about scale (at a target), the rest tiny.
    const float worst = (fused - unfused).cwiseAbs().maxCoeff();
    QVERIFY2(worst < 1e-7f, qPrintable(QString::number(worst)));
    QCOMPARE(fused.cwiseAbs().maxCoeff() > 0.5f * scale, true);
}

void TestFusedCrossEntropy::gradientAgainstFiniteDifferences() {
    Random random(13);
    Matrix<double> logits = test::randomMatrix(6, 3 * 2, random, 3.0); // V = 6, T = 3, B = 2
    const std::vector<int> targets = randomTargets(3, 2, 6, random);
    const std::vector<int> lengths = {3, 2};
    Matrix<double> gradient; // (V x T·B)
    auto loss = [&](bool withGradients) {
        Matrix<double> work = logits;
        const double total = maskedCrossEntropyInPlace<double>(work, targets, lengths, 1.0);
        if (withGradients) gradient = work;
        return total;
    };
    const test::GradientCheckResult result = test::checkGradients({}, {{"logits", &logits, &gradient}}, loss);
    qInfo("max relative error %.3g over %d elements", result.maxRelativeError, result.checked);
    QVERIFY2(result.nonZero >= 20, qPrintable(QString("only %1 non-zero").arg(result.nonZero)));
    QVERIFY2(result.maxRelativeError < 1e-6, qPrintable(QString::fromStdString(result.worst)));
}

void TestFusedCrossEntropy::paddingGetsNoGradient() {
    // V = 3, T = 2, B = 2; sequence 1 has one token, so column 3 (t 1, b 1) is padding.
    Matrix<double> logits(3, 4);
    logits << 1, 2, 3, 4, //
        0, 0, 0, 0,       //
        -1, 5, 7, 9;
    const std::vector<int> targets = {0, 1, 2, 0};
    const double loss = maskedCrossEntropyInPlace<double>(logits, targets, {2, 1}, 1.0);
    QCOMPARE(logits.col(3).norm(), 0.0);
    // Column 0: logits (1, 0, −1), target 0: log(e + 1 + 1/e) − 1.
    const double first = std::log(std::exp(1.0) + 1.0 + std::exp(-1.0)) - 1.0;
    QCOMPARE(logits(0, 0), std::exp(1.0) / (std::exp(1.0) + 1.0 + std::exp(-1.0)) - 1.0);
    const double second = std::log(std::exp(2.0) + 1.0 + std::exp(5.0)) - 0.0; // column 1, target 1
    const double third = std::log(std::exp(3.0) + 1.0 + std::exp(7.0)) - 7.0;  // column 2, target 2
    QVERIFY(std::abs(loss - (first + second + third)) < 1e-12);
}

void TestFusedCrossEntropy::badShapesAndIdsThrow() {
    Matrix<float> logits = Matrix<float>::Zero(4, 6);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             maskedCrossEntropyInPlace<float>(logits, std::vector<int>(5, 0), {3, 3}, 1.0f));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range,
                             maskedCrossEntropyInPlace<float>(logits, {0, 1, 2, 4, 0, 0}, {3, 3}, 1.0f));
}

QTEST_APPLESS_MAIN(TestFusedCrossEntropy)
#include "tst_fused_cross_entropy.moc"
