// Hard alignment, alignment error rate, attention entropy and last-position mass, hand-computed.
#include "core/eval/AttentionMetrics.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace attnlab;

namespace {

using Values = std::vector<float>;

// (rows x cols) from row-major values, the way the cases are written below.
Matrix<float> attention(int rows, int cols, const Values& rowMajor) {
    Matrix<float> alpha(rows, cols); // (T x S)
    for (int t = 0; t < rows; ++t)
        for (int s = 0; s < cols; ++s) alpha(t, s) = rowMajor[static_cast<size_t>(t * cols + s)];
    return alpha;
}

// Pharaoh-style links: "i-j" is sure, "i?j" possible (source i, target j).
Alignment links(const QString& text) {
    Alignment out;
    for (const QString& pair : text.split(' ', Qt::SkipEmptyParts)) {
        const bool sure = pair.contains('-');
        const QStringList parts = pair.split(sure ? '-' : '?');
        out.push_back({parts[0].toInt(), parts[1].toInt(), sure});
    }
    return out;
}

// The running example: 3 source tokens, 3 gold target tokens and a </s> row.
//   row 0 -> source 0, row 1 -> source 2, row 2 -> source 1, row 3 (</s>) -> source 2.
const Values kRunning{0.7f, 0.2f, 0.1f, //
                      0.1f, 0.3f, 0.6f, //
                      0.2f, 0.5f, 0.3f, //
                      0.1f, 0.1f, 0.8f};
const QString kRunningGold = "0-0 1-1 2?1 1?2"; // S = {0-0, 1-1}; P = S + {2-1, 1-2}

} // namespace

class TestAttentionMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hardAlignmentTakesArgmaxOverValidColumns();
    void alignmentError_data();
    void alignmentError();
    void corpusAlignmentErrorSumsCounts();
    void entropyAndLastMass_data();
    void entropyAndLastMass();
    void rejectsBadShapes();
};

void TestAttentionMetrics::hardAlignmentTakesArgmaxOverValidColumns() {
    // Column 3 is padding (sourceLength 3) and holds junk that must not be read. Row 1 ties
    // between sources 0 and 1: the first wins.
    const Matrix<float> alpha = attention(3, 4,
                                          {0.1f, 0.6f, 0.3f, 0.9f,  //
                                           0.4f, 0.4f, 0.2f, 0.95f, //
                                           0.0f, 0.0f, 1.0f, 0.0f});
    QCOMPARE(hardAlignment(alpha, 3), (Alignment{{1, 0, true}, {0, 1, true}, {2, 2, true}}));
    // All four columns valid: the large last column wins rows 0 and 1.
    QCOMPARE(hardAlignment(alpha), (Alignment{{3, 0, true}, {3, 1, true}, {2, 2, true}}));
    QCOMPARE(hardAlignment(attention(4, 3, kRunning)),
             (Alignment{{0, 0, true}, {2, 1, true}, {1, 2, true}, {2, 3, true}}));
}

