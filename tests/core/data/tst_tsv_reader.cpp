// The TSV reader: each rule and each error on the small files in tests/data/datasets/.
#include "DataTestSupport.h"

#include "core/data/DatasetReader.h"

#include <QtTest>

#include <sstream>

using namespace attnlab;

class TestTsvReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void skipsAndCountsCommentsAndBlanks();
    void acceptsBomAndCrlf();
    void ignoresAttributionColumn();
    void readsGoldAlignments();
    void errors_data();
    void errors();
    void rangeFollowsTokenisation();
    void errorMessageFormat();
    void missingFileAndDirectory();
    void progressAndCancel();
    void longLineIsRefusedAndCancellable();
};

void TestTsvReader::skipsAndCountsCommentsAndBlanks() {
    const Dataset d = loadDataset(testDataset("basic.tsv"));
    QCOMPARE(d.name(), std::string("basic"));
    QCOMPARE(d.path(), testDataset("basic.tsv"));
    QCOMPARE(d.size(), 2);
    QCOMPARE(d.source(0), std::string_view("hello"));
    QCOMPARE(d.target(0), std::string_view("bonjour"));
    QCOMPARE(d.source(1), std::string_view("cat"));
    QCOMPARE(d.lineNumber(0), std::int64_t(2));
    QCOMPARE(d.lineNumber(1), std::int64_t(5));
    QVERIFY(!d.hasAlignments());
    const LoadReport& r = d.report();
    QCOMPARE(r.linesRead, std::int64_t(5));
    QCOMPARE(r.commentLines, std::int64_t(1));
    QCOMPARE(r.blankLines, std::int64_t(2)); // "" and "   "
    QCOMPARE(r.pairsKept, std::int64_t(2));
    QCOMPARE(r.droppedTooLong, std::int64_t(0));
    QCOMPARE(r.bytesRead, std::int64_t(QFileInfo(QString::fromStdString(testDataset("basic.tsv"))).size()));
    QCOMPARE(r.summary(), std::string("5 lines: 2 pairs kept, 1 comment, 2 blank"));
}

void TestTsvReader::acceptsBomAndCrlf() {
    const Dataset d = loadDataset(testDataset("crlf_bom.tsv"));
    QCOMPARE(d.size(), 3);
    QCOMPARE(d.source(0), std::string_view("café"));   // no BOM in front
    QCOMPARE(d.target(0), std::string_view("coffee")); // no \r behind
    QCOMPARE(d.source(1), std::string_view("straße"));
    QCOMPARE(d.source(2), std::string_view("Été"));
    QCOMPARE(d.report().commentLines, std::int64_t(1));
    QCOMPARE(d.report().blankLines, std::int64_t(1));
    // Char tokens are code points: é and ß are one token each.
    QCOMPARE(d.sourceTokens(0), (std::vector<std::string>{"c", "a", "f", "é"}));
    QCOMPARE(d.sourceTokens(1).size(), std::size_t(6));
}

void TestTsvReader::ignoresAttributionColumn() {
    const Dataset d = loadDataset(testDataset("tatoeba.tsv"));
    QCOMPARE(d.size(), 3);
    QVERIFY(!d.hasAlignments());
    QCOMPARE(d.source(1), std::string_view("Hi."));
    QCOMPARE(d.target(1), std::string_view("Salut !"));
    QVERIFY(d.alignment(1).empty());
    // Ignored, but not silently.
    QCOMPARE(d.report().thirdColumnsIgnored, 3);
    QVERIFY2(d.report().summary().find("third column ignored on 3 lines (not alignment links)") !=
                 std::string::npos,
             d.report().summary().c_str());
}

void TestTsvReader::readsGoldAlignments() {
    DatasetOptions options;
    options.sourceTokens = options.targetTokens = Tokenization::Word;
    const Dataset d = loadDataset(testDataset("aligned.tsv"), options);
    QCOMPARE(d.size(), 3);
    QVERIFY(d.hasAlignments());
    QVERIFY(d.report().hasAlignments);
    QCOMPARE(links(d, 0), (Alignment{{0, 0, true}, {1, 2, true}, {2, 1, true}}));
    // Stored in canonical (source, target) order, sure and possible kept apart.
    QCOMPARE(links(d, 1), (Alignment{{0, 0, true}, {1, 1, true}, {2, 3, false}, {3, 2, true}}));
    // The fourth column is ignored.
    QCOMPARE(d.target(2), std::string_view("les chats"));
    QCOMPARE(links(d, 2), (Alignment{{0, 0, false}, {0, 1, true}}));
    QCOMPARE(d.targetTokens(1), (std::vector<std::string>{"les", "petites", "voitures", "rouges"}));
    QCOMPARE(d.pair(0),
             (TextPair{"the red car", "la voiture rouge", {{0, 0, true}, {1, 2, true}, {2, 1, true}}}));
}

