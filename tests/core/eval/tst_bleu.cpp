// Corpus BLEU on hand-computed cases: clipping, brevity penalty, corpus sums, add-one smoothing.
#include "core/eval/Bleu.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace attnlab;

namespace {

using Sentence = std::vector<std::string>;
using Corpus = std::vector<Sentence>;

// "a b|c d" -> {{"a","b"},{"c","d"}}: sentences split on '|', tokens on spaces.
Corpus corpus(const QString& text) {
    Corpus out;
    for (const QString& sentence : text.split('|')) {
        Sentence tokens;
        for (const QString& token : sentence.split(' ', Qt::SkipEmptyParts))
            tokens.push_back(token.toStdString());
        out.push_back(tokens);
    }
    return out;
}

// The corpus above, words replaced by ids of a shared dictionary, to check both overloads agree.
std::vector<std::vector<int>> toIds(const Corpus& sentences, std::map<std::string, int>& dictionary) {
    std::vector<std::vector<int>> out;
    for (const Sentence& sentence : sentences) {
        std::vector<int> ids;
        for (const std::string& token : sentence)
            ids.push_back(
                dictionary.try_emplace(token, static_cast<int>(dictionary.size()) + 4).first->second);
        out.push_back(ids);
    }
    return out;
}

} // namespace

class TestBleu : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void corpusScore_data();
    void corpusScore();
    void unknownNeverMatches_data();
    void unknownNeverMatches();
    void unknownStringNeverMatches();
    void stringsAndIdsAgree();
    void sentenceCountsAreSummed();
    void emptyHypothesisAndEmptyCorpus();
    void mergeEqualsAddingEverything();
    void rejectsBadInput();
};

