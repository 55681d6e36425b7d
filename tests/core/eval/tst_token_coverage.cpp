// TokenCoverage: the <unk> ids of encoded pairs counted per side, their shares, and the 2%
// threshold above which the CLI and the window warn.
#include "core/eval/TokenCoverage.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace attnlab;

class TestTokenCoverage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsBothSides();
    void splitAndPairsAgree();
    void warningThreshold_data();
    void warningThreshold();
    void empty();
};

namespace {
// <unk> is id 3; 4 and up are data tokens.
const std::vector<EncodedPair> kPairs{
    {{5, 3, 6}, {3, 7}},
    {{4}, {5, 6, 7, 8}},
    {{3, 3}, {3}},
};
} // namespace

void TestTokenCoverage::countsBothSides() {
    const TokenCoverage c = tokenCoverage(kPairs);
    // Source: 3 + 1 + 2 = 6 tokens, 3 unknown; target: 2 + 4 + 1 = 7 tokens, 2 unknown.
    QCOMPARE(c, (TokenCoverage{6, 3, 7, 2}));
    QCOMPARE(c.unknownSourceShare(), 0.5);
    QCOMPARE(c.unknownTargetShare(), 2.0 / 7.0);
    QVERIFY(c.warrantsWarning());
}

void TestTokenCoverage::splitAndPairsAgree() {
    EncodedSplit split;
    split.pairs = kPairs;
    QCOMPARE(tokenCoverage(split), tokenCoverage(kPairs));
    TokenCoverage sum = tokenCoverage(std::span(kPairs).first(1));
    sum += tokenCoverage(std::span(kPairs).subspan(1));
    QCOMPARE(sum, tokenCoverage(kPairs));
}

void TestTokenCoverage::warningThreshold_data() {
    QTest::addColumn<int>("unknown");
    QTest::addColumn<int>("tokens");
    QTest::addColumn<bool>("warns");
    QTest::newRow("none") << 0 << 100 << false;
    QTest::newRow("exactly 2%") << 1 << 50 << false;
    QTest::newRow("just above 2%") << 1 << 49 << true;
    QTest::newRow("all") << 7 << 7 << true;
}

void TestTokenCoverage::warningThreshold() {
    QFETCH(int, unknown);
    QFETCH(int, tokens);
    QFETCH(bool, warns);
    // One pair whose target has `unknown` <unk> ids among `tokens`; the source does not matter.
    std::vector<int> target(static_cast<size_t>(tokens), 5);
    std::fill_n(target.begin(), unknown, int(UnknownId));
    const std::vector<EncodedPair> pairs{{{3, 3, 3}, target}};
    const TokenCoverage c = tokenCoverage(pairs);
    QCOMPARE(c.unknownTargetTokens, std::int64_t(unknown));
    QCOMPARE(c.warrantsWarning(), warns);
}

void TestTokenCoverage::empty() {
    const TokenCoverage c = tokenCoverage(std::vector<EncodedPair>{});
    QCOMPARE(c, TokenCoverage{});
    QVERIFY(std::isnan(c.unknownSourceShare()));
    QVERIFY(std::isnan(c.unknownTargetShare()));
    QVERIFY(!c.warrantsWarning());
}

QTEST_APPLESS_MAIN(TestTokenCoverage)
#include "tst_token_coverage.moc"