void TestTsvReader::errors_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("words");
    QTest::addColumn<qlonglong>("line");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no tab") << "no_tab.tsv" << false << 2LL
                            << "no tab: expected source<TAB>target[<TAB>alignment]";
    QTest::newRow("empty source") << "empty_source.tsv" << false << 2LL << "empty source";
    QTest::newRow("empty target") << "empty_target.tsv" << false << 2LL << "empty target";
    QTest::newRow("whitespace side") << "whitespace_side.tsv" << false << 2LL
                                     << "empty source: only whitespace";
    QTest::newRow("invalid UTF-8")
        << "invalid_utf8.tsv" << false << 2LL
        << "invalid UTF-8 at byte offset 13 of the file (byte 5 of this line, 0-based)";
    QTest::newRow("alignment out of range")
        << "alignment_out_of_range.tsv" << false << 2LL
        << "alignment link 1-2: target index 2 is out of range (the target has 2 char tokens)";
    QTest::newRow("alignment out of range, words")
        << "alignment_word_range.tsv" << true << 1LL
        << "alignment link 2-2: source index 2 is out of range (the source has 2 word tokens)";
    QTest::newRow("malformed alignment")
        << "alignment_malformed.tsv" << false << 2LL
        << "malformed alignment link '1-': expected i-j (sure) or i?j (possible) with 0-based token indices";
    // Issue 11: a typo in the first pair's links made the whole column count as an attribution.
    QTest::newRow("malformed first alignment")
        << "alignment_typo_first.tsv" << false << 1LL
        << "malformed alignment link '1-x': expected i-j (sure) or i?j (possible) with 0-based token indices";
    QTest::newRow("duplicate link") << "alignment_duplicate.tsv" << false << 2LL
                                    << "duplicate alignment link between source 0 and target 0";
    QTest::newRow("alignment missing") << "alignment_missing.tsv" << false << 2LL
                                       << "no gold alignment column: the first pair (line 1) has one, so "
                                          "every pair needs one (an empty third "
                                          "column means no links)";
    QTest::newRow("alignment appears late") << "alignment_late.tsv" << false << 2LL
                                            << "the third column looks like a gold alignment, but the first "
                                               "pair (line 1) has none: give every pair "
                                               "one or none";
    QTest::newRow("empty first alignment decides none")
        << "alignment_empty_first.tsv" << false << 2LL
        << "the third column looks like a gold alignment, but the first pair (line 1) has none: give every "
           "pair "
           "one or none";
    QTest::newRow("only bad lines") << "only_bad.tsv" << false << 1LL
                                    << "no tab: expected source<TAB>target[<TAB>alignment]";
    QTest::newRow("only comments") << "only_comments.tsv" << false << 0LL
                                   << "no pairs: the file has only comments, blank lines or a header (3 "
                                      "lines: 0 pairs kept, 2 comment, 1 blank)";
    QTest::newRow("empty file") << "empty.tsv" << false << 0LL << "no pairs: the file is empty";
    // Issue 11: NUL bytes loaded as tokens, and UTF-16 without a byte order mark as garbage pairs.
    QTest::newRow("NUL byte")
        << "nul_byte.tsv" << false << 2LL
        << "NUL byte at byte offset 7 of the file: a text file has none (is it a binary file?)";
    QTest::newRow("UTF-16 without BOM") << "utf16_no_bom.tsv" << false << 1LL
                                        << "NUL bytes between the characters: the file looks like UTF-16 "
                                           "without a byte order mark; save it as "
                                           "UTF-8";
    QTest::newRow("UTF-16")
        << "utf16.tsv" << false << 1LL
        << "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8";
}

void TestTsvReader::errors() {
    QFETCH(QString, file);
    QFETCH(bool, words);
    QFETCH(qlonglong, line);
    QFETCH(QString, reason);
    DatasetOptions options;
    if (words) options.sourceTokens = options.targetTokens = Tokenization::Word;
    const std::string path = testDataset(file.toStdString());
    try {
        loadDataset(path, options);
        QFAIL("loaded without an error");
    } catch (const DatasetError& e) {
        QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(path));
        QCOMPARE(static_cast<qlonglong>(e.line()), line);
        QCOMPARE(QString::fromStdString(e.reason()), reason);
    }
}

