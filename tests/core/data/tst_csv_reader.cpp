// The CSV reader: header columns, RFC 4180 quoting, alignment column, errors.
#include "DataTestSupport.h"

#include "core/data/CsvLine.h"
#include "core/data/DatasetReader.h"

#include <QtTest>

using namespace attnlab;

class TestCsvReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splitsFields_data();
    void splitsFields();
    void readsHeaderAndQuotes();
    void namedColumnsAndAlignment();
    void aliasesAndAlignmentColumn();
    void formatFromOption();
    void errors_data();
    void errors();
};

void TestCsvReader::splitsFields_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("plain") << "a,b,c" << QStringList{"a", "b", "c"};
    QTest::newRow("empty fields") << ",x," << QStringList{"", "x", ""};
    QTest::newRow("quoted comma") << "\"one, two\",b" << QStringList{"one, two", "b"};
    QTest::newRow("doubled quote") << "\"say \"\"hi\"\"\",x" << QStringList{"say \"hi\"", "x"};
    QTest::newRow("empty quoted") << "\"\",y" << QStringList{"", "y"};
    QTest::newRow("utf-8") << "été,« été »" << QStringList{"été", "« été »"};
}

void TestCsvReader::splitsFields() {
    QFETCH(QString, line);
    QFETCH(QStringList, fields);
    std::vector<std::string> out = {"stale", "values", "from", "a", "longer", "line"};
    splitCsvLine(line.toStdString(), out);
    QStringList got;
    for (const std::string& f : out) got << QString::fromStdString(f);
    QCOMPARE(got, fields);
}

void TestCsvReader::readsHeaderAndQuotes() {
    const Dataset d = loadDataset(testDataset("pairs.csv"));
    QCOMPARE(d.size(), 3);
    QCOMPARE(d.source(0), std::string_view("hello"));
    QCOMPARE(d.target(0), std::string_view("bonjour"));
    QCOMPARE(d.source(1), std::string_view("one, two"));
    QCOMPARE(d.target(1), std::string_view("un, deux"));
    QCOMPARE(d.source(2), std::string_view("say \"hi\""));
    QCOMPARE(d.target(2), std::string_view("dire « salut »"));
    QVERIFY(!d.hasAlignments());
    const LoadReport& r = d.report();
    QCOMPARE(r.linesRead, std::int64_t(6));
    QCOMPARE(r.headerLines, std::int64_t(1));
    QCOMPARE(r.blankLines, std::int64_t(1));
    QCOMPARE(r.commentLines, std::int64_t(1));
    QCOMPARE(r.pairsKept, std::int64_t(3));
    QCOMPARE(d.lineNumber(0), std::int64_t(2));
}

void TestCsvReader::namedColumnsAndAlignment() {
    DatasetOptions options;
    options.sourceColumn = "English"; // header names match case-insensitively
    options.targetColumn = "french";
    options.sourceTokens = options.targetTokens = Tokenization::Word;
    const Dataset d = loadDataset(testDataset("custom_columns.csv"), options);
    QCOMPARE(d.size(), 2);
    QCOMPARE(d.source(0), std::string_view("the red car"));
    QCOMPARE(d.target(0), std::string_view("la voiture rouge"));
    QVERIFY(d.hasAlignments());
    QCOMPARE(links(d, 0), (Alignment{{0, 0, true}, {1, 2, true}, {2, 1, true}}));
    QCOMPARE(links(d, 1), (Alignment{{0, 0, true}, {1, 1, true}}));
}

void TestCsvReader::aliasesAndAlignmentColumn() {
    const Dataset d = loadDataset(testDataset("aligned.csv")); // src,tgt,align
    QCOMPARE(d.size(), 2);
    QCOMPARE(d.target(1), std::string_view("cba"));
    QCOMPARE(links(d, 1), (Alignment{{0, 2, true}, {1, 1, true}, {2, 0, true}}));
}

void TestCsvReader::formatFromOption() {
    QCOMPARE(resolveFormat(DatasetFormat::Auto, "x/pairs.CSV"), DatasetFormat::Csv);
    QCOMPARE(resolveFormat(DatasetFormat::Auto, "x/pairs.txt"), DatasetFormat::Tsv);
    QCOMPARE(resolveFormat(DatasetFormat::Csv, "pairs.txt"), DatasetFormat::Csv);
    // Read as TSV, the CSV file has no tab on its first line.
    DatasetOptions options;
    options.format = DatasetFormat::Tsv;
    try {
        loadDataset(testDataset("pairs.csv"), options);
        QFAIL("no error");
    } catch (const DatasetError& e) {
        QCOMPARE(e.line(), std::int64_t(1));
    }
}

void TestCsvReader::errors_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<qlonglong>("line");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no header")
        << "no_header.csv" << 1LL
        << "the CSV header names no source column (looked for 'source', 'src', 'input'; "
           "found 'hello', 'bonjour'); a CSV file needs a header row naming its columns";
    QTest::newRow("columns not named source/target")
        << "custom_columns.csv" << 1LL
        << "the CSV header names no source column (looked for 'source', 'src', 'input'; found 'id', "
           "'english', "
           "'french', 'alignment'); a CSV file needs a header row naming its columns";
    QTest::newRow("unterminated quote")
        << "bad_quote.csv" << 2LL
        << "unterminated quoted field 2 (a line break inside a quoted field is not supported)";
    QTest::newRow("short row") << "short_row.csv" << 3LL
                               << "expected at least 2 comma-separated fields, found 1";
}

void TestCsvReader::errors() {
    QFETCH(QString, file);
    QFETCH(qlonglong, line);
    QFETCH(QString, reason);
    try {
        loadDataset(testDataset(file.toStdString()));
        QFAIL("no error");
    } catch (const DatasetError& e) {
        QCOMPARE(static_cast<qlonglong>(e.line()), line);
        QCOMPARE(QString::fromStdString(e.reason()), reason);
    }
}

QTEST_APPLESS_MAIN(TestCsvReader)
#include "tst_csv_reader.moc"
