// Session files: what the window saves comes back field for field (with and without a model, the
// model's weights and attention history included), and a bad file is refused with its name and
// the reason, never half read.
#include "core/train/Checkpoint.h"
#include "core/train/SessionFile.h"
#include "support/ReversalBundle.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace attnlab;

class TestSessionFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripWithAModel();
    void roundTripWithoutAModel();
    void refusals_data();
    void refusals();
    void aFailedSaveKeepsThePreviousFile();
};

namespace {
WindowSession sampleSession() {
    WindowSession s;
    s.datasetName = "mine";
    s.datasetPath = "/data/mine.tsv";
    s.datasetText = "abc\tcba\n";
    s.options.reverse = true;
    s.options.lowercase = true;
    s.options.maxSourceLength = 12;
    s.options.sourceTokens = Tokenization::Word;
    s.config.hidden = 48;
    s.config.scorer = ScorerKind::Additive;
    s.training.epochs = 7;
    s.training.learningRate = 0.003;
    s.pinned = {4, 0, 9};
    s.typedSentence = "a b c";
    s.tab = "mechanism";
    s.stepsTrained = 321;
    s.epochsTrained = 3;
    return s;
}

// A saved session's metadata JSON, changed by `edit`, written back with a valid checksum.
QByteArray editedSession(const std::function<void(nlohmann::json&)>& edit) {
    WindowSession s = sampleSession();
    QTemporaryDir dir;
    const std::string path = dir.filePath("s.attnlab").toStdString();
    saveSession(path, s);
    CheckpointFile file = readCheckpoint(path);
    nlohmann::json json = nlohmann::json::parse(file.metadata[kSessionKey]);
    edit(json);
    file.metadata[kSessionKey] = json.dump();
    const std::string bytes = encodeSafeTensors(file, path);
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

QString refusal(const QByteArray& bytes) {
    try {
        decodeSession(std::string_view(bytes.constData(), size_t(bytes.size())), "lesson.attnlab");
    } catch (const CheckpointError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}
} // namespace

void TestSessionFile::roundTripWithAModel() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("session.attnlab").toStdString();
    WindowSession s = sampleSession();
    s.model = test::reversalBundle();
    AttentionFrame frame;
    frame.step = 0;
    frame.output = {"c", "</s>"};
    frame.attention = Matrix<float>::Constant(2, 3, 1.0f / 3.0f);
    TrackSentence sentence;
    sentence.key = "pair 4: abc";
    sentence.source = {"a", "b", "c"};
    s.model->history.add(sentence, frame);
    saveSession(path, s);

    const WindowSession back = loadSession(path);
    QCOMPARE(back.datasetName, s.datasetName);
    QCOMPARE(back.datasetPath, s.datasetPath);
    QCOMPARE(back.datasetText, s.datasetText);
    QVERIFY(back.options.reverse && back.options.lowercase);
    QCOMPARE(back.options.maxSourceLength, 12);
    QCOMPARE(back.options.sourceTokens, Tokenization::Word);
    QCOMPARE(back.config.hidden, 48);
    QCOMPARE(back.config.scorer, ScorerKind::Additive);
    QCOMPARE(back.training.epochs, 7);
    QCOMPARE(back.training.learningRate, 0.003);
    QCOMPARE(back.pinned, s.pinned);
    QCOMPARE(back.typedSentence, s.typedSentence);
    QCOMPARE(back.tab, s.tab);
    QCOMPARE(back.stepsTrained, 321LL);
    QCOMPARE(back.epochsTrained, 3);
    QVERIFY(back.model.has_value());
    QVERIFY(back.model->model->parameters()[0]->value.isApprox(s.model->model->parameters()[0]->value));
    QCOMPARE(back.model->history.track("pair 4: abc")->frames[0].attention, frame.attention);
    // The same file is a model file too: File > Open Model reads it.
    QCOMPARE(loadModel(path).config.hidden, s.model->config.hidden);
}

void TestSessionFile::roundTripWithoutAModel() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("empty.attnlab").toStdString();
    WindowSession s = sampleSession();
    saveSession(path, s);
    const WindowSession back = loadSession(path);
    QVERIFY(!back.model.has_value());
    QCOMPARE(back.pinned, s.pinned);
}

void TestSessionFile::refusals_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("newer version") << editedSession([](auto& j) {
        j["version"] = 9;
    }) << "lesson.attnlab: the session's version is 9, newer than this AttnLab reads (1)";
    QTest::newRow("wrong type") << editedSession([](auto& j) {
        j["pinned"] = "three";
    }) << "lesson.attnlab: the session's 'pinned' must be an array of non-negative integers, got \"three\"";
    QTest::newRow("missing field") << editedSession([](auto& j) { j.erase("tab"); })
                                   << "lesson.attnlab: the session has no 'tab'";
    QTest::newRow("negative pin") << editedSession([](auto& j) {
        j["pinned"] = {1, -2};
    }) << "lesson.attnlab: the session's 'pinned' must be an array of non-negative integers, got [1,-2]";
    QTest::newRow("bad settings") << editedSession([](auto& j) { j["settings"]["scorer"] = "cosine"; })
                                  << "lesson.attnlab: the session's settings: the config's "
                                     "'scorer': unknown scorer 'cosine'";
    QTest::newRow("bad tokens") << editedSession([](auto& j) {
        j["dataset"]["options"]["source_tokens"] = "bpe";
    }) << "lesson.attnlab: the session's 'dataset.options.source_tokens' is \"bpe\", not char or word";
    QByteArray truncated = editedSession([](auto&) {});
    truncated.chop(5);
    QTest::newRow("truncated") << truncated << "lesson.attnlab: ";
    WindowSession plain = sampleSession();
    QTemporaryDir dir;
    ModelBundle model = test::reversalBundle();
    saveModel(dir.filePath("m.safetensors").toStdString(), model);
    QFile modelFile(dir.filePath("m.safetensors"));
    QVERIFY(modelFile.open(QIODevice::ReadOnly));
    QTest::newRow("a model file")
        << modelFile.readAll()
        << "lesson.attnlab: the metadata has no 'attnlab_session': not an AttnLab session";
}

void TestSessionFile::refusals() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const QString got = refusal(bytes);
    QVERIFY2(got.startsWith(message), qPrintable(got));
}

void TestSessionFile::aFailedSaveKeepsThePreviousFile() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("keep.attnlab").toStdString();
    WindowSession s = sampleSession();
    saveSession(path, s);
    const WindowSession before = loadSession(path);
    WindowSession broken = sampleSession();
    broken.model = ModelBundle{}; // no weights: refused before anything is written
    QVERIFY_THROWS_EXCEPTION(CheckpointError, saveSession(path, broken));
    QCOMPARE(loadSession(path).typedSentence, before.typedSentence);
}

QTEST_APPLESS_MAIN(TestSessionFile)
#include "tst_session_file.moc"
