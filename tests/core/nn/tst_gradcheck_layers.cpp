// The building blocks alone: Linear, Embedding, an LSTM direction over a padded batch (forward
// and reverse), the encoder (uni and bi) and the masked cross-entropy, against central differences.
#include "core/nn/CrossEntropy.h"
#include "core/nn/Encoder.h"
#include "core/nn/Linear.h"
#include "support/GradientCheck.h"

#include <QtTest>

using namespace attnlab;

class TestGradcheckLayers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void linear();
    void embeddingSkipsPadding();
    void lstmLayer_data();
    void lstmLayer();
    void encoder_data();
    void encoder();
    void crossEntropy();
};

namespace {
void verifyResult(const test::GradientCheckResult& result, int minimumNonZero) {
    qInfo("max relative error %.3g over %d elements", result.maxRelativeError, result.checked);
    QVERIFY2(result.nonZero >= minimumNonZero, qPrintable(QString("only %1 non-zero").arg(result.nonZero)));
    QVERIFY2(
        result.maxRelativeError < 1e-6,
        qPrintable(
            QString("max relative error %1 at %2").arg(result.maxRelativeError).arg(result.worst.c_str())));
}
} // namespace

void TestGradcheckLayers::linear() {
    Random random(1);
    Linear<double> layer("out.weight", "out.bias", 3, 4);
    layer.initialize(InitSeed(random.next()));
    Matrix<double> x = test::randomMatrix(3, 5, random);
    const Matrix<double> weights = test::randomMatrix(4, 5, random);
    Matrix<double> y(4, 5), dx;
    auto loss = [&](bool withGradients) {
        layer.forward(x, y);
        if (withGradients) {
            zeroGrad(layer.parameters());
            layer.backward(x, weights, &dx);
        }
        return (weights.array() * y.array()).sum();
    };
    verifyResult(test::checkGradients(layer.parameters(), {{"x", &x, &dx}}, loss), 20);
}

void TestGradcheckLayers::embeddingSkipsPadding() {
    Random random(2);
    Embedding<double> embedding("emb", 5, 3);
    embedding.initialize(InitSeed(random.next()));
    QCOMPARE(embedding.weight().value.row(PadId).norm(), 0.0);
    const std::vector<int> ids = {4, 1, 2, 4};
    const Matrix<double> weights = test::randomMatrix(3, 4, random);
    Matrix<double> out(3, 4);
    auto loss = [&](bool withGradients) {
        embedding.forward(ids.data(), 4, out);
        if (withGradients) {
            zeroGrad(embedding.parameters());
            embedding.backward(ids.data(), 4, weights);
        }
        return (weights.array() * out.array()).sum();
    };
    verifyResult(test::checkGradients(embedding.parameters(), {}, loss), 9);
    QCOMPARE(embedding.weight().grad.row(4), (weights.col(0) + weights.col(3)).transpose().eval());
    // The padding row is read as zeros and, as nn.Embedding(padding_idx=0), learns nothing.
    const std::vector<int> padded = {4, PadId, PadId, 2};
    embedding.forward(padded.data(), 4, out);
    QCOMPARE(out.col(1).norm(), 0.0);
    zeroGrad(embedding.parameters());
    embedding.backward(padded.data(), 4, weights);
    QCOMPARE(embedding.weight().grad.row(PadId).norm(), 0.0);
}

void TestGradcheckLayers::lstmLayer_data() {
    QTest::addColumn<bool>("reverse");
    QTest::newRow("forward") << false;
    QTest::newRow("reverse") << true;
}

void TestGradcheckLayers::lstmLayer() {
    QFETCH(bool, reverse);
    Random random(3);
    const int inputs = 3, hidden = 4, steps = 4;
    const std::vector<int> lengths = {4, 1, 3};
    const int batch = 3;
    LstmLayer<double> layer("enc.", "", inputs, hidden, reverse);
    layer.initialize(InitSeed(random.next()));
    Matrix<double> x = test::randomMatrix(inputs, steps * batch, random);
    const Matrix<double> outWeights = test::randomMatrix(hidden, steps * batch, random);
    const Matrix<double> hWeights = test::randomMatrix(hidden, batch, random);
    const Matrix<double> cWeights = test::randomMatrix(hidden, batch, random);
    LstmLayerCache<double> cache;
    Matrix<double> outputs(hidden, steps * batch), dx(inputs, steps * batch);
    auto loss = [&](bool withGradients) {
        layer.forward(x, lengths, steps, cache, outputs);
        const double value = (outWeights.array() * outputs.array()).sum() +
                             (hWeights.array() * layer.finalHidden(cache, steps).array()).sum() +
                             (cWeights.array() * layer.finalCell(cache, steps).array()).sum();
        if (withGradients) {
            zeroGrad(layer.parameters());
            layer.backward(x, lengths, steps, cache, outWeights, hWeights, cWeights, dx);
        }
        return value;
    };
    verifyResult(test::checkGradients(layer.parameters(), {{"x", &x, &dx}}, loss), 40);
    // Padding: outputs are zero past each length and inputs there get no gradient.
    QCOMPARE(outputs.col(1 * batch + 1).norm(), 0.0);
    QCOMPARE(dx.col(3 * batch + 2).norm(), 0.0);
}

void TestGradcheckLayers::encoder_data() {
    QTest::addColumn<bool>("bidirectional");
    QTest::newRow("uni") << false;
    QTest::newRow("bi") << true;
}

void TestGradcheckLayers::encoder() {
    QFETCH(bool, bidirectional);
    Random random(4);
    Encoder<double> encoder(6, 3, 4, bidirectional);
    encoder.initialize(InitSeed(random.next()));
    SequenceBatch batch;
    batch.batchSize = 2;
    batch.sourceLength = 3;
    batch.sourceLengths = {3, 2};
    batch.source = {4, 5, /**/ 3, 4, /**/ 5, PadId};
    const Matrix<double> keyWeights = test::randomMatrix(4, 6, random);
    const Matrix<double> hWeights = test::randomMatrix(4, 2, random);
    const Matrix<double> cWeights = test::randomMatrix(4, 2, random);
    EncoderCache<double> cache;
    auto loss = [&](bool withGradients) {
        encoder.forward(batch, cache);
        if (withGradients) {
            zeroGrad(encoder.parameters());
            encoder.backward(batch, cache, keyWeights, hWeights, cWeights);
        }
        return (keyWeights.array() * cache.keys.array()).sum() +
               (hWeights.array() * cache.finalHidden.array()).sum() +
               (cWeights.array() * cache.finalCell.array()).sum();
    };
    verifyResult(test::checkGradients(encoder.parameters(), {}, loss), 40);
    QCOMPARE(cache.keys.rows(), Eigen::Index(4));
}

void TestGradcheckLayers::crossEntropy() {
    Random random(5);
    Matrix<double> logits = test::randomMatrix(5, 6, random, 2.0); // V = 5, T = 3, B = 2
    const std::vector<int> targets = {1, 2, /**/ 4, 0, /**/ 3, 0};
    const std::vector<int> lengths = {3, 1};
    Matrix<double> dLogits;
    auto loss = [&](bool withGradients) {
        return maskedCrossEntropy<double>(logits, targets, lengths, 1.0, withGradients ? &dLogits : nullptr);
    };
    verifyResult(test::checkGradients({}, {{"logits", &logits, &dLogits}}, loss), 15);
    QCOMPARE(dLogits.col(3).norm(), 0.0); // padding positions contribute nothing
}

QTEST_APPLESS_MAIN(TestGradcheckLayers)
#include "tst_gradcheck_layers.moc"
