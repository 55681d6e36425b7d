// attnlab-cli compare: one model per scorer or variant on identical data, split and seed, trained
// side by side; each row is exactly what `train` with the same options gives.
#include "CliRunner.h"
#include "core/experiment/ExperimentFile.h"
#include "core/train/ModelFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab;
using namespace attnlab::test;

class TestCliCompare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void writesTheTableAsJson();
    void printsTheTable();
    void savesEachModel();
    void opensAsAnExperiment();
    void rowsEqualSingleTrainingRuns_data();
    void rowsEqualSingleTrainingRuns();
    void badVariantsAreRefused_data();
    void badVariantsAreRefused();

private:
    // 40 pairs, validation 0.25: 10 validation and 30 training pairs, 4 batches of 8 an epoch.
    const QStringList m_options{
        "--data", cliData("tiny.tsv"), "--epochs", "2",      "--batch", "8", "--hidden", "16", "--emb",
        "8",      "--val-fraction",    "0.25",     "--seed", "3"};
    QTemporaryDir m_dir;
    CliRun m_run;
    QJsonObject m_table;
};

void TestCliCompare::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_run = runCli(QStringList{"compare", "--scorers", "dot,general", "--variant", "general-h8:hidden=8",
                               "--threads", "2", "--json", m_dir.filePath("table.json"), "--out-dir",
                               m_dir.filePath("models")} +
                   m_options);
    QVERIFY2(m_run.exitCode == 0, m_run.err.constData());
    QFile file(m_dir.filePath("table.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    m_table = jsonObject(file.readAll(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCliCompare::writesTheTableAsJson() {
    QCOMPARE(m_table["command"].toString(), QString("compare"));
    QCOMPARE(m_table["data"].toObject()["train"].toInt(), 30);
    QCOMPARE(m_table["data"].toObject()["validation"].toInt(), 10);
    QCOMPARE(m_table["concurrent_runs"].toInt(), 2); // 2 threads, 2 runs: both at once, 1 thread each
    QCOMPARE(m_table["threads_per_run"].toInt(), 1);
    QCOMPARE(m_table["training"].toObject()["seed"].toInt(), 3);
    const QJsonArray rows = m_table["rows"].toArray();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].toObject()["name"].toString(), QString("dot"));
    QCOMPARE(rows[0].toObject()["scorer"].toString(), QString("dot"));
    QCOMPARE(rows[1].toObject()["scorer"].toString(), QString("general"));
    // The variant: named as given, the shared scorer, its own hidden size.
    QCOMPARE(rows[2].toObject()["name"].toString(), QString("general-h8"));
    QCOMPARE(rows[2].toObject()["scorer"].toString(), QString("general"));
    QCOMPARE(rows[2].toObject()["config"].toObject()["hidden"].toInt(), 8);
    QCOMPARE(rows[1].toObject()["config"].toObject()["hidden"].toInt(), 16);
    QVERIFY(rows[2].toObject()["parameters"].toInt() < rows[1].toObject()["parameters"].toInt());
    // Vocabularies a-e + 4 specials = 9 a side; E 8, H 16: embeddings 2·9·8, encoder 64·8 + 64·16 + 128,
    // decoder 64·24 + 64·16 + 128, combine 16·32, output 9·16 + 9; general adds W_a 16·16.
    const int withoutScorer = 144 + 1664 + 2688 + 512 + 153;
    QCOMPARE(rows[0].toObject()["parameters"].toInt(), withoutScorer);
    QCOMPARE(rows[1].toObject()["parameters"].toInt(), withoutScorer + 256);
    for (const auto& value : rows) {
        const QJsonObject row = value.toObject();
        QCOMPARE(row["outcome"].toString(), QString("completed"));
        QCOMPARE(row["steps"].toInt(), 8);
        QCOMPARE(row["epochs"].toInt(), 2);
        QCOMPARE(row["history"].toArray().size(), 2);
        QCOMPARE(row["validation"].toObject()["examples"].toInt(), 10);
        QCOMPARE(row["validation"].toObject()["aligned_examples"].toInt(), 10);
        QVERIFY(row["steps_per_second"].toDouble() > 0);
        // Exact match by source length: every validation pair in one row or another.
        int counted = 0;
        for (const auto& length : row["validation"].toObject()["by_source_length"].toArray())
            counted += length.toObject()["count"].toInt();
        QCOMPARE(counted, 10);
    }
    // Written beside and renamed: no temporary file is left.
    QCOMPARE(QDir(m_dir.path()).entryList({"*.tmp-*"}, QDir::Files).size(), 0);
}

void TestCliCompare::printsTheTable() {
    const QStringList lines = QString::fromUtf8(m_run.out).split('\n');
    int header = -1;
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].startsWith("run ")) header = i;
    QVERIFY2(header >= 0, m_run.out.constData());
    for (const char* column : {"params", "steps/s", "val loss", "exact", "BLEU", "AER", "entropy", "time"})
        QVERIFY2(lines[header].contains(column), column);
    QVERIFY(lines[header + 1].startsWith("dot "));
    QVERIFY(lines[header + 2].startsWith("general "));
    QVERIFY(lines[header + 3].startsWith("general-h8 "));
    QVERIFY(lines[header + 1].contains("completed"));
}

