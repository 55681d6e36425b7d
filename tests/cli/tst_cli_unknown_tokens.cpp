// attnlab-cli on data the model's vocabularies do not cover: a reference token the model cannot
// know (<unk>) is never a correct prediction, and eval, train and compare say on stderr how many
// there are. Tiny models and step budgets keep it to a few seconds; the assertions hold however
// little the models learned.
#include "CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab::test;

class TestCliUnknownTokens : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void evalOnForeignDataIsHonest();
    void evalOnForeignDataWarns();
    void learnedUnkIsNoMatch();
    void compareWarnsAboutValidation();

private:
    QTemporaryDir m_dir;
    QString m_dates;    // a model trained on dates: digits and '-' out, no letters
    QString m_unkData;  // word pairs whose targets are the literal token "<unk>"
    QString m_unkModel; // a model trained on them: it answers <unk>
    CliRun m_unkTrain;
};

namespace {
// Eight sources, each answered "<unk> <unk>". Vocabulary::encode reads a special's spelling in
// the text as <unk>, as it reads corpora that mark rare words so (the Penn Treebank does).
QByteArray unkPairs() {
    QByteArray text;
    for (int copy = 0; copy < 5; ++copy)
        for (const char* source : {"a b", "b c", "c d", "d a", "a c", "b d", "c a", "d b"})
            text += QByteArray(source) + "\t<unk> <unk>\n";
    return text;
}
} // namespace

void TestCliUnknownTokens::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_dates = m_dir.filePath("dates.safetensors");
    const CliRun dates = runCli({"train", "--data", "dates", "--out", m_dates, "--max-steps", "20",
                                 "--hidden", "16", "--emb", "8", "--threads", "1"});
    QVERIFY2(dates.exitCode == 0, dates.err.constData());
    // Dates' validation split is dates too: nothing to warn about.
    QVERIFY2(!dates.err.contains("warning:"), dates.err.constData());

    m_unkData = m_dir.filePath("unk.tsv");
    QFile file(m_unkData);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(unkPairs());
    file.close();
    m_unkModel = m_dir.filePath("unk.safetensors");
    m_unkTrain = runCli({"train",    "--data", m_unkData, "--tokens",  "word", "--out", m_unkModel,
                         "--epochs", "30",     "--batch", "8",         "--lr", "0.01",  "--hidden",
                         "16",       "--emb",  "8",       "--threads", "1",    "--json"});
    QVERIFY2(m_unkTrain.exitCode == 0, m_unkTrain.err.constData());
}

void TestCliUnknownTokens::evalOnForeignDataIsHonest() {
    // Reverse's targets are letters, which dates' target vocabulary lacks: every reference token
    // is <unk>, so nothing can be right.
    const CliRun run = runCli({"eval", "--model", m_dates, "--data", "reverse", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject metrics = jsonObject(run.out)["metrics"].toObject();
    QCOMPARE(metrics["examples"].toInt(), 4000);
    const int references = metrics["reference_tokens"].toInt();
    QVERIFY(references > 4000);
    QCOMPARE(metrics["unknown_reference_tokens"].toInt(), references);
    QCOMPARE(metrics["exact_matches"].toInt(), 0);
    QCOMPARE(metrics["exact_match"].toDouble(), 0.0);
    QCOMPARE(metrics["correct_tokens"].toInt(), 0);
    QCOMPARE(metrics["token_accuracy"].toDouble(), 0.0);
    QCOMPARE(metrics["bleu"].toObject()["score"].toDouble(), 0.0);
    const QByteArray warning = "warning: 100.0% of the reference tokens (" +
                               QByteArray::fromStdString(std::to_string(references / 1000)) + ",";
    QVERIFY2(run.err.contains(warning), run.err.constData());
    QVERIFY(run.err.contains("are unknown to the model and count as wrong: was it trained on this data?"));
    // The listing of unknown tokens stays.
    QVERIFY(run.err.contains("target tokens unknown to the model (never predictable)"));
}

void TestCliUnknownTokens::evalOnForeignDataWarns() {
    const CliRun run = runCli({"eval", "--model", m_dates, "--data", "reverse", "--split", "validation"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("warning: 100.0% of the reference tokens"), run.err.constData());
    QVERIFY(!run.out.contains("warning")); // stdout holds the report only
    QVERIFY(QString::fromUtf8(run.out).contains(QRegularExpression("exact match +0\\.0%  0 / 400 pairs")));
}

void TestCliUnknownTokens::learnedUnkIsNoMatch() {
    // Trained on "<unk> <unk>" targets, the model answers <unk> <unk>: before <unk> stopped
    // counting as a match, this was 100% exact match on its own data.
    const QJsonObject train = jsonObject(m_unkTrain.out);
    const QJsonObject final = train["final"].toObject();
    QCOMPARE(final["reference_tokens"].toInt(), 2 * final["examples"].toInt());
    QCOMPARE(final["unknown_reference_tokens"].toInt(), final["reference_tokens"].toInt());
    QCOMPARE(final["exact_match"].toDouble(), 0.0);
    QVERIFY2(m_unkTrain.err.contains("warning: 100.0% of the validation reference tokens (8 of 8)"),
             m_unkTrain.err.constData());

    const CliRun eval = runCli({"eval", "--model", m_unkModel, "--data", m_unkData, "--json"});
    QVERIFY2(eval.exitCode == 0, eval.err.constData());
    const QJsonObject metrics = jsonObject(eval.out)["metrics"].toObject();
    QCOMPARE(metrics["reference_tokens"].toInt(), 80);
    QCOMPARE(metrics["unknown_reference_tokens"].toInt(), 80);
    QCOMPARE(metrics["exact_matches"].toInt(), 0);
    QCOMPARE(metrics["correct_tokens"].toInt(), 0);
    QCOMPARE(metrics["bleu"].toObject()["score"].toDouble(), 0.0);
    QVERIFY2(eval.err.contains("warning: 100.0% of the reference tokens (80 of 80)"), eval.err.constData());

    // It did learn to say <unk>: align shows the output it would have been credited for.
    const CliRun align = runCli({"align", "--model", m_unkModel, "--json", "a b"});
    QVERIFY2(align.exitCode == 0, align.err.constData());
    QCOMPARE(jsonObject(align.out)["output"].toArray(), QJsonArray({"<unk>", "<unk>"}));
}

void TestCliUnknownTokens::compareWarnsAboutValidation() {
    const CliRun run =
        runCli({"compare", "--scorers", "dot", "--data", m_unkData, "--tokens", "word", "--max-steps", "2",
                "--batch", "8", "--hidden", "8", "--emb", "4", "--threads", "1"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("warning: 100.0% of the validation reference tokens (8 of 8)"),
             run.err.constData());
    QVERIFY(!run.out.contains("warning"));
}

QTEST_APPLESS_MAIN(TestCliUnknownTokens)
#include "tst_cli_unknown_tokens.moc"