void TestAttentionMetrics::alignmentError_data() {
    QTest::addColumn<Values>("alpha");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<QString>("gold");
    QTest::addColumn<int>("goldTargetLength");
    QTest::addColumn<std::vector<int>>("counts"); // |A|, |S|, |A∩S|, |A∩P|
    QTest::addColumn<double>("aer");

    // A = {0-0, 2-1, 1-2} (the </s> row ignored); A∩S = {0-0}; A∩P = {0-0, 2-1, 1-2}.
    // AER = 1 - (1 + 3) / (3 + 2) = 0.2.
    QTest::newRow("known alignment") << kRunning << 4 << 3 << kRunningGold << 3
                                     << std::vector<int>{3, 2, 1, 3} << 0.2;
    // Scoring the </s> row too adds the link 2-3, which no gold link covers:
    // AER = 1 - (1 + 3) / (4 + 2) = 1/3.
    QTest::newRow("</s> row counted")
        << kRunning << 4 << 3 << kRunningGold << 4 << std::vector<int>{4, 2, 1, 3} << 1.0 / 3.0;
    // A = S: AER = 1 - (2 + 2) / (2 + 2) = 0.
    QTest::newRow("perfect") << Values{0.9f, 0.1f, 0.2f, 0.8f} << 2 << 2 << "0-0 1-1" << 2
                             << std::vector<int>{2, 2, 2, 2} << 0.0;
    // Crossed: A = {1-0, 0-1}, nothing matches: AER = 1 - 0 / 4 = 1.
    QTest::newRow("all wrong") << Values{0.1f, 0.9f, 0.8f, 0.2f} << 2 << 2 << "0-0 1-1" << 2
                               << std::vector<int>{2, 2, 0, 0} << 1.0;
    // Possible links only: S is empty, A∩P = A: AER = 1 - (0 + 2) / (2 + 0) = 0.
    QTest::newRow("possible only") << Values{0.9f, 0.1f, 0.2f, 0.8f} << 2 << 2 << "0?0 1?1" << 2
                                   << std::vector<int>{2, 0, 0, 2} << 0.0;
    // Target 1 is unaligned in the gold (a function word), the model still links it:
    // A = {0-0, 1-1}, S = {0-0}: AER = 1 - (1 + 1) / (2 + 1) = 1/3.
    QTest::newRow("unaligned target") << Values{0.9f, 0.1f, 0.2f, 0.8f} << 2 << 2 << "0-0" << 2
                                      << std::vector<int>{2, 1, 1, 1} << 1.0 / 3.0;
    // Gold as a set: the repeated 0-0 counts once, and 1-0 given as both possible and sure is
    // sure. S = {0-0, 1-0}, A = {0-0}: AER = 1 - (1 + 1) / (1 + 2) = 1/3.
    QTest::newRow("duplicate gold links") << Values{0.6f, 0.4f} << 1 << 2 << "0-0 0-0 1?0 1-0" << 1
                                          << std::vector<int>{1, 2, 1, 1} << 1.0 / 3.0;
    // The hypothesis is shorter than the gold: only its rows are aligned. A = {0-0};
    // S = {0-0, 1-1}: AER = 1 - (1 + 1) / (1 + 2) = 1/3.
    QTest::newRow("short hypothesis")
        << Values{0.9f, 0.1f} << 1 << 2 << "0-0 1-1" << 2 << std::vector<int>{1, 2, 1, 1} << 1.0 / 3.0;
}

void TestAttentionMetrics::alignmentError() {
    QFETCH(Values, alpha);
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(QString, gold);
    QFETCH(int, goldTargetLength);
    QFETCH(std::vector<int>, counts);
    QFETCH(double, aer);

    const AerCounts got = alignmentErrorCounts(attention(rows, cols, alpha), links(gold), goldTargetLength);
    QCOMPARE(got.hypothesisLinks, long(counts[0]));
    QCOMPARE(got.sureLinks, long(counts[1]));
    QCOMPARE(got.sureMatches, long(counts[2]));
    QCOMPARE(got.possibleMatches, long(counts[3]));
    QVERIFY2(std::abs(got.errorRate() - aer) < 1e-12, qPrintable(QString::number(got.errorRate(), 'g', 17)));
}

void TestAttentionMetrics::corpusAlignmentErrorSumsCounts() {
    // Sentence 1: the known alignment, counts (3, 2, 1, 3), AER 0.2.
    // Sentence 2: perfect, counts (2, 2, 2, 2), AER 0.
    // Corpus: 1 - (1 + 3 + 2 + 2) / (3 + 2 + 2 + 2) = 1 - 8/9 = 1/9, not the mean 0.1.
    const std::vector<Matrix<float>> alphas{attention(4, 3, kRunning),
                                            attention(2, 2, {0.9f, 0.1f, 0.2f, 0.8f})};
    const std::vector<Alignment> golds{links(kRunningGold), links("0-0 1-1")};
    QVERIFY(std::abs(alignmentErrorRate(alphas, golds, {3, 2}) - 1.0 / 9.0) < 1e-12);

    AerCounts total = alignmentErrorCounts(alphas[0], golds[0], 3);
    total += alignmentErrorCounts(alphas[1], golds[1], 2);
    QCOMPARE(total, (AerCounts{5, 4, 3, 5}));

    // The same counts from explicit hypothesis links (e.g. an external aligner's output).
    QCOMPARE(alignmentErrorCounts(links("0-0 2-1 1-2"), links(kRunningGold)), (AerCounts{3, 2, 1, 3}));
    QVERIFY(std::isnan(alignmentErrorRate({}, {}, {})));
}

