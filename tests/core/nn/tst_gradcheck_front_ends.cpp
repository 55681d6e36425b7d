// The source front ends of issue 14 against central differences in double precision: the input
// projection (with and without image positions), the pyramidal LSTM stack, the encoder over
// frames and images, and the whole model over frames and images for the scorers.
// B batch, S input positions, K keys, D feature size, E front-end size, H hidden size.
#include "core/nn/Encoder.h"
#include "core/nn/InputProjection.h"
#include "core/nn/RecurrentStack.h"
#include "core/nn/Seq2Seq.h"
#include "support/GradientCheck.h"

#include <QtTest>

using namespace attnlab;

Q_DECLARE_METATYPE(attnlab::ScorerKind)

class TestGradcheckFrontEnds : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void inputProjection_data();
    void inputProjection();
    void recurrentStack_data();
    void recurrentStack();
    void framesEncoder_data();
    void framesEncoder();
    void imageEncoder_data();
    void imageEncoder();
    void framesModel_data();
    void framesModel();
    void imageModel_data();
    void imageModel();
};

namespace {

// Two sequences of uneven lengths, one odd and one even, so every pyramid level pads one of them.
const std::vector<int> kLengths = {7, 4};
constexpr int kSteps = 7;
constexpr int kBatch = 2;

void verifyResult(const test::GradientCheckResult& result, int minimumNonZero) {
    qInfo("max relative error %.3g over %d elements (%d non-zero)", result.maxRelativeError, result.checked,
          result.nonZero);
    QVERIFY2(result.nonZero >= minimumNonZero, qPrintable(QString("only %1 non-zero").arg(result.nonZero)));
    QVERIFY2(
        result.maxRelativeError < 1e-6,
        qPrintable(
            QString("max relative error %1 at %2").arg(result.maxRelativeError).arg(result.worst.c_str())));
}

// Random features (D x S·B), time-major, zero past each length as the batcher writes them.
void fillFeatures(SequenceBatch& batch, int featureSize, Random& random) {
    const int steps = batch.sourceLength;
    batch.featureSize = featureSize;
    batch.features.assign(static_cast<size_t>(featureSize) * steps * batch.batchSize, 0.0f);
    batch.source.assign(static_cast<size_t>(steps) * batch.batchSize, PadId);
    for (int t = 0; t < steps; ++t)
        for (int b = 0; b < batch.batchSize; ++b) {
            if (t >= batch.sourceLengths[b]) continue;
            batch.source[static_cast<size_t>(t) * batch.batchSize + b] = UnknownId;
            for (int d = 0; d < featureSize; ++d)
                batch.features[(static_cast<size_t>(t) * batch.batchSize + b) * featureSize + d] =
                    static_cast<float>(random.uniform(-1.0, 1.0));
        }
}

// Targets for B = 2: T = 3, lengths {3, 2}, over a target vocabulary of 6.
void fillTargets(SequenceBatch& batch) {
    batch.targetLength = 3;
    batch.targetLengths = {3, 2};
    batch.target = {4, 5, /**/ 3, EndId, /**/ EndId, PadId};
}

SequenceBatch framesBatch(int featureSize, Random& random) {
    SequenceBatch batch;
    batch.batchSize = kBatch;
    batch.sourceLength = kSteps;
    batch.sourceLengths = kLengths;
    fillFeatures(batch, featureSize, random);
    fillTargets(batch);
    return batch;
}

SequenceBatch imageBatch(const InputConfig& input, Random& random) {
    SequenceBatch batch;
    batch.batchSize = kBatch;
    batch.sourceLength = input.gridCells();
    batch.sourceLengths.assign(kBatch, input.gridCells());
    fillFeatures(batch, input.featureSize(), random);
    fillTargets(batch);
    return batch;
}

// E 3, H 4, D 3 (frames); a 16 x 8 RGB image in 4 x 4 patches: D 48, a 2 x 4 grid of 8 cells.
ModelConfig frontEndConfig(InputKind kind, int reduction, bool bidirectional, bool rowEncoder) {
    ModelConfig config;
    config.sourceVocabulary = 4; // placeholders only: the front end reads features
    config.targetVocabulary = 6;
    config.embedding = 3;
    config.hidden = 4;
    config.attentionDim = 3;
    config.bidirectional = bidirectional;
    config.locationFilters = 2;
    config.locationKernel = 3;
    config.input.kind = kind;
    config.input.melBands = 3;
    config.input.frameReduction = reduction;
    config.input.imageWidth = 16;
    config.input.imageHeight = 8;
    config.input.patch = 4;
    config.input.rowEncoder = rowEncoder;
    // The location scorer has a row per key: exactly the longest key length.
    config.maxSourceLength =
        kind == InputKind::Image ? config.input.gridCells() : config.input.keyLength(kSteps);
    return config;
}

// L = Σ Wk ⊙ keys + Σ Wh ⊙ h + Σ Wc ⊙ c over an encoder, for its gradient check.
test::GradientCheckResult checkEncoder(Encoder<double>& encoder, const SequenceBatch& batch, int keys,
                                       Random& random) {
    const Matrix<double> keyWeights = test::randomMatrix(4, static_cast<Eigen::Index>(keys) * kBatch, random);
    const Matrix<double> hWeights = test::randomMatrix(4, kBatch, random);
    const Matrix<double> cWeights = test::randomMatrix(4, kBatch, random);
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
    return test::checkGradients(encoder.parameters(), {}, loss);
}

test::GradientCheckResult checkModel(const ModelConfig& config, const SequenceBatch& batch) {
    Seq2Seq<double> model(config);
    model.initialize(11);
    const std::vector<char> useGold(batch.targetLength, 1);
    const double tokens = batch.targetTokenCount();
    Seq2SeqCache<double> cache;
    const ParameterList<double> parameters = model.parameters();
    auto loss = [&](bool withGradients) {
        if (!withGradients) return model.loss(batch, cache) / tokens;
        zeroGrad(parameters);
        return model.lossAndGradients(batch, useGold, 1.0 / tokens, cache) / tokens;
    };
    return test::checkGradients(parameters, {}, loss);
}

void addScorerRows(const std::vector<ScorerKind>& scorers) {
    QTest::addColumn<ScorerKind>("scorer");
    for (ScorerKind scorer : scorers) QTest::newRow(scorerName(scorer).c_str()) << scorer;
}

} // namespace