void TestTsvReader::rangeFollowsTokenisation() {
    // The same links are in range for the 7 characters of "the cat", out of range for its 2 words.
    const Dataset d = loadDataset(testDataset("alignment_word_range.tsv"));
    QCOMPARE(d.size(), 1);
    QCOMPARE(links(d, 0), (Alignment{{0, 0, true}, {1, 1, true}, {2, 2, true}}));
}

void TestTsvReader::errorMessageFormat() {
    const std::string path = testDataset("no_tab.tsv");
    try {
        loadDataset(path);
        QFAIL("no error");
    } catch (const DatasetError& e) {
        QCOMPARE(std::string(e.what()), path + ":2: no tab: expected source<TAB>target[<TAB>alignment]");
    }
    try {
        loadDataset(testDataset("empty.tsv"));
        QFAIL("no error");
    } catch (const DatasetError& e) {
        QCOMPARE(std::string(e.what()), testDataset("empty.tsv") + ": no pairs: the file is empty");
    }
}

void TestTsvReader::missingFileAndDirectory() {
    try {
        loadDataset(testDataset("does_not_exist.tsv"));
        QFAIL("no error");
    } catch (const DatasetError& e) {
        QCOMPARE(e.line(), std::int64_t(0));
        QCOMPARE(e.reason(), std::string("cannot open: no such file"));
    }
    try {
        loadDataset(ATTNLAB_TEST_DATASETS);
        QFAIL("no error");
    } catch (const DatasetError& e) {
        QCOMPARE(e.reason(), std::string("cannot open: it is a directory, not a dataset file"));
    }
}

void TestTsvReader::progressAndCancel() {
    // 3 MiB of pairs: progress about every MiB, the last call at the full size.
    std::string text;
    const std::string line = std::string(100, 'a') + "\t" + std::string(100, 'b') + "\n";
    while (text.size() < (3u << 20)) text += line;
    const auto total = static_cast<std::int64_t>(text.size());
    std::vector<std::int64_t> seen;
    {
        std::istringstream in(text);
        const Dataset d =
            readDataset(in, {"big", "", "big.tsv", total}, {}, [&](std::int64_t done, std::int64_t all) {
                seen.push_back(done);
                return all == total;
            });
        QCOMPARE(static_cast<std::size_t>(d.size()), text.size() / line.size());
    }
    QVERIFY(seen.size() >= 3 && seen.size() <= 5);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QCOMPARE(seen.back(), total);

    std::istringstream in(text);
    int calls = 0;
    try {
        readDataset(in, {"big", "", "big.tsv", total}, {},
                    [&](std::int64_t, std::int64_t) { return ++calls < 2; });
        QFAIL("not cancelled");
    } catch (const DatasetCancelled& e) {
        QCOMPARE(std::string(e.what()), std::string("big.tsv: loading cancelled"));
    }
    QCOMPARE(calls, 2);
}

// Issue 11: a file with no newline was read as one line of unlimited length, and Cancel could not
// interrupt it.
void TestTsvReader::longLineIsRefusedAndCancellable() {
    const std::string text = std::string(3u << 20, 'a') + "\tb\n";
    {
        std::istringstream in(text);
        try {
            readDataset(in, {"long", "", "long.tsv", static_cast<std::int64_t>(text.size())});
            QFAIL("a 3 MiB line loaded");
        } catch (const DatasetError& e) {
            QCOMPARE(e.line(), std::int64_t(1));
            QVERIFY2(e.reason().starts_with("the line is longer than 1048576 bytes (1 MiB)"),
                     e.reason().c_str());
        }
    }
    std::istringstream in(text);
    int calls = 0;
    try {
        readDataset(in, {"long", "", "long.tsv", static_cast<std::int64_t>(text.size())}, {},
                    [&](std::int64_t done, std::int64_t) {
                        ++calls;
                        return done < (1 << 19); // cancelled at the first report, inside the line
                    });
        QFAIL("not cancelled");
    } catch (const DatasetCancelled&) {
    }
    QCOMPARE(calls, 1);
}

QTEST_APPLESS_MAIN(TestTsvReader)
#include "tst_tsv_reader.moc"
