// MetricAccumulator: three hand-made examples fed one at a time give the hand-computed report;
// merging, the separate add* calls and clear() agree with it; a bad example changes nothing.
#include "core/eval/MetricAccumulator.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace attnlab;

namespace {

using Ids = std::vector<int>;

Matrix<float> attention(int rows, int cols, const std::vector<float>& rowMajor) {
    Matrix<float> alpha(rows, cols); // (T x S)
    for (int t = 0; t < rows; ++t)
        for (int s = 0; s < cols; ++s) alpha(t, s) = rowMajor[static_cast<size_t>(t * cols + s)];
    return alpha;
}

// Example 1: correct, 3 source tokens, attention (4 x 3) with a </s> row, gold alignment
//   S = {0-0, 1-1}, P = S + {2-1, 1-2}; loss 2.0 over 4 tokens.
// Example 2: wrong, 2 source tokens, attention (3 x 2), no gold; loss 6.0 over 4 tokens.
// Example 3: correct, 3 source tokens, no attention, no loss.
struct Fixture {
    Ids hyp1{5, 6, 7, 2}, ref1{5, 6, 7, 2};
    Ids hyp2{5, 8, 2}, ref2{5, 6, 7, 2};
    Ids hyp3{9, 2}, ref3{9, 2};
    Matrix<float> alpha1 = attention(4, 3,
                                     {0.7f, 0.2f, 0.1f, //
                                      0.1f, 0.3f, 0.6f, //
                                      0.2f, 0.5f, 0.3f, //
                                      0.1f, 0.1f, 0.8f});
    Matrix<float> alpha2 = attention(3, 2,
                                     {0.9f, 0.1f, //
                                      0.2f, 0.8f, //
                                      0.5f, 0.5f});
    Alignment gold1{{0, 0, true}, {1, 1, true}, {2, 1, false}, {1, 2, false}};

    EvalExample example1() const { return {hyp1, ref1, 3, &alpha1, &gold1, 3, 2.0, 4}; }
    EvalExample example2() const { return {hyp2, ref2, 2, &alpha2, nullptr, 0, 6.0, 4}; }
    EvalExample example3() const { return {hyp3, ref3, 3}; }
};

bool near(double a, double b, double tolerance) {
    return std::abs(a - b) < tolerance;
}

// The report of the three examples, computed by hand.
void checkReport(const Metrics& m) {
    QCOMPARE(m.examples, 3L);
    // Loss: (2.0 + 6.0) / (4 + 4) = 1.0 nats per token; perplexity e.
    QCOMPARE(m.lossTokens, 8L);
    QCOMPARE(m.loss, 1.0);
    QVERIFY(near(m.perplexity, std::exp(1.0), 1e-12));
    // Tokens: 4/4 + 1/4 (only position 0 of {5,8,2} vs {5,6,7,2}) + 2/2 = 7/10.
    QCOMPARE(m.correctTokens, 7L);
    QCOMPARE(m.referenceTokens, 10L);
    QCOMPARE(m.unknownReferenceTokens, 0L);
    QCOMPARE(m.tokenAccuracy, 0.7);
    QCOMPARE(m.exactMatches, 2L);
    QCOMPARE(m.exactMatch, 2.0 / 3.0);
    // BLEU: matches / totals per sentence
    //   1: 4/4 3/3 2/2 1/1;  2: 2/3 0/2 0/1 0/0;  3: 2/2 1/1 0/0 0/0
    //   corpus: 8/9, 4/6, 2/3, 1/1 (product 32/81); c = 9, r = 10, BP = exp(1 - 10/9)
    //   BLEU = 100 * exp(-1/9) * (32/81)^(1/4) = 70.943285...
    QCOMPARE(m.bleu.matches, (std::vector<long>{8, 4, 2, 1}));
    QCOMPARE(m.bleu.totals, (std::vector<long>{9, 6, 3, 1}));
    QVERIFY(near(m.bleu.score, 100.0 * std::exp(-1.0 / 9.0) * std::pow(32.0 / 81.0, 0.25), 1e-9));
    // AER from example 1 only: A = {0-0, 2-1, 1-2}; 1 - (1 + 3) / (3 + 2) = 0.2.
    QCOMPARE(m.alignedExamples, 1L);
    QCOMPARE(m.alignmentCounts, (AerCounts{3, 2, 1, 3}));
    QVERIFY(near(m.alignmentErrorRate, 0.2, 1e-12));
    // Entropy over the 7 rows (nats):
    //   [.7 .2 .1] 0.801819, [.1 .3 .6] 0.897946, [.2 .5 .3] 1.029653, [.1 .1 .8] 0.639032,
    //   [.9 .1] 0.325083, [.2 .8] 0.500402, [.5 .5] 0.693147; sum 4.887082, mean 0.698155.
    // Last position: (0.1 + 0.6 + 0.3 + 0.8 + 0.1 + 0.8 + 0.5) / 7 = 3.2 / 7 = 0.457143.
    QCOMPARE(m.attentionRows, 7L);
    QVERIFY(near(m.attentionEntropy, 4.887081728604449 / 7.0, 1e-6));
    QVERIFY(near(m.lastPositionMass, 3.2 / 7.0, 1e-6));
    // By source length: 2 -> example 2; 3 -> examples 1 and 3, both exact, 6 of 6 tokens.
    QCOMPARE(m.bySourceLength, (std::vector<LengthAccuracy>{{2, 1, 0, 1, 4}, {3, 2, 2, 6, 6}}));
}

} // namespace

