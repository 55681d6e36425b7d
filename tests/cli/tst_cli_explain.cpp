// `attnlab-cli align --explain --json` as a notebook reads it: one step per output token (+ </s>),
// every step's vectors with their sizes, weights that sum to 1 and are the attention rows, the
// weights as softmax(scores / τ), the same output and attention as plain align at τ = 1, the
// location_aware fields, and a beam hypothesis explained token for token.
#include "CliRunner.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace attnlab::test;

namespace {

std::vector<double> numbers(const QJsonValue& value) {
    std::vector<double> out;
    for (const auto& x : value.toArray()) out.push_back(x.toDouble());
    return out;
}

double sum(const std::vector<double>& values) {
    double total = 0;
    for (double v : values) total += v;
    return total;
}

} // namespace

class TestCliExplain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void explainJson_data();
    void explainJson();
    void temperatureDividesScores();
    void locationAwareFields();
    void beamHypothesisExplained();

private:
    QTemporaryDir m_dir;
    QString m_model;         // general, H 32, reverse for 60 steps
    QString m_locationAware; // location_aware, H 8, a few steps
};

void TestCliExplain::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_model = m_dir.filePath("reverse.safetensors");
    CliRun run = runCli({"train", "--data", "reverse", "--out", m_model, "--max-steps", "60", "--hidden",
                         "32", "--emb", "16", "--threads", "1"});
    QVERIFY2(!run.crashed && run.exitCode == 0, run.err.constData());
    m_locationAware = m_dir.filePath("location_aware.safetensors");
    run = runCli({"train", "--data", cliData("tiny.tsv"), "--out", m_locationAware, "--scorer",
                  "location_aware", "--max-steps", "5", "--hidden", "8", "--emb", "4", "--threads", "1"});
    QVERIFY2(!run.crashed && run.exitCode == 0, run.err.constData());
}

void TestCliExplain::explainJson_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("short") << "abc";
    QTest::newRow("longer") << "hello world";
}

void TestCliExplain::explainJson() {
    QFETCH(QString, text);
    const CliRun run = runCli({"align", "--model", m_model, "--json", "--explain", "--top-k", "3", text});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out.count('\n'), 1);
    QString error;
    const QJsonObject j = jsonObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(j["scorer"].toString(), QString("general"));
    QCOMPARE(j["decoder"].toString(), QString("luong"));
    QCOMPARE(j["temperature"].toDouble(), 1.0);
    QCOMPARE(j["top_k"].toInt(), 3);
    const int sourceLength = j["source"].toArray().size();
    const QJsonArray keys = j["keys"].toArray();
    QCOMPARE(keys.size(), sourceLength);
    for (const auto& key : keys) QCOMPARE(key.toArray().size(), 32);
    const QJsonArray output = j["output"].toArray();
    const QJsonArray attention = j["attention"].toArray();
    const QJsonArray steps = j["steps"].toArray();
    const bool finished = j["finished"].toBool();
    QCOMPARE(steps.size(), output.size() + (finished ? 1 : 0)); // one per output token, + </s>
    for (int t = 0; t < steps.size(); ++t) {
        const QJsonObject step = steps[t].toObject();
        QCOMPARE(step["step"].toInt(), t);
        QCOMPARE(step["input"].toString(),
                 t == 0 ? QString("<s>") : steps[t - 1].toObject()["output"].toString());
        QCOMPARE(step["output"].toString(), t < output.size() ? output[t].toString() : QString("</s>"));
        QCOMPARE(step["query"].toArray().size(), 32);
        QCOMPARE(step["context"].toArray().size(), 32);
        QCOMPARE(step["attentional"].toArray().size(), 32);
        QCOMPARE(step["scores"].toArray().size(), sourceLength);
        const std::vector<double> weights = numbers(step["weights"]);
        QCOMPARE(int(weights.size()), sourceLength);
        QVERIFY2(std::abs(sum(weights) - 1.0) < 1e-5,
                 qPrintable(QString("step %1 sums to %2").arg(t).arg(sum(weights))));
        if (t < attention.size())
            QCOMPARE(numbers(step["weights"]), numbers(attention[t])); // the same numbers
        QCOMPARE(step["previous_weights"].toArray().size(), 0);        // general reads no α_{t−1}
        QCOMPARE(step["location_features"].toArray().size(), 0);
        const QJsonArray top = step["top"].toArray();
        QCOMPARE(top.size(), 3);
        QCOMPARE(top[0].toObject()["token"].toString(), step["output"].toString()); // greedy: the best
        for (int k = 1; k < top.size(); ++k)
            QVERIFY(top[k - 1].toObject()["probability"].toDouble() >=
                    top[k].toObject()["probability"].toDouble());
        QVERIFY(std::abs(std::exp(step["log_prob"].toDouble()) -
                         top[0].toObject()["probability"].toDouble()) < 1e-5);
        QCOMPARE(step["token_forced"].toBool(), false);
        QCOMPARE(step["attention_forced"].toBool(), false);
    }
    // τ = 1: the very output and attention of plain align.
    const CliRun plain = runCli({"align", "--model", m_model, "--json", text});
    const QJsonObject p = jsonObject(plain.out);
    QCOMPARE(p["output"].toArray(), output);
    QCOMPARE(p["attention"].toArray(), attention);
    QCOMPARE(p["log_prob"].toDouble(), j["log_prob"].toDouble());
}

