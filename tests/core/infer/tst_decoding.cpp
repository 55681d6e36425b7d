// Greedy and beam decoding on a model trained to reverse strings: correct outputs, beam width 1
// equals greedy, and the attention returned under beam search is that of the returned hypothesis,
// also for location_aware, whose previous alignments beam search reorders with its hypotheses.
#include "core/infer/BeamSearch.h"
#include "core/infer/GreedyDecoder.h"
#include "core/infer/TeacherForcedAttention.h"
#include "core/train/Adam.h"
#include "core/train/GradientClipping.h"
#include "core/train/ParallelStep.h"
#include "support/ReversalTask.h"

#include <QtTest>

using namespace attnlab;

class TestDecoding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void greedyReverses();
    void beamWidthOneIsGreedy();
    void beamAttentionBelongsToItsHypothesis_data();
    void beamAttentionBelongsToItsHypothesis();
    void lengthLimit();
    void emptySourceIsRefused();

private:
    std::unique_ptr<Seq2Seq<float>> m_model;         // general
    std::unique_ptr<Seq2Seq<float>> m_locationAware; // location_aware
};

namespace {
std::unique_ptr<Seq2Seq<float>> trainedReversal(ScorerKind scorer) {
    auto model = std::make_unique<Seq2Seq<float>>(test::reversalConfig(scorer));
    model->initialize(42);
    Parallelism parallel(2);
    ParallelStep step(*model);
    Adam adam(model->parameters(), {.learningRate = 0.01});
    Random data(42);
    for (int i = 0; i < 300; ++i) {
        const SequenceBatch batch = test::reversalBatch(32, data);
        step.run(batch, std::vector<char>(batch.targetLength, 1), parallel);
        clipGradientNorm(model->parameters(), 5.0);
        adam.step();
    }
    return model;
}
} // namespace

void TestDecoding::initTestCase() {
    m_model = trainedReversal(ScorerKind::General);
    m_locationAware = trainedReversal(ScorerKind::LocationAware);
}

void TestDecoding::greedyReverses() {
    Random random(7);
    int correct = 0;
    for (int i = 0; i < 20; ++i) {
        const std::vector<int> source = test::reversalSource(random);
        const DecodeResult result = greedyDecode(*m_model, source);
        const std::vector<int> expected(source.rbegin(), source.rend());
        correct += result.tokens == expected;
        QVERIFY(result.finished);
        QCOMPARE(result.attention.rows(), Eigen::Index(result.tokens.size() + 1)); // + the </s> row
        QCOMPARE(result.attention.cols(), Eigen::Index(source.size()));
        QCOMPARE(result.tokenLogProbs.size(), result.tokens.size() + 1);
    }
    QVERIFY2(correct >= 18, qPrintable(QString("%1 of 20 reversed").arg(correct)));
}

void TestDecoding::beamWidthOneIsGreedy() {
    Random random(8);
    for (int i = 0; i < 10; ++i) {
        const std::vector<int> source = test::reversalSource(random);
        const DecodeResult greedy = greedyDecode(*m_model, source);
        const DecodeResult beam = beamSearch(*m_model, source, {.beamWidth = 1, .lengthPenalty = 0.0});
        QCOMPARE(beam.tokens, greedy.tokens);
        QCOMPARE(beam.tokenLogProbs, greedy.tokenLogProbs);
        QCOMPARE(beam.attention, greedy.attention);
        QCOMPARE(beam.finished, greedy.finished);
    }
}

void TestDecoding::beamAttentionBelongsToItsHypothesis_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("locationAware");
    QTest::newRow("beam 2") << 2 << false;
    QTest::newRow("beam 5") << 5 << false;
    QTest::newRow("location_aware, beam 3") << 3 << true;
    QTest::newRow("location_aware, beam 5") << 5 << true;
}

void TestDecoding::beamAttentionBelongsToItsHypothesis() {
    QFETCH(int, width);
    QFETCH(bool, locationAware);
    Seq2Seq<float>& model = locationAware ? *m_locationAware : *m_model;
    Random random(9);
    for (int i = 0; i < 5; ++i) {
        const std::vector<int> source = test::reversalSource(random);
        const auto all = beamSearchAll(model, source, {.beamWidth = width});
        QVERIFY(!all.empty() && static_cast<int>(all.size()) <= width);
        for (size_t h = 1; h < all.size(); ++h)
            if (all[h].finished == all[0].finished) QVERIFY(all[h - 1].score >= all[h].score);
        for (const DecodeResult& hypothesis : all) {
            // Re-running the hypothesis under teacher forcing must give the very rows beam search kept.
            const Matrix<float> forced = teacherForcedAttention(model, source, hypothesis.tokens);
            const Eigen::Index rows = hypothesis.attention.rows();
            QVERIFY(hypothesis.finished);
            QCOMPARE(rows, forced.rows());
            QVERIFY2((forced - hypothesis.attention).cwiseAbs().maxCoeff() < 1e-5f,
                     "attention of another hypothesis");
            double sum = 0;
            for (float lp : hypothesis.tokenLogProbs) sum += lp;
            QVERIFY(std::abs(sum - hypothesis.logProb) < 1e-4);
        }
    }
}

void TestDecoding::lengthLimit() {
    Seq2Seq<float> untrained(test::reversalConfig());
    untrained.initialize(1);
    const std::vector<int> source = {4, 5, 6};
    const DecodeResult greedy = greedyDecode(untrained, source, {.maxLength = 2});
    QVERIFY(greedy.tokens.size() <= 2);
    QVERIFY(greedy.attention.rows() <= 2);
    const DecodeResult beam = beamSearch(untrained, source, {.beamWidth = 3, .maxLength = 2});
    QVERIFY(beam.tokens.size() <= 2);
    QCOMPARE(beam.attention.rows(), Eigen::Index(beam.tokens.size() + (beam.finished ? 1 : 0)));
}

void TestDecoding::emptySourceIsRefused() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, greedyDecode(*m_model, std::vector<int>{}));
}

QTEST_APPLESS_MAIN(TestDecoding)
#include "tst_decoding.moc"
