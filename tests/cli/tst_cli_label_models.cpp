// Classification and entailment (issue 15) as a user runs them: the shipped tasks trained with
// their defaults, judged on reviews and pairs the model never saw (a fresh seed), negations
// included; align's label, probabilities and axes; eval's accuracy, macro-F1 and confusion matrix.
#include "CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab::test;

class TestCliLabelModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sentimentDecidesOnItsEvidence();
    void sentimentNegationsOnUnseenReviews();
    void entailmentReadsThePremiseWordByWord();
    void compareReportsLabelMetrics();

private:
    QTemporaryDir m_dir;
    QString m_sentiment;
};

namespace {
double sum(const QJsonArray& values) {
    double total = 0.0;
    for (const auto& v : values) total += v.toDouble();
    return total;
}

// Lines of a generated TSV whose review has a negator, with the file's own "# task:" line.
QString negationsOf(const QString& path, const QString& out) {
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) return {};
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly)) return {};
    int kept = 0;
    for (const QByteArray& line : in.readAll().split('\n')) {
        const QByteArray review = line.split('\t').front();
        const bool negated = review.contains(" not ") || review.contains(" never ");
        if (line.startsWith('#') || (negated && !line.isEmpty())) {
            file.write(line + '\n');
            if (!line.startsWith('#')) ++kept;
        }
    }
    return kept >= 50 ? out : QString();
}
} // namespace

void TestCliLabelModels::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_sentiment = m_dir.filePath("sentiment.safetensors");
    // The defaults, with sentiment's recommended scorer (scaled dot) applied by the CLI.
    const CliRun train = runCli({"train", "--data", "sentiment", "--out", m_sentiment});
    QVERIFY2(train.exitCode == 0, train.err.constData());
    QVERIFY2(train.out.contains("--scorer=scaled_dot"), train.out.constData());
    QVERIFY2(train.out.contains("classifier with attention pooling"), train.out.constData());
}

void TestCliLabelModels::sentimentDecidesOnItsEvidence() {
    const CliRun eval =
        runCli({"eval", "--model", m_sentiment, "--data", "sentiment", "--split", "validation", "--json"});
    QVERIFY2(eval.exitCode == 0, eval.err.constData());
    const QJsonObject metrics = jsonObject(eval.out)["metrics"].toObject();
    QVERIFY2(metrics["exact_match"].toDouble() > 0.95, eval.out.constData());
    QVERIFY(metrics["macro_f1"].toDouble() > 0.95);
    QVERIFY(metrics["gold_mass"].toDouble() > 0.3); // the deciding words draw the weight
    const QJsonObject confusion = metrics["confusion"].toObject();
    QCOMPARE(confusion["labels"].toArray().size(), 2);
    double counted = 0;
    for (const auto& row : confusion["counts"].toArray()) counted += sum(row.toArray());
    QCOMPARE(counted, metrics["examples"].toDouble());
    QCOMPARE(metrics["classes"].toArray().size(), 2);

    // "not bad" is positive, and the weight goes to the negation and its adjective.
    const CliRun align = runCli({"align", "--model", m_sentiment, "--json", "the plot was not bad"});
    QVERIFY2(align.exitCode == 0, align.err.constData());
    const QJsonObject a = jsonObject(align.out);
    QCOMPARE(a["kind"].toString(), QStringLiteral("classifier"));
    QCOMPARE(a["label"].toString(), QStringLiteral("positive"));
    QVERIFY(a["probabilities"].toObject()["positive"].toDouble() > 0.8);
    QCOMPARE(a["rows"].toArray(), (QJsonArray{"positive"}));
    QCOMPARE(a["columns"].toArray(), (QJsonArray{"the", "plot", "was", "not", "bad"}));
    const QJsonArray weights = a["attention"].toArray()[0].toArray();
    QVERIFY(std::abs(sum(weights) - 1.0) < 0.02);
    QVERIFY2(weights[3].toDouble() + weights[4].toDouble() > 0.5, align.out.constData());

    const CliRun table =
        runCli({"eval", "--model", m_sentiment, "--data", "sentiment", "--split", "validation"});
    QVERIFY(table.out.contains("macro-F1") && table.out.contains("confusion matrix"));
}

