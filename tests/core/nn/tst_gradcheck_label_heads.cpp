// The heads of issue 15 against central differences in double precision: attention pooling on its
// own (every scorer it offers, and mean pooling), and whole classifier and entailment models over
// uneven batches (uni and bidirectional encoders, every scorer each kind offers).
// B batch, S source length, P premise length, N hypothesis length, H hidden size, C classes.
#include "core/nn/AttentionPooling.h"
#include "core/nn/Seq2Seq.h"
#include "support/GradientCheck.h"

#include <QtTest>

using namespace attnlab;

Q_DECLARE_METATYPE(attnlab::ScorerKind)

class TestGradcheckLabelHeads : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pooling_data();
    void pooling();
    void classifier_data();
    void classifier();
    void entailment_data();
    void entailment();
    void splitsPremiseAndHypothesis();
    void refusesWhatCannotWork();
};

namespace {

constexpr int kBatch = 3;
constexpr int kSeparator = 9; // a source word standing for "|"

void verifyResult(const test::GradientCheckResult& result, int minimumNonZero) {
    qInfo("max relative error %.3g over %d elements (%d non-zero)", result.maxRelativeError, result.checked,
          result.nonZero);
    QVERIFY2(result.nonZero >= minimumNonZero, qPrintable(QString("only %1 non-zero").arg(result.nonZero)));
    QVERIFY2(
        result.maxRelativeError < 1e-6,
        qPrintable(
            QString("max relative error %1 at %2").arg(result.maxRelativeError).arg(result.worst.c_str())));
}

ModelConfig labelConfig(ModelKind kind, ScorerKind scorer, bool bidirectional) {
    ModelConfig config;
    config.kind = kind;
    config.sourceVocabulary = 10;
    config.targetVocabulary = 7; // 4 specials + 3 labels
    config.embedding = 3;
    config.hidden = 4;
    config.attentionDim = 3;
    config.scorer = scorer;
    config.bidirectional = bidirectional;
    config.maxSourceLength = 12;
    config.locationFilters = 2;
    config.locationKernel = 3;
    config.separatorId = kSeparator;
    return config;
}

// Labels 4..6 in row 0, one per column; sources from `columns` (time-major padding done here).
SequenceBatch labelBatch(const std::vector<std::vector<int>>& columns, const std::vector<int>& labels) {
    SequenceBatch batch;
    batch.batchSize = static_cast<int>(columns.size());
    for (const auto& column : columns) {
        batch.sourceLengths.push_back(static_cast<int>(column.size()));
        batch.sourceLength = std::max(batch.sourceLength, static_cast<int>(column.size()));
    }
    batch.source.assign(static_cast<size_t>(batch.sourceLength) * batch.batchSize, PadId);
    for (int b = 0; b < batch.batchSize; ++b)
        for (size_t t = 0; t < columns[b].size(); ++t) batch.source[t * batch.batchSize + b] = columns[b][t];
    batch.targetLength = 1;
    batch.target = labels;
    batch.targetLengths.assign(batch.batchSize, 1);
    batch.pairIndices = {0, 1, 2};
    return batch;
}

SequenceBatch classifierBatch() {
    return labelBatch({{4, 5, 6, 7, 8}, {8, 4}, {5, 5, 6}}, {4, 6, 5});
}

// Premises of 3, 1 and 2 words; hypotheses of 2, 3 and 1.
SequenceBatch entailmentBatch() {
    return labelBatch({{4, 5, 6, kSeparator, 7, 8}, {8, kSeparator, 4, 5, 6}, {5, 7, kSeparator, 6}},
                      {4, 6, 5});
}

// The pooling query starts at zero (uniform weights); a check at q = 0 would find the general and
// additive scorers' weights without gradient, so q gets random values first.
void randomQuery(const ParameterList<double>& parameters) {
    Random random(17);
    for (Parameter<double>* p : parameters)
        if (p->name == "pooling.query")
            for (Eigen::Index i = 0; i < p->value.size(); ++i) p->value.data()[i] = random.uniform(-0.5, 0.5);
}

test::GradientCheckResult checkModel(const ModelConfig& config, const SequenceBatch& batch) {
    Seq2Seq<double> model(config);
    model.initialize(23);
    const std::vector<char> useGold(batch.targetLength, 1);
    const double labels = batch.targetTokenCount();
    Seq2SeqCache<double> cache;
    const ParameterList<double> parameters = model.parameters();
    randomQuery(parameters);
    auto loss = [&](bool withGradients) {
        if (!withGradients) return model.loss(batch, cache) / labels;
        zeroGrad(parameters);
        return model.lossAndGradients(batch, useGold, 1.0 / labels, cache) / labels;
    };
    return test::checkGradients(parameters, {}, loss);
}

void addRows(const std::vector<ScorerKind>& scorers) {
    QTest::addColumn<ScorerKind>("scorer");
    QTest::addColumn<bool>("bidirectional");
    for (ScorerKind scorer : scorers) {
        QTest::newRow((scorerName(scorer) + " uni").c_str()) << scorer << false;
        QTest::newRow((scorerName(scorer) + " bi").c_str()) << scorer << true;
    }
}

} // namespace

