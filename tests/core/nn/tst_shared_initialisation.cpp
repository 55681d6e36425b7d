// Models with the same seed start equal in every parameter they share by name and shape, whatever
// else differs (scorer, decoder style, input feeding, attention size); other seeds start elsewhere.
#include "core/nn/Seq2Seq.h"

#include <QtTest>

#include <map>

using namespace attnlab;

class TestSharedInitialisation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sharedParametersStartEqual_data();
    void sharedParametersStartEqual();
    void seedsDiffer();
    void layerRulesStillHold();
};

namespace {
ModelConfig baseConfig() {
    ModelConfig c;
    c.sourceVocabulary = 11;
    c.targetVocabulary = 9;
    c.embedding = 6;
    c.hidden = 8;
    c.maxSourceLength = 12;
    c.locationFilters = 3;
    c.locationKernel = 3;
    return c;
}

std::map<std::string, Matrix<float>> valuesOf(Seq2Seq<float>& model) {
    std::map<std::string, Matrix<float>> values;
    for (Parameter<float>* p : model.parameters()) values[p->name] = p->value;
    return values;
}
} // namespace

void TestSharedInitialisation::sharedParametersStartEqual_data() {
    QTest::addColumn<int>("scorer");
    QTest::addColumn<bool>("inputFeeding");
    QTest::addColumn<int>("attentionDim");
    QTest::addColumn<bool>("bahdanau");
    for (ScorerKind kind : allScorers())
        QTest::newRow(scorerName(kind).c_str()) << static_cast<int>(kind) << true << 0 << false;
    QTest::newRow("additive, no input feeding")
        << static_cast<int>(ScorerKind::Additive) << false << 0 << false;
    QTest::newRow("additive, A 5") << static_cast<int>(ScorerKind::Additive) << true << 5 << false;
    QTest::newRow("additive, bahdanau") << static_cast<int>(ScorerKind::Additive) << true << 0 << true;
}

void TestSharedInitialisation::sharedParametersStartEqual() {
    QFETCH(int, scorer);
    QFETCH(bool, inputFeeding);
    QFETCH(int, attentionDim);
    QFETCH(bool, bahdanau);
    ModelConfig reference = baseConfig();
    reference.scorer = ScorerKind::Additive;
    ModelConfig other = baseConfig();
    other.scorer = static_cast<ScorerKind>(scorer);
    other.inputFeeding = inputFeeding;
    other.attentionDim = attentionDim;
    other.decoder = bahdanau ? DecoderStyle::Bahdanau : DecoderStyle::Luong;
    Seq2Seq<float> a(reference), b(other);
    a.initialize(42);
    b.initialize(42);
    const auto valuesA = valuesOf(a);
    int shared = 0, differentShape = 0;
    for (Parameter<float>* p : b.parameters()) {
        const auto it = valuesA.find(p->name);
        if (it == valuesA.end()) continue;
        if (it->second.rows() != p->value.rows() || it->second.cols() != p->value.cols()) {
            ++differentShape;
            continue;
        }
        ++shared;
        QVERIFY2(it->second == p->value, p->name.c_str());
    }
    // Embeddings, the encoder LSTM and the output layer are shared by every variant here.
    QVERIFY2(shared >= 7, qPrintable(QString("only %1 shared parameters").arg(shared)));
    if (!inputFeeding) QVERIFY(differentShape >= 1); // the decoder cell's input weights
}

void TestSharedInitialisation::seedsDiffer() {
    Seq2Seq<float> a(baseConfig()), b(baseConfig());
    a.initialize(1);
    b.initialize(2);
    const auto valuesA = valuesOf(a);
    for (Parameter<float>* p : b.parameters())
        if (p->value.size() > 1) QVERIFY2(valuesA.at(p->name) != p->value, p->name.c_str());
}

// Each parameter has a stream of its own, but the layers' rules are unchanged: the padding
// embedding row is zero, the forget gate's input bias is one, weights stay within their bounds.
void TestSharedInitialisation::layerRulesStillHold() {
    Seq2Seq<float> model(baseConfig());
    model.initialize(7);
    const int h = baseConfig().hidden;
    for (Parameter<float>* p : model.parameters()) {
        if (p->name.find("embedding") != std::string::npos) QCOMPARE(p->value.row(PadId).norm(), 0.0f);
        if (p->name.find("bias_ih") != std::string::npos) QVERIFY(p->value.middleRows(h, h).isOnes());
        if (p->name.find("weight_hh") != std::string::npos)
            QVERIFY(p->value.cwiseAbs().maxCoeff() <= 1.0f / std::sqrt(static_cast<float>(h)));
        QVERIFY(p->value.allFinite());
    }
}

QTEST_APPLESS_MAIN(TestSharedInitialisation)
#include "tst_shared_initialisation.moc"