class TestMetricAccumulator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reportOfThreeExamples();
    void separatePartsGiveTheSameReport();
    void mergeGivesTheSameReport();
    void emptyAndCleared();
    void badExampleChangesNothing();
    void unknownReferencesCountAsWrong();
    void smoothingAndOrderReachBleu();
};

void TestMetricAccumulator::reportOfThreeExamples() {
    const Fixture f;
    MetricAccumulator accumulator;
    accumulator.add(f.example1());
    accumulator.add(f.example2());
    accumulator.add(f.example3());
    checkReport(accumulator.metrics());
}

void TestMetricAccumulator::separatePartsGiveTheSameReport() {
    const Fixture f;
    MetricAccumulator accumulator;
    accumulator.addSequences(f.hyp1, f.ref1, 3);
    accumulator.addSequences(f.hyp2, f.ref2, 2);
    accumulator.addSequences(f.hyp3, f.ref3, 3);
    accumulator.addAttention(f.alpha1, 3);
    accumulator.addAttention(f.alpha2, 2);
    accumulator.addAlignment(f.alpha1, f.gold1, 3, 3);
    accumulator.addLoss(8.0, 8); // the loss of one batch holding examples 1 and 2
    checkReport(accumulator.metrics());
}

void TestMetricAccumulator::mergeGivesTheSameReport() {
    const Fixture f;
    MetricAccumulator first;
    MetricAccumulator second;
    first.add(f.example3());
    first.add(f.example1());
    second.add(f.example2());
    first.merge(second);
    checkReport(first.metrics());
}

void TestMetricAccumulator::emptyAndCleared() {
    const Fixture f;
    MetricAccumulator accumulator;
    accumulator.add(f.example1());
    accumulator.clear();
    const Metrics m = accumulator.metrics();
    QCOMPARE(m.examples, 0L);
    QVERIFY(std::isnan(m.loss));
    QVERIFY(std::isnan(m.perplexity));
    QVERIFY(std::isnan(m.tokenAccuracy));
    QVERIFY(std::isnan(m.exactMatch));
    QVERIFY(std::isnan(m.alignmentErrorRate));
    QVERIFY(std::isnan(m.attentionEntropy));
    QVERIFY(std::isnan(m.lastPositionMass));
    QCOMPARE(m.bleu.score, 0.0);
    QCOMPARE(m.bleu.totals, (std::vector<long>{0, 0, 0, 0}));
    QVERIFY(m.bySourceLength.empty());

    // Without gold alignments AER stays NaN while the attention metrics are measured:
    // example 2 alone, last position (0.1 + 0.8 + 0.5) / 3 = 0.466667.
    accumulator.add(f.example2());
    const Metrics noGold = accumulator.metrics();
    QVERIFY(std::isnan(noGold.alignmentErrorRate));
    QCOMPARE(noGold.alignedExamples, 0L);
    QVERIFY(near(noGold.lastPositionMass, 1.4 / 3.0, 1e-6));
}

