// Summarization (issue 15): `headlines` trains, and `eval` scores word outputs with ROUGE-1, -2
// and -L beside BLEU, in the table and the JSON.
#include "CliRunner.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab::test;

class TestCliSummarization : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void headlinesAreScoredWithRouge();
};

void TestCliSummarization::headlinesAreScoredWithRouge() {
    QTemporaryDir dir;
    const QString model = dir.filePath("h.safetensors");
    const CliRun train = runCli({"train", "--data", "headlines", "--epochs", "3", "--out", model});
    QVERIFY2(train.exitCode == 0, train.err.constData());
    QVERIFY2(train.out.contains("ROUGE-L"), train.out.constData()); // each epoch's validation
    const CliRun eval =
        runCli({"eval", "--model", model, "--data", "headlines", "--split", "validation", "--json"});
    QVERIFY2(eval.exitCode == 0, eval.err.constData());
    const QJsonObject metrics = jsonObject(eval.out)["metrics"].toObject();
    const QJsonObject rouge = metrics["rouge"].toObject();
    QCOMPARE(rouge.keys(), (QStringList{"rouge1", "rouge2", "rougeL"}));
    for (const QString& key : rouge.keys())
        for (const char* part : {"precision", "recall", "f1"}) {
            const double v = rouge[key].toObject()[part].toDouble(-1);
            QVERIFY2(v >= 0.0 && v <= 1.0, qPrintable(key + " " + part));
        }
    // A common subsequence is a set of matching unigrams, and a matching bigram needs two: per
    // pair, and so on average, ROUGE-L and ROUGE-2 never exceed ROUGE-1.
    const double r1 = rouge["rouge1"].toObject()["recall"].toDouble();
    QVERIFY(rouge["rougeL"].toObject()["recall"].toDouble() <= r1 + 1e-12);
    QVERIFY(rouge["rouge2"].toObject()["recall"].toDouble() <= r1 + 1e-12);
    QVERIFY(r1 > 0.3); // three epochs already copy the names
    // Every exactly matched headline scores 1: the mean cannot fall below the exact-match share.
    QVERIFY(rouge["rougeL"].toObject()["f1"].toDouble() >= metrics["exact_match"].toDouble() - 1e-12);
    const CliRun table = runCli({"eval", "--model", model, "--data", "headlines", "--split", "validation"});
    QVERIFY(table.out.contains("ROUGE-1") && table.out.contains("ROUGE-2") && table.out.contains("ROUGE-L"));
}

QTEST_APPLESS_MAIN(TestCliSummarization)
#include "tst_cli_summarization.moc"
