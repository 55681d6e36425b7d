// What the options do to each pair: reverse, lowercase, trim, maximum lengths.
#include "DataTestSupport.h"

#include "core/data/DatasetReader.h"

#include <QtTest>

using namespace attnlab;

class TestDatasetOptions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void trimShiftsCharacterAlignments();
    void withoutTrimKeepsWhitespace();
    void lowercaseKeepsPositions();
    void reverseSwapsSidesAndTransposesLinks();
    void reverseUsesModelSideTokenisation();
    void maxLengths_data();
    void maxLengths();
    void allTooLongIsAnError();
};

void TestDatasetOptions::trimShiftsCharacterAlignments() {
    const Dataset d = loadDataset(testDataset("trim_case.tsv")); // trim is on by default
    QCOMPARE(d.size(), 2);
    QCOMPARE(d.source(0), std::string_view("Hello"));
    // "  Hello " links 2-0 (H) and 3-1 (e) become 0-0 and 1-1; 0-3 pointed at a trimmed space.
    QCOMPARE(links(d, 0), (Alignment{{0, 0, true}, {1, 1, true}}));
    QCOMPARE(d.report().alignmentLinksTrimmed, std::int64_t(1));
    QVERIFY(QString::fromStdString(d.report().summary())
                .contains("1 alignment links into trimmed whitespace removed"));
}

void TestDatasetOptions::withoutTrimKeepsWhitespace() {
    DatasetOptions options;
    options.trim = false;
    const Dataset d = loadDataset(testDataset("trim_case.tsv"), options);
    QCOMPARE(d.source(0), std::string_view("  Hello "));
    QCOMPARE(links(d, 0), (Alignment{{0, 3, true}, {2, 0, true}, {3, 1, true}}));
    QCOMPARE(d.report().alignmentLinksTrimmed, std::int64_t(0));
}

void TestDatasetOptions::lowercaseKeepsPositions() {
    DatasetOptions options;
    options.lowercase = true;
    const Dataset d = loadDataset(testDataset("trim_case.tsv"), options);
    QCOMPARE(d.source(0), std::string_view("hello"));
    QCOMPARE(d.target(0), std::string_view("bonjour"));
    QCOMPARE(d.source(1), std::string_view("été"));
    QCOMPARE(d.target(1), std::string_view("été σд"));
    QCOMPARE(links(d, 1), (Alignment{{0, 0, true}, {1, 1, true}, {2, 2, true}}));
    QCOMPARE(d.targetTokens(1).size(), std::size_t(6));
}

void TestDatasetOptions::reverseSwapsSidesAndTransposesLinks() {
    DatasetOptions options;
    options.reverse = true;
    options.sourceTokens = options.targetTokens = Tokenization::Word;
    const Dataset d = loadDataset(testDataset("aligned.tsv"), options);
    QCOMPARE(d.source(0), std::string_view("la voiture rouge"));
    QCOMPARE(d.target(0), std::string_view("the red car"));
    QCOMPARE(links(d, 0), (Alignment{{0, 0, true}, {1, 2, true}, {2, 1, true}}));
    // 0-0 1-1 2?3 3-2 transposed: 0-0 1-1 2-3 3?2.
    QCOMPARE(links(d, 1), (Alignment{{0, 0, true}, {1, 1, true}, {2, 3, true}, {3, 2, false}}));
    QCOMPARE(links(d, 2), (Alignment{{0, 0, false}, {1, 0, true}}));
}

void TestDatasetOptions::reverseUsesModelSideTokenisation() {
    // numbers-like: the file's source is chars, its target words. Reversed, the model's source
    // is the words, so the options say word -> char.
    std::istringstream in("12\ttwelve\t0?0 1?0\n");
    DatasetOptions options;
    options.reverse = true;
    options.sourceTokens = Tokenization::Word;
    options.targetTokens = Tokenization::Char;
    const Dataset d = readDataset(in, {"n", "", "n.tsv", -1}, options);
    QCOMPARE(d.source(0), std::string_view("twelve"));
    QCOMPARE(d.sourceTokens(0), (std::vector<std::string>{"twelve"}));
    QCOMPARE(d.targetTokens(0), (std::vector<std::string>{"1", "2"}));
    QCOMPARE(links(d, 0), (Alignment{{0, 0, false}, {0, 1, false}}));
}

void TestDatasetOptions::maxLengths_data() {
    // lengths.tsv pairs (source, target chars): (2,6) (6,2) (3,3) (8,8)
    QTest::addColumn<int>("maxSource");
    QTest::addColumn<int>("maxTarget");
    QTest::addColumn<int>("kept");
    QTest::addColumn<int>("dropped");
    QTest::addColumn<int>("droppedSource");
    QTest::addColumn<int>("droppedTarget");
    QTest::addColumn<int>("firstDroppedLine");
    QTest::newRow("no limits") << 0 << 0 << 4 << 0 << 0 << 0 << 0;
    QTest::newRow("source <= 4") << 4 << 0 << 2 << 2 << 2 << 0 << 2;
    QTest::newRow("target <= 4") << 0 << 4 << 2 << 2 << 0 << 2 << 1;
    QTest::newRow("both <= 4") << 4 << 4 << 1 << 3 << 2 << 2 << 1;
    QTest::newRow("both <= 8") << 8 << 8 << 4 << 0 << 0 << 0 << 0;
}

void TestDatasetOptions::maxLengths() {
    QFETCH(int, maxSource);
    QFETCH(int, maxTarget);
    QFETCH(int, kept);
    QFETCH(int, dropped);
    QFETCH(int, droppedSource);
    QFETCH(int, droppedTarget);
    QFETCH(int, firstDroppedLine);
    DatasetOptions options;
    options.maxSourceLength = maxSource;
    options.maxTargetLength = maxTarget;
    const Dataset d = loadDataset(testDataset("lengths.tsv"), options);
    const LoadReport& r = d.report();
    QCOMPARE(d.size(), kept);
    QCOMPARE(r.droppedTooLong, std::int64_t(dropped));
    QCOMPARE(r.droppedSourceTooLong, std::int64_t(droppedSource));
    QCOMPARE(r.droppedTargetTooLong, std::int64_t(droppedTarget));
    QCOMPARE(r.firstDroppedLine, std::int64_t(firstDroppedLine));
    QCOMPARE(r.linesRead, r.headerLines + r.commentLines + r.blankLines + r.pairsKept + r.droppedTooLong);
    if (maxSource == 4 && maxTarget == 4) {
        QCOMPARE(d.source(0), std::string_view("abc"));
        QCOMPARE(r.summary(), std::string("4 lines: 1 pairs kept, 0 comment, 0 blank; dropped 3 too long "
                                          "(source > 4 tokens: 2, target > 4 tokens: 2; first at line 1)"));
    }
}

void TestDatasetOptions::allTooLongIsAnError() {
    DatasetOptions options;
    options.maxSourceLength = 1;
    try {
        loadDataset(testDataset("lengths.tsv"), options);
        QFAIL("no error");
    } catch (const DatasetError& e) {
        QCOMPARE(e.line(), std::int64_t(0));
        QCOMPARE(
            e.reason(),
            std::string("no pairs left: all 4 exceed the length limits (4 lines: 0 pairs kept, 0 "
                        "comment, 0 blank; dropped 4 too long (source > 1 tokens: 4; first at line 1))"));
    }
}

QTEST_APPLESS_MAIN(TestDatasetOptions)
#include "tst_dataset_options.moc"
