// The whole model on a toy batch with padding, for every scorer, decoder style and encoder
// direction: analytic gradients against central differences in double precision.
#include "core/nn/Seq2Seq.h"
#include "support/GradientCheck.h"

#include <QtTest>

using namespace attnlab;

Q_DECLARE_METATYPE(attnlab::ScorerKind)
Q_DECLARE_METATYPE(attnlab::DecoderStyle)

class TestGradcheckModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wholeModel_data();
    void wholeModel();
    void wholeModelWithDropout_data();
    void wholeModelWithDropout();
    void teacherForcingScheduleIsSeeded();
};

namespace {
// B = 3 pairs, S = 4, T = 4, with padding on both sides.
SequenceBatch toyBatch() {
    SequenceBatch batch;
    batch.batchSize = 3;
    batch.sourceLength = 4;
    batch.targetLength = 4;
    batch.sourceLengths = {4, 2, 3};
    batch.targetLengths = {3, 4, 1};
    // time-major: row t holds the three sequences' tokens at step t
    batch.source = {4, 5, 6, /**/ 5, 4, 4, /**/ 6, PadId, 5, /**/ 4, PadId, PadId};
    batch.target = {4, 5, EndId, /**/ 3, 4, PadId, /**/ EndId, 5, PadId, /**/ PadId, EndId, PadId};
    return batch;
}
// A model small enough to check every parameter: V 7 / 6, E 3, H 4, A 3, F 2, W 3.
ModelConfig toyConfig(ScorerKind scorer, DecoderStyle style, bool inputFeeding, bool bidirectional) {
    ModelConfig config;
    config.sourceVocabulary = 7;
    config.targetVocabulary = 6;
    config.embedding = 3;
    config.hidden = 4;
    config.attentionDim = 3;
    config.scorer = scorer;
    config.decoder = style;
    config.inputFeeding = inputFeeding;
    config.bidirectional = bidirectional;
    config.maxSourceLength = 6;
    config.locationFilters = 2;
    config.locationKernel = 3;
    return config;
}
} // namespace

void TestGradcheckModel::wholeModel_data() {
    QTest::addColumn<ScorerKind>("scorer");
    QTest::addColumn<DecoderStyle>("style");
    QTest::addColumn<bool>("inputFeeding");
    QTest::addColumn<bool>("bidirectional");
    for (ScorerKind scorer : allScorers())
        for (bool bidirectional : {false, true}) {
            const std::string name = scorerName(scorer) + (bidirectional ? "/bi" : "/uni");
            QTest::newRow((name + "/luong-feed").c_str())
                << scorer << DecoderStyle::Luong << true << bidirectional;
            QTest::newRow((name + "/luong-nofeed").c_str())
                << scorer << DecoderStyle::Luong << false << bidirectional;
            QTest::newRow((name + "/bahdanau").c_str())
                << scorer << DecoderStyle::Bahdanau << true << bidirectional;
        }
}

void TestGradcheckModel::wholeModel() {
    QFETCH(ScorerKind, scorer);
    QFETCH(DecoderStyle, style);
    QFETCH(bool, inputFeeding);
    QFETCH(bool, bidirectional);
    Seq2Seq<double> model(toyConfig(scorer, style, inputFeeding, bidirectional));
    model.initialize(7);
    const SequenceBatch batch = toyBatch();
    const std::vector<char> useGold(batch.targetLength, 1);
    const double tokens = batch.targetTokenCount();
    Seq2SeqCache<double> cache;
    const ParameterList<double> parameters = model.parameters();
    auto loss = [&](bool withGradients) {
        if (!withGradients) return model.loss(batch, cache) / tokens;
        zeroGrad(parameters);
        return model.lossAndGradients(batch, useGold, 1.0 / tokens, cache) / tokens;
    };
    const auto result = test::checkGradients(parameters, {}, loss);
    qInfo("max relative error %.3g over %d elements", result.maxRelativeError, result.checked);
    QVERIFY2(result.nonZero > 50, qPrintable(QString("only %1 non-zero gradients").arg(result.nonZero)));
    QVERIFY2(
        result.maxRelativeError < 1e-6,
        qPrintable(
            QString("max relative error %1 at %2").arg(result.maxRelativeError).arg(result.worst.c_str())));
}

void TestGradcheckModel::wholeModelWithDropout_data() {
    QTest::addColumn<DecoderStyle>("style");
    QTest::newRow("luong") << DecoderStyle::Luong;
    QTest::newRow("bahdanau") << DecoderStyle::Bahdanau;
}

void TestGradcheckModel::wholeModelWithDropout() {
    // The same masks for every evaluation (the generator is reseeded), so the loss is a fixed
    // function of the parameters and its gradient can be checked like any other.
    QFETCH(DecoderStyle, style);
    Seq2Seq<double> model(toyConfig(ScorerKind::Additive, style, true, true));
    model.initialize(8);
    const SequenceBatch batch = toyBatch();
    const std::vector<char> useGold(batch.targetLength, 1);
    const double tokens = batch.targetTokenCount();
    Seq2SeqCache<double> cache;
    const ParameterList<double> parameters = model.parameters();
    auto loss = [&](bool) {
        Random masks(5);
        zeroGrad(parameters);
        return model.lossAndGradients(batch, useGold, 1.0 / tokens, cache, {0.3, &masks}) / tokens;
    };
    const auto result = test::checkGradients(parameters, {}, loss);
    qInfo("max relative error %.3g over %d elements", result.maxRelativeError, result.checked);
    QVERIFY2(
        result.maxRelativeError < 1e-6,
        qPrintable(
            QString("max relative error %1 at %2").arg(result.maxRelativeError).arg(result.worst.c_str())));
    // Dropout really drops: about 30% of the mask is zero, the rest is 1 / 0.7.
    const auto& mask = cache.decoder.readoutMask;
    QCOMPARE(mask.rows(), Eigen::Index(4));
    const double zeros = (mask.array() == 0.0).count() / double(mask.size());
    QVERIFY(zeros > 0.1 && zeros < 0.5);
    QVERIFY(((mask.array() == 0.0) || ((mask.array() - 1.0 / 0.7).abs() < 1e-12)).all());
    QVERIFY(model.loss(batch, cache) / tokens != loss(false)); // evaluation does not drop
}

void TestGradcheckModel::teacherForcingScheduleIsSeeded() {
    Random a(3), b(3);
    const auto first = teacherForcingSchedule(50, 0.5, a);
    QCOMPARE(first, teacherForcingSchedule(50, 0.5, b));
    QCOMPARE(first[0], char(1)); // the first step always sees <s>
    const int gold = static_cast<int>(std::count(first.begin(), first.end(), 1));
    QVERIFY(gold > 10 && gold < 40);
    Random c(3);
    const auto all = teacherForcingSchedule(50, 1.0, c);
    QCOMPARE(std::count(all.begin(), all.end(), 1), 50);
}

QTEST_APPLESS_MAIN(TestGradcheckModel)
#include "tst_gradcheck_model.moc"