void TestBleu::corpusScore_data() {
    QTest::addColumn<QString>("hypotheses");
    QTest::addColumn<QString>("references");
    QTest::addColumn<int>("maxOrder");
    QTest::addColumn<bool>("smooth");
    QTest::addColumn<std::vector<int>>("matches");
    QTest::addColumn<std::vector<int>>("totals");
    QTest::addColumn<double>("brevityPenalty");
    QTest::addColumn<double>("score");

    // Identical: every p_n = 1, c = r = 6, BP = 1 -> 100.
    QTest::newRow("identical") << "the cat is on the mat"
                               << "the cat is on the mat" << 4 << false << std::vector<int>{6, 5, 4, 3}
                               << std::vector<int>{6, 5, 4, 3} << 1.0 << 100.0;
    // Papineni's clipping example: 7 x "the", the reference has "the" twice -> p1 = 2/7;
    // c = 7 > r = 6 so BP = 1; BLEU-1 = 100 * 2/7 = 28.571428...
    QTest::newRow("clipped unigrams") << "the the the the the the the"
                                      << "the cat is on the mat" << 1 << false << std::vector<int>{2}
                                      << std::vector<int>{7} << 1.0 << 100.0 * 2.0 / 7.0;
    // Same pair at order 4: no bigram "the the" in the reference -> p2 = 0 -> BLEU 0.
    QTest::newRow("clipped order 4") << "the the the the the the the"
                                     << "the cat is on the mat" << 4 << false << std::vector<int>{2, 0, 0, 0}
                                     << std::vector<int>{7, 6, 5, 4} << 1.0 << 0.0;
    // hyp "the cat sat on the mat" vs ref "the cat is on the mat":
    //   1-grams: the x2, cat, on, mat match, sat does not        -> 5/6
    //   2-grams: "the cat", "on the", "the mat" of 5               -> 3/5
    //   3-grams: "on the mat" of 4                                 -> 1/4
    //   4-grams: none of 3                                         -> 0/3, so BLEU 0 unsmoothed.
    QTest::newRow("one sentence, no 4-gram")
        << "the cat sat on the mat"
        << "the cat is on the mat" << 4 << false << std::vector<int>{5, 3, 1, 0}
        << std::vector<int>{6, 5, 4, 3} << 1.0 << 0.0;
    // Add-one for n > 1: p = 5/6, 4/6, 2/5, 1/4; product = 1/18; BP = 1;
    // BLEU = 100 * (1/18)^(1/4) = 48.549177...
    QTest::newRow("one sentence, add-one")
        << "the cat sat on the mat"
        << "the cat is on the mat" << 4 << true << std::vector<int>{5, 3, 1, 0}
        << std::vector<int>{6, 5, 4, 3} << 1.0 << 100.0 * std::pow(1.0 / 18.0, 0.25);
    // Two sentences; the second, "he reads a good book" vs "... book today", matches all its
    // n-grams: 5/5, 4/4, 3/3, 2/2. Corpus sums: p = 10/11, 7/9, 4/7, 2/5 (product 16/99);
    // c = 11 < r = 12 so BP = exp(1 - 12/11) = 0.913101; BLEU = 100 * BP * (16/99)^(1/4)
    // = 100 * 0.913101 * 0.634047 = 57.894843...
    QTest::newRow("corpus") << "the cat sat on the mat|he reads a good book"
                            << "the cat is on the mat|he reads a good book today" << 4 << false
                            << std::vector<int>{10, 7, 4, 2} << std::vector<int>{11, 9, 7, 5}
                            << std::exp(1.0 - 12.0 / 11.0)
                            << 100.0 * std::exp(1.0 - 12.0 / 11.0) * std::pow(16.0 / 99.0, 0.25);
    // Add-one on that corpus: p = 10/11, 8/10, 5/8, 3/6, product 5/22;
    // BLEU = 100 * 0.913101 * (5/22)^(1/4) = 63.3306...
    QTest::newRow("corpus, add-one") << "the cat sat on the mat|he reads a good book"
                                     << "the cat is on the mat|he reads a good book today" << 4 << true
                                     << std::vector<int>{10, 7, 4, 2} << std::vector<int>{11, 9, 7, 5}
                                     << std::exp(1.0 - 12.0 / 11.0)
                                     << 100.0 * std::exp(1.0 - 12.0 / 11.0) * std::pow(5.0 / 22.0, 0.25);
    // A correct prefix that is too short: p_n = 1 for all n; c = 4, r = 6,
    // BP = exp(1 - 6/4) = exp(-0.5) = 0.606531 -> 60.653066...
    QTest::newRow("brevity") << "a b c d"
                             << "a b c d e f" << 4 << false << std::vector<int>{4, 3, 2, 1}
                             << std::vector<int>{4, 3, 2, 1} << std::exp(-0.5) << 100.0 * std::exp(-0.5);
    // Character level: the tokens are characters. "abcab" vs "abcb": 1-grams a, b x2, c of 5 ->
    // 4/5 (the second a is clipped); 2-grams ab, bc (ca, the second ab unmatched) -> 2/4;
    // BLEU-2 = 100 * sqrt(4/5 * 2/4) = 100 * sqrt(0.4) = 63.245553...; c = 5 > r = 4, BP = 1.
    QTest::newRow("characters, order 2") << "a b c a b"
                                         << "a b c b" << 2 << false << std::vector<int>{4, 2}
                                         << std::vector<int>{5, 4} << 1.0 << 100.0 * std::sqrt(0.4);
}

void TestBleu::corpusScore() {
    QFETCH(QString, hypotheses);
    QFETCH(QString, references);
    QFETCH(int, maxOrder);
    QFETCH(bool, smooth);
    QFETCH(std::vector<int>, matches);
    QFETCH(std::vector<int>, totals);
    QFETCH(double, brevityPenalty);
    QFETCH(double, score);

    const BleuOptions options{maxOrder, smooth ? BleuSmoothing::AddOne : BleuSmoothing::None};
    const BleuScore bleu = corpusBleu(corpus(hypotheses), corpus(references), options);
    QCOMPARE(bleu.matches, std::vector<long>(matches.begin(), matches.end()));
    QCOMPARE(bleu.totals, std::vector<long>(totals.begin(), totals.end()));
    QVERIFY(std::abs(bleu.brevityPenalty - brevityPenalty) < 1e-12);
    QVERIFY2(std::abs(bleu.score - score) < 1e-9,
             qPrintable(QString("got %1, expected %2").arg(bleu.score, 0, 'g', 17).arg(score, 0, 'g', 17)));
    QCOMPARE(bleu.precisions.size(), size_t(maxOrder));
    for (int n = 0; n < maxOrder; ++n) {
        const int add = smooth && n > 0 ? 1 : 0;
        QVERIFY(std::abs(bleu.precisions[n] - double(matches[n] + add) / double(totals[n] + add)) < 1e-15);
    }
}

