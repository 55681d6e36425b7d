// The Mechanism tab: the step view, the candidates, the temperature, the what-ifs and the beam
// explorer show the numbers core's inspection returns (read back from the widgets), decoding runs
// off the GUI thread, and the keyboard and the exports work.
#include "core/infer/BeamSearch.h"
#include "core/infer/GreedyDecoder.h"
#include "core/infer/Inspection.h"
#include "support/ReversalInference.h"
#include "ui/mechanism/BeamTreeView.h"
#include "ui/mechanism/CandidateTable.h"
#include "ui/mechanism/MechanismControls.h"
#include "ui/mechanism/MechanismWorkspace.h"
#include "ui/mechanism/OutputDifference.h"
#include "ui/mechanism/ScorerFormula.h"
#include "ui/mechanism/SourceBars.h"
#include "ui/mechanism/StepView.h"
#include "ui/mechanism/ValueMap.h"
#include "ui/plots/AlignmentHeatmap.h"

#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

class TestMechanismViews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void stepViewShowsTheCoreNumbers();
    void hoverWritesThePositionsNumbers();
    void temperatureReDecodes();
    void forcedAttentionShowsBothOutputs();
    void forcedTokenDecodesOn();
    void beamExplorerWinnerIsBeamSearch();
    void keyboardAndPlayStep();
    void exportsWriteTheNumbers();
    void longInputDoesNotBlock();
    void formulasAndDifferences();

private:
    bool inspect(MechanismWorkspace& workspace, const std::function<void()>& action);
    std::vector<int> ids(const std::string& text) const;

    TrainingData m_data;
    InferenceModel m_trained;
    std::shared_ptr<Seq2Seq<float>> m_model; // the trained weights, for core's own answers
};

void TestMechanismViews::initTestCase() {
    m_data = test::reversalTrainingData(640, 64, 1);
    m_model = std::make_shared<Seq2Seq<float>>(test::reversalConfig());
    m_model->initialize(2);
    QCOMPARE(test::trainReversal(*m_model, m_data).outcome, TrainingOutcome::Completed);
    m_trained = test::inferenceModel(*m_model, m_data);
}

// Runs `action` and waits for the inspection it asks for to come back.
bool TestMechanismViews::inspect(MechanismWorkspace& workspace, const std::function<void()>& action) {
    QSignalSpy arrived(&workspace, &MechanismWorkspace::inspected);
    action();
    return arrived.wait(10000) || arrived.count() > 0;
}

std::vector<int> TestMechanismViews::ids(const std::string& text) const {
    std::vector<int> out;
    for (char c : text) out.push_back(m_data.sourceVocabulary.id(std::string(1, c)));
    return out;
}