void TestGradcheckLabelHeads::pooling_data() {
    QTest::addColumn<ScorerKind>("scorer");
    for (ScorerKind scorer : scorersFor(ModelKind::Classifier))
        QTest::newRow(scorerName(scorer).c_str()) << scorer;
}

void TestGradcheckLabelHeads::pooling() {
    // The head alone, with its keys as a checked input: L = Σ_b −log softmax(logits_b)[label_b].
    QFETCH(ScorerKind, scorer);
    const ModelConfig config = labelConfig(ModelKind::Classifier, scorer, false);
    AttentionPooling<double> head(config);
    head.initialize(InitSeed(5));
    Random random(3);
    const int steps = 4;
    Matrix<double> keyValues(config.hidden, steps * kBatch); // (H x S·B)
    for (Eigen::Index i = 0; i < keyValues.size(); ++i) keyValues.data()[i] = random.uniform(-1.0, 1.0);
    AttentionKeys<double> keys;
    keys.steps = steps;
    keys.batch = kBatch;
    keys.lengths = {4, 2, 3};
    keys.keys = &keyValues;
    const std::vector<int> labels = {4, 6, 5};
    PoolingCache<double> cache;
    KeyGradients<double> grads;
    const ParameterList<double> parameters = head.parameters();
    randomQuery(parameters);
    auto loss = [&](bool withGradients) {
        head.prepareKeys(keys);
        head.forward(keys, cache);
        if (!withGradients) return maskedCrossEntropy<double>(cache.logits, labels, {1, 1, 1}, 1.0, nullptr);
        zeroGrad(parameters);
        Matrix<double> logits = cache.logits;
        const double total = maskedCrossEntropyInPlace<double>(logits, labels, {1, 1, 1}, 1.0);
        grads.keys.setZero(keyValues.rows(), keyValues.cols());
        grads.projected.setZero(keys.projected.rows(), keys.projected.cols());
        head.backward(cache, logits, keys, grads);
        return total;
    };
    const auto result = test::checkGradients(parameters, {{"keys", &keyValues, &grads.keys}}, loss);
    verifyResult(result, 20);
    // Masked positions get no weight and no gradient.
    QCOMPARE(cache.alignment(3, 1), 0.0);
    QCOMPARE(grads.keys.col(3 * kBatch + 1).norm(), 0.0);
    for (int b = 0; b < kBatch; ++b) QVERIFY(std::abs(cache.alignment.col(b).sum() - 1.0) < 1e-12);
    if (scorer == ScorerKind::None) QCOMPARE(cache.alignment(0, 1), 0.5); // the mean of two states
}

void TestGradcheckLabelHeads::classifier_data() {
    addRows(scorersFor(ModelKind::Classifier));
}

void TestGradcheckLabelHeads::classifier() {
    QFETCH(ScorerKind, scorer);
    QFETCH(bool, bidirectional);
    verifyResult(checkModel(labelConfig(ModelKind::Classifier, scorer, bidirectional), classifierBatch()),
                 100);
}

