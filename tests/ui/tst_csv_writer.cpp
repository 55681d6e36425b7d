// CSV output: RFC 4180 quoting, CRLF rows, shortest round-trip numbers, atomic saving.
#include "ui/plots/CsvWriter.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using attnlab::ui::CsvWriter;

class TestCsvWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quoteField_data();
    void quoteField();
    void numbers_data();
    void numbers();
    void rowsEndInCrLf();
    void saveWritesUtf8();
    void saveReportsAnUnwritablePath();
};

void TestCsvWriter::quoteField_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "march"
                           << "march";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("lone quote") << "\""
                                << "\"\"\"\"";
    QTest::newRow("newline") << "a\nb"
                             << "\"a\nb\"";
    QTest::newRow("carriage return") << "a\rb"
                                     << "\"a\rb\"";
    QTest::newRow("space token") << " "
                                 << "\" \"";
    QTest::newRow("tab token") << "\t"
                               << "\"\t\"";
    QTest::newRow("inner space") << "a b"
                                 << "a b";
    QTest::newRow("special") << "</s>"
                             << "</s>";
    QTest::newRow("unicode") << QStringLiteral("\u00E9t\u00E9") << QStringLiteral("\u00E9t\u00E9");
}

void TestCsvWriter::quoteField() {
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(CsvWriter::quoteField(field), expected);
}

void TestCsvWriter::numbers_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("asFloat");
    QTest::addColumn<QString>("expected");
    QTest::newRow("float 0.8731") << 0.8731 << true << "0.8731";
    QTest::newRow("float 0.1") << 0.1 << true << "0.1";
    QTest::newRow("float 1") << 1.0 << true << "1";
    QTest::newRow("float 0") << 0.0 << true << "0";
    QTest::newRow("float 1/3") << 1.0 / 3.0 << true << "0.33333334";
    QTest::newRow("double 0.1") << 0.1 << false << "0.1";
    QTest::newRow("double 1/3") << 1.0 / 3.0 << false << "0.3333333333333333";
    QTest::newRow("double 2.5e-07") << 2.5e-7 << false << "2.5e-07";
    QTest::newRow("double nan") << std::nan("") << false << "nan";
    QTest::newRow("double -inf") << -std::numeric_limits<double>::infinity() << false << "-inf";
}

void TestCsvWriter::numbers() {
    QFETCH(double, value);
    QFETCH(bool, asFloat);
    QFETCH(QString, expected);
    QCOMPARE(asFloat ? CsvWriter::number(float(value)) : CsvWriter::number(value), expected);
}

void TestCsvWriter::rowsEndInCrLf() {
    CsvWriter csv;
    csv.addRow({"run", "value"});
    csv.addRow({"a,b", "0.5"});
    csv.addRow({});
    QCOMPARE(csv.text(), QStringLiteral("run,value\r\n\"a,b\",0.5\r\n\r\n"));
    QCOMPARE(csv.rowCount(), 3);
}

void TestCsvWriter::saveWritesUtf8() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CsvWriter csv;
    csv.addRow({QStringLiteral("\u00E9"), QStringLiteral("\u2423")});
    const QString path = dir.filePath("out.csv");
    QString error;
    QVERIFY2(csv.save(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("\xC3\xA9,\xE2\x90\xA3\r\n"));
}

void TestCsvWriter::saveReportsAnUnwritablePath() {
    CsvWriter csv;
    csv.addRow({"x"});
    QString error;
    QVERIFY(!csv.save("/nonexistent-dir/sub/out.csv", &error));
    QVERIFY2(error.contains("/nonexistent-dir/sub/out.csv"), qPrintable(error));
}

QTEST_APPLESS_MAIN(TestCsvWriter)
#include "tst_csv_writer.moc"