void TestCliLabelModels::sentimentNegationsOnUnseenReviews() {
    const QString fresh = m_dir.filePath("fresh.tsv");
    const CliRun generate =
        runCli({"generate", "sentiment", "--count", "800", "--seed", "77", "--out", fresh});
    QVERIFY2(generate.exitCode == 0, generate.err.constData());
    const QString negations = negationsOf(fresh, m_dir.filePath("negations.tsv"));
    QVERIFY(!negations.isEmpty());
    for (const QString& data : {fresh, negations}) {
        const CliRun eval = runCli({"eval", "--model", m_sentiment, "--data", data, "--json"});
        QVERIFY2(eval.exitCode == 0, eval.err.constData());
        const double accuracy = jsonObject(eval.out)["metrics"].toObject()["exact_match"].toDouble();
        qInfo("%s: accuracy %.3f", qPrintable(QFileInfo(data).fileName()), accuracy);
        QVERIFY2(accuracy > 0.9, qPrintable(data));
    }
}

void TestCliLabelModels::entailmentReadsThePremiseWordByWord() {
    const QString model = m_dir.filePath("entailment.safetensors");
    const CliRun train = runCli({"train", "--data", "entailment", "--epochs", "8", "--out", model});
    QVERIFY2(train.exitCode == 0, train.err.constData());
    const CliRun eval =
        runCli({"eval", "--model", model, "--data", "entailment", "--split", "validation", "--json"});
    QVERIFY2(eval.exitCode == 0, eval.err.constData());
    const QJsonObject metrics = jsonObject(eval.out)["metrics"].toObject();
    QVERIFY2(metrics["exact_match"].toDouble() > 0.9, eval.out.constData());
    QCOMPARE(metrics["confusion"].toObject()["labels"].toArray().size(), 3);

    const CliRun align =
        runCli({"align", "--model", model, "--json", "a dog runs in the park | an animal runs in the park"});
    QVERIFY2(align.exitCode == 0, align.err.constData());
    const QJsonObject a = jsonObject(align.out);
    QCOMPARE(a["kind"].toString(), QStringLiteral("entailment"));
    QCOMPARE(a["label"].toString(), QStringLiteral("entailment"));
    QCOMPARE(a["rows"].toArray(), (QJsonArray{"an", "animal", "runs", "in", "the", "park"}));
    QCOMPARE(a["columns"].toArray(), (QJsonArray{"a", "dog", "runs", "in", "the", "park"}));
    const QJsonArray rows = a["attention"].toArray();
    QCOMPARE(rows.size(), 6);
    for (const auto& row : rows) {
        QCOMPARE(row.toArray().size(), 6);
        QVERIFY(std::abs(sum(row.toArray()) - 1.0) < 0.02);
    }
    // Without its "|" a text is no entailment pair: a clear error, exit 2.
    const CliRun bad = runCli({"align", "--model", model, "a dog runs in the park"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("separator"), bad.err.constData());
}

void TestCliLabelModels::compareReportsLabelMetrics() {
    const QString json = m_dir.filePath("compare.json");
    const CliRun compare = runCli(
        {"compare", "--data", "sentiment", "--scorers", "none,scaled_dot", "--epochs", "2", "--json", json});
    QVERIFY2(compare.exitCode == 0, compare.err.constData());
    QVERIFY2(compare.out.contains("macro-F1") && compare.out.contains("gold mass"), compare.out.constData());
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray rows = jsonObject(file.readAll())["rows"].toArray();
    QCOMPARE(rows.size(), 2);
    for (const auto& row : rows) {
        const QJsonObject validation = row.toObject()["validation"].toObject();
        QVERIFY(validation.contains("macro_f1") && validation.contains("confusion"));
        QCOMPARE(row.toObject()["config"].toObject()["kind"].toString(), QStringLiteral("classifier"));
    }
}

QTEST_APPLESS_MAIN(TestCliLabelModels)
#include "tst_cli_label_models.moc"
