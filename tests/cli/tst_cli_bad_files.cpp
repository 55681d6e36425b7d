// The catalogue of bad files (tests/data/bad/catalogue.tsv, issue 11) through attnlab-cli, run as a
// user runs it: `train` reads each bad dataset, `eval` each bad model. Every entry must exit 2 with
// nothing on stdout, no model written, and one message on stderr naming the file, the line or the
// tensor/key, and the reason. The good model loads, and the model cut at ten points is refused.
#include "CliRunner.h"
#include "support/BadFileCatalogue.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab::test;

class TestCliBadFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void goodModelEvaluates();
    void entryIsRefused_data();
    void entryIsRefused();
    void truncatedModelIsRefused_data();
    void truncatedModelIsRefused();

private:
    std::vector<BadFile> m_entries;
    QTemporaryDir m_scratch;
    QString m_goodModel;
};

void TestCliBadFiles::initTestCase() {
    QString error;
    m_entries = readBadFileCatalogue(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_entries.size() >= 100);
    QVERIFY(m_scratch.isValid());
    m_goodModel = QDir(badFilesDirectory()).filePath("models/good.safetensors");
}

void TestCliBadFiles::goodModelEvaluates() {
    // The control: what every bad model is one defect away from is a model eval accepts.
    const CliRun run = runCli({"eval", "--model", m_goodModel, "--data", cliData("tiny.tsv")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("exact match"));
}

void TestCliBadFiles::entryIsRefused_data() {
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        QTest::newRow(qPrintable(m_entries[i].file)) << static_cast<int>(i);
}

void TestCliBadFiles::entryIsRefused() {
    QFETCH(int, index);
    const BadFile& entry = m_entries[static_cast<std::size_t>(index)];
    const QString path = badFilePath(entry, QDir(m_scratch.path()));
    QVERIFY2(!path.isEmpty(), "could not make the file");
    const QString out = m_scratch.filePath("never.safetensors");
    const bool dataset = entry.kind == u"dataset";
    const QString command = dataset ? "train" : "eval";
    const QStringList arguments =
        dataset ? QStringList{"train", "--data",      path, "--tokens",  entry.tokens, "--out",
                              out,     "--max-steps", "1",  "--threads", "1"}
                : QStringList{"eval", "--model", path, "--data", cliData("tiny.tsv")};
    const CliRun run = runCli(arguments);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY(!run.crashed);
    QVERIFY2(run.exitCode == 2, qPrintable(QString::number(run.exitCode) + ": " + err));
    QCOMPARE(run.out, QByteArray());
    QVERIFY(!QFile::exists(out));
    QVERIFY2(err.startsWith("attnlab-cli " + command + ": " + path), qPrintable(err));
    QCOMPARE(err.count(u'\n'), 1); // one message, on one line
    const QString problem = badFileMessageProblem(entry, path, err);
    QVERIFY2(problem.isEmpty(), qPrintable(err + "  " + problem));
}

void TestCliBadFiles::truncatedModelIsRefused_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("reason");
    QFile file(QDir(badFilesDirectory()).filePath("models/good.safetensors"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qsizetype total = file.size();
    std::int64_t header = 0;
    const QByteArray prefix = file.read(8);
    for (int i = 7; i >= 0; --i) header = header << 8 | static_cast<unsigned char>(prefix[i]);
    const auto data = static_cast<int>(8 + header);
    for (const int size : {0, 5, 8, 12, data / 2, data - 1, data, data + 100, static_cast<int>(total) - 4,
                           static_cast<int>(total) - 1}) {
        const QString reason =
            size < 8      ? QStringLiteral("truncated: %1 bytes, too short").arg(size)
            : size < data ? QStringLiteral("header length %1 goes beyond the end of the file (%2 bytes)")
                                .arg(header)
                                .arg(size)
                          : QStringLiteral("truncated: header says %1 bytes of data, file has %2")
                                .arg(total - data)
                                .arg(size - data);
        QTest::newRow(qPrintable(QString::number(size))) << size << reason;
    }
}

void TestCliBadFiles::truncatedModelIsRefused() {
    QFETCH(int, size);
    QFETCH(QString, reason);
    QFile file(m_goodModel);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString path = m_scratch.filePath(QStringLiteral("cut_%1.safetensors").arg(size));
    QVERIFY(writeFile(path, file.read(size)));
    const CliRun run = runCli({"align", "--model", path, "abc"});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.startsWith(("attnlab-cli align: " + path + ": " + reason).toUtf8()),
             run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliBadFiles)
#include "tst_cli_bad_files.moc"
