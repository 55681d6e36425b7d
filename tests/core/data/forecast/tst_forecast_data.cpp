// Opening forecasting data (issue 15): the shipped seasonal file is the generator's output with
// its gold evidence (kept only while the values are the generator's), series files are told from
// text pairs by their first lines, a table written as CSV reads back the same, and the
// seasonal-naive period is detected by autocorrelation.
// D series, N steps.
#include "core/data/ShippedDatasets.h"
#include "core/data/forecast/ForecastData.h"
#include "core/data/forecast/SeasonalPeriod.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

using namespace attnlab;

class TestForecastData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shippedSeasonalHasGold();
    void csvRoundTrip();
    void looksLikeSeries_data();
    void looksLikeSeries();
    void detectsThePeriod();
    void periodsGivenOrDetected();
};

void TestForecastData::shippedSeasonalHasGold() {
    const ForecastData data = openForecastData(kSeasonalName);
    QCOMPARE(data.name, std::string(kSeasonalName));
    QVERIFY(!data.path.empty()); // the source tree ships datasets/seasonal.csv
    const SeasonalSettings s = shippedSeasonalSettings();
    QCOMPARE(data.table.seriesCount(), s.series);
    QCOMPARE(data.table.length(), s.length);
    QCOMPARE(static_cast<int>(data.gold.size()), s.series);
    // The file holds the generator's values (rounded as the CSV writes them).
    const SeasonalData generated = shippedSeasonalData();
    for (int d = 0; d < s.series; ++d) {
        QCOMPARE(data.table.series(d), generated.series[d].values);
        QCOMPARE(data.gold[d], generated.series[d].gold);
        QCOMPARE(data.table.names()[d], generated.series[d].name);
    }
    QVERIFY(isForecastData(kSeasonalName));
    QVERIFY(!isForecastData("dates"));
}

void TestForecastData::csvRoundTrip() {
    const SeriesTable table({"a, quoted", "b"}, {{1.5, -2.25, 3.0}, {0.000001, 10, -7.125}});
    std::stringstream text;
    table.writeCsv(text);
    QCOMPARE(text.str(),
             std::string("\"a, quoted\",b\n1.500000,0.000001\n-2.250000,10.000000\n3.000000,-7.125000\n"));
    const SeriesTable read = SeriesTable::read(text, "x.csv");
    QCOMPARE(read.names(), table.names());
    QCOMPARE(read.series(0), table.series(0));
    QCOMPARE(read.series(1), table.series(1));
}

void TestForecastData::looksLikeSeries_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("series");
    QTest::newRow("header and numbers") << QByteArray("load,price\n1,2\n3,4.5\n") << true;
    QTest::newRow("no header, tabs") << QByteArray("1\t2\n# note\n3\t4\n") << true;
    QTest::newRow("one column") << QByteArray("value\n1e3\n-2\n") << true;
    QTest::newRow("text pairs") << QByteArray("hello\tbonjour\ncat\tchat\n") << false;
    QTest::newRow("digits as text") << QByteArray("1 2 3\t3 2 1\n") << false;
    QTest::newRow("text on line 4") << QByteArray("a,b\n1,2\n3,4\n5,x\n") << false;
    QTest::newRow("text after line 5 is not looked at") << QByteArray("1\n2\n3\n4\n5\nx\n") << true;
    QTest::newRow("only a header") << QByteArray("a,b\n") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestForecastData::looksLikeSeries() {
    QFETCH(QByteArray, content);
    QFETCH(bool, series);
    QTemporaryDir dir;
    const std::string path = dir.filePath("data.csv").toStdString();
    std::ofstream(path, std::ios::binary) << content.toStdString();
    QCOMPARE(SeriesTable::looksLikeSeries(path), series);
    QCOMPARE(isForecastData(path), series);
    QVERIFY(!SeriesTable::looksLikeSeries(dir.filePath("absent.csv").toStdString()));
}

void TestForecastData::detectsThePeriod() {
    std::vector<double> twelve(600), mixed(600);
    for (int t = 0; t < 600; ++t) {
        twelve[t] = std::sin(2 * std::numbers::pi * t / 12) + 0.01 * std::cos(t * 1.3);
        mixed[t] = std::sin(2 * std::numbers::pi * t / 12) + std::sin(2 * std::numbers::pi * t / 7 + 1);
    }
    QCOMPARE(detectPeriod(twelve, 48), 12); // not 24 or 36: the shorter lag wins a near tie
    QCOMPARE(detectPeriod(twelve, 11), 11); // below the period: the lag nearest to it
    // 12 and 7 repeat together every 84 steps; within 48, lag 35 (7·5, one step short of 36) fits best.
    QCOMPARE(detectPeriod(mixed, 48), 35);
    QCOMPARE(detectPeriod(std::vector<double>(50, 3.0), 20), 1); // constant
    QCOMPARE(detectPeriod(std::vector<double>{1, 2, 3}, 10), 1); // too short
}

void TestForecastData::periodsGivenOrDetected() {
    std::vector<double> a(200), b(200);
    for (int t = 0; t < 200; ++t) {
        a[t] = std::sin(2 * std::numbers::pi * t / 12);
        b[t] = std::sin(2 * std::numbers::pi * t / 7);
    }
    const SeriesTable table({"a", "b"}, {a, b});
    QCOMPARE(seriesPeriods(table, 160, 48), (std::vector<int>{12, 7}));
    QCOMPARE(seriesPeriods(table, 160, 48, 24), (std::vector<int>{24, 24}));
}

QTEST_APPLESS_MAIN(TestForecastData)
#include "tst_forecast_data.moc"
