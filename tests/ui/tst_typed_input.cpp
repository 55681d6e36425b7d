// A sentence typed in the window is read as the model's training read its data, by the same core
// function `attnlab-cli align` uses (issue 11, defect 2): a model trained with Lowercase decodes
// "ABC" as "abc", the option arriving with the model file; one trained without keeps capitals
// apart. Typed input the model cannot take is refused at once with a message in the panel and
// no heatmap (catalogue: empty, 10,000 characters, characters never seen, which are counted).
#include "core/train/ModelFile.h"
#include "support/ReversalInference.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/panels/InspectPanel.h"
#include "ui/session/TrainingSession.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

namespace {
void typeSentence(InspectPanel& panel, const QString& text) {
    auto* edit = panel.findChild<QLineEdit*>("sentenceEdit");
    QVERIFY(edit);
    edit->setText(text); // setText, not keyClicks: 10,000 simulated key presses take minutes
    QTest::keyClick(edit, Qt::Key_Return);
}

// An initialised (untrained) reversal model over 'a'..'f', saved with these text options.
QString saveReversalModel(const QTemporaryDir& dir, const QString& name, TextNormalization text) {
    const TrainingData data = test::reversalTrainingData(8, 4, 1);
    ModelBundle bundle;
    bundle.config = test::reversalConfig();
    bundle.sourceVocabulary = data.sourceVocabulary;
    bundle.targetVocabulary = data.targetVocabulary;
    bundle.text = text;
    bundle.model = std::make_unique<Seq2Seq<float>>(bundle.config);
    bundle.model->initialize(7);
    const QString path = dir.filePath(name);
    saveModel(path.toStdString(), bundle);
    return path;
}
} // namespace

class TestTypedInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void lowercaseModelFromAFileReadsCapitalsAsLowercase();
    void plainModelKeepsCapitalsApart();
    void typedInput_data();
    void typedInput();

private:
    QTemporaryDir m_dir;
    InferenceModel m_lower; // opened from a file saved with lowercase on
    InferenceModel m_plain; // the same weights, lowercase off
};

void TestTypedInput::initTestCase() {
    QVERIFY(m_dir.isValid());
    for (const bool lowercase : {true, false}) {
        const QString path = saveReversalModel(m_dir, lowercase ? "lower.safetensors" : "plain.safetensors",
                                               TextNormalization{.lowercase = lowercase});
        TrainingSession session; // the window's way in: File > Open Model
        QString problem;
        QVERIFY2(session.openModel(path, &problem), qPrintable(problem));
        QCOMPARE(session.inferenceModel().text.lowercase, lowercase);
        (lowercase ? m_lower : m_plain) = session.inferenceModel();
    }
}

void TestTypedInput::lowercaseModelFromAFileReadsCapitalsAsLowercase() {
    InspectPanel panel;
    panel.setModel(m_lower);
    panel.show();
    typeSentence(panel, "abc");
    const SentenceDecoding small = panel.lastDecoding();
    QVERIFY(small.ok());
    typeSentence(panel, "  ABC ");
    const SentenceDecoding capitals = panel.lastDecoding();
    QVERIFY(capitals.ok());
    QCOMPARE(capitals.sourceTokens, (std::vector<std::string>{"a", "b", "c"}));
    QCOMPARE(capitals.outputTokens, small.outputTokens);
    QCOMPARE(capitals.logProb, small.logProb);
    QVERIFY(capitals.attention == small.attention);
    QCOMPARE(capitals.unknownCount, 0);
    QCOMPARE(panel.warningText().contains("<unk>"), false);
    QCOMPARE(panel.heatmap()->sourceLabels(), QStringList({"a", "b", "c"}));
}

void TestTypedInput::plainModelKeepsCapitalsApart() {
    InspectPanel panel;
    panel.setModel(m_plain);
    panel.show();
    typeSentence(panel, "abc");
    const SentenceDecoding small = panel.lastDecoding();
    typeSentence(panel, "ABC");
    const SentenceDecoding capitals = panel.lastDecoding();
    QVERIFY(capitals.ok());
    QCOMPARE(capitals.sourceTokens, (std::vector<std::string>{"A", "B", "C"}));
    QCOMPARE(capitals.unknownCount, 3);
    QVERIFY(capitals.logProb != small.logProb || capitals.outputTokens != small.outputTokens);
    QVERIFY2(panel.warningText().contains("3 of 3 tokens are not in the model's vocabulary"),
             qPrintable(panel.warningText()));
}

void TestTypedInput::typedInput_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("decoded");
    QTest::addColumn<QString>("warning");
    QTest::addColumn<int>("columns");
    QTest::newRow("empty") << "" << false << "Type a sentence first." << 0;
    QTest::newRow("only spaces") << "  \t " << false << "Type a sentence first." << 0;
    QTest::newRow("10,000 characters")
        << QString("abcdef").repeated(1667).left(10000) << false
        << "This sentence has 10000 tokens; this model takes typed sentences of up to 256 tokens. Shorten it "
           "to decode it."
        << 0;
    QTest::newRow("at the limit") << QString(256, 'a') << true << QString() << 256;
    QTest::newRow("characters never seen")
        << QString::fromUtf8("ab\u2603\u2603z") << true
        << QString::fromUtf8(
               "3 of 5 tokens are not in the model's vocabulary and were read as <unk>: '\u2603', 'z'")
        << 5;
    QTest::newRow("many distinct, the list is cut")
        << QString::fromUtf8("ABCDEFGHIJKLMNOPQRSTUVWXYZ") << true
        << "26 of 26 tokens are not in the model's vocabulary and were read as <unk>: 'A', 'B'" << 26;
}

void TestTypedInput::typedInput() {
    QFETCH(QString, text);
    QFETCH(bool, decoded);
    QFETCH(QString, warning);
    QFETCH(int, columns);
    InspectPanel panel;
    panel.setModel(m_plain);
    panel.setExampleSentence(QString()); // Enter on an empty box must not try an example
    panel.show();
    QElapsedTimer timer;
    timer.start();
    typeSentence(panel, text);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(panel.lastDecoding().ok(), decoded);
    QVERIFY2(panel.warningText().contains(warning), qPrintable(panel.warningText()));
    if (decoded) QVERIFY2(!panel.warningText().contains("Shorten"), qPrintable(panel.warningText()));
    QCOMPARE(panel.findChild<QLabel*>("warningLabel")->isVisible(), !panel.warningText().isEmpty());
    QCOMPARE(panel.heatmap()->sourceCount(), columns);
    QCOMPARE(panel.hintVisible(), !decoded);
    if (QByteArray(QTest::currentDataTag()) == "many distinct, the list is cut")
        QVERIFY2(panel.warningText().endsWith("'T' and 6 more"), qPrintable(panel.warningText()));
}

QTEST_MAIN(TestTypedInput)
#include "tst_typed_input.moc"
