// `attnlab-cli prepare` run as a user runs it: the directory holds exactly the split, vocabularies,
// ids and gold links that `train` uses for the same arguments (the same loadTrainingData, called
// here in-process), the settings in the model file's form, and bad arguments exit 2.
#include "CliRunner.h"
#include "app/cli/TrainingInput.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <sstream>

using namespace attnlab;
using namespace attnlab::test;

class TestCliPrepare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void prepareWritesWhatTrainUses();
    void outThatIsAFileIsRefused();
    void missingDataIsRefused();
};

namespace {
std::string readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

std::vector<nlohmann::json> readLines(const QString& path) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(readText(path));
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

void compareSplit(const std::vector<nlohmann::json>& lines, const EncodedSplit& split,
                  const Dataset& dataset) {
    QCOMPARE(lines.size(), split.pairs.size());
    for (size_t k = 0; k < lines.size(); ++k) {
        QCOMPARE(lines[k]["index"].get<int>(), split.datasetIndices[k]);
        QCOMPARE(lines[k]["source"].get<std::vector<int>>(), split.pairs[k].source);
        QCOMPARE(lines[k]["target"].get<std::vector<int>>(), split.pairs[k].target);
        const auto gold = dataset.alignment(split.datasetIndices[k]);
        QCOMPARE(lines[k]["gold"].size(), gold.size());
        for (size_t g = 0; g < gold.size(); ++g) {
            QCOMPARE(lines[k]["gold"][g][0].get<int>(), gold[g].source);
            QCOMPARE(lines[k]["gold"][g][1].get<int>(), gold[g].target);
            QCOMPARE(lines[k]["gold"][g][2].get<bool>(), gold[g].sure);
        }
    }
}
} // namespace

void TestCliPrepare::prepareWritesWhatTrainUses() {
    QTemporaryDir dir;
    const QString out = dir.filePath("prepared/reverse"); // made with its parents
    const CliRun run =
        runCli({"prepare", "--data", "reverse", "--seed", "3", "--hidden", "64", "--out", out});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.contains("prepared 3600 training and 400 validation pairs"));

    cli::TrainingArgs args; // what `train --data reverse --seed 3` loads
    args.data = "reverse";
    args.seed = 3;
    std::ostringstream log;
    const auto prepared = cli::loadTrainingData(args, log);
    const TrainingData& data = *prepared->data;
    QCOMPARE(readText(out + "/source_vocab.json"), data.sourceVocabulary.toJson() + '\n');
    QCOMPARE(readText(out + "/target_vocab.json"), data.targetVocabulary.toJson() + '\n');
    compareSplit(readLines(out + "/train.jsonl"), data.train, *prepared->dataset);
    compareSplit(readLines(out + "/validation.jsonl"), data.validation, *prepared->dataset);

    const nlohmann::json meta = nlohmann::json::parse(readText(out + "/meta.json"));
    QCOMPARE(meta["format"].get<std::string>(), std::string("attnlab-prepared-1"));
    QCOMPARE(meta["seed"].get<int>(), 3);
    QCOMPARE(meta["data"]["train"].get<int>(), 3600);
    QCOMPARE(meta["config"]["hidden"].get<int>(), 64);
    QCOMPARE(meta["config"]["scorer"].get<std::string>(), std::string("general"));
    QCOMPARE(meta["config"]["tokens"]["source"].get<std::string>(), std::string("char"));
    QCOMPARE(meta["config"]["training"]["seed"].get<int>(), 3);
}

void TestCliPrepare::outThatIsAFileIsRefused() {
    QTemporaryDir dir;
    const QString file = dir.filePath("taken");
    QFile taken(file);
    QVERIFY(taken.open(QIODevice::WriteOnly));
    taken.close();
    const CliRun run = runCli({"prepare", "--data", "reverse", "--out", file});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("attnlab-cli prepare: --out " + file.toUtf8() + " is a file; give a directory"),
             run.err.constData());
}

void TestCliPrepare::missingDataIsRefused() {
    QTemporaryDir dir;
    const CliRun run = runCli({"prepare", "--data", dir.filePath("none.tsv"), "--out", dir.filePath("out")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("none.tsv"), run.err.constData());
    QVERIFY(!QFile::exists(dir.filePath("out/meta.json")));
}

QTEST_APPLESS_MAIN(TestCliPrepare)
#include "tst_cli_prepare.moc"
