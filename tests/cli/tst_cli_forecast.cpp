// attnlab-cli on series (issue 15): the shipped defaults on `seasonal` beat seasonal-naive on
// every series (MASE < 1) with attention on the gold past steps well above uniform; eval, align
// and compare speak the same JSON; a user's CSV is detected; bad series files name line and
// column; a forecaster given text data is refused.
#include "CliRunner.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace attnlab::test;

class TestCliForecast : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void defaultsBeatSeasonalNaive();
    void evalReportsTheSameFigures();
    void alignShowsWhereEachStepLooks();
    void compareTabulatesScorers();
    void userCsvIsDetected();
    void badSeriesFilesNameLineAndColumn_data();
    void badSeriesFilesNameLineAndColumn();
    void forecasterRefusesTextData();

private:
    QTemporaryDir m_dir;
    QString m_model;
    QJsonObject m_train; // train --json on seasonal with the defaults
};

void TestCliForecast::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_model = m_dir.filePath("seasonal.safetensors");
    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli({"train", "--data", "seasonal", "--out", m_model, "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QString error;
    m_train = jsonObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    qInfo("train --data seasonal (defaults): %.1f s", timer.elapsed() / 1000.0);
}

void TestCliForecast::defaultsBeatSeasonalNaive() {
    QCOMPARE(m_train["command"].toString(), QString("train"));
    QCOMPARE(m_train["task"].toString(), QString("forecast"));
    QCOMPARE(m_train["outcome"].toString(), QString("completed"));
    QCOMPARE(m_train["model"].toString(), m_model);
    for (const char* key :
         {"data", "config", "parameters", "planned_steps", "history", "final", "steps", "epochs", "seconds"})
        QVERIFY2(m_train.contains(key), key);
    const QJsonObject config = m_train["config"].toObject();
    QCOMPARE(config["kind"].toString(), QString("forecaster"));
    QCOMPARE(config["window"].toInt(), 48);
    QCOMPARE(config["horizon"].toInt(), 12);
    QCOMPARE(config["series"].toArray().size(), 3);
    QCOMPARE(config["normalization"].toObject()["std"].toArray().size(), 3);
    QVERIFY(m_train["data"].toObject()["gold"].toBool());
    QCOMPARE(m_train["history"].toArray().size(), config["training"].toObject()["epochs"].toInt());

    const QJsonObject final = m_train["final"].toObject();
    const QJsonArray series = final["series"].toArray();
    QCOMPARE(series.size(), 3);
    for (const QJsonValue& value : series) {
        const QJsonObject s = value.toObject();
        const double mase = s["mase"].toDouble();
        qInfo("%s (period %d): MAE %.4f, RMSE %.4f, MASE %.3f", qPrintable(s["name"].toString()),
              s["period"].toInt(), s["mae"].toDouble(), s["rmse"].toDouble(), mase);
        QVERIFY2(mase > 0 && mase < 1.0,
                 qPrintable(s["name"].toString() + ": MASE " + QString::number(mase)));
    }
    QVERIFY(final["max_mase"].toDouble() < 1.0);
    const double gold = final["gold_mass"].toDouble(), uniform = final["uniform_gold_mass"].toDouble();
    qInfo("gold mass %.3f (uniform %.3f)", gold, uniform);
    QVERIFY2(uniform > 0 && gold > 2.5 * uniform, qPrintable(QString("%1 vs %2").arg(gold).arg(uniform)));
}

void TestCliForecast::evalReportsTheSameFigures() {
    const CliRun run = runCli({"eval", "--model", m_model, "--data", "seasonal", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = jsonObject(run.out);
    QCOMPARE(json["command"].toString(), QString("eval"));
    QCOMPARE(json["task"].toString(), QString("forecast"));
    const QJsonObject metrics = json["metrics"].toObject();
    const QJsonObject final = m_train["final"].toObject();
    for (const char* key : {"mse", "mae", "rmse", "mase", "gold_mass"})
        QVERIFY2(std::abs(metrics[key].toDouble() - final[key].toDouble()) < 1e-9, key);
    QCOMPARE(metrics["windows"].toInt(), final["windows"].toInt());
    // People get a table with a row per series.
    const CliRun text = runCli({"eval", "--model", m_model, "--data", "seasonal"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("MASE") && text.out.contains("series 3"), text.out.constData());
    // --period overrides the detected one.
    const CliRun period =
        runCli({"eval", "--model", m_model, "--data", "seasonal", "--period", "12", "--json"});
    const QJsonArray series = jsonObject(period.out)["metrics"].toObject()["series"].toArray();
    for (const QJsonValue& s : series) QCOMPARE(s.toObject()["period"].toInt(), 12);
}

void TestCliForecast::alignShowsWhereEachStepLooks() {
    const CliRun run = runCli({"align", "--model", m_model, "--data", "seasonal", "--index", "5", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = jsonObject(run.out);
    QCOMPARE(json["index"].toInt(), 5);
    const QJsonArray attention = json["attention"].toArray();
    QCOMPARE(attention.size(), 12); // K rows
    for (const QJsonValue& row : attention) {
        QCOMPARE(row.toArray().size(), 48); // W columns
        double sum = 0;
        for (const QJsonValue& w : row.toArray()) sum += w.toDouble();
        QVERIFY(std::abs(sum - 1.0) < 1e-3);
    }
    QCOMPARE(json["forecast"].toArray().size(), 12);
    QCOMPARE(json["forecast"].toArray()[0].toArray().size(), 3);
    QCOMPARE(json["truth"].toArray().size(), 12);
    QCOMPARE(json["past"].toArray().size(), 48);
    QCOMPARE(json["top"].toArray()[0].toArray().size(), 3);
    QVERIFY(!json["gold"].toArray().isEmpty());
    const CliRun text = runCli({"align", "--model", m_model, "--data", "seasonal", "--index", "5"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("t+3") && text.out.contains("looks at t\u2212"), text.out.constData());
    const CliRun outside = runCli({"align", "--model", m_model, "--data", "seasonal", "--index", "100000"});
    QCOMPARE(outside.exitCode, 2);
    QVERIFY2(outside.err.contains("--index 100000"), outside.err.constData());
}

void TestCliForecast::compareTabulatesScorers() {
    const QString json = m_dir.filePath("compare.json");
    const CliRun run = runCli({"compare", "--data", "seasonal", "--scorers",
                               "dot,general,additive,location_aware", "--epochs", "1", "--json", json});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    for (const char* scorer : {"dot", "general", "additive", "location_aware"})
        QVERIFY2(run.out.contains(scorer), run.out.constData());
    QVERIFY(run.out.contains("MASE"));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject table = jsonObject(file.readAll());
    QCOMPARE(table["command"].toString(), QString("compare"));
    QCOMPARE(table["runs"].toArray().size(), 4);
    QVERIFY(table["runs"].toArray()[3].toObject()["final"].toObject().contains("mase"));
}

void TestCliForecast::userCsvIsDetected() {
    const QString csv = m_dir.filePath("mine.csv");
    const CliRun made = runCli({"generate", "seasonal", "--count", "400", "--seed", "4", "--out", csv});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    QVERIFY(QFileInfo::exists(m_dir.filePath("mine.md")));
    const CliRun run = runCli({"train", "--data", csv, "--out", m_dir.filePath("mine.safetensors"),
                               "--window", "24", "--horizon", "6", "--epochs", "1", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = jsonObject(run.out);
    QCOMPARE(json["task"].toString(), QString("forecast"));
    QCOMPARE(json["config"].toObject()["window"].toInt(), 24);
    QVERIFY(!json["data"].toObject()["gold"].toBool());
    QVERIFY(json["final"].toObject()["gold_mass"].isNull()); // a user's data has no gold
}

void TestCliForecast::badSeriesFilesNameLineAndColumn_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing value") << "missing_value.csv"
                                   << ":4: column 2 (temperature): missing value";
    QTest::newRow("NA") << "na_marker.csv"
                        << ":3: column 2 (b): missing value (\"NA\")";
    QTest::newRow("not a number") << "not_a_number.csv"
                                  << ":3: column 2 (load): \"3l0\" is not a number";
    QTest::newRow("too few columns") << "too_few_columns.csv"
                                     << ":4: 1 column, expected 2";
}

void TestCliForecast::badSeriesFilesNameLineAndColumn() {
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const QString path = QStringLiteral(ATTNLAB_BAD_FILES "/forecast/") + file;
    const CliRun run =
        runCli({"train", "--data", path, "--task", "forecast", "--out", m_dir.filePath("bad.safetensors")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains((path + expected).toUtf8()), run.err.constData());
}

void TestCliForecast::forecasterRefusesTextData() {
    const CliRun run = runCli({"eval", "--model", m_model, "--data", "dates"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("is a forecaster"), run.err.constData());
    const QString bad = QStringLiteral(ATTNLAB_BAD_FILES "/forecast/forecaster_hidden_mismatch.safetensors");
    const CliRun broken = runCli({"eval", "--model", bad, "--data", "seasonal"});
    QCOMPARE(broken.exitCode, 2);
    QVERIFY2(broken.err.contains((bad + ": the config's 'hidden' is 6").toUtf8()), broken.err.constData());
}

QTEST_GUILESS_MAIN(TestCliForecast)
#include "tst_cli_forecast.moc"
