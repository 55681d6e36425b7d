// How attnlab-cli writes numbers and tokens for people.
#include "app/cli/Format.h"

#include <QtTest>

#include <limits>

using namespace attnlab::cli;

class TestCliFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void numbers_data();
    void numbers();
    void durations_data();
    void durations();
    void grouping_data();
    void grouping();
    void tokens();
    void padding();
};

void TestCliFormat::numbers_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("fixed") << QString::fromStdString(fixed(0.41234, 4)) << "0.4123";
    QTest::newRow("fixed rounds") << QString::fromStdString(fixed(2.0 / 3.0, 2)) << "0.67";
    QTest::newRow("fixed NaN") << QString::fromStdString(fixed(nan, 3)) << "-";
    QTest::newRow("percent") << QString::fromStdString(percent(0.9731)) << "97.3%";
    QTest::newRow("percent whole") << QString::fromStdString(percent(1.0)) << "100.0%";
    QTest::newRow("percent NaN") << QString::fromStdString(percent(nan)) << "-";
    QTest::newRow("general") << QString::fromStdString(general(1e-3)) << "0.001";
    QTest::newRow("general large") << QString::fromStdString(general(1e9)) << "1e+09";
    QTest::newRow("one") << QString::fromStdString(counted(1, "epoch")) << "1 epoch";
    QTest::newRow("many") << QString::fromStdString(counted(2, "epoch")) << "2 epochs";
    QTest::newRow("irregular") << QString::fromStdString(counted(4, "batch", "batches")) << "4 batches";
}

void TestCliFormat::numbers() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(text, expected);
}

void TestCliFormat::durations_data() {
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seconds") << 8.24 << "8.2 s";
    QTest::newRow("just under a minute") << 59.94 << "59.9 s";
    QTest::newRow("minutes") << 151.0 << "2m 31s";
    QTest::newRow("hours") << 3900.0 << "1h 05m";
    QTest::newRow("negative") << -1.0 << "-";
}

void TestCliFormat::durations() {
    QFETCH(double, seconds);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(duration(seconds)), expected);
}

void TestCliFormat::grouping_data() {
    QTest::addColumn<qlonglong>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("small") << 999LL << "999";
    QTest::newRow("thousand") << 1000LL << "1,000";
    QTest::newRow("millions") << 1234567LL << "1,234,567";
    QTest::newRow("negative") << -284303LL << "-284,303";
    QTest::newRow("zero") << 0LL << "0";
}

void TestCliFormat::grouping() {
    QFETCH(qlonglong, value);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(grouped(value)), expected);
}

void TestCliFormat::tokens() {
    QCOMPARE(QString::fromStdString(visibleToken(" ")), QString::fromUtf8("\u2423"));
    QCOMPARE(QString::fromStdString(visibleToken("a\tb\n")), QString::fromUtf8("a\u21E5b\u21B5"));
    QCOMPARE(QString::fromStdString(visibleToken("été")), QString::fromUtf8("été"));
    QCOMPARE(displayWidth("été"), 3); // code points, not bytes
    QCOMPARE(displayWidth(visibleToken(" ")), 1);
}

void TestCliFormat::padding() {
    QCOMPARE(QString::fromStdString(padLeft("ab", 4)), QString("  ab"));
    QCOMPARE(QString::fromStdString(padRight("é", 3)), QString::fromUtf8("é  "));
    QCOMPARE(QString::fromStdString(padLeft("abcdef", 4)), QString("abcdef")); // never cut
}

QTEST_APPLESS_MAIN(TestCliFormat)
#include "tst_cli_format.moc"
