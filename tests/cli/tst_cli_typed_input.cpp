// attnlab-cli reads a person's text as the model's training read its data (issue 11, defect 2):
// a model trained with --lowercase aligns "ABC" as "abc" and evaluates an uppercased copy of its
// data as the original; one trained without keeps capitals apart. Typed input the model cannot
// take is refused with exit 2 and a short message, at once (catalogue: empty, 10,000 characters,
// characters never seen, which are counted instead).
#include "CliRunner.h"

#include "core/train/Checkpoint.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab::test;

class TestCliTypedInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void lowercaseIsSavedInTheModel();
    void lowercaseModelAlignsCapitalsAsLowercase();
    void plainModelKeepsCapitalsApart();
    void evalReadsTheDataAsTrainingDid();
    void oldModelFileKeepsItsReading();
    void typedInput_data();
    void typedInput();

private:
    QTemporaryDir m_dir;
    QString m_lower; // trained on tests/data/cli/tiny.tsv with --lowercase
    QString m_plain; // the same without
};

namespace {
QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(bytes);
    return path;
}

QJsonObject alignJson(const QString& model, const QString& text) {
    const CliRun run = runCli({"align", "--model", model, "--json", text});
    if (run.exitCode != 0) qWarning("%s", run.err.constData());
    return jsonObject(run.out);
}
} // namespace

void TestCliTypedInput::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_lower = m_dir.filePath("lower.safetensors");
    m_plain = m_dir.filePath("plain.safetensors");
    for (const QString& out : {m_lower, m_plain}) {
        QStringList arguments{
            "train", "--data", cliData("tiny.tsv"), "--out", out, "--max-steps", "40", "--hidden", "16",
            "--emb", "8",      "--threads",         "1"};
        if (out == m_lower) arguments << "--lowercase";
        const CliRun run = runCli(arguments);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(
            (run.out + run.err).contains("tiny.tsv: 40 pairs (char -> char, lowercased, gold alignments)"),
            out == m_lower);
    }
}

void TestCliTypedInput::lowercaseIsSavedInTheModel() {
    for (const QString& model : {m_lower, m_plain}) {
        const auto file = attnlab::readCheckpoint(model.toStdString());
        const QJsonObject config = jsonObject(QByteArray::fromStdString(file.metadata.at("config")));
        QCOMPARE(config["text"].toObject()["lowercase"].toBool(), model == m_lower);
        QCOMPARE(config["text"].toObject()["trim"].toBool(), true);
    }
}

void TestCliTypedInput::lowercaseModelAlignsCapitalsAsLowercase() {
    const QJsonObject small = alignJson(m_lower, "abc");
    const QJsonObject capitals = alignJson(m_lower, " ABC ");
    QCOMPARE(small["source"].toArray(), QJsonArray({"a", "b", "c"}));
    QCOMPARE(capitals["source"].toArray(), small["source"].toArray());
    QCOMPARE(capitals["input"].toString(), QString(" ABC ")); // the input as given
    QCOMPARE(capitals["output"].toArray(), small["output"].toArray());
    QCOMPARE(capitals["attention"].toArray(), small["attention"].toArray());
    QCOMPARE(capitals["log_prob"].toDouble(), small["log_prob"].toDouble());
    QCOMPARE(capitals["unknown"].toArray(), QJsonArray());
    QCOMPARE(capitals["unknown_count"].toInt(), 0);
}

