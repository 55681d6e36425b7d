// attnlab-cli end to end, as a user runs it: train on a shipped dataset with --json, then eval
// and align on the saved model. A small budget (60 steps, H 32) keeps it to a few seconds; the
// assertions are about structure, counts and consistency, which do not depend on how well the
// model has learned.
#include "CliRunner.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace attnlab::test;

class TestCliEndToEnd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainPrintsOneJsonObject();
    void evalOnTheValidationSplitRepeatsTraining();
    void evalOnAFile();
    void evalPrintsATable();
    void alignJson_data();
    void alignJson();
    void alignReportsUnknownTokens();
    void alignReadsStdin();
    void alignPrintsATable();

private:
    QTemporaryDir m_dir;
    QString m_model;
    QJsonObject m_train;
};

void TestCliEndToEnd::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_model = m_dir.filePath("reverse.safetensors");
    const CliRun run = runCli({"train", "--data", "reverse", "--out", m_model, "--max-steps", "60",
                               "--hidden", "32", "--emb", "16", "--threads", "1", "--json"});
    QVERIFY2(!run.crashed && run.exitCode == 0, run.err.constData());
    QString error;
    m_train = jsonObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable("stdout is not one JSON object: " + error));
    // Everything for people went to stderr.
    QVERIFY(run.err.contains("reverse: 4000 pairs"));
    QVERIFY(QFile::exists(m_model));
}

void TestCliEndToEnd::trainPrintsOneJsonObject() {
    const QJsonObject& j = m_train;
    QCOMPARE(j["command"].toString(), QString("train"));
    QCOMPARE(j["outcome"].toString(), QString("completed"));
    QCOMPARE(j["steps"].toInt(), 60);
    QCOMPARE(j["planned_steps"].toInt(), 60);
    // 3600 training pairs in batches of 64 are 57 batches an epoch, so 60 steps end in epoch 2.
    QCOMPARE(j["epochs"].toInt(), 2);
    const QJsonArray history = j["history"].toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0].toObject()["step"].toInt(), 57);
    QCOMPARE(history[1].toObject()["step"].toInt(), 60);
    const QJsonObject data = j["data"].toObject();
    QCOMPARE(data["pairs"].toInt(), 4000);
    QCOMPARE(data["train"].toInt(), 3600);
    QCOMPARE(data["validation"].toInt(), 400);
    QCOMPARE(data["gold_alignments"].toBool(), true);
    QCOMPARE(data["longest_source"].toInt(), 16);
    const QJsonObject config = j["config"].toObject();
    QCOMPARE(config["scorer"].toString(), QString("general"));
    QCOMPARE(config["hidden"].toInt(), 32);
    QCOMPARE(config["emb"].toInt(), 16);
    QCOMPARE(config["max_source_len"].toInt(), 64); // max(64, longest source 16)
    QCOMPARE(config["tokens"].toObject()["source"].toString(), QString("char"));
    QCOMPARE(config["training"].toObject()["max_steps"].toInt(), 60);
    QCOMPARE(config["training"].toObject()["dropout"].toDouble(), 0.0);
    // 26 letters + 4 specials on each side, E 16, H 32, general scorer:
    // embeddings 2·30·16, encoder 4H·E + 4H·H + 2·4H, decoder 4H·(E+H) + 4H·H + 2·4H,
    // W_a H·H, combine H·2H, output 30·H + 30.
    QCOMPARE(j["parameters"].toInt(), 960 + 6400 + 10496 + 1024 + 2048 + 990);
    const QJsonObject final = j["final"].toObject();
    QCOMPARE(final["examples"].toInt(), 400);
    QVERIFY(std::isfinite(final["loss"].toDouble()));
    QCOMPARE(final["loss"].toDouble(), history[1].toObject()["validation"].toObject()["loss"].toDouble());
    QCOMPARE(final["aligned_examples"].toInt(), 400);
    QCOMPARE(j["model"].toString(), m_model);
}