void TestMechanismViews::stepViewShowsTheCoreNumbers() {
    MechanismWorkspace workspace;
    workspace.resize(1400, 900);
    workspace.show();
    workspace.setModel(m_trained);
    QVERIFY(inspect(workspace, [&] { workspace.inspectSentence("abcd"); }));
    const Inspection expected = inspectDecode(*m_model, ids("abcd"));
    QCOMPARE(workspace.stepCount(), static_cast<int>(expected.steps.size()));
    QCOMPARE(workspace.stepCount(), 5); // d c b a </s>
    for (int t : {0, 2, 4}) {
        workspace.setStep(t);
        const StepInspection& step = expected.steps[static_cast<size_t>(t)];
        StepView& view = workspace.stepView();
        QCOMPARE(view.scores().count(), 4);
        for (int s = 0; s < 4; ++s) {
            QCOMPARE(view.scores().value(s), double(step.scores(s)));
            QCOMPARE(view.weights().value(s), double(step.weights(s)));
            for (int i = 0; i < expected.keys.cols(); i += 7)
                QCOMPARE(view.states().value(s, i), double(expected.keys(s, i)));
        }
        QCOMPARE(view.query().columnCount(), static_cast<int>(step.query.size()));
        for (int i = 0; i < step.query.size(); ++i) {
            QCOMPARE(view.query().value(0, i), double(step.query(i)));
            QCOMPARE(view.context().value(0, i), double(step.context(i)));
        }
        QVERIFY2(view.titleText().startsWith(QStringLiteral("Step %1 of 5: writes '").arg(t + 1)),
                 qPrintable(view.titleText()));
        CandidateTable& candidates = workspace.candidates();
        QCOMPARE(candidates.rowCount(), static_cast<int>(step.top.size()));
        QCOMPARE(candidates.candidateToken(0), step.top[0].token);
        QCOMPARE(candidates.candidateProbability(0), double(step.top[0].probability));
        QCOMPARE(candidates.candidateToken(0), step.chosen); // greedy writes the most probable
        QCOMPARE(workspace.heatmap().highlightedRow(), t);
    }
    // The heatmap is the inspection's attention, row by row.
    QCOMPARE(workspace.heatmap().outputCount(), 5);
    QCOMPARE(workspace.heatmap().cellValue(1, 2), double(expected.result.attention(1, 2)));
    QVERIFY(workspace.outputText().contains(QStringLiteral("Output: d c b a")));
    workspace.setModel(InferenceModel{}); // reset: the views empty at once
    QCOMPARE(workspace.stepCount(), 0);
    QCOMPARE(workspace.heatmap().outputCount(), 0);
    QCOMPARE(workspace.stepView().scores().count(), 0);
}

void TestMechanismViews::hoverWritesThePositionsNumbers() {
    MechanismWorkspace workspace;
    workspace.setModel(m_trained);
    QVERIFY(inspect(workspace, [&] { workspace.inspectSentence("abc"); }));
    StepView& view = workspace.stepView();
    QVERIFY(view.formulaText().contains(QStringLiteral("h̄<sub>s</sub>ᵀ W h<sub>t</sub>"))); // general, Luong
    view.hoverPosition(2);
    const Inspection expected = inspectDecode(*m_model, ids("abc"));
    const QString formula = view.formulaText();
    // The hovered position's real score and weight are in the formula, to three and four places.
    QVERIFY2(
        formula.contains(QString::number(expected.steps[0].scores(2), 'f', 3).replace('-', QChar(0x2212))),
        qPrintable(formula));
    QVERIFY2(formula.contains(QString::number(expected.steps[0].weights(2), 'f', 4)), qPrintable(formula));
    QVERIFY(formula.contains(QStringLiteral("'c'")));
}

void TestMechanismViews::temperatureReDecodes() {
    MechanismWorkspace workspace;
    workspace.setModel(m_trained);
    QVERIFY(inspect(workspace, [&] { workspace.inspectSentence("abcde"); }));
    QVERIFY(inspect(workspace, [&] { workspace.setTemperature(5.0); }));
    InspectOptions hot;
    hot.temperature = 5.0;
    const Inspection expected = inspectDecode(*m_model, ids("abcde"), hot);
    QCOMPARE(workspace.result()->own.steps[0].weights(0), expected.steps[0].weights(0));
    QCOMPARE(workspace.stepView().weights().value(1), double(expected.steps[0].weights(1)));
    QCOMPARE(workspace.controls().temperatureSlider()->value(), MechanismControls::positionOf(5.0));
    // Back to τ = 1: exactly greedy decoding, bit for bit.
    QVERIFY(inspect(workspace, [&] { workspace.controls().temperatureSlider()->setValue(0); }));
    QCOMPARE(workspace.temperature(), 1.0);
    const DecodeResult greedy = greedyDecode(*m_model, ids("abcde"));
    QCOMPARE(workspace.result()->own.result.tokens, greedy.tokens);
    QVERIFY(workspace.result()->own.result.attention == greedy.attention);
}

