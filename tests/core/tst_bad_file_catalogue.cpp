// The catalogue of bad files (tests/data/bad/catalogue.tsv, issue 11) through the core calls the
// window makes: openDataset (DatasetLoader) and loadModel (TrainingSession::openModel). Every
// entry must be refused with the error type the window reports, naming the file, the line or the
// tensor/key, and the reason; the good model every bad model is made from must load.
#include "core/data/DatasetError.h"
#include "core/data/ShippedDatasets.h"
#include "core/train/CheckpointError.h"
#include "core/train/ModelFile.h"
#include "support/BadFileCatalogue.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include <fstream>
#include <thread>

using namespace attnlab;
using namespace attnlab::test;

class TestBadFileCatalogue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void catalogueIsLargeAndListsEveryFile();
    void goodModelLoads();
    void entryIsRefused_data();
    void entryIsRefused();
    void datasetThroughAPipeLosesNothing();

private:
    std::vector<BadFile> m_entries;
    QTemporaryDir m_scratch; // the entries the test makes (2 MiB lines, a directory)
};

void TestBadFileCatalogue::initTestCase() {
    QString error;
    m_entries = readBadFileCatalogue(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_scratch.isValid());
}

void TestBadFileCatalogue::catalogueIsLargeAndListsEveryFile() {
    // Issue 11 asks for at least 40 entries; the README states the count.
    QVERIFY2(m_entries.size() >= 100, qPrintable(QString::number(m_entries.size())));
    int datasets = 0;
    QStringList listed;
    for (const BadFile& entry : m_entries) {
        datasets += entry.kind == u"dataset";
        QVERIFY2(!listed.contains(entry.file), qPrintable(entry.file + " is listed twice"));
        listed << entry.file;
        if (entry.make == u"-")
            QVERIFY2(QFileInfo::exists(QDir(badFilesDirectory()).filePath(entry.file)),
                     qPrintable(entry.file));
    }
    QVERIFY(datasets >= 40);
    QVERIFY(static_cast<int>(m_entries.size()) - datasets >= 50);
    // Every committed bad file is in the manifest (good.safetensors and the script that makes the
    // model files are not bad files).
    for (const QString& folder : {QStringLiteral("datasets"), QStringLiteral("models")}) {
        const QDir dir(QDir(badFilesDirectory()).filePath(folder));
        for (const QString& name : dir.entryList(QDir::Files)) {
            if (name == u"good.safetensors" || name.endsWith(u".py")) continue;
            QVERIFY2(listed.contains(folder + u'/' + name),
                     qPrintable(folder + u'/' + name + " is not listed"));
        }
    }
}

void TestBadFileCatalogue::goodModelLoads() {
    const ModelBundle bundle =
        loadModel(QDir(badFilesDirectory()).filePath("models/good.safetensors").toStdString());
    QCOMPARE(bundle.config.scorer, ScorerKind::LocationAware);
    QVERIFY(bundle.config.bidirectional);
    QCOMPARE(bundle.config.hidden, 4);
    QCOMPARE(bundle.config.embedding, 3);
    QCOMPARE(bundle.sourceVocabulary.size(), 9);
    QCOMPARE(bundle.targetVocabulary.size(), 9);
}

void TestBadFileCatalogue::entryIsRefused_data() {
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        QTest::newRow(qPrintable(m_entries[i].file)) << static_cast<int>(i);
}

void TestBadFileCatalogue::entryIsRefused() {
    QFETCH(int, index);
    const BadFile& entry = m_entries[static_cast<std::size_t>(index)];
    const QString path = badFilePath(entry, QDir(m_scratch.path()));
    QVERIFY2(!path.isEmpty(), "could not make the file");
    QString message = QStringLiteral("(accepted)");
    if (entry.kind == u"dataset") {
        DatasetOptions options;
        options.sourceTokens = options.targetTokens = *parseTokenization(entry.tokens.toStdString());
        try {
            // As DatasetLoader calls it: with a progress callback that never cancels.
            openDataset(path.toStdString(), options, [](std::int64_t, std::int64_t) { return true; });
        } catch (const DatasetError& e) {
            message = QString::fromUtf8(e.what());
            // What the window shows apart: the file and the line.
            QCOMPARE(QString::fromStdString(e.file()), path);
            QCOMPARE(e.line(), static_cast<std::int64_t>(entry.line));
        }
    } else {
        try {
            loadModel(path.toStdString());
        } catch (const CheckpointError& e) {
            message = QString::fromUtf8(e.what());
            QCOMPARE(QString::fromStdString(e.path()), path);
        }
    }
    QVERIFY2(message.startsWith(path), qPrintable(message));
    const QString problem = badFileMessageProblem(entry, path, message);
    QVERIFY2(problem.isEmpty(), qPrintable(message + "\n  " + problem));
}

void TestBadFileCatalogue::datasetThroughAPipeLosesNothing() {
    // The check for a model file opened as a dataset reads the first bytes and seeks back; a pipe
    // (attnlab-cli train --data <(zcat pairs.tsv.gz)) cannot seek, so it must not be checked.
    const QString fifo = m_scratch.filePath("pipe.tsv");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    std::thread writer(
        [&] { std::ofstream(fifo.toStdString()) << "abcdefghijkl\tlkjihgfedcba\nhello\tolleh\n"; });
    const Dataset dataset = openDataset(fifo.toStdString());
    writer.join();
    QCOMPARE(dataset.size(), 2);
    QCOMPARE(QString::fromUtf8(dataset.source(0)), QStringLiteral("abcdefghijkl"));
    QCOMPARE(QString::fromUtf8(dataset.target(1)), QStringLiteral("olleh"));
}

QTEST_APPLESS_MAIN(TestBadFileCatalogue)
#include "tst_bad_file_catalogue.moc"
