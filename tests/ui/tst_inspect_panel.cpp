// The inspect panel with a real model trained on the reversal task: a typed sentence decodes to its
// reversal with a (outputs + </s>) x source heatmap whose rows are distributions, unknown
// characters are named in a warning, a new snapshot re-decodes the last sentence, beam search
// agrees with greedy on this easy task, and without a model a hint replaces the heatmap.
#include "core/train/Trainer.h"
#include "support/ReversalInference.h"
#include "ui/panels/ElidedLabel.h"
#include "ui/panels/InspectPanel.h"
#include "ui/plots/AlignmentHeatmap.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace attnlab;
using namespace attnlab::ui;

namespace {

// The heatmap's matrix as the colour map stores it: (outputs x sources).
Matrix<float> heatmapCells(const AlignmentHeatmap& map) {
    Matrix<float> cells(map.outputCount(), map.sourceCount());
    for (int t = 0; t < map.outputCount(); ++t)
        for (int s = 0; s < map.sourceCount(); ++s) cells(t, s) = float(map.cellValue(t, s));
    return cells;
}

void typeSentence(InspectPanel& panel, const QString& text) {
    auto* edit = panel.findChild<QLineEdit*>("sentenceEdit");
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

} // namespace

class TestInspectPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noModelShowsTheHint();
    void typedSentenceDecodes();
    void unknownTokensAreNamed_data();
    void unknownTokensAreNamed();
    void newSnapshotRedecodes();
    void beamAgreesWithGreedy();
    void emptyBoxTriesTheExample();
    void errorsAreShown();
    void longOutputIsElided();

private:
    TrainingData m_data;
    InferenceModel m_untrained;
    InferenceModel m_trained;
};

void TestInspectPanel::initTestCase() {
    m_data = test::reversalTrainingData(640, 64, 1);
    Seq2Seq<float> model(test::reversalConfig());
    model.initialize(2); // a seed whose model learns the task in 12 epochs: the tests decode with it
    m_untrained = test::inferenceModel(model, m_data);
    const TrainingResult result = test::trainReversal(model, m_data);
    QCOMPARE(result.outcome, TrainingOutcome::Completed);
    QVERIFY2(result.validation.exactMatch > 0.95, qPrintable(QString::number(result.validation.exactMatch)));
    m_trained = test::inferenceModel(model, m_data);
}

void TestInspectPanel::noModelShowsTheHint() {
    InspectPanel panel;
    panel.show();
    QVERIFY(panel.hintVisible());
    auto* hint = panel.findChild<QLabel*>("hintLabel");
    QVERIFY(hint && hint->isVisible());
    QVERIFY(hint->text().contains("Train a model or open one (File > Open Model)"));
    QVERIFY(!panel.heatmap()->isVisible());
    QCOMPARE(panel.findChild<QLineEdit*>("sentenceEdit")->placeholderText(),
             QString("Type a sentence and press Enter, e.g. saturday, march 3 2015"));

    typeSentence(panel, "abc"); // nothing to decode with: still the hint, no output
    QVERIFY(panel.hintVisible());
    QCOMPARE(panel.outputText(), QString());

    panel.setModel(m_trained); // the sentence typed before is decoded as soon as a model arrives
    QVERIFY(!panel.hintVisible());
    QCOMPARE(panel.outputText(), QString("cba"));
    panel.setModel(InferenceModel{}); // model gone (reset): the hint is back
    QVERIFY(panel.hintVisible());
    QCOMPARE(panel.outputText(), QString());
}