void TestGradcheckFrontEnds::inputProjection_data() {
    QTest::addColumn<int>("cells");
    QTest::newRow("frames") << 0;
    QTest::newRow("image positions") << 3;
}

void TestGradcheckFrontEnds::inputProjection() {
    QFETCH(int, cells);
    Random random(21);
    const int features = 5, outputs = 3, steps = 3;
    InputProjection<double> projection(features, outputs, cells);
    projection.initialize(InitSeed(random.next()));
    const Matrix<double> x = test::randomMatrix(features, steps * kBatch, random); // (D x S·B)
    const Matrix<double> weights = test::randomMatrix(outputs, steps * kBatch, random);
    Matrix<double> out(outputs, steps * kBatch); // (E x S·B)
    auto loss = [&](bool withGradients) {
        projection.forward(x, kBatch, out);
        if (withGradients) {
            zeroGrad(projection.parameters());
            projection.backward(x, kBatch, weights);
        }
        return (weights.array() * out.array()).sum();
    };
    const ParameterList<double> parameters = projection.parameters();
    QCOMPARE(parameters.size(), size_t(cells > 0 ? 3 : 2));
    verifyResult(test::checkGradients(parameters, {}, loss), 15 + 3 * cells);
    if (cells > 0) {
        // dP[n] = Σ_b dOut(:, n·B + b): a position is shared by the batch's images.
        const Matrix<double>& dPosition = parameters.back()->grad; // (N x E)
        QCOMPARE(parameters.back()->name, std::string("frontend.position"));
        QVERIFY((dPosition.row(1).transpose() - weights.col(2) - weights.col(3)).norm() < 1e-12);
    }
}

void TestGradcheckFrontEnds::recurrentStack_data() {
    QTest::addColumn<int>("reductions");
    QTest::addColumn<bool>("bidirectional");
    for (int reductions : {0, 1, 2})
        for (bool bidirectional : {false, true})
            QTest::newRow((std::to_string(reductions) + (bidirectional ? "/bi" : "/uni")).c_str())
                << reductions << bidirectional;
}

