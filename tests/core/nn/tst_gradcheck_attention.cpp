// Each attention scorer alone: gradients w.r.t. its parameters, the query, the keys and the
// previous alignment, through the masked softmax and the context, against central differences.
#include "core/nn/Attention.h"
#include "support/GradientCheck.h"

#include <QtTest>

using namespace attnlab;

Q_DECLARE_METATYPE(attnlab::ScorerKind)

class TestGradcheckAttention : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scorer_data();
    void scorer();
};

void TestGradcheckAttention::scorer_data() {
    QTest::addColumn<ScorerKind>("kind");
    for (ScorerKind kind : allScorers())
        if (kind != ScorerKind::None) QTest::newRow(scorerName(kind).c_str()) << kind;
}

void TestGradcheckAttention::scorer() {
    QFETCH(ScorerKind, kind);
    ModelConfig config;
    config.sourceVocabulary = config.targetVocabulary = 5;
    config.hidden = 4;
    config.attentionDim = 3;
    config.scorer = kind;
    config.maxSourceLength = 6;
    config.locationFilters = 2;
    config.locationKernel = 3;
    Attention<double> attention(config);
    Random random(11);
    attention.initialize(InitSeed(random.next()));

    const int steps = 5, batch = 3;
    AttentionKeys<double> keys;
    keys.steps = steps;
    keys.batch = batch;
    keys.lengths = {5, 2, 4}; // padding in two columns
    Matrix<double> keyValues = test::randomMatrix(config.hidden, steps * batch, random);
    Matrix<double> query = test::randomMatrix(config.hidden, batch, random);
    Matrix<double> previous = test::randomMatrix(steps, batch, random, 0.5).cwiseAbs();
    const Matrix<double> alphaWeights = test::randomMatrix(steps, batch, random);
    const Matrix<double> contextWeights = test::randomMatrix(config.hidden, batch, random);
    keys.keys = &keyValues;

    ScorerStepCache<double> cache;
    Matrix<double> alpha(steps, batch), context(config.hidden, batch);
    Matrix<double> dQuery, dPrevious, dAlpha;
    KeyGradients<double> grads;
    const ParameterList<double> parameters = attention.parameters();
    auto loss = [&](bool withGradients) {
        attention.prepareKeys(keys);
        attention.forward(query, keys, previous, cache, alpha, context);
        const double value =
            (alphaWeights.array() * alpha.array()).sum() + (contextWeights.array() * context.array()).sum();
        if (withGradients) {
            zeroGrad(parameters);
            dQuery.setZero(config.hidden, batch);
            dPrevious.setZero(steps, batch);
            dAlpha = alphaWeights;
            grads.keys.setZero(config.hidden, steps * batch);
            grads.projected.setZero(keys.projected.rows(), keys.projected.cols());
            attention.backward(contextWeights, dAlpha, query, keys, previous, alpha, cache, dQuery, grads,
                               dPrevious);
            attention.finishBackward(keys, grads);
        }
        return value;
    };
    const auto result = test::checkGradients(
        parameters,
        {{"query", &query, &dQuery}, {"keys", &keyValues, &grads.keys}, {"previous", &previous, &dPrevious}},
        loss);
    qInfo("max relative error %.3g over %d elements", result.maxRelativeError, result.checked);
    QVERIFY(result.nonZero > 20);
    QVERIFY2(
        result.maxRelativeError < 1e-6,
        qPrintable(
            QString("max relative error %1 at %2").arg(result.maxRelativeError).arg(result.worst.c_str())));
    // Masked positions get exactly zero weight.
    QCOMPARE(alpha(2, 1), 0.0);
    QCOMPARE(alpha(4, 2), 0.0);
    QVERIFY(std::abs(alpha.col(1).sum() - 1.0) < 1e-12);
}

QTEST_APPLESS_MAIN(TestGradcheckAttention)
#include "tst_gradcheck_attention.moc"