void TestInspectPanel::typedSentenceDecodes() {
    InspectPanel panel;
    panel.setModel(m_trained);
    panel.show();
    QVERIFY(panel.hintVisible()); // a model, but nothing typed yet
    QSignalSpy decoded(&panel, &InspectPanel::sentenceDecoded);
    typeSentence(panel, "abc");

    QCOMPARE(panel.outputText(), QString("cba"));
    QCOMPARE(decoded.count(), 1);
    QCOMPARE(decoded.at(0).at(0).toString(), QString("abc"));
    QCOMPARE(decoded.at(0).at(1).toString(), QString("cba"));
    QVERIFY(!panel.hintVisible());
    QVERIFY(panel.heatmap()->isVisible());
    QCOMPARE(panel.warningText(), QString());
    QCOMPARE(panel.outputLine(), QString("Output: cba"));
    QCOMPARE(panel.findChild<QLabel*>("outputLabel")->text(), QString("Output: cba")); // short: not elided
    QVERIFY(panel.findChild<QLabel*>("scoreLabel")
                ->text()
                .contains(QString::number(panel.lastDecoding().logProb, 'f', 3)));
    QVERIFY(panel.lastDecoding().logProb < 0.0);

    const AlignmentHeatmap& map = *panel.heatmap();
    QCOMPARE(map.outputCount(), 4); // c b a </s>
    QCOMPARE(map.sourceCount(), 3);
    QCOMPARE(map.sourceLabels(), QStringList({"a", "b", "c"}));
    QCOMPARE(map.outputLabels(), QStringList({"c", "b", "a", "</s>"}));
    for (int t = 0; t < 4; ++t) {
        double sum = 0.0;
        for (int s = 0; s < 3; ++s) {
            QVERIFY(map.cellValue(t, s) >= 0.0);
            sum += map.cellValue(t, s);
        }
        QVERIFY2(std::abs(sum - 1.0) < 1e-5, qPrintable(QString("row %1 sums to %2").arg(t).arg(sum)));
    }
    // A model that reverses has learnt to look at the mirrored position for each output symbol.
    for (int t = 0; t < 3; ++t) {
        int best = 0;
        for (int s = 1; s < 3; ++s)
            if (map.cellValue(t, s) > map.cellValue(t, best)) best = s;
        QCOMPARE(best, 2 - t);
    }
}

void TestInspectPanel::unknownTokensAreNamed_data() {
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<QStringList>("unknown");
    QTest::addColumn<int>("columns");
    QTest::newRow("z") << "abz" << QStringList{"z"} << 3;
    QTest::newRow("repeated, listed once") << "zaz" << QStringList{"z"} << 3;
    QTest::newRow("space and capital") << "a B" << QStringList{" ", "B"} << 3;
    QTest::newRow("a typed end token is text") << "</s>" << QStringList{"<", "/", "s", ">"} << 4;
    QTest::newRow("none") << "fed" << QStringList{} << 3;
}

void TestInspectPanel::unknownTokensAreNamed() {
    QFETCH(QString, sentence);
    QFETCH(QStringList, unknown);
    QFETCH(int, columns);
    InspectPanel panel;
    panel.setModel(m_trained);
    panel.show();
    typeSentence(panel, sentence);

    QStringList listed;
    for (const std::string& token : panel.lastDecoding().unknownTokens)
        listed << QString::fromStdString(token);
    QCOMPARE(listed, unknown);
    const QString warning = panel.warningText();
    QCOMPARE(warning.isEmpty(), unknown.isEmpty());
    QCOMPARE(panel.findChild<QLabel*>("warningLabel")->isVisible(), !unknown.isEmpty());
    for (const QString& token : unknown) QVERIFY2(warning.contains("'" + token + "'"), qPrintable(warning));
    if (!unknown.isEmpty()) QVERIFY(warning.contains("<unk>"));
    // Decoding went ahead, <unk> standing in for the unknown tokens; the columns keep what was typed.
    QVERIFY(panel.lastDecoding().ok());
    QVERIFY(!panel.hintVisible());
    QCOMPARE(panel.heatmap()->sourceCount(), columns);
    QCOMPARE(panel.heatmap()->sourceLabel(columns - 1).text,
             QString(sentence.back()).replace(' ', QChar(0x2423)));
}

void TestInspectPanel::newSnapshotRedecodes() {
    InspectPanel panel;
    panel.setModel(m_untrained);
    panel.show();
    typeSentence(panel, "abc");
    QVERIFY(panel.lastDecoding().ok());
    const Matrix<float> before = heatmapCells(*panel.heatmap());
    QCOMPARE(before.cols(), Eigen::Index(3));

    panel.setModel(m_trained); // no key pressed: the snapshot alone re-decodes "abc"
    QCOMPARE(panel.outputText(), QString("cba"));
    const Matrix<float> after = heatmapCells(*panel.heatmap());
    QCOMPARE(after.rows(), Eigen::Index(4));
    QVERIFY(before.rows() != after.rows() || (before - after).cwiseAbs().maxCoeff() > 0.05f);
    // The heatmap shows exactly the new decoding's attention.
    QVERIFY((after - panel.lastDecoding().attention).cwiseAbs().maxCoeff() < 1e-6f);
}