void TestMechanismViews::forcedAttentionShowsBothOutputs() {
    MechanismWorkspace workspace;
    workspace.show();
    workspace.setModel(m_trained);
    QVERIFY(inspect(workspace, [&] { workspace.inspectSentence("abcd"); }));
    QVERIFY(!workspace.originalHeatmap().isVisible());
    // Step 1 should read 'c' (source 3); all its attention on 'a' (source 1) instead.
    QVERIFY(inspect(workspace, [&] { workspace.forceAttention(1, 0); }));
    const MechanismResult& result = *workspace.result();
    QVERIFY(result.whatIf.has_value());
    QVERIFY(workspace.whatIfActive());
    const StepInspection& forced = result.whatIf->steps[1];
    QVERIFY(forced.attentionForced);
    QCOMPARE(forced.weights(0), 1.0f);
    QCOMPARE(forced.weights(2), 0.0f);
    QVERIFY(forced.context.isApprox(result.whatIf->keys.row(0).transpose(), 1e-6f)); // c = h̄_1
    QCOMPARE(result.whatIf->steps[0].chosen, result.own.steps[0].chosen); // the step before is unchanged
    QVERIFY(workspace.originalHeatmap().isVisible());
    QCOMPARE(workspace.stepView().weights().value(0), 1.0);
    QVERIFY(workspace.outputText().contains(QStringLiteral("What if")));
    QVERIFY(workspace.outputText().startsWith(QStringLiteral("Model's own: d ")));
    QVERIFY(workspace.outputText().contains(QStringLiteral("font-weight:bold"))); // the changed tokens
    QVERIFY(inspect(workspace, [&] { workspace.resetWhatIf(); }));
    QVERIFY(!workspace.result()->whatIf.has_value());
    QVERIFY(!workspace.originalHeatmap().isVisible());
}

void TestMechanismViews::forcedTokenDecodesOn() {
    MechanismWorkspace workspace;
    workspace.setModel(m_trained);
    QVERIFY(inspect(workspace, [&] { workspace.inspectSentence("abcd"); }));
    workspace.setStep(0);
    const int second = workspace.candidates().candidateToken(1); // the runner-up
    QVERIFY(inspect(workspace, [&] { workspace.candidates().tokenChosen(0, second); }));
    const MechanismResult& result = *workspace.result();
    QVERIFY(result.whatIf.has_value());
    QCOMPARE(result.whatIf->steps[0].chosen, second);
    QVERIFY(result.whatIf->steps[0].tokenForced);
    QVERIFY(!result.whatIf->steps[1].tokenForced); // decoded on from there
    // The model's own choice at every step reproduces the original.
    InspectOptions own;
    own.forcedTokens = result.own.result.tokens;
    QCOMPARE(inspectDecode(*m_model, ids("abcd"), own).result.tokens, result.own.result.tokens);
}