void TestBleu::unknownNeverMatches_data() {
    QTest::addColumn<std::vector<int>>("hypothesis");
    QTest::addColumn<std::vector<int>>("reference");
    QTest::addColumn<bool>("smooth");
    QTest::addColumn<std::vector<int>>("matches");
    QTest::addColumn<std::vector<int>>("totals");
    QTest::addColumn<double>("score");

    // "5 <unk> 6 7" against itself: the reference n-grams free of <unk> (3) are 5, 6, 7 and
    // "6 7", so matches 3/4, 1/3, 0/2, 0/1 (not 4/4 ... 1/1, which gave 100); BP = 1.
    QTest::newRow("unk matched by unk")
        << std::vector<int>{5, 3, 6, 7} << std::vector<int>{5, 3, 6, 7} << false
        << std::vector<int>{3, 1, 0, 0} << std::vector<int>{4, 3, 2, 1} << 0.0;
    // Add-one: p = 3/4, 2/4, 1/3, 1/2, product 1/16; BLEU = 100 * (1/16)^(1/4) = 50.
    QTest::newRow("unk matched by unk, add-one")
        << std::vector<int>{5, 3, 6, 7} << std::vector<int>{5, 3, 6, 7} << true
        << std::vector<int>{3, 1, 0, 0} << std::vector<int>{4, 3, 2, 1} << 50.0;
    // Nothing but <unk>: no reference n-gram to match at all.
    QTest::newRow("all unk") << std::vector<int>{3, 3, 3} << std::vector<int>{3, 3, 3} << false
                             << std::vector<int>{0, 0, 0, 0} << std::vector<int>{3, 2, 1, 0} << 0.0;
}

void TestBleu::unknownNeverMatches() {
    QFETCH(std::vector<int>, hypothesis);
    QFETCH(std::vector<int>, reference);
    QFETCH(bool, smooth);
    QFETCH(std::vector<int>, matches);
    QFETCH(std::vector<int>, totals);
    QFETCH(double, score);
    const BleuOptions options{4, smooth ? BleuSmoothing::AddOne : BleuSmoothing::None};
    const BleuScore bleu = corpusBleu({hypothesis}, {reference}, options);
    QCOMPARE(bleu.matches, std::vector<long>(matches.begin(), matches.end()));
    QCOMPARE(bleu.totals, std::vector<long>(totals.begin(), totals.end()));
    QCOMPARE(bleu.brevityPenalty, 1.0);
    QVERIFY2(std::abs(bleu.score - score) < 1e-9, qPrintable(QString("got %1").arg(bleu.score, 0, 'g', 17)));
}

void TestBleu::unknownStringNeverMatches() {
    // The string overload knows <unk> by its spelling, and no other word becomes unknown: "on",
    // the fourth distinct word, would have been id 3 had the pair's dictionary started at 0.
    const BleuScore words =
        corpusBleu(corpus("the <unk> sat on|the cat sat on"), corpus("the <unk> sat on|the cat sat on"));
    // Sentence 1: 3/4, 1/3, 0/2, 0/1; sentence 2: 4/4, 3/3, 2/2, 1/1.
    QCOMPARE(words.matches, (std::vector<long>{7, 4, 2, 1}));
    QCOMPARE(words.totals, (std::vector<long>{8, 6, 4, 2}));
    // p = 7/8, 4/6, 2/4, 1/2, product 7/48; BP = 1; BLEU = 100 * (7/48)^(1/4) = 61.7962...
    QVERIFY(std::abs(words.score - 100.0 * std::pow(7.0 / 48.0, 0.25)) < 1e-9);
}