void TestInspectPanel::beamAgreesWithGreedy() {
    InspectPanel panel;
    panel.setModel(m_trained);
    panel.show();
    QCOMPARE(panel.beamWidth(), 1);
    QVERIFY(!panel.findChild<QSpinBox*>("beamWidthSpin")->isEnabled()); // greedy has no width
    typeSentence(panel, "abcdef");
    QCOMPARE(panel.outputText(), QString("fedcba"));
    const SentenceDecoding greedy = panel.lastDecoding();

    // Through the controls, as a person does it: the choice re-decodes the sentence at once.
    panel.findChild<QSpinBox*>("beamWidthSpin")->setValue(3);
    panel.findChild<QComboBox*>("searchCombo")->setCurrentIndex(1);
    QCOMPARE(panel.beamWidth(), 3);
    QVERIFY(panel.findChild<QSpinBox*>("beamWidthSpin")->isEnabled());
    const SentenceDecoding beam = panel.lastDecoding();
    QCOMPARE(panel.outputText(), QString("fedcba"));
    QCOMPARE(beam.outputTokens, greedy.outputTokens);
    QVERIFY(std::abs(beam.logProb - greedy.logProb) < 1e-4);
    QCOMPARE(beam.attention.rows(), greedy.attention.rows());
    QVERIFY((beam.attention - greedy.attention).cwiseAbs().maxCoeff() < 1e-4f);

    panel.setBeamWidth(1);
    QCOMPARE(panel.findChild<QComboBox*>("searchCombo")->currentIndex(), 0);
    QCOMPARE(panel.lastDecoding().outputTokens, greedy.outputTokens);
}

void TestInspectPanel::emptyBoxTriesTheExample() {
    InspectPanel panel;
    panel.setModel(m_trained);
    panel.setExampleSentence("bad");
    panel.show();
    auto* edit = panel.findChild<QLineEdit*>("sentenceEdit");
    QCOMPARE(edit->placeholderText(), QString("Type a sentence and press Enter, e.g. bad"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(edit->text(), QString("bad"));
    QCOMPARE(panel.outputText(), QString("dab"));
}

void TestInspectPanel::errorsAreShown() {
    InspectPanel panel;
    panel.setModel(m_trained);
    panel.setExampleSentence(QString());
    panel.show();
    typeSentence(panel, "");
    QCOMPARE(panel.warningText(), QString("Type a sentence first."));
    QVERIFY(panel.hintVisible());
    QCOMPARE(panel.outputText(), QString());

    // A location model has one position weight per source position: a longer sentence is refused.
    ModelConfig config = test::reversalConfig(ScorerKind::Location);
    config.maxSourceLength = 4;
    Seq2Seq<float> location(config);
    location.initialize(5);
    panel.setModel(test::inferenceModel(location, m_data));
    typeSentence(panel, "abcd");
    QVERIFY(panel.lastDecoding().ok());
    QCOMPARE(panel.heatmap()->sourceCount(), 4);
    typeSentence(panel, "abcdef");
    QVERIFY(!panel.lastDecoding().ok());
    QVERIFY2(panel.warningText().contains("sources up to 4 tokens; this one has 6"),
             qPrintable(panel.warningText()));
    QVERIFY(panel.hintVisible());
    QCOMPARE(panel.heatmap()->sourceCount(), 0);
}

void TestInspectPanel::longOutputIsElided() {
    // Issue 17: a long decoded output widened the window past the screen and never let it shrink.
    InspectPanel panel;
    panel.setModel(m_trained);
    panel.resize(400, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const int minimumBefore = panel.minimumSizeHint().width();
    typeSentence(panel, "abcd");
    QCOMPARE(panel.outputLine(), "Output: " + panel.outputText());
    auto* line = panel.findChild<ElidedLabel*>("outputLabel");
    QVERIFY(!line->isElided());
    QCOMPARE(line->text(), panel.outputLine());

    // This model reads 4 tokens at most, so the line is given a long output directly (the window
    // test decodes a long sentence with a dates model).
    const QString longLine = "Output: " + QString("dcba").repeated(60);
    line->setFullText(longLine);
    QVERIFY(line->isElided());
    QVERIFY(line->text().endsWith(QChar(0x2026)));
    QVERIFY(longLine.startsWith(line->text().chopped(1)));
    QVERIFY(line->toolTip().contains(longLine)); // the whole output is one hover away
    QCOMPARE(panel.minimumSizeHint().width(), minimumBefore);
    QVERIFY(minimumBefore <= 400);
    QCOMPARE(panel.width(), 400);
    QVERIFY(line->geometry().right() < panel.width());
}

QTEST_MAIN(TestInspectPanel)
#include "tst_inspect_panel.moc"