void TestCliTypedInput::plainModelKeepsCapitalsApart() {
    const CliRun run = runCli({"align", "--model", m_plain, "--json", "ABa"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject j = jsonObject(run.out);
    QCOMPARE(j["source"].toArray(), QJsonArray({"A", "B", "a"}));
    QCOMPARE(j["unknown"].toArray(), QJsonArray({"A", "B"}));
    QCOMPARE(j["unknown_count"].toInt(), 2);
    QVERIFY2(run.err.contains("\"ABa\": 2 of 3 tokens unknown to the model (read as <unk>): 'A' 'B'"),
             run.err.constData());
}

void TestCliTypedInput::evalReadsTheDataAsTrainingDid() {
    // The same pairs in capitals, gold alignments unchanged: the lowercase model scores them as
    // the originals (before, every capital was an <unk> and nothing matched).
    QFile original(cliData("tiny.tsv"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QString upper = writeFile(m_dir, "upper.tsv", original.readAll().toUpper());
    QVERIFY(!upper.isEmpty());
    const CliRun a = runCli({"eval", "--model", m_lower, "--data", cliData("tiny.tsv"), "--json"});
    const CliRun b = runCli({"eval", "--model", m_lower, "--data", upper, "--json"});
    QVERIFY2(a.exitCode == 0 && b.exitCode == 0, (a.err + b.err).constData());
    const QJsonObject ma = jsonObject(a.out)["metrics"].toObject();
    const QJsonObject mb = jsonObject(b.out)["metrics"].toObject();
    QCOMPARE(mb["unknown_reference_tokens"].toInt(), 0);
    for (const char* key :
         {"loss", "token_accuracy", "exact_match", "aer", "reference_tokens", "correct_tokens"})
        QCOMPARE(mb[key].toDouble(), ma[key].toDouble());
    QCOMPARE(jsonObject(b.out)["data"].toObject()["source"].toObject()["unknown"].toInt(), 0);

    // The plain model meets capitals it never saw.
    const CliRun c = runCli({"eval", "--model", m_plain, "--data", upper, "--json"});
    QVERIFY2(c.exitCode == 0, c.err.constData());
    const QJsonObject mc = jsonObject(c.out)["metrics"].toObject();
    QCOMPARE(mc["unknown_reference_tokens"].toInt(), mc["reference_tokens"].toInt());
}

void TestCliTypedInput::oldModelFileKeepsItsReading() {
    // Saved before issue 11: no text options in its config, read with trim on, lowercase off.
    const QString old =
        qEnvironmentVariable("ATTNLAB_SOURCE_DIR") + "/tests/data/models/before_issue11.safetensors";
    QCOMPARE(alignJson(old, "  abc ")["source"].toArray(), QJsonArray({"a", "b", "c"}));
    QCOMPARE(alignJson(old, "ABC")["unknown_count"].toInt(), 3);
    const CliRun eval = runCli({"eval", "--model", old, "--data", cliData("tiny.tsv"), "--json"});
    QVERIFY2(eval.exitCode == 0, eval.err.constData());
    QCOMPARE(jsonObject(eval.out)["config"].toObject()["text"].toObject()["lowercase"].toBool(true), false);
}

void TestCliTypedInput::typedInput_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << "" << 2 << "attnlab-cli align: \"\": the input is empty";
    QTest::newRow("only spaces") << "   \t" << 2 << "the input is empty";
    QTest::newRow("10,000 characters") << QString(10000, 'a') << 2
                                       << "attnlab-cli align: \"" + QString(60, 'a') +
                                              QString::fromUtf8("\u2026\" (10000 characters): the input has "
                                                                "10000 tokens; this model takes at most "
                                                                "256 typed tokens (longer input is "
                                                                "refused, never cut)");
    QTest::newRow("characters never seen") << QString::fromUtf8("ab\u2603\u2603Z") << 0
                                           << QString::fromUtf8("3 of 5 tokens unknown to the model (read as "
                                                                "<unk>): '\u2603' 'Z'");
}

void TestCliTypedInput::typedInput() {
    QFETCH(QString, text);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli({"align", "--model", m_plain, "--json", text});
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY2(run.err.size() < 400, run.err.constData()); // a pasted page is not echoed whole
    QCOMPARE(run.out.isEmpty(), exitCode != 0);
    if (exitCode == 0) QCOMPARE(jsonObject(run.out)["source"].toArray().size(), 5);
}

QTEST_GUILESS_MAIN(TestCliTypedInput)
#include "tst_cli_typed_input.moc"