void TestAttentionMetrics::entropyAndLastMass_data() {
    QTest::addColumn<Values>("alpha");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<int>("sourceLength");
    QTest::addColumn<double>("entropy");
    QTest::addColumn<double>("lastMass");

    // -1 ln 1 = 0; the last position holds 0.
    QTest::newRow("one-hot") << Values{0.0f, 1.0f, 0.0f} << 1 << 3 << -1 << 0.0 << 0.0;
    // Uniform over 2 valid positions (column 2 is padding junk): ln 2 = 0.693147; last 0.5.
    QTest::newRow("uniform over valid") << Values{0.5f, 0.5f, 7.0f} << 1 << 3 << 2 << std::log(2.0) << 0.5;
    // Uniform over 4: ln 4 = 1.386294; last 0.25.
    QTest::newRow("uniform over 4") << Values{0.25f, 0.25f, 0.25f, 0.25f} << 1 << 4 << -1 << std::log(4.0)
                                    << 0.25;
    // Row 0: -(0.2 ln 0.2 + 0.3 ln 0.3 + 0.5 ln 0.5) = 0.321888 + 0.361192 + 0.346574 = 1.029653
    // Row 1: -(0.6 ln 0.6 + 0.3 ln 0.3 + 0.1 ln 0.1) = 0.306495 + 0.361192 + 0.230259 = 0.897946
    // Mean 0.963799; last valid column (2): (0.5 + 0.1) / 2 = 0.3.
    QTest::newRow("two rows, padded") << Values{0.2f, 0.3f, 0.5f, 0.0f, //
                                                0.6f, 0.3f, 0.1f, 0.0f}
                                      << 2 << 4 << 3
                                      << (-(0.2 * std::log(0.2) + 0.3 * std::log(0.3) + 0.5 * std::log(0.5)) -
                                          (0.6 * std::log(0.6) + 0.3 * std::log(0.3) + 0.1 * std::log(0.1))) /
                                             2.0
                                      << 0.3;
}

void TestAttentionMetrics::entropyAndLastMass() {
    QFETCH(Values, alpha);
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(int, sourceLength);
    QFETCH(double, entropy);
    QFETCH(double, lastMass);

    const Matrix<float> m = attention(rows, cols, alpha);
    // The weights are floats, so agreement is to float precision.
    QVERIFY2(std::abs(meanAttentionEntropy(m, sourceLength) - entropy) < 1e-6,
             qPrintable(QString::number(meanAttentionEntropy(m, sourceLength), 'g', 17)));
    QVERIFY(std::abs(meanLastPositionMass(m, sourceLength) - lastMass) < 1e-6);
}

void TestAttentionMetrics::rejectsBadShapes() {
    const Matrix<float> alpha = attention(4, 3, kRunning);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hardAlignment(alpha, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hardAlignment(alpha, 4));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanAttentionEntropy(alpha, 5));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanLastPositionMass(alpha, 0));
    // Gold links beyond the source (3) or the gold target length (3).
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, alignmentErrorCounts(alpha, links("3-0"), 3));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, alignmentErrorCounts(alpha, links("0-3"), 3));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, alignmentErrorCounts(alpha, links("0-0"), -1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, alignmentErrorRate({alpha}, {}, {3}));
    // No rows: nothing to average, nothing to align.
    const Matrix<float> empty(0, 3);
    QVERIFY(std::isnan(meanAttentionEntropy(empty)));
    QVERIFY(std::isnan(meanLastPositionMass(empty)));
    QVERIFY(hardAlignment(empty).empty());
    QVERIFY(std::isnan(alignmentErrorCounts(empty, {}, 0).errorRate()));
}

QTEST_APPLESS_MAIN(TestAttentionMetrics)
#include "tst_attention_metrics.moc"