void TestCliExplain::temperatureDividesScores() {
    for (double tau : {0.25, 4.0}) {
        const CliRun run = runCli({"align", "--model", m_model, "--json", "--explain", "--temperature",
                                   QString::number(tau), "abcd"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject j = jsonObject(run.out);
        QCOMPARE(j["temperature"].toDouble(), tau);
        for (const auto& value : j["steps"].toArray()) {
            const QJsonObject step = value.toObject();
            const std::vector<double> scores = numbers(step["scores"]);
            const std::vector<double> weights = numbers(step["weights"]);
            double top = -1e300, total = 0;
            for (double e : scores) top = std::max(top, e / tau);
            for (double e : scores) total += std::exp(e / tau - top);
            for (size_t s = 0; s < scores.size(); ++s)
                QVERIFY(std::abs(weights[s] - std::exp(scores[s] / tau - top) / total) < 1e-5);
        }
    }
    // The table says which temperature it decoded with.
    const CliRun table = runCli({"align", "--model", m_model, "--temperature", "0.5", "abcd"});
    QVERIFY2(table.exitCode == 0, table.err.constData());
    QVERIFY2(table.out.contains("temperature 0.5"), table.out.constData());
}

void TestCliExplain::locationAwareFields() {
    const CliRun run = runCli({"align", "--model", m_locationAware, "--json", "--explain", "abc"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject j = jsonObject(run.out);
    QCOMPARE(j["scorer"].toString(), QString("location_aware"));
    const QJsonArray steps = j["steps"].toArray();
    QVERIFY(!steps.isEmpty());
    for (int t = 0; t < steps.size(); ++t) {
        const QJsonObject step = steps[t].toObject();
        const std::vector<double> previous = numbers(step["previous_weights"]);
        QCOMPARE(previous.size(), size_t(3));
        if (t == 0)
            for (double w : previous) QVERIFY(std::abs(w - 1.0 / 3) < 1e-6); // α_{−1} uniform
        else
            QCOMPARE(previous, numbers(steps[t - 1].toObject()["weights"]));
        const QJsonArray features = step["location_features"].toArray();
        QCOMPARE(features.size(), 10); // F filters (the default), each over the S positions
        for (const auto& row : features) QCOMPARE(row.toArray().size(), 3);
    }
}

void TestCliExplain::beamHypothesisExplained() {
    const CliRun run = runCli({"align", "--model", m_model, "--json", "--explain", "--beam", "3", "abcde"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject j = jsonObject(run.out);
    const QJsonArray output = j["output"].toArray();
    const QJsonArray steps = j["steps"].toArray();
    QCOMPARE(steps.size(), output.size() + (j["finished"].toBool() ? 1 : 0));
    double logProb = 0;
    for (int t = 0; t < steps.size(); ++t) {
        const QJsonObject step = steps[t].toObject();
        QCOMPARE(step["output"].toString(), t < output.size() ? output[t].toString() : QString("</s>"));
        QVERIFY(step["token_forced"].toBool());
        logProb += step["log_prob"].toDouble();
    }
    QVERIFY(std::abs(logProb - j["log_prob"].toDouble()) < 1e-4); // the beam's own hypothesis
}

QTEST_GUILESS_MAIN(TestCliExplain)
#include "tst_cli_explain.moc"