void TestMechanismViews::beamExplorerWinnerIsBeamSearch() {
    MechanismWorkspace workspace;
    workspace.show();
    workspace.setModel(m_trained);
    QVERIFY(inspect(workspace, [&] { workspace.inspectSentence("abcdef"); }));
    QVERIFY(inspect(workspace, [&] { workspace.controls().beamWidth()->setValue(3); }));
    const MechanismResult& result = *workspace.result();
    QVERIFY(result.beam.has_value());
    BeamTreeView& tree = workspace.beamTree();
    QVERIFY(tree.isVisible());
    const DecodeResult best = beamSearch(*m_model, ids("abcdef"), DecodeOptions{.beamWidth = 3});
    std::vector<int> path = tree.tree().path(tree.tree().winner);
    if (!path.empty() && path.back() == EndId) path.pop_back();
    QCOMPARE(path, best.tokens);
    QVERIFY(
        tree.nodeToolTip(tree.tree().winner).contains(QStringLiteral("the hypothesis beam search returns")));
    QVERIFY(!tree.nodeRect(tree.tree().winner).isEmpty());
    int pruned = 0;
    for (const BeamNode& node : tree.tree().nodes) pruned += node.state == BeamNodeState::Pruned;
    QVERIFY(pruned > 0);
    // Choosing a node shows its hypothesis step by step.
    const int node = tree.tree().nodes[static_cast<size_t>(tree.tree().winner)].parent;
    QVERIFY(inspect(workspace,
                    [&] { QTest::mouseClick(&tree, Qt::LeftButton, {}, tree.nodeRect(node).center()); }));
    QCOMPARE(tree.selectedNode(), node);
    QVERIFY(workspace.result()->beamNode.has_value());
    QCOMPARE(workspace.stepCount(), static_cast<int>(tree.tree().path(node).size()));
    QVERIFY(workspace.outputText().contains(QStringLiteral("Beam hypothesis")));
    // The keyboard: ← to the parent, → to its best child, Enter to see it.
    QTest::keyClick(&tree, Qt::Key_Left);
    QCOMPARE(tree.selectedNode(), tree.tree().nodes[static_cast<size_t>(node)].parent);
    QTest::keyClick(&tree, Qt::Key_Right);
    QCOMPARE(tree.selectedNode(), node); // the winner's path is the best at each step here
    QVERIFY(inspect(workspace, [&] { QTest::keyClick(&tree, Qt::Key_Return); }));
    QCOMPARE(workspace.stepCount(), static_cast<int>(tree.tree().path(node).size()));
    QString error;
    const QString png = QDir::tempPath() + "/attnlab-beam.png";
    QVERIFY2(workspace.exportBeamImage(png, &error), qPrintable(error));
    QVERIFY(QImage(png).width() > 200);
}

void TestMechanismViews::keyboardAndPlayStep() {
    MechanismWorkspace workspace;
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    workspace.setModel(m_trained);
    QVERIFY(inspect(workspace, [&] { workspace.inspectSentence("abcd"); }));
    workspace.stepView().setFocus();
    QTest::keyClick(&workspace.stepView(), Qt::Key_Right);
    QCOMPARE(workspace.step(), 1);
    QTest::keyClick(&workspace.stepView(), Qt::Key_End);
    QCOMPARE(workspace.step(), 4);
    QTest::keyClick(&workspace.stepView(), Qt::Key_Home);
    QCOMPARE(workspace.step(), 0);
    QTest::keyClick(&workspace.stepView(), Qt::Key_P); // Play: a step every 0.9 s, stopping at the end
    QTRY_COMPARE_WITH_TIMEOUT(workspace.step(), 2, 5000);
    QTest::keyClick(&workspace.stepView(), Qt::Key_P); // pause
    workspace.setStep(1);
    QTest::keyClick(&workspace.stepView(), Qt::Key_Right, Qt::AltModifier); // the first source token
    QTest::keyClick(&workspace.stepView(), Qt::Key_Right, Qt::AltModifier); // the second, 'b'
    QCOMPARE(workspace.stepView().hoveredPosition(), 1);
    QVERIFY(workspace.stepView().formulaText().contains(QStringLiteral("'b'")));
    QVERIFY(inspect(workspace,
                    [&] { QTest::keyClick(&workspace.stepView(), Qt::Key_Return, Qt::ControlModifier); }));
    QVERIFY(workspace.whatIfActive());
    QCOMPARE(workspace.result()->whatIf->steps[1].weights(1), 1.0f);
    QTest::keyClick(&workspace.stepView(), Qt::Key_Escape);
    QTRY_VERIFY(!workspace.whatIfActive());
}

