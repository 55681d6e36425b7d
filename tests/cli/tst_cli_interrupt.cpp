// Ctrl-C during `train`: the run stops after the current batch, the weights trained so far are
// saved and usable, and the exit code says the run did not finish.
#include "CliRunner.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

using namespace attnlab::test;

class TestCliInterrupt : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void interruptSavesWhatWasTrained();
    void interruptDuringValidation();
    void humanOutputOfACompleteRun();
};

void TestCliInterrupt::interruptSavesWhatWasTrained() {
    QTemporaryDir dir;
    const QString model = dir.filePath("interrupted.safetensors");
    QProcess process;
    // 500 epochs would take minutes; the interrupt comes after the first.
    process.start(QStringLiteral(ATTNLAB_CLI), {"train", "--data", "reverse", "--out", model, "--epochs",
                                                "500", "--hidden", "16", "--emb", "8", "--threads", "1"});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains("epoch 1/500") && timer.elapsed() < 60000) {
        process.waitForReadyRead(100);
        out += process.readAllStandardOutput();
    }
    QVERIFY2(out.contains("epoch 1/500"), out.constData());
    ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit); // the first Ctrl-C does not kill
    QCOMPARE(process.exitCode(), 1);
    out += process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.contains("Interrupted: stopping after the current batch"), err.constData());
    QVERIFY2(err.contains("attnlab-cli train: stopped after"), err.constData());
    QVERIFY2(out.contains("Saved the weights trained so far to " + model.toUtf8()), out.constData());
    QVERIFY(!out.contains("epoch 500/500"));
    // The saved file is a whole model.
    const CliRun align = runCli({"align", "--model", model, "--json", "abc"});
    QVERIFY2(align.exitCode == 0, align.err.constData());
    QCOMPARE(jsonObject(align.out)["source"].toArray().size(), 3);
}

// Ctrl-C while a large validation split (19,800 pairs) is being validated: the run stops after the
// validation batch in flight, the epoch line says how much of the split was validated, and the
// weights are saved. Judged by the work done (pairs validated) and a 2 s backstop; attnlab-bench
// measures the latency itself.
void TestCliInterrupt::interruptDuringValidation() {
    QTemporaryDir dir;
    const QString data = dir.filePath("dates.tsv");
    const CliRun generated = runCli({"generate", "dates", "--count", "20000", "--seed", "3", "--out", data});
    QVERIFY2(generated.exitCode == 0, generated.err.constData());
    const QString model = dir.filePath("model.safetensors");
    QProcess process;
    // 200 training pairs (4 batches) and 19,800 validation pairs: an epoch is nearly all validation.
    process.start(QStringLiteral(ATTNLAB_CLI),
                  {"train", "--data", data, "--out", model, "--epochs", "100", "--val-fraction", "0.99",
                   "--hidden", "32", "--emb", "8", "--threads", "1"});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains("epoch 1/100") && timer.elapsed() < 60000) {
        process.waitForReadyRead(100);
        out += process.readAllStandardOutput();
    }
    QVERIFY2(out.contains("epoch 1/100"), out.constData());
    QTest::qWait(30); // the next epoch's 4 batches are done: its validation is under way
    timer.restart();
    ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(30000));
    const qint64 milliseconds = timer.elapsed(); // the rest of a batch, saving and exiting
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    out += process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.contains("Interrupted: stopping after the current batch"), err.constData());
    // The cut epoch says so, and its pairs are a part of the split.
    const QRegularExpression cut(R"(epoch 2/100 .*\(stopped: validated on (\d+) of 19800 pairs\))");
    const QRegularExpressionMatch match = cut.match(QString::fromUtf8(out));
    QVERIFY2(match.hasMatch(), out.constData());
    QVERIFY(match.captured(1).toInt() < 19800);
    QVERIFY(!out.contains("epoch 3/100"));
    QVERIFY2(out.contains("Saved the weights trained so far to " + model.toUtf8()), out.constData());
    QVERIFY2(milliseconds < 2000, qPrintable(QString("exited %1 ms after Ctrl-C").arg(milliseconds)));
    qInfo("stopped after validating %s of 19800 pairs; exited %lld ms after Ctrl-C",
          qPrintable(match.captured(1)), milliseconds);
    const CliRun align = runCli({"align", "--model", model, "--json", "monday"});
    QVERIFY2(align.exitCode == 0, align.err.constData());
}

void TestCliInterrupt::humanOutputOfACompleteRun() {
    QTemporaryDir dir;
    const QString model = dir.filePath("tiny.safetensors");
    const CliRun run =
        runCli({"train", "--data", cliData("tiny.tsv"), "--out", model, "--epochs", "2", "--batch", "8",
                "--hidden", "8", "--emb", "4", "--val-fraction", "0.25", "--threads", "1"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QStringList lines = QString::fromUtf8(run.out).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 9);
    QVERIFY(lines[0].endsWith("tiny.tsv: 40 pairs (char -> char, gold alignments), 30 train, 10 validation; "
                              "vocabulary 9 source, 9 target"));
    QCOMPARE(lines[1], QString("  41 lines: 40 pairs kept with gold alignments, 1 comment, 0 blank"));
    QVERIFY(lines[2].startsWith("model: general scorer, luong decoder with input feeding, E 4, H 8: "));
    QVERIFY(
        lines[3].startsWith("training: 8 steps (2 epochs of 4 batches), batch 8, adam lr 0.001, 1 thread"));
    QVERIFY(lines[4].startsWith("epoch 1/2  train loss "));
    QVERIFY(lines[5].startsWith("epoch 2/2  train loss "));
    QVERIFY(lines[5].contains(" AER "));
    QVERIFY(lines[6].startsWith("Finished after 8 steps and 2 epochs in "));
    QVERIFY(lines[7].startsWith("validation: loss "));
    QVERIFY(lines[7].contains("(") && lines[7].contains("/10)")); // exact matches of the 10 pairs
    QCOMPARE(lines[8], "Saved the model to " + model);
    QCOMPARE(run.err, QByteArray()); // a short run in a log: no progress lines
}

QTEST_GUILESS_MAIN(TestCliInterrupt)
#include "tst_cli_interrupt.moc"
