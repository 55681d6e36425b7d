// ROUGE-1/2/L on hand-computed cases: the classic worked example, clipping of repeated n-grams,
// empty and too-short sides, and the corpus mean of sentence scores.
#include "core/eval/MetricAccumulator.h"
#include "core/eval/Rouge.h"

#include <QtTest>

#include <map>
#include <string>
#include <vector>

using namespace attnlab;

namespace {

// Words to ids through one shared table, so equal words get equal ids across calls.
std::vector<int> ids(const QString& text) {
    static std::map<QString, int> table;
    std::vector<int> out;
    for (const QString& w : text.split(u' ', Qt::SkipEmptyParts))
        out.push_back(table.emplace(w, int(table.size())).first->second);
    return out;
}

} // namespace

class TestRouge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sentence_data() {
        QTest::addColumn<QString>("hypothesis");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("n"); // 1, 2, or 0 for ROUGE-L
        QTest::addColumn<double>("precision");
        QTest::addColumn<double>("recall");
        QTest::addColumn<double>("f1");
        const QString hyp = "the cat was found under the bed", ref = "the cat was under the bed";
        // 7 hypothesis and 6 reference unigrams; all 6 reference ones (the x2, cat, was, under,
        // bed) are matched: P = 6/7, R = 1, F1 = 2 (6/7) / (13/7) = 12/13.
        QTest::newRow("worked R1") << hyp << ref << 1 << 6.0 / 7 << 1.0 << 12.0 / 13;
        // Bigrams: 6 in the hypothesis, 5 in the reference; "was found", "found under" are not in
        // the reference and "was under" is not in the hypothesis, so 4 match:
        // P = 4/6, R = 4/5, F1 = 2 (8/15) / (22/15) = 8/11.
        QTest::newRow("worked R2") << hyp << ref << 2 << 4.0 / 6 << 4.0 / 5 << 8.0 / 11;
        // LCS "the cat was under the bed" = 6 tokens: P = 6/7, R = 6/6, F1 = 12/13.
        QTest::newRow("worked RL") << hyp << ref << 0 << 6.0 / 7 << 1.0 << 12.0 / 13;
        // "the" x4 against one "the": clipped to 1 match; P = 1/4, R = 1/2, F1 = (1/4)/(3/4) = 1/3.
        QTest::newRow("clipped R1") << "the the the the"
                                    << "the cat" << 1 << 0.25 << 0.5 << 1.0 / 3;
        // "the the" x3 never occurs in the reference.
        QTest::newRow("clipped R2") << "the the the the"
                                    << "the cat" << 2 << 0.0 << 0.0 << 0.0;
        // Hypothesis bigrams ab x3, ba x2 (5); reference ab x2, bc, ca (4); ab clipped to 2:
        // P = 2/5, R = 2/4, F1 = 2 (1/5) / (9/10) = 4/9.
        QTest::newRow("repeated bigram") << "a b a b a b"
                                         << "a b c a b" << 2 << 0.4 << 0.5 << 4.0 / 9;
        // a x3, b x3 against a x2, b x2, c: 4 matches; P = 4/6, R = 4/5, F1 = 8/11.
        QTest::newRow("repeated unigram") << "a b a b a b"
                                          << "a b c a b" << 1 << 4.0 / 6 << 0.8 << 8.0 / 11;
        // LCS "a b a b" = 4: P = 4/6, R = 4/5.
        QTest::newRow("repeated LCS") << "a b a b a b"
                                      << "a b c a b" << 0 << 4.0 / 6 << 0.8 << 8.0 / 11;
        // LCS "a c" (or "b c"): order matters, 2 of 3 on both sides.
        QTest::newRow("order RL") << "a b c"
                                  << "b a c" << 0 << 2.0 / 3 << 2.0 / 3 << 2.0 / 3;
        // Empty or too-short sides score 0, not NaN.
        QTest::newRow("empty hyp R1") << ""
                                      << "the cat" << 1 << 0.0 << 0.0 << 0.0;
        QTest::newRow("empty hyp RL") << ""
                                      << "the cat" << 0 << 0.0 << 0.0 << 0.0;
        QTest::newRow("empty ref R1") << "the cat"
                                      << "" << 1 << 0.0 << 0.0 << 0.0;
        QTest::newRow("both empty R2") << ""
                                       << "" << 2 << 0.0 << 0.0 << 0.0;
        // One token has no bigram: P = 0 (no hypothesis bigrams), R = 0 (nothing matched).
        QTest::newRow("one token R2") << "the"
                                      << "the cat" << 2 << 0.0 << 0.0 << 0.0;
        QTest::newRow("identical R2") << "a b c"
                                      << "a b c" << 2 << 1.0 << 1.0 << 1.0;
    }
    void sentence() {
        QFETCH(QString, hypothesis);
        QFETCH(QString, reference);
        QFETCH(int, n);
        QFETCH(double, precision);
        QFETCH(double, recall);
        QFETCH(double, f1);
        const std::vector<int> h = ids(hypothesis), r = ids(reference);
        const RougeScore s = n == 0 ? rougeL(h, r) : rougeN(h, r, n);
        QCOMPARE(s.precision, precision);
        QCOMPARE(s.recall, recall);
        QCOMPARE(s.f1, f1);
    }

    void lcsLength() {
        QCOMPARE(longestCommonSubsequence(ids("a b c b d a b"), ids("b d c a b a")), 4L); // bcba
        QCOMPARE(longestCommonSubsequence(ids(""), ids("a b")), 0L);
        QCOMPARE(longestCommonSubsequence(ids("x y"), ids("a b")), 0L);
    }

    void badOrderThrows() {
        const std::vector<int> t = ids("a b");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rougeN(t, t, 0));
    }

    void corpusIsMeanOfSentenceScores() {
        RougeAccumulator acc;
        QCOMPARE(acc.rouge1().f1, 0.0); // empty corpus
        acc.add(ids("the cat was found under the bed"), ids("the cat was under the bed"));
        acc.add(ids("a b c"), ids("a b c"));
        QCOMPARE(acc.examples(), 2L);
        // R1 F1: (12/13 + 1) / 2 = 25/26; P: (6/7 + 1) / 2 = 13/14; R: 1.
        QCOMPARE(acc.rouge1().f1, 25.0 / 26);
        QCOMPARE(acc.rouge1().precision, 13.0 / 14);
        QCOMPARE(acc.rouge1().recall, 1.0);
        // R2 F1: (8/11 + 1) / 2 = 19/22 (pooled counts would give 2*6/(8+7) = 4/5 instead).
        QCOMPARE(acc.rouge2().f1, 19.0 / 22);
        QCOMPARE(acc.rougeL().f1, 25.0 / 26);
        acc.add(ids(""), ids("x")); // scores 0 and still counts: R1 F1 = (12/13 + 1 + 0) / 3
        QCOMPARE(acc.rouge1().f1, 25.0 / 39);
    }

    void mergedCorporaAndTheMetrics() {
        // Two halves merged score as the whole: the sums add, the mean is over all examples.
        RougeAccumulator first, second;
        first.add(ids("the cat was found under the bed"), ids("the cat was under the bed"));
        second.add(ids("a b c"), ids("a b c"));
        first.merge(second);
        QCOMPARE(first.examples(), 2L);
        QCOMPARE(first.rouge1().f1, 25.0 / 26);
        QCOMPARE(first.rouge2().f1, 19.0 / 22);
        // MetricAccumulator carries them into Metrics::rouge only when asked (word outputs).
        MetricAccumulator metrics, other;
        QVERIFY(!metrics.metrics().rouge);
        metrics.addRouge(ids("the cat was found under the bed"), ids("the cat was under the bed"));
        other.addRouge(ids("a b c"), ids("a b c"));
        metrics.merge(other);
        const Metrics m = metrics.metrics();
        QVERIFY(m.rouge.has_value());
        QCOMPARE(m.rouge->rougeL().f1, 25.0 / 26);
    }
};

QTEST_APPLESS_MAIN(TestRouge)
#include "tst_rouge.moc"