void TestBleu::stringsAndIdsAgree() {
    const Corpus hyps = corpus("the cat sat on the mat|he reads a good book");
    const Corpus refs = corpus("the cat is on the mat|he reads a good book today");
    std::map<std::string, int> dictionary;
    const auto hypIds = toIds(hyps, dictionary);
    const auto refIds = toIds(refs, dictionary);
    const BleuScore fromStrings = corpusBleu(hyps, refs);
    const BleuScore fromIds = corpusBleu(hypIds, refIds);
    QCOMPARE(fromIds.matches, fromStrings.matches);
    QCOMPARE(fromIds.totals, fromStrings.totals);
    QCOMPARE(fromIds.score, fromStrings.score);
    QCOMPARE(fromIds.hypothesisLength, 11L);
    QCOMPARE(fromIds.referenceLength, 12L);
}

void TestBleu::sentenceCountsAreSummed() {
    // Corpus BLEU is not the mean of sentence BLEUs: sentence 1 alone scores 0 (no 4-gram), the
    // corpus of both scores 57.89 (see corpusScore "corpus").
    BleuStatistics statistics;
    const Corpus hyps = corpus("the cat sat on the mat|he reads a good book");
    const Corpus refs = corpus("the cat is on the mat|he reads a good book today");
    statistics.add(hyps[0], refs[0]);
    QCOMPARE(statistics.score().score, 0.0);
    statistics.add(hyps[1], refs[1]);
    QCOMPARE(statistics.sentences(), 2L);
    QCOMPARE(statistics.matches(), (std::vector<long>{10, 7, 4, 2}));
    QVERIFY(std::abs(statistics.score().score - 57.894842991350) < 1e-9);
}

void TestBleu::emptyHypothesisAndEmptyCorpus() {
    // c = 0 < r = 3: BP = 0 and every p_n = 0/0, taken as 0.
    const BleuScore empty = corpusBleu(corpus(""), corpus("a b c"));
    QCOMPARE(empty.hypothesisLength, 0L);
    QCOMPARE(empty.referenceLength, 3L);
    QCOMPARE(empty.brevityPenalty, 0.0);
    QCOMPARE(empty.score, 0.0);
    QCOMPARE(empty.precisions, (std::vector<double>{0, 0, 0, 0}));

    // No sentences at all: nothing was too short (BP 1), nothing matched (BLEU 0).
    const BleuScore none = corpusBleu(std::vector<std::vector<int>>{}, std::vector<std::vector<int>>{});
    QCOMPARE(none.brevityPenalty, 1.0);
    QCOMPARE(none.score, 0.0);
}

void TestBleu::mergeEqualsAddingEverything() {
    const Corpus hyps = corpus("the cat sat on the mat|he reads a good book|a b c d");
    const Corpus refs = corpus("the cat is on the mat|he reads a good book today|a b c d e f");
    BleuStatistics all;
    BleuStatistics first;
    BleuStatistics rest;
    for (size_t i = 0; i < hyps.size(); ++i) {
        all.add(hyps[i], refs[i]);
        (i == 0 ? first : rest).add(hyps[i], refs[i]);
    }
    first.merge(rest);
    QCOMPARE(first.matches(), all.matches());
    QCOMPARE(first.totals(), all.totals());
    QCOMPARE(first.hypothesisLength(), 15L);
    QCOMPARE(first.referenceLength(), 18L);
    QCOMPARE(first.score().score, all.score().score);

    first.clear();
    QCOMPARE(first.sentences(), 0L);
    QCOMPARE(first.totals(), (std::vector<long>{0, 0, 0, 0}));
}

void TestBleu::rejectsBadInput() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, corpusBleu(corpus("a|b"), corpus("a")));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BleuStatistics(0));
    BleuStatistics four(4);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, four.merge(BleuStatistics(2)));
}

QTEST_APPLESS_MAIN(TestBleu)
#include "tst_bleu.moc"
