// attnlab-cli's failures: bad usage and bad input exit 2 with a message on stderr naming the
// problem (a dataset's file and line, a model file's problem), and never print to stdout.
#include "CliRunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab::test;

class TestCliErrors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badUsage_data();
    void badUsage();
    void badDatasetNamesFileAndLine();
    void corruptModel_data();
    void corruptModel();
    void locationModelRefusesLongInput();
    void badAlignInputStillAlignsTheOthers();

private:
    QTemporaryDir m_dir;
    QString m_model; // a location-scorer model trained for a few steps
};

void TestCliErrors::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_model = m_dir.filePath("tiny.safetensors");
    const CliRun run =
        runCli({"train", "--data", cliData("tiny.tsv"), "--out", m_model, "--scorer", "location",
                "--max-steps", "2", "--hidden", "8", "--emb", "4", "--threads", "1"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

void TestCliErrors::badUsage_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString data = cliData("tiny.tsv");
    const QString out = QDir::temp().filePath("attnlab-cli-never-written.safetensors");
    QTest::newRow("unknown scorer")
        << QStringList{"train", "--data", data, "--out", out, "--scorer", "cosine"}
        << "--scorer: cosine not in {none,dot,scaled_dot,general,additive,location,"
           "location_aware}";
    QTest::newRow("negative batch") << QStringList{"train", "--data", data, "--out", out, "--batch", "-5"}
                                    << "--batch: must be at least 1, got -5";
    QTest::newRow("zero learning rate")
        << QStringList{"train", "--data", data, "--out", out, "--lr", "0"} << "--lr: must be positive, got 0";
    QTest::newRow("missing --data") << QStringList{"train", "--out", out} << "--data is required";
    QTest::newRow("missing --out") << QStringList{"train", "--data", data} << "--out is required";
    QTest::newRow("dropout of 1") << QStringList{"train", "--data", data, "--out", out, "--dropout", "1"}
                                  << "attnlab-cli train: dropout must be in [0, 1)";
    QTest::newRow("odd bidirectional")
        << QStringList{"train", "--data", data, "--out", out, "--bidirectional", "--hidden", "33"}
        << "attnlab-cli train: a bidirectional encoder needs an even hidden size, got 33";
    QTest::newRow("no such directory")
        << QStringList{"train", "--data", data, "--out", "/nonexistent-attnlab/m.safetensors"}
        << "attnlab-cli train: cannot save to /nonexistent-attnlab/m.safetensors: the directory "
           "/nonexistent-attnlab does not exist";
    QTest::newRow("missing dataset") << QStringList{"train", "--data", "no-such-file.tsv", "--out", out}
                                     << "attnlab-cli train: no-such-file.tsv: cannot open: no such file";
    QTest::newRow("scorer twice") << QStringList{"compare", "--data", data, "--scorers", "dot,general,dot"}
                                  << "attnlab-cli compare: --scorers names dot twice";
    QTest::newRow("odd bidirectional compare")
        << QStringList{"compare", "--data", data, "--scorers", "dot", "--bidirectional", "--hidden", "5"}
        << "attnlab-cli compare: a bidirectional encoder needs an even hidden size, got 5";
    QTest::newRow("unknown compared scorer")
        << QStringList{"compare", "--data", data, "--scorers", "dot,bilinear"}
        << "--scorers: bilinear not in";
    QTest::newRow("beam of 0") << QStringList{"align", "--model", "m.safetensors", "--beam", "0", "abc"}
                               << "--beam: must be at least 1, got 0";
    for (const char* tau : {"0", "0.005", "101", "-1", "nan", "inf"})
        QTest::newRow(qPrintable(QString("temperature %1").arg(tau)))
            << QStringList{"align", "--model", "m.safetensors", "--temperature", tau, "abc"}
            << QString("--temperature: must be in [0.01, 100], got %1").arg(tau);
    QTest::newRow("temperature not a number")
        << QStringList{"align", "--model", "m.safetensors", "--temperature", "warm", "abc"}
        << "--temperature: expected a number, got warm";
    QTest::newRow("temperature under beam search")
        << QStringList{"align", "--model", "m.safetensors", "--beam", "3", "--temperature", "2", "abc"}
        << "attnlab-cli align: --temperature applies to greedy decoding; beam search (--beam 3) does not "
           "take one";
    QTest::newRow("explain without json")
        << QStringList{"align", "--model", "m.safetensors", "--explain", "abc"}
        << "--explain requires --json";
    QTest::newRow("top-k of 0") << QStringList{"align",  "--model",   "m.safetensors",
                                               "--json", "--explain", "--top-k",
                                               "0",      "abc"}
                                << "--top-k: must be at least 1, got 0";
    QTest::newRow("unknown split") << QStringList{"eval", "--model", "m", "--data", data, "--split", "test"}
                                   << "--split: test not in {all,validation,train}";
}

void TestCliErrors::badUsage() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun run = runCli(arguments);
    QVERIFY(!run.crashed);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QCOMPARE(run.out, QByteArray());
}

void TestCliErrors::badDatasetNamesFileAndLine() {
    const QString bad = cliData("bad.tsv");
    for (const QStringList& arguments :
         {QStringList{"train", "--data", bad, "--out", m_dir.filePath("never.safetensors")},
          QStringList{"eval", "--model", m_model, "--data", bad},
          QStringList{"compare", "--data", bad, "--scorers", "dot"}}) {
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        // Line 1 is a comment, line 2 fine, line 3 has no tab.
        QVERIFY2(run.err.contains((bad + ":3: no tab").toUtf8()), run.err.constData());
        QCOMPARE(run.out, QByteArray());
    }
    QVERIFY(!QFile::exists(m_dir.filePath("never.safetensors")));
}

void TestCliErrors::corruptModel_data() {
    QTest::addColumn<QString>("command");
    QTest::newRow("align") << "align";
    QTest::newRow("eval") << "eval";
}

void TestCliErrors::corruptModel() {
    QFETCH(QString, command);
    // A file that is not a model at all, and a real model cut in half.
    const QString garbage = m_dir.filePath("garbage.safetensors");
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a model\n");
    file.close();
    QFile original(m_model);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray bytes = original.readAll();
    const QString truncated = m_dir.filePath("truncated.safetensors");
    QFile cut(truncated);
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() / 2));
    cut.close();
    for (const QString& path : {garbage, truncated, m_dir.filePath("missing.safetensors")}) {
        QStringList arguments{command, "--model", path};
        arguments << (command == "eval" ? QStringList{"--data", cliData("tiny.tsv")} : QStringList{"abc"});
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(("attnlab-cli " + command + ": " + path + ": ").toUtf8()),
                 run.err.constData());
        QCOMPARE(run.out, QByteArray());
    }
}

void TestCliErrors::locationModelRefusesLongInput() {
    // max_source_len is max(64, longest training source) = 64: the location scorer reads no further.
    const CliRun ok = runCli({"align", "--model", m_model, "--json", QString(64, 'a')});
    QCOMPARE(ok.exitCode, 0);
    const CliRun run = runCli({"align", "--model", m_model, "--json", QString(65, 'a')});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("the input has 65 tokens; this model (location scorer) reads at most 64"),
             run.err.constData());
    QCOMPARE(run.out, QByteArray());
}

void TestCliErrors::badAlignInputStillAlignsTheOthers() {
    const CliRun run = runCli({"align", "--model", m_model, "--json", "abc", "   ", "cab"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("the input is empty"), run.err.constData());
    QCOMPARE(run.out.count('\n'), 2); // abc and cab
}

QTEST_GUILESS_MAIN(TestCliErrors)
#include "tst_cli_errors.moc"
