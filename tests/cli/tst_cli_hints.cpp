// attnlab-cli train's health hints: a run made to misbehave (every gradient far above a clip norm
// of 0.001) prints the hint once on stderr, and --json carries it in the epoch where it appeared,
// with every key, and not again in the epochs where it persists.
#include "CliRunner.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab::test;

class TestCliHints : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hardClippingGivesOneHint();
};

void TestCliHints::hardClippingGivesOneHint() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CliRun run = runCli({"train", "--data", cliData("tiny.tsv"), "--out", dir.filePath("m.safetensors"),
                               "--clip", "0.001", "--epochs", "3", "--batch", "12", "--hidden", "16", "--emb",
                               "8", "--threads", "1", "--json"});
    QVERIFY2(!run.crashed && run.exitCode == 0, run.err.constData());
    QString error;
    const QJsonObject json = jsonObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray history = json["history"].toArray();
    QCOMPARE(history.size(), 3);
    // 36 training pairs in batches of 12: 3 steps an epoch.
    const QJsonArray first = history[0].toObject()["hints"].toArray();
    QJsonObject clipping;
    for (const QJsonValue& hint : first)
        if (hint.toObject()["id"].toString() == "gradient_clipping") clipping = hint.toObject();
    QVERIFY2(!clipping.isEmpty(), QJsonDocument(history[0].toObject()).toJson().constData());
    QCOMPARE(clipping["epoch"].toInt(), 1);
    QCOMPARE(clipping["step"].toInt(), 3);
    QCOMPARE(clipping["title"].toString(), QString("The gradient is clipped hard at most steps"));
    QVERIFY(clipping["explanation"].toString().startsWith("At 100% of this epoch's steps"));
    QVERIFY(clipping["explanation"].toString().contains("clip norm 0.001"));
    QVERIFY(clipping["advice"].toString().contains("--clip"));
    // It persists, but is not reported again; every epoch has its (possibly empty) list.
    for (int e = 1; e < 3; ++e) {
        QVERIFY(history[e].toObject()["hints"].isArray());
        for (const QJsonValue& hint : history[e].toObject()["hints"].toArray())
            QVERIFY(hint.toObject()["id"].toString() != "gradient_clipping");
    }
    // For people: once on stderr, title and advice.
    QCOMPARE(run.err.count("The gradient is clipped hard"), 1);
    QVERIFY(run.err.contains("Hint (epoch 1): The gradient is clipped hard at most steps. If the loss is "
                             "unstable, lower the learning rate"));
    QVERIFY(!run.out.contains("Hint ("));
}

QTEST_GUILESS_MAIN(TestCliHints)
#include "tst_cli_hints.moc"
