// traceBeamSearch: the tree is the search beamSearch makes. Its winner's path and score are
// beamSearch's tokens and score (widths 1, 3, 5, several sources, finished and cut-off winners),
// every non-root node's parent exists and was kept, pruned nodes are never parents, and each step
// holds at most 2k considered candidates.
#include "core/infer/BeamSearch.h"
#include "core/infer/BeamTrace.h"
#include "support/ReversalTraining.h"

#include <QtTest>

using namespace attnlab;

class TestBeamTrace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void winnerIsBeamSearchs_data();
    void winnerIsBeamSearchs();
    void treeIsWellFormed_data() { winnerIsBeamSearchs_data(); }
    void treeIsWellFormed();
    void widthOneKeepsOnePerStep();

private:
    std::map<QString, std::unique_ptr<Seq2Seq<float>>> m_models;
};

void TestBeamTrace::initTestCase() {
    m_models["general, trained"] = test::trainedReversalModel(test::reversalConfig(ScorerKind::General), 120);
    m_models["location_aware, trained"] =
        test::trainedReversalModel(test::reversalConfig(ScorerKind::LocationAware), 120);
    // Untrained: hypotheses often run to the length limit, so cut-off winners are covered too.
    auto random = std::make_unique<Seq2Seq<float>>(test::reversalConfig(ScorerKind::Additive));
    random->initialize(3);
    m_models["additive, random"] = std::move(random);
}

void TestBeamTrace::winnerIsBeamSearchs_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("width");
    QTest::addColumn<double>("lengthPenalty");
    for (const QString model : {"general, trained", "location_aware, trained", "additive, random"})
        for (int width : {1, 3, 5})
            QTest::newRow(qPrintable(QString("%1, beam %2").arg(model).arg(width))) << model << width << 1.0;
    QTest::newRow("general, beam 3, no length penalty") << QString("general, trained") << 3 << 0.0;
}

void TestBeamTrace::winnerIsBeamSearchs() {
    QFETCH(QString, model);
    QFETCH(int, width);
    QFETCH(double, lengthPenalty);
    const Seq2Seq<float>& m = *m_models.at(model);
    Random random(17);
    for (int i = 0; i < 6; ++i) {
        const std::vector<int> source = test::reversalSource(random);
        const DecodeOptions options{.beamWidth = width, .maxLength = 12, .lengthPenalty = lengthPenalty};
        const DecodeResult beam = beamSearch(m, source, options);
        const BeamTree tree = traceBeamSearch(m, source, options);
        QVERIFY(tree.winner > 0);
        const BeamNode& winner = tree.nodes[static_cast<size_t>(tree.winner)];
        std::vector<int> expected = beam.tokens;
        if (beam.finished) expected.push_back(EndId);
        QCOMPARE(tree.path(tree.winner), expected);
        QCOMPARE(winner.logProb, beam.logProb);
        QCOMPARE(winner.score, beam.score);
        QVERIFY(winner.isWinner);
        QCOMPARE(winner.state, beam.finished ? BeamNodeState::Finished : BeamNodeState::Kept);
        QCOMPARE(tree.result.tokens, beam.tokens);
        QCOMPARE(tree.result.tokenLogProbs, beam.tokenLogProbs);
        QVERIFY(tree.result.attention == beam.attention);
        // The winner's token log-probs along its path are the result's.
        std::vector<float> pathLogProbs;
        for (int at = tree.winner; at > 0; at = tree.nodes[static_cast<size_t>(at)].parent)
            pathLogProbs.insert(pathLogProbs.begin(), tree.nodes[static_cast<size_t>(at)].tokenLogProb);
        QCOMPARE(pathLogProbs, beam.tokenLogProbs);
        int winners = 0, onPath = 0;
        for (const BeamNode& node : tree.nodes) {
            winners += node.isWinner;
            onPath += node.onWinnerPath;
        }
        QCOMPARE(winners, 1);
        QCOMPARE(onPath, static_cast<int>(expected.size()) + 1); // + the root
    }
}