void TestGradcheckFrontEnds::recurrentStack() {
    QFETCH(int, reductions);
    QFETCH(bool, bidirectional);
    Random random(22 + reductions);
    const int inputs = 3, hidden = 4;
    RecurrentStack<double> stack(inputs, hidden, bidirectional, reductions);
    stack.initialize(InitSeed(random.next()));
    QCOMPARE(stack.levels(), reductions + 1);
    const int keySteps = (kSteps + (1 << reductions) - 1) >> reductions;    // ceil(S / 2^R)
    Matrix<double> x = test::randomMatrix(inputs, kSteps * kBatch, random); // (I x S·B)
    // Zero past each length, as the front end leaves a padded batch.
    for (int t = kLengths[1]; t < kSteps; ++t) x.col(t * kBatch + 1).setZero();
    const Matrix<double> keyWeights = test::randomMatrix(hidden, keySteps * kBatch, random);
    const Matrix<double> hWeights = test::randomMatrix(hidden, kBatch, random);
    const Matrix<double> cWeights = test::randomMatrix(hidden, kBatch, random);
    RecurrentStackCache<double> cache;
    Matrix<double> keys, finalHidden, finalCell, dx;
    auto loss = [&](bool withGradients) {
        stack.forward(x, kLengths, kSteps, cache, keys, finalHidden, finalCell);
        if (withGradients) {
            zeroGrad(stack.parameters());
            stack.backward(x, cache, keyWeights, hWeights, cWeights, dx);
        }
        return (keyWeights.array() * keys.array()).sum() + (hWeights.array() * finalHidden.array()).sum() +
               (cWeights.array() * finalCell.array()).sum();
    };
    verifyResult(test::checkGradients(stack.parameters(), {{"x", &x, &dx}}, loss), 60);
    QCOMPARE(keys.rows(), Eigen::Index(hidden));
    QCOMPARE(keys.cols(), Eigen::Index(keySteps * kBatch));
    // The short sequence's inputs past its length reach nothing.
    for (int t = kLengths[1]; t < kSteps; ++t) QCOMPARE(dx.col(t * kBatch + 1).norm(), 0.0);
}

void TestGradcheckFrontEnds::framesEncoder_data() {
    recurrentStack_data();
}

void TestGradcheckFrontEnds::framesEncoder() {
    QFETCH(int, reductions);
    QFETCH(bool, bidirectional);
    Random random(31 + reductions);
    const ModelConfig config = frontEndConfig(InputKind::Frames, reductions, bidirectional, false);
    Encoder<double> encoder(config);
    encoder.initialize(InitSeed(random.next()));
    const SequenceBatch batch = framesBatch(config.input.featureSize(), random);
    const int keys = config.input.keyLength(kSteps);
    const ParameterList<double> parameters = encoder.parameters();
    QCOMPARE(parameters.front()->name, std::string("frontend.weight"));
    QCOMPARE(parameters.size(), size_t(2 + 4 * (reductions + 1) * (bidirectional ? 2 : 1)));
    verifyResult(checkEncoder(encoder, batch, keys, random), 60);
}

void TestGradcheckFrontEnds::imageEncoder_data() {
    QTest::addColumn<bool>("rowEncoder");
    QTest::newRow("row encoder") << true;
    QTest::newRow("cells only") << false;
}

void TestGradcheckFrontEnds::imageEncoder() {
    QFETCH(bool, rowEncoder);
    Random random(41);
    // bidirectional false: the row encoder is bidirectional whatever the frames setting says.
    const ModelConfig config = frontEndConfig(InputKind::Image, 0, false, rowEncoder);
    Encoder<double> encoder(config);
    encoder.initialize(InitSeed(random.next()));
    const SequenceBatch batch = imageBatch(config.input, random);
    QCOMPARE(batch.featureSize, 48);
    QCOMPARE(batch.sourceLength, 8);
    const ParameterList<double> parameters = encoder.parameters();
    QCOMPARE(parameters.size(), size_t(rowEncoder ? 3 + 8 : 3));
    verifyResult(checkEncoder(encoder, batch, config.input.gridCells(), random), rowEncoder ? 100 : 60);
}

void TestGradcheckFrontEnds::framesModel_data() {
    addScorerRows(allScorers());
}

void TestGradcheckFrontEnds::framesModel() {
    QFETCH(ScorerKind, scorer);
    Random random(51);
    ModelConfig config = frontEndConfig(InputKind::Frames, 1, true, false);
    config.scorer = scorer;
    QCOMPARE(config.maxSourceLength, 4); // ceil(7 / 2)
    verifyResult(checkModel(config, framesBatch(config.input.featureSize(), random)), 100);
}

void TestGradcheckFrontEnds::imageModel_data() {
    addScorerRows({ScorerKind::LocationAware, ScorerKind::General});
}

void TestGradcheckFrontEnds::imageModel() {
    QFETCH(ScorerKind, scorer);
    Random random(61);
    ModelConfig config = frontEndConfig(InputKind::Image, 0, true, true);
    config.scorer = scorer;
    verifyResult(checkModel(config, imageBatch(config.input, random)), 100);
}

QTEST_APPLESS_MAIN(TestGradcheckFrontEnds)
#include "tst_gradcheck_front_ends.moc"