void TestCliCompare::savesEachModel() {
    const QJsonArray rows = m_table["rows"].toArray();
    for (const auto& value : rows) {
        // Relative to the table's directory, so the table and its models can move together.
        const QString path = value.toObject()["model"].toString();
        QCOMPARE(path, "models/" + value.toObject()["name"].toString() + ".safetensors");
        QVERIFY(QFile::exists(m_dir.filePath(path)));
    }
}

// The table is an experiment file: the window opens what a server wrote.
void TestCliCompare::opensAsAnExperiment() {
    const std::string path = m_dir.filePath("table.json").toStdString();
    const ExperimentSummary experiment = loadExperiment(path);
    QCOMPARE(experiment.data.trainPairs, 30LL);
    QCOMPARE(experiment.data.validationPairs, 10LL);
    QCOMPARE(experiment.threadsPerRun * experiment.concurrentRuns, 2);
    const QJsonArray rows = m_table["rows"].toArray();
    QCOMPARE(experiment.runs.size(), size_t(3));
    for (int i = 0; i < 3; ++i) {
        const RunSummary& run = experiment.runs[static_cast<size_t>(i)];
        const QJsonObject row = rows[i].toObject();
        QCOMPARE(QString::fromStdString(run.name), row["name"].toString());
        QCOMPARE(run.config.hidden, row["config"].toObject()["hidden"].toInt());
        QCOMPARE(run.record.result.steps, static_cast<long long>(row["steps"].toInteger()));
        QCOMPARE(run.record.stepLosses.size(), size_t(8)); // 30 pairs in batches of 8, 2 epochs
        QCOMPARE(run.record.history.size(), size_t(2));
        QCOMPARE(run.record.result.validation.exactMatches,
                 static_cast<long>(row["validation"].toObject()["exact_matches"].toInteger()));
        QVERIFY(!run.record.result.validation.bySourceLength.empty());
        const ModelBundle model = loadModel(experimentModelPath(path, run));
        QCOMPARE(model.config.hidden, run.config.hidden);
        QCOMPARE(model.training.seed, run.settings.seed);
    }
}

void TestCliCompare::rowsEqualSingleTrainingRuns_data() {
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("threads");
    QTest::newRow("dot, 2 threads") << 0 << "2";
    QTest::newRow("general, 1 thread") << 1 << "1";
    QTest::newRow("general-h8 (a variant), 1 thread") << 2 << "1";
}

void TestCliCompare::rowsEqualSingleTrainingRuns() {
    QFETCH(int, row);
    QFETCH(QString, threads);
    const QJsonObject compared = m_table["rows"].toArray()[row].toObject();
    QStringList options = m_options;
    options[options.indexOf("--hidden") + 1] =
        QString::number(compared["config"].toObject()["hidden"].toInt());
    const CliRun run = runCli(QStringList{"train", "--scorer", compared["scorer"].toString(), "--threads",
                                          threads, "--out", m_dir.filePath("single.safetensors"), "--json"} +
                              options);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject trained = jsonObject(run.out);
    QCOMPARE(trained["parameters"].toInt(), compared["parameters"].toInt());
    const QJsonArray a = trained["history"].toArray();
    const QJsonArray b = compared["history"].toArray();
    QCOMPARE(a.size(), b.size());
    for (int epoch = 0; epoch < a.size(); ++epoch) {
        // Bit-identical training whatever the thread count: exact equality, not closeness.
        QVERIFY(a[epoch].toObject()["train_loss"].toDouble() == b[epoch].toObject()["train_loss"].toDouble());
        QVERIFY(a[epoch].toObject()["validation"].toObject()["loss"].toDouble() ==
                b[epoch].toObject()["validation"].toObject()["loss"].toDouble());
    }
}

void TestCliCompare::badVariantsAreRefused_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no settings") << QStringList{"--variant", "wide"} << "--variant wide: no settings";
    QTest::newRow("unknown key") << QStringList{"--variant", "w:width=3"} << "unknown setting 'width'";
    QTest::newRow("bad number") << QStringList{"--variant", "w:hidden=big"}
                                << "--variant w: hidden must be a whole number of at least 1, got 'big'";
    QTest::newRow("unknown scorer") << QStringList{"--variant", "w:scorer=cosine"} << "--variant w: ";
    QTest::newRow("odd bidirectional")
        << QStringList{"--variant", "w:bidirectional=true,hidden=15"} << "--variant w: ";
    QTest::newRow("name clash") << QStringList{"--scorers", "dot", "--variant", "dot:hidden=8"}
                                << "two runs are called dot";
    QTest::newRow("path in name") << QStringList{"--variant", "../x:hidden=8"} << "a name may hold letters";
    QTest::newRow("nothing") << QStringList{} << "there is nothing to compare";
}

// Refused before any data is read or model trained: exit 2, the variant and the reason named.
void TestCliCompare::badVariantsAreRefused() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun run = runCli(QStringList{"compare"} + arguments + m_options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY2(!run.out.contains("pairs"), run.out.constData()); // the data was not read
}

QTEST_GUILESS_MAIN(TestCliCompare)
#include "tst_cli_compare.moc"