void TestMetricAccumulator::badExampleChangesNothing() {
    const Fixture f;
    MetricAccumulator accumulator;
    accumulator.add(f.example1());
    accumulator.add(f.example2());
    accumulator.add(f.example3());

    const Alignment outside{{0, 5, true}}; // target 5 beyond the gold target length 3
    EvalExample bad = f.example1();
    bad.gold = &outside;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, accumulator.add(bad));
    EvalExample noAttention = f.example3();
    noAttention.gold = &f.gold1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, accumulator.add(noAttention));
    EvalExample tooWide = f.example2();
    tooWide.sourceLength = 3; // the attention has only 2 columns
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, accumulator.add(tooWide));
    EvalExample negativeLoss = f.example3();
    negativeLoss.lossTokens = -1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, accumulator.add(negativeLoss));

    checkReport(accumulator.metrics());
}

void TestMetricAccumulator::unknownReferencesCountAsWrong() {
    // A model that answers <unk> (3) where its vocabulary lacks the token, on such data.
    const Ids hyp1{5, 3, 7}, ref1{5, 3, 7}; // source length 3
    const Ids hyp2{3, 3}, ref2{3, 3};       // source length 2
    const Ids hyp3{6}, ref3{6};             // source length 2
    MetricAccumulator first;
    MetricAccumulator second;
    first.add({hyp1, ref1, 3});
    second.add({hyp2, ref2, 2});
    second.add({hyp3, ref3, 2});
    first.merge(second);
    const Metrics m = first.metrics();
    QCOMPARE(m.examples, 3L);
    // Tokens: 2 of 3 + 0 of 2 + 1 of 1 = 3 of 6; three references are <unk>.
    QCOMPARE(m.correctTokens, 3L);
    QCOMPARE(m.referenceTokens, 6L);
    QCOMPARE(m.unknownReferenceTokens, 3L);
    QCOMPARE(m.tokenAccuracy, 0.5);
    // Only {6} = {6} is an exact match.
    QCOMPARE(m.exactMatches, 1L);
    QCOMPARE(m.exactMatch, 1.0 / 3.0);
    // BLEU: reference n-grams free of <unk> are 5, 7 (pair 1) and 6 (pair 3):
    //   pair 1: 2/3 0/2 0/1; pair 2: 0/2 0/1; pair 3: 1/1 -> 3/6, 0/3, 0/1, 0/0 -> BLEU 0.
    QCOMPARE(m.bleu.matches, (std::vector<long>{3, 0, 0, 0}));
    QCOMPARE(m.bleu.totals, (std::vector<long>{6, 3, 1, 0}));
    QCOMPARE(m.bleu.score, 0.0);
    // Length 2: pairs 2 and 3, one exact, 1 of 3 tokens; length 3: pair 1, 2 of 3 tokens.
    QCOMPARE(m.bySourceLength, (std::vector<LengthAccuracy>{{2, 2, 1, 1, 3}, {3, 1, 0, 2, 3}}));
}

void TestMetricAccumulator::smoothingAndOrderReachBleu() {
    // BLEU-2 with add-one on example 2 alone: p1 = 2/3, p2 = (0 + 1) / (2 + 1) = 1/3;
    // c = 3 < r = 4, BP = exp(1 - 4/3); BLEU = 100 * exp(-1/3) * sqrt(2/9) = 33.7797...
    const Fixture f;
    MetricAccumulator accumulator(2, BleuSmoothing::AddOne);
    accumulator.add(f.example2());
    const BleuScore bleu = accumulator.metrics().bleu;
    QCOMPARE(bleu.precisions.size(), size_t(2));
    QVERIFY(near(bleu.score, 100.0 * std::exp(-1.0 / 3.0) * std::sqrt(2.0 / 9.0), 1e-9));
    accumulator.clear(); // keeps the settings
    accumulator.add(f.example2());
    QVERIFY(near(accumulator.metrics().bleu.score, bleu.score, 1e-12));
}

QTEST_APPLESS_MAIN(TestMetricAccumulator)
#include "tst_metric_accumulator.moc"