void TestGradcheckLabelHeads::entailment_data() {
    addRows(allScorers());
}

void TestGradcheckLabelHeads::entailment() {
    QFETCH(ScorerKind, scorer);
    QFETCH(bool, bidirectional);
    verifyResult(checkModel(labelConfig(ModelKind::Entailment, scorer, bidirectional), entailmentBatch()),
                 100);
}

void TestGradcheckLabelHeads::splitsPremiseAndHypothesis() {
    const SequenceBatch batch = entailmentBatch();
    PremiseHypothesisBatch split;
    splitPremiseHypothesis(batch, kSeparator, split);
    QCOMPARE(split.premise.sourceLengths, (std::vector<int>{3, 1, 2}));
    QCOMPARE(split.hypothesisLengths, (std::vector<int>{2, 3, 1}));
    QCOMPARE(split.steps, 4);
    // (P x B) premises, padded; ((N+1) x B) hypotheses, each ended by </s>
    QCOMPARE(split.premise.source, (std::vector<int>{4, 8, 5, /**/ 5, PadId, 7, /**/ 6, PadId, PadId}));
    QCOMPARE(split.hypothesis,
             (std::vector<int>{7, 4, 6, /**/ 8, 5, EndId, /**/ EndId, 6, PadId, /**/ PadId, EndId, PadId}));

    // The attention rows are the hypothesis words, the columns the premise words, each row a softmax.
    Seq2Seq<float> model(labelConfig(ModelKind::Entailment, ScorerKind::General, false));
    model.initialize(1);
    Seq2SeqCache<float> cache;
    model.classify(batch, cache);
    QCOMPARE(cache.labelLogits.rows(), 7);
    QCOMPARE(cache.labelLogits.cols(), 3);
    const Matrix<float> second = model.attentionOf(cache, batch, 1);
    QCOMPARE(second.rows(), 3);
    QCOMPARE(second.cols(), 1);
    QCOMPARE(second(2, 0), 1.0f); // one premise word takes all the weight
    const Matrix<float> first = model.attentionOf(cache, batch, 0);
    QCOMPARE(first.rows(), 2);
    QCOMPARE(first.cols(), 3);
    for (int j = 0; j < 2; ++j) QVERIFY(std::abs(first.row(j).sum() - 1.0f) < 1e-6f);

    // A classifier's attention is one row over the whole source.
    Seq2Seq<float> classifier(labelConfig(ModelKind::Classifier, ScorerKind::Additive, true));
    classifier.initialize(1);
    const SequenceBatch sentences = classifierBatch();
    classifier.classify(sentences, cache);
    const Matrix<float> pooled = classifier.attentionOf(cache, sentences, 0);
    QCOMPARE(pooled.rows(), 1);
    QCOMPARE(pooled.cols(), 5);
    QVERIFY(std::abs(pooled.sum() - 1.0f) < 1e-6f);
}

void TestGradcheckLabelHeads::refusesWhatCannotWork() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             Seq2Seq<float>(labelConfig(ModelKind::Classifier, ScorerKind::Location, false)));
    ModelConfig bahdanau = labelConfig(ModelKind::Entailment, ScorerKind::Dot, false);
    bahdanau.decoder = DecoderStyle::Bahdanau;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Seq2Seq<float>{bahdanau});
    ModelConfig noSeparator = labelConfig(ModelKind::Entailment, ScorerKind::Dot, false);
    noSeparator.separatorId = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Seq2Seq<float>{noSeparator});

    Seq2Seq<float> model(labelConfig(ModelKind::Entailment, ScorerKind::Dot, false));
    model.initialize(1);
    Seq2SeqCache<float> cache;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.classify(classifierBatch(), cache)); // no "|"
    EncodedSource<float> encoded;
    QVERIFY_THROWS_EXCEPTION(std::logic_error, model.encode(entailmentBatch(), encoded));
}

QTEST_APPLESS_MAIN(TestGradcheckLabelHeads)
#include "tst_gradcheck_label_heads.moc"