void TestCliEndToEnd::evalOnTheValidationSplitRepeatsTraining() {
    const CliRun run =
        runCli({"eval", "--model", m_model, "--data", "reverse", "--split", "validation", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject j = jsonObject(run.out);
    QCOMPARE(j["data"].toObject()["evaluated"].toInt(), 400);
    const QJsonObject metrics = j["metrics"].toObject();
    const QJsonObject trained = m_train["final"].toObject();
    // The same split, the same weights (float32 survives the file exactly): the same numbers.
    QCOMPARE(metrics["loss"].toDouble(), trained["loss"].toDouble());
    QCOMPARE(metrics["exact_matches"].toInt(), trained["exact_matches"].toInt());
    QCOMPARE(metrics["correct_tokens"].toInt(), trained["correct_tokens"].toInt());
    QCOMPARE(metrics["aer"].toDouble(), trained["aer"].toDouble());
}

void TestCliEndToEnd::evalOnAFile() {
    const CliRun run = runCli({"eval", "--model", m_model, "--data", cliData("tiny.tsv"), "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject j = jsonObject(run.out);
    const QJsonObject data = j["data"].toObject();
    QCOMPARE(data["pairs"].toInt(), 40);
    QCOMPARE(data["evaluated"].toInt(), 40);
    QCOMPARE(data["split"].toString(), QString("all"));
    QCOMPARE(data["source"].toObject()["unknown"].toInt(), 0);
    QCOMPARE(data["source"].toObject()["tokens"].toInt(), 14 * 3 + 13 * 4 + 13 * 5);
    const QJsonObject metrics = j["metrics"].toObject();
    QCOMPARE(metrics["examples"].toInt(), 40);
    QCOMPARE(metrics["reference_tokens"].toInt(), 14 * 3 + 13 * 4 + 13 * 5);
    QCOMPARE(metrics["aligned_examples"].toInt(), 40);
    const QJsonArray byLength = metrics["by_source_length"].toArray();
    QCOMPARE(byLength.size(), 3);
    const int expected[3][2] = {{3, 14}, {4, 13}, {5, 13}};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(byLength[i].toObject()["source_length"].toInt(), expected[i][0]);
        QCOMPARE(byLength[i].toObject()["count"].toInt(), expected[i][1]);
    }
    const double exact = metrics["exact_match"].toDouble();
    QCOMPARE(exact, metrics["exact_matches"].toInt() / 40.0);
}

void TestCliEndToEnd::evalPrintsATable() {
    const CliRun run = runCli({"eval", "--model", m_model, "--data", cliData("tiny.tsv")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString out = QString::fromUtf8(run.out);
    for (const char* label : {"loss", "perplexity", "token accuracy", "exact match", "BLEU", "AER", "entropy",
                              "last-position mass", "accuracy by source length"})
        QVERIFY2(out.contains(label), label);
    QVERIFY(out.contains("40 pairs with gold alignments"));
}

void TestCliEndToEnd::alignJson_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("sourceLength");
    QTest::newRow("short") << "abc" << 3;
    QTest::newRow("word") << "hello" << 5;
    QTest::newRow("longest trained") << "abcdefghijklmnop" << 16;
    QTest::newRow("trimmed") << "  xyz " << 3;
}

void TestCliEndToEnd::alignJson() {
    QFETCH(QString, text);
    QFETCH(int, sourceLength);
    const CliRun run = runCli({"align", "--model", m_model, "--json", text});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out.count('\n'), 1); // one object per input, one per line
    const QJsonObject j = jsonObject(run.out);
    QCOMPARE(j["input"].toString(), text);
    const QJsonArray source = j["source"].toArray();
    QCOMPARE(source.size(), sourceLength);
    QCOMPARE(source[0].toString(), text.trimmed().left(1));
    const QJsonArray output = j["output"].toArray();
    const QJsonArray attention = j["attention"].toArray();
    QCOMPARE(attention.size(), output.size()); // one row per output token, </s> left out
    QString joined;
    for (const auto& token : output) joined += token.toString();
    QCOMPARE(j["output_text"].toString(), joined);
    for (const auto& rowValue : attention) {
        const QJsonArray row = rowValue.toArray();
        QCOMPARE(row.size(), sourceLength);
        double sum = 0;
        for (const auto& weight : row) {
            QVERIFY(weight.toDouble() >= 0.0);
            sum += weight.toDouble();
        }
        QVERIFY2(std::abs(sum - 1.0) < 1e-5, qPrintable(QString("row sums to %1").arg(sum, 0, 'g', 9)));
    }
    QVERIFY(j["log_prob"].toDouble() <= 0.0);
    QCOMPARE(j["unknown"].toArray().size(), 0);
}

void TestCliEndToEnd::alignReportsUnknownTokens() {
    const CliRun run = runCli({"align", "--model", m_model, "--json", "abQ!"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject j = jsonObject(run.out);
    QCOMPARE(j["unknown"].toArray(), QJsonArray({"Q", "!"}));
    QCOMPARE(j["source"].toArray(), QJsonArray({"a", "b", "Q", "!"})); // reported, never replaced
    QVERIFY2(run.err.contains("'Q' '!'"), run.err.constData());
}

void TestCliEndToEnd::alignReadsStdin() {
    const CliRun run = runCli({"align", "--model", m_model, "--json"}, "abc\n\n  cab  \r\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2); // the blank line is skipped
    QCOMPARE(jsonObject(lines[0])["input"].toString(), QString("abc"));
    QCOMPARE(jsonObject(lines[1])["input"].toString(), QString("  cab  "));
    QCOMPARE(jsonObject(lines[1])["source"].toArray(), QJsonArray({"c", "a", "b"}));
}

void TestCliEndToEnd::alignPrintsATable() {
    const CliRun json = runCli({"align", "--model", m_model, "--json", "a bc"});
    const int outputs = jsonObject(json.out)["output"].toArray().size();
    const CliRun run = runCli({"align", "--model", m_model, "a bc"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QStringList lines = QString::fromUtf8(run.out).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2 + outputs); // title, source tokens, one row per output token
    QVERIFY(lines[0].startsWith("a bc  ->  "));
    QCOMPARE(lines[1].simplified(), QString::fromUtf8("a \u2423 b c")); // the space shown as ␣
    for (int t = 2; t < lines.size(); ++t) {
        QCOMPARE(lines[t].count('*'), 1); // the argmax of the row
        QCOMPARE(lines[t].count('.'), 4); // four weights with two decimals
    }
}

QTEST_GUILESS_MAIN(TestCliEndToEnd)
#include "tst_cli_end_to_end.moc"