void TestBeamTrace::treeIsWellFormed() {
    QFETCH(QString, model);
    QFETCH(int, width);
    QFETCH(double, lengthPenalty);
    const Seq2Seq<float>& m = *m_models.at(model);
    Random random(19);
    for (int i = 0; i < 6; ++i) {
        const std::vector<int> source = test::reversalSource(random);
        const BeamTree tree =
            traceBeamSearch(m, source, {.beamWidth = width, .maxLength = 12, .lengthPenalty = lengthPenalty});
        QCOMPARE(tree.width, width);
        const BeamNode& root = tree.nodes.front();
        QCOMPARE(root.parent, -1);
        QCOMPARE(root.token, int(StartId));
        QCOMPARE(root.step, -1);
        std::map<int, int> perStep, keptPerStep, finished;
        int totalFinished = 0;
        for (size_t i = 1; i < tree.nodes.size(); ++i) {
            const BeamNode& node = tree.nodes[i];
            QCOMPARE(node.id, static_cast<int>(i));
            QVERIFY(node.parent >= 0 && node.parent < node.id); // it exists, and came first
            const BeamNode& parent = tree.nodes[static_cast<size_t>(node.parent)];
            QCOMPARE(parent.state, BeamNodeState::Kept); // pruned and finished nodes have no children
            QCOMPARE(node.step, parent.step + 1);
            QVERIFY(std::abs(node.logProb - (parent.logProb + node.tokenLogProb)) < 1e-5);
            QVERIFY(node.tokenLogProb <= 0);
            const double expectedScore =
                lengthPenalty > 0 ? node.logProb / std::pow(node.step + 1.0, lengthPenalty) : node.logProb;
            QCOMPARE(node.score, expectedScore);
            if (node.state == BeamNodeState::Finished) QCOMPARE(node.token, int(EndId));
            ++perStep[node.step];
            keptPerStep[node.step] += node.state == BeamNodeState::Kept;
            totalFinished += node.state == BeamNodeState::Finished;
        }
        QVERIFY(totalFinished <= width);
        for (const auto& [step, count] : perStep) {
            QVERIFY2(count <= 2 * width, qPrintable(QString("step %1: %2 nodes").arg(step).arg(count)));
            QVERIFY(keptPerStep[step] <= width);
        }
        // Nodes of one step are listed best first within the step (the order considered).
        for (size_t i = 2; i < tree.nodes.size(); ++i)
            if (tree.nodes[i].step == tree.nodes[i - 1].step)
                QVERIFY(tree.nodes[i - 1].logProb >= tree.nodes[i].logProb);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tree.path(static_cast<int>(tree.nodes.size())));
    }
}

void TestBeamTrace::widthOneKeepsOnePerStep() {
    const Seq2Seq<float>& m = *m_models.at("general, trained");
    const std::vector<int> source = {4, 5, 6, 7};
    const BeamTree tree = traceBeamSearch(m, source, {.beamWidth = 1});
    const DecodeResult beam = beamSearch(m, source, {.beamWidth = 1});
    // Per step 2k = 2 candidates: the chosen one kept and the runner-up pruned; at the last step
    // the </s> finishes and, the beam being still empty, the runner-up is taken into it (the
    // search then stops: its one ending is there).
    QVERIFY(beam.finished);
    const int steps = static_cast<int>(beam.tokenLogProbs.size());
    QCOMPARE(static_cast<int>(tree.nodes.size()), 1 + 2 * steps);
    for (size_t i = 1; i < tree.nodes.size(); ++i) {
        const BeamNode& node = tree.nodes[i];
        const bool first = i % 2 == 1;
        const bool last = node.step == steps - 1;
        if (first) QCOMPARE(node.token == EndId, last);
        if (first)
            QCOMPARE(node.state, last ? BeamNodeState::Finished : BeamNodeState::Kept);
        else
            QCOMPARE(node.state, last ? BeamNodeState::Kept : BeamNodeState::Pruned);
        if (first) QCOMPARE(node.onWinnerPath, true);
    }
}

QTEST_APPLESS_MAIN(TestBeamTrace)
#include "tst_beam_trace.moc"
