// Series files for forecasting (issue 15, item 7): a header or none, comments and blank lines,
// CSV quoting, tab and semicolon delimiters; every bad file refused with its file, line, column and
// reason.
#include "core/data/DatasetError.h"
#include "core/data/forecast/SeriesTable.h"

#include <QtTest>

#include <sstream>

using namespace attnlab;

class TestSeriesTable : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsHeaderCommentsAndQuotes();
    void readsWithoutHeader();
    void readsSemicolons();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void refusesAbsentFile();
    void namesFromConstructor();
};

namespace {

std::string testData(const std::string& name) {
    return qEnvironmentVariable("ATTNLAB_SOURCE_DIR").toStdString() + "/tests/data/" + name;
}

} // namespace

void TestSeriesTable::readsHeaderCommentsAndQuotes() {
    const SeriesTable table = SeriesTable::load(testData("forecast/two_series.csv"));
    QVERIFY(table.hadHeader());
    QCOMPARE(table.delimiter(), ',');
    QCOMPARE(table.seriesCount(), 3);
    QCOMPARE(table.length(), 3);
    QCOMPARE(table.names(), (std::vector<std::string>{"day", "demand, kWh", "temperature"}));
    QCOMPARE(table.series(0), (std::vector<double>{1, 2, 3}));
    // "+11", " 12.25 " (spaces trimmed), "-2.5e0", "1e1"
    QCOMPARE(table.series(1), (std::vector<double>{10.5, 11, 12.25}));
    QCOMPARE(table.series(2), (std::vector<double>{3, -2.5, 10}));
}

void TestSeriesTable::readsWithoutHeader() {
    const SeriesTable table = SeriesTable::load(testData("forecast/no_header.tsv")); // CRLF endings
    QVERIFY(!table.hadHeader());
    QCOMPARE(table.delimiter(), '\t');
    QCOMPARE(table.names(), (std::vector<std::string>{"series 1", "series 2"}));
    QCOMPARE(table.series(0), (std::vector<double>{1, 3}));
    QCOMPARE(table.series(1), (std::vector<double>{2, 4}));
}

void TestSeriesTable::readsSemicolons() {
    const SeriesTable table = SeriesTable::load(testData("forecast/semicolons.csv"));
    QCOMPARE(table.delimiter(), ';');
    QCOMPARE(table.names(), (std::vector<std::string>{"load", "price"}));
    QCOMPARE(table.series(1), (std::vector<double>{20.5, 21}));
    // A single column has no delimiter at all.
    std::istringstream single("x\n1\n2.5\n");
    QCOMPARE(SeriesTable::read(single, "single.csv").series(0), (std::vector<double>{1, 2.5}));
}

void TestSeriesTable::refusesBadFiles_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty field") << "missing_value.csv" << 4
                                 << "column 2 (temperature): missing value (empty field)";
    QTest::newRow("empty field, tsv")
        << "missing_value.tsv" << 3 << "column 2 (b): missing value (empty field)";
    QTest::newRow("NA") << "na_marker.csv" << 3 << "column 2 (b): missing value (\"NA\")";
    QTest::newRow("text") << "not_a_number.csv" << 3 << "column 2 (load): \"3l0\" is not a number";
    QTest::newRow("decimal comma")
        << "decimal_comma.csv" << 3
        << "column 2 (price): \"20,5\" is not a number (a decimal comma? write the decimal point as '.')";
    QTest::newRow("infinite") << "infinite.csv" << 2 << "column 2 (b): \"inf\" is not finite";
    QTest::newRow("too few columns") << "too_few_columns.csv" << 4 << "1 column, expected 2 as on line 1";
    QTest::newRow("too many columns") << "too_many_columns.csv" << 2 << "3 columns, expected 2 as on line 1";
    QTest::newRow("unterminated quote") << "unterminated_quote.csv" << 2 << "quote";
    QTest::newRow("only a header")
        << "only_header.csv" << 0
        << "no values: the file has only comments, blank lines or a header (3 lines, "
           "2 comment or blank)";
    QTest::newRow("empty") << "empty.csv" << 0 << "no values: the file is empty";
}

void TestSeriesTable::refusesBadFiles() {
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, reason);
    const std::string path = testData("bad/forecast/" + file.toStdString());
    try {
        SeriesTable::load(path);
        QFAIL("the file was accepted");
    } catch (const DatasetError& e) {
        QCOMPARE(e.file(), path);
        QCOMPARE(e.line(), std::int64_t(line));
        QVERIFY2(QString::fromStdString(e.reason()).contains(reason), e.what());
        // what() is FILE:LINE: REASON, as every dataset error.
        QVERIFY2(std::string(e.what()).starts_with(line > 0 ? path + ":" + std::to_string(line) + ": "
                                                            : path + ": "),
                 e.what());
    }
}

void TestSeriesTable::refusesAbsentFile() {
    const std::string path = testData("bad/forecast/no_such_file.csv");
    try {
        SeriesTable::load(path);
        QFAIL("an absent file was accepted");
    } catch (const DatasetError& e) {
        QCOMPARE(e.reason(), std::string("cannot open: no such file"));
        QCOMPARE(e.file(), path);
    }
}

void TestSeriesTable::namesFromConstructor() {
    const SeriesTable table({}, {{1, 2}, {3, 4}});
    QCOMPARE(table.names(), (std::vector<std::string>{"series 1", "series 2"}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SeriesTable({}, {{1, 2}, {3}}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SeriesTable({"a"}, {{1}, {2}}));
}

QTEST_APPLESS_MAIN(TestSeriesTable)
#include "tst_series_table.moc"
