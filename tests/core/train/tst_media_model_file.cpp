// Frames and image models in the model file (issue 14): the config's input section and the
// front end's tensors survive a save and a load, the loaded model decodes exactly as the saved
// one, and a file whose front end disagrees with its config is refused naming both.
#include "core/infer/GreedyDecoder.h"
#include "core/train/Checkpoint.h"
#include "core/train/ModelFile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab;

namespace {
ModelBundle makeBundle(const InputConfig& input, ScorerKind scorer) {
    ModelBundle bundle;
    bundle.sourceVocabulary = Vocabulary::build(std::vector<std::vector<std::string>>{});
    bundle.targetVocabulary =
        Vocabulary::build(std::vector<std::vector<std::string>>{{"a", "red", "circle"}});
    ModelConfig& c = bundle.config;
    c.input = input;
    c.sourceVocabulary = bundle.sourceVocabulary.size();
    c.targetVocabulary = bundle.targetVocabulary.size();
    c.embedding = 6;
    c.hidden = 8;
    c.bidirectional = true;
    c.scorer = scorer;
    c.maxSourceLength = 16;
    bundle.dataset = "test";
    bundle.model = std::make_unique<Seq2Seq<float>>(c);
    bundle.model->initialize(3);
    return bundle;
}

SourceFeatures features(int rows, int columns) {
    SourceFeatures f;
    f.rows = rows;
    f.columns = columns;
    for (int i = 0; i < rows * columns; ++i) f.values.push_back(static_cast<float>(std::sin(0.7 * i)));
    return f;
}
} // namespace

class TestMediaModelFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void frontEndMismatchIsRefused();
};

void TestMediaModelFile::roundTrip_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("reduction");
    QTest::addColumn<bool>("rowEncoder");
    QTest::newRow("frames R0") << int(InputKind::Frames) << 0 << true;
    QTest::newRow("frames R2") << int(InputKind::Frames) << 2 << true;
    QTest::newRow("image rows") << int(InputKind::Image) << 0 << true;
    QTest::newRow("image cells") << int(InputKind::Image) << 0 << false;
}

void TestMediaModelFile::roundTrip() {
    QFETCH(int, kind);
    QFETCH(int, reduction);
    QFETCH(bool, rowEncoder);
    InputConfig input;
    input.kind = static_cast<InputKind>(kind);
    input.melBands = 5;
    input.hopMs = 12.5;
    input.frameReduction = reduction;
    input.imageWidth = 16;
    input.imageHeight = 8;
    input.patch = 4;
    input.rowEncoder = rowEncoder;
    ModelBundle saved = makeBundle(input, ScorerKind::LocationAware);
    QTemporaryDir dir;
    const std::string path = dir.filePath("m.safetensors").toStdString();
    saveModel(path, saved);
    const ModelBundle loaded = loadModel(path);
    QCOMPARE(loaded.config.input.kind, input.kind);
    QCOMPARE(loaded.config.input.featureSize(), input.featureSize());
    QCOMPARE(loaded.config.input.frameReduction, input.kind == InputKind::Frames ? reduction : 0);
    QCOMPARE(loaded.config.input.hopMs, input.kind == InputKind::Frames ? 12.5 : 10.0);
    QCOMPARE(loaded.config.input.rowEncoder, rowEncoder);
    const ParameterList<float> a = saved.model->parameters();
    const ParameterList<float> b = loaded.model->parameters();
    QCOMPARE(a.size(), b.size());
    bool hasFrontEnd = false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i]->name, b[i]->name);
        QVERIFY(a[i]->value == b[i]->value);
        hasFrontEnd = hasFrontEnd || a[i]->name == "frontend.weight";
        QVERIFY2(a[i]->name != "src_embedding.weight", "a frames or image model has no source embedding");
    }
    QVERIFY(hasFrontEnd);
    const int positions = input.kind == InputKind::Frames ? 13 : input.gridCells();
    const SourceFeatures f = features(input.featureSize(), positions);
    const std::vector<int> ids(positions, UnknownId);
    const DecodeResult before = greedyDecode(*saved.model, ModelSource(ids, &f), {.maxLength = 6});
    const DecodeResult after = greedyDecode(*loaded.model, ModelSource(ids, &f), {.maxLength = 6});
    QCOMPARE(after.tokens, before.tokens);
    QCOMPARE(after.attention.cols(), Eigen::Index(input.keyLength(positions)));
    QVERIFY(after.attention.isApprox(before.attention, 0.0f));
}

void TestMediaModelFile::frontEndMismatchIsRefused() {
    InputConfig input;
    input.kind = InputKind::Frames;
    input.melBands = 5;
    ModelBundle bundle = makeBundle(input, ScorerKind::General);
    QTemporaryDir dir;
    const std::string path = dir.filePath("m.safetensors").toStdString();
    bundle.config.input.melBands = 7; // the config now lies about the tensor
    saveModel(path, bundle);
    try {
        loadModel(path);
        QFAIL("a front end of 5 bands under a config of 7 loaded");
    } catch (const std::exception& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains("frames.mel_bands") && message.contains("frontend.weight"), e.what());
    }
}

QTEST_APPLESS_MAIN(TestMediaModelFile)
#include "tst_media_model_file.moc"