void TestMechanismViews::exportsWriteTheNumbers() {
    MechanismWorkspace workspace;
    workspace.resize(1200, 800);
    workspace.show();
    workspace.setModel(m_trained);
    QVERIFY(inspect(workspace, [&] { workspace.inspectSentence("abc"); }));
    const QString dir = QDir::tempPath();
    QString error;
    const QString csvPath = dir + "/attnlab-mechanism.csv";
    QVERIFY2(workspace.exportNumbersCsv(csvPath, &error), qPrintable(error));
    QFile file(csvPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split("\r\n", Qt::SkipEmptyParts);
    QCOMPARE(lines[0], QStringLiteral("step,output_token,quantity,position,source_token,unit,value"));
    const Inspection expected = inspectDecode(*m_model, ids("abc"));
    const int h = static_cast<int>(expected.keys.cols());
    // Per step: 3 scores, 3 weights, H query, H context, H attentional; then 3 x H keys.
    QCOMPARE(lines.size(), 1 + 4 * (3 + 3 + 3 * h) + 3 * h);
    QVERIFY(lines[1].startsWith(QStringLiteral("1,c,score,1,a,,")));
    QVERIFY(!workspace.exportBeamCsv(dir + "/attnlab-beam.csv", &error)); // beam 1: nothing to export
    QVERIFY(error.contains(QStringLiteral("beam width")));
    QVERIFY2(workspace.exportStepImage(dir + "/attnlab-step.png", &error), qPrintable(error));
    QVERIFY(QImage(dir + "/attnlab-step.png").width() > 400);
}

void TestMechanismViews::longInputDoesNotBlock() {
    MechanismWorkspace workspace;
    workspace.setModel(m_trained);
    std::string longText;
    for (int i = 0; i < 200; ++i) longText += static_cast<char>('a' + i % 6);
    workspace.setBeamWidth(10);
    QElapsedTimer clock;
    clock.start();
    QSignalSpy arrived(&workspace, &MechanismWorkspace::inspected);
    workspace.inspectSentence(QString::fromStdString(longText));
    QVERIFY2(clock.elapsed() < 100, "asking for an inspection must not decode on the GUI thread");
    // The event loop turns while the inspection thread decodes.
    qint64 last = clock.elapsed(), worst = 0;
    while (arrived.count() == 0 && clock.elapsed() < 60000) {
        QTest::qWait(5);
        worst = std::max(worst, clock.elapsed() - last);
        last = clock.elapsed();
    }
    QCOMPARE(arrived.count(), 1);
    QVERIFY2(worst < 250, qPrintable(QString::number(worst)));
    QVERIFY(workspace.result()->ok());
    QCOMPARE(workspace.result()->sourceTokens.size(), size_t(200));
    QVERIFY(workspace.result()->beam.has_value());
}

void TestMechanismViews::formulasAndDifferences() {
    QCOMPARE(MechanismControls::temperatureAt(0), 1.0);
    QCOMPARE(MechanismControls::temperatureAt(-100), 0.1);
    QCOMPARE(MechanismControls::temperatureAt(100), 10.0);
    QCOMPARE(MechanismControls::positionOf(1.0), 0);
    QCOMPARE(MechanismControls::positionOf(0.1), -100);
    QVERIFY(scoreFormula(ScorerKind::Additive, "q")
                .contains("vᵀ tanh(W<sub>q</sub> q + W<sub>k</sub> h̄<sub>s</sub> + b)"));
    QVERIFY(scoreFormula(ScorerKind::LocationAware, "q").contains("U f<sub>s</sub>"));
    QVERIFY(scoreFormula(ScorerKind::General, "q").contains("h̄<sub>s</sub>ᵀ W q"));
    QCOMPARE(vectorText((Vector<float>(4) << 0.5f, -1.25f, 2.f, 3.f).finished(), 2),
             QStringLiteral("[0.50, −1.25, … 4 values]"));
    const QStringList own = {"d", "c", "b", "a", "</s>"}, changed = {"d", "a", "b", "a", "</s>"};
    QCOMPARE(changedPositions(changed, own), std::vector<int>{1});
    QVERIFY(markedTokens(changed, own, " ").contains("font-weight:bold\">a</span>"));
    QCOMPARE(changedPositions({"x", "y"}, {"x"}), std::vector<int>{1});
}

QTEST_MAIN(TestMechanismViews)
#include "tst_mechanism_views.moc"
