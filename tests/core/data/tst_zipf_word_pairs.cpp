// The second reference workload's data (issue 16): Zipf-distributed words, a fixed dictionary
// and local reordering, a pure function of options and seed.
#include "core/data/PharaohAlignment.h"
#include "core/data/Tokenization.h"
#include "core/data/ZipfWordPairs.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <set>
#include <sstream>

using namespace attnlab;

class TestZipfWordPairs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSamePairs();
    void spellingsAreDistinct();
    void targetIsTheDictionaryWithLocalSwaps();
    void rankFrequencyFollowsZipf();
    void fiftyThousandPairsUseEveryWord();
    void tsvHasHeaderAndLinks();
    void badOptionsThrow();
};

namespace {

ZipfWordOptions small(int count) {
    ZipfWordOptions options;
    options.count = count;
    return options;
}

} // namespace

void TestZipfWordPairs::sameSeedSamePairs() {
    const auto a = generateZipfWordPairs(small(300), 7);
    const auto b = generateZipfWordPairs(small(300), 7);
    const auto c = generateZipfWordPairs(small(300), 8);
    QCOMPARE(a.size(), size_t(300));
    QVERIFY(a == b);
    QVERIFY(a != c);
    QCOMPARE(zipfDictionary(7996), zipfDictionary(7996)); // the language does not depend on the seed
}

void TestZipfWordPairs::spellingsAreDistinct() {
    std::set<std::string> source, target;
    for (int r = 0; r < 7996; ++r) {
        source.insert(zipfSourceWord(r));
        target.insert(zipfTargetWord(r));
    }
    QCOMPARE(source.size(), size_t(7996));
    QCOMPARE(target.size(), size_t(7996));
    for (const std::string& word : source) QVERIFY(!target.contains(word));
    QCOMPARE(zipfSourceWord(0), std::string("ba"));
    QCOMPARE(zipfTargetWord(0), std::string("cao"));
}

void TestZipfWordPairs::targetIsTheDictionaryWithLocalSwaps() {
    const ZipfWordOptions options = small(500);
    const std::vector<int> dictionary = zipfDictionary(options.words);
    std::map<std::string, int> sourceRank, targetRank;
    for (int r = 0; r < options.words; ++r) {
        sourceRank[zipfSourceWord(r)] = r;
        targetRank[zipfTargetWord(r)] = r;
    }
    int swaps = 0;
    for (const TextPair& pair : generateZipfWordPairs(options, 3)) {
        const auto source = tokenize(pair.source, Tokenization::Word);
        const auto target = tokenize(pair.target, Tokenization::Word);
        QVERIFY(source.size() >= 5 && source.size() <= 25);
        QCOMPARE(target.size(), source.size());
        QCOMPARE(pair.alignment.size(), source.size());
        for (const AlignmentLink& link : pair.alignment) {
            QVERIFY(std::abs(link.source - link.target) <= 1); // reordering is local
            swaps += link.source != link.target;
            QCOMPARE(targetRank.at(target[link.target]), dictionary[sourceRank.at(source[link.source])]);
            // A word moves only as a modifier before a non-modifier, or as that word.
            if (link.target == link.source + 1) {
                QVERIFY(isZipfModifier(sourceRank.at(source[link.source])));
                QVERIFY(!isZipfModifier(sourceRank.at(source[link.source + 1])));
            }
        }
    }
    QVERIFY2(swaps > 500, qPrintable(QString::number(swaps))); // reordering is common, not rare
}

void TestZipfWordPairs::rankFrequencyFollowsZipf() {
    const ZipfWordOptions options = small(20000);
    std::map<std::string, double> counts;
    double tokens = 0;
    for (const TextPair& pair : generateZipfWordPairs(options, 5))
        for (const std::string& word : tokenize(pair.source, Tokenization::Word)) {
            counts[word] += 1;
            tokens += 1;
        }
    // The slope of log frequency against log rank over the 300 most frequent ranks (least squares),
    // ranks taken from the word's spelling, so sampling noise cannot reorder them.
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    const int ranks = 300;
    for (int r = 0; r < ranks; ++r) {
        const double x = std::log(r + 1.0), y = std::log(counts[zipfSourceWord(r)]);
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double slope = (ranks * sxy - sx * sy) / (ranks * sxx - sx * sx);
    qInfo("rank-frequency slope %.3f over ranks 1..%d", slope, ranks);
    QVERIFY2(slope > -1.08 && slope < -0.92, qPrintable(QString::number(slope)));
    // The most frequent word: 1 / H(7996) ≈ 0.1046 of the tokens.
    double harmonic = 0;
    for (int r = 1; r <= options.words; ++r) harmonic += 1.0 / r;
    const double top = counts[zipfSourceWord(0)] / tokens;
    QVERIFY2(std::abs(top - 1.0 / harmonic) < 0.005, qPrintable(QString::number(top)));
}

void TestZipfWordPairs::fiftyThousandPairsUseEveryWord() {
    // The bench's pairs (seed 7): every word on both sides, so with the 4 specials each
    // vocabulary has exactly 8,000 ids.
    std::set<std::string> source, target;
    double length = 0;
    for (const TextPair& pair : generateZipfWordPairs(small(50000), 7)) {
        for (const std::string& w : tokenize(pair.source, Tokenization::Word)) source.insert(w);
        for (const std::string& w : tokenize(pair.target, Tokenization::Word)) target.insert(w);
        length += static_cast<double>(pair.alignment.size());
    }
    QCOMPARE(source.size(), size_t(7996));
    QCOMPARE(target.size(), size_t(7996));
    QVERIFY(std::abs(length / 50000 - 15.0) < 0.1); // uniform in [5, 25]
}

void TestZipfWordPairs::tsvHasHeaderAndLinks() {
    const ZipfWordOptions options = small(2);
    const auto pairs = generateZipfWordPairs(options, 1);
    std::ostringstream out;
    writeZipfWordTsv(out, pairs, options, 1);
    std::istringstream in(out.str());
    std::string header, line;
    std::getline(in, header);
    QCOMPARE(header, std::string("# zipf word pairs: count 2, words 7996, exponent 1, lengths 5-25, seed 1"));
    std::getline(in, line);
    QCOMPARE(line, pairs[0].source + '\t' + pairs[0].target + '\t' + formatAlignment(pairs[0].alignment));
}

void TestZipfWordPairs::badOptionsThrow() {
    ZipfWordOptions options = small(1);
    options.maxLength = 3; // below minLength 5
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateZipfWordPairs(options, 1));
    options = small(-1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateZipfWordPairs(options, 1));
}

QTEST_APPLESS_MAIN(TestZipfWordPairs)
#include "tst_zipf_word_pairs.moc"
