// The experiment file (core/experiment/ExperimentFile.h): a trained experiment saved and opened
// again equals itself field by field, and each bad file is refused with a message naming the
// file, the line and what was wrong.
#include "core/data/ShippedDatasets.h"
#include "core/experiment/Experiment.h"
#include "core/experiment/ExperimentFile.h"
#include "core/experiment/ExperimentJson.h"
#include "core/util/FileError.h"
#include "support/ExperimentCompare.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>

using namespace attnlab;
using namespace attnlab::test;

class TestExperimentFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void summaryIsTheExperiment();
    void roundTripEqualsFieldByField();
    void textIsStableAndShort();
    void hintsRoundTripAndOldFilesRead();
    void modelPathsResolveBesideTheFile();
    void badFiles_data();
    void badFiles();
    void badFilesOnDisk();
    void fuzzSeedsRead();

private:
    ExperimentSummary m_summary;
    std::string m_text;
    QTemporaryDir m_dir;
    std::unique_ptr<Experiment> m_experiment;
};

namespace {
struct Quiet : TrainingObserver {};

// The 1-based line of the `occurrence`-th (0-based; -1: last) place `needle` is in `text`.
int lineOf(const std::string& text, const std::string& needle, int occurrence = 0) {
    size_t at = occurrence < 0 ? text.rfind(needle) : text.find(needle);
    for (int i = 0; i < occurrence && at != std::string::npos; ++i) at = text.find(needle, at + 1);
    if (at == std::string::npos) return -1;
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

std::string refusal(const std::string& text, const std::string& name = "exp.json") {
    try {
        parseExperiment(text, name);
    } catch (const FileError& e) {
        return e.what();
    }
    return "(accepted)";
}
} // namespace

void TestExperimentFile::initTestCase() {
    QVERIFY(m_dir.isValid());
    const std::string tiny =
        qEnvironmentVariable("ATTNLAB_SOURCE_DIR").toStdString() + "/tests/data/cli/tiny.tsv";
    auto dataset = std::make_shared<const Dataset>(openDataset(tiny));
    m_experiment = std::make_unique<Experiment>(
        prepareData(dataset, PrepareOptions{.validationFraction = 0.25, .testFraction = 0.0}, 3, "tiny"));
    for (auto [name, scorer, hidden] :
         {std::tuple{"dot", ScorerKind::Dot, 16}, {"additive-h8", ScorerKind::Additive, 8}}) {
        RunSpec spec;
        spec.name = name;
        spec.config.embedding = 8;
        spec.config.hidden = hidden;
        spec.config.scorer = scorer;
        spec.settings.batchSize = 8;
        spec.settings.epochs = 2;
        spec.settings.learningRate = 0.01;
        spec.settings.seed = 3;
        spec.settings.attentionPairs = {0, 2};
        spec.settings.dropout = hidden == 8 ? 0.1 : 0.0;
        m_experiment->add(spec);
    }
    Quiet quiet;
    std::vector<TrainingControl> controls(2);
    m_experiment->train(2, [&](int) -> TrainingObserver& { return quiet; }, {&controls[0], &controls[1]});
    m_summary = summarize(*m_experiment);
    m_summary.runs[1].modelPath = "models/additive-h8.safetensors";
    m_text = experimentJson(m_summary);
}

void TestExperimentFile::summaryIsTheExperiment() {
    const ExperimentSummary& s = m_summary;
    QCOMPARE(s.data.name, std::string("tiny"));
    QVERIFY(s.data.path.ends_with("tiny.tsv"));
    QCOMPARE(s.data.pairs, 40LL);
    QCOMPARE(s.data.trainPairs, 30LL);
    QCOMPARE(s.data.validationPairs, 10LL);
    QVERIFY(s.data.goldAlignments);
    QCOMPARE(s.data.longestSource, 5);
    QCOMPARE(s.data.sourceVocabulary, m_experiment->data().data->sourceVocabulary.size());
    QCOMPARE(s.concurrentRuns, 2);
    QCOMPARE(s.threadsPerRun, 1);
    QCOMPARE(s.runs.size(), size_t(2));
    const RunSummary& r = s.runs[1];
    QCOMPARE(r.name, std::string("additive-h8"));
    QCOMPARE(r.scorer, std::string("additive"));
    QCOMPARE(r.config.hidden, 8);
    QCOMPARE(r.settings.dropout, 0.1);
    QCOMPARE(r.parameters, m_experiment->run(1).parameterCount());
    QCOMPARE(r.record.result.steps, 8LL); // 30 pairs in batches of 8, 2 epochs
    QCOMPARE(r.record.stepLosses.size(), size_t(8));
    QCOMPARE(r.record.history.size(), size_t(2));
    QVERIFY(!r.record.result.validation.bySourceLength.empty());
    QVERIFY(!std::isnan(r.record.result.validation.alignmentErrorRate));
}

void TestExperimentFile::roundTripEqualsFieldByField() {
    const QString path = m_dir.filePath("experiment.json");
    saveExperiment(path.toStdString(), m_summary);
    const ExperimentSummary read = loadExperiment(path.toStdString());
    const ExperimentData& a = read.data;
    const ExperimentData& b = m_summary.data;
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.path, b.path);
    QCOMPARE(a.pairs, b.pairs);
    QCOMPARE(a.trainPairs, b.trainPairs);
    QCOMPARE(a.validationPairs, b.validationPairs);
    QCOMPARE(a.sourceTokens, b.sourceTokens);
    QCOMPARE(a.targetTokens, b.targetTokens);
    QCOMPARE(a.lowercase, b.lowercase);
    QCOMPARE(a.trim, b.trim);
    QCOMPARE(a.goldAlignments, b.goldAlignments);
    QCOMPARE(a.longestSource, b.longestSource);
    QCOMPARE(a.sourceVocabulary, b.sourceVocabulary);
    QCOMPARE(a.targetVocabulary, b.targetVocabulary);
    QCOMPARE(read.concurrentRuns, m_summary.concurrentRuns);
    QCOMPARE(read.threadsPerRun, m_summary.threadsPerRun);
    QCOMPARE(read.runs.size(), m_summary.runs.size());
    for (size_t i = 0; i < read.runs.size(); ++i) {
        const RunSummary& x = read.runs[i];
        const RunSummary& y = m_summary.runs[i];
        QCOMPARE(x.name, y.name);
        QCOMPARE(x.scorer, y.scorer);
        compareConfig(x.config, y.config);
        compareSettings(x.settings, y.settings);
        QCOMPARE(x.parameters, y.parameters);
        QCOMPARE(x.modelPath, y.modelPath);
        const RunRecord& p = x.record;
        const RunRecord& q = y.record;
        QCOMPARE(p.result.outcome, q.result.outcome);
        QCOMPARE(p.result.message, q.result.message);
        QCOMPARE(p.result.warning, q.result.warning);
        QCOMPARE(p.result.steps, q.result.steps);
        QCOMPARE(p.result.epochs, q.result.epochs);
        QCOMPARE(p.result.seconds, q.result.seconds);
        QCOMPARE(p.trainingSeconds, q.trainingSeconds);
        compareMetrics(p.result.validation, q.result.validation);
        QCOMPARE(p.stepLosses, q.stepLosses); // floats, bit for bit
        QCOMPARE(p.history.size(), q.history.size());
        for (size_t e = 0; e < p.history.size(); ++e) {
            const EpochReport& u = p.history[e];
            const EpochReport& v = q.history[e];
            QCOMPARE(u.epoch, v.epoch);
            QCOMPARE(u.step, v.step);
            COMPARE_DOUBLE(u.trainLoss, v.trainLoss);
            compareMetrics(u.validation, v.validation);
            QCOMPARE(u.validationPairs, v.validationPairs);
            QCOMPARE(u.improved, v.improved);
            COMPARE_DOUBLE(u.learningRate, v.learningRate);
            QCOMPARE(u.seconds, v.seconds);
            QVERIFY(u.hints == v.hints);
        }
    }
    // NaN is written as null and read back as NaN.
    ExperimentSummary diverged = m_summary;
    diverged.runs[0].record.result.validation.loss = Metrics::NaN;
    diverged.runs[0].record.stepLosses[3] = std::nanf("");
    const std::string text = experimentJson(diverged);
    QVERIFY(text.find("\"loss\": null") != std::string::npos);
    const ExperimentSummary back = parseExperiment(text, "diverged.json");
    QVERIFY(std::isnan(back.runs[0].record.result.validation.loss));
    QVERIFY(std::isnan(back.runs[0].record.stepLosses[3]));
}

void TestExperimentFile::hintsRoundTripAndOldFilesRead() {
    ExperimentSummary hinted = m_summary;
    const HealthHint hint{.id = "overfitting",
                          .title = "Validation loss rises while training loss falls",
                          .explanation = "It \"memorises\".",
                          .advice = "Stop early.",
                          .epoch = 2,
                          .step = 8};
    hinted.runs[1].record.history[1].hints = {hint};
    const std::string text = experimentJson(hinted);
    const ExperimentSummary back = parseExperiment(text, "hinted.json");
    QCOMPARE(back.runs[1].record.history[1].hints.size(), size_t(1));
    QVERIFY(back.runs[1].record.history[1].hints[0] == hint);
    QVERIFY(back.runs[1].record.history[0].hints.empty());
    // A file written before hints existed has no "hints" key: it reads, with none.
    auto json = nlohmann::ordered_json::parse(text);
    for (auto& row : json.at("rows"))
        for (auto& epoch : row.at("history")) epoch.erase("hints");
    const ExperimentSummary old = parseExperiment(json.dump(2), "old.json");
    QVERIFY(old.runs[1].record.history[1].hints.empty());
    // A hint missing its advice is refused, naming where.
    json = nlohmann::ordered_json::parse(text);
    json.at("rows").at(1).at("history").at(1).at("hints").at(0).erase("advice");
    const std::string refused = refusal(json.dump(2));
    QVERIFY2(refused.find("advice") != std::string::npos, refused.c_str());
}

void TestExperimentFile::textIsStableAndShort() {
    QCOMPARE(experimentJson(parseExperiment(m_text, "x.json")), m_text);
    const auto json = nlohmann::ordered_json::parse(m_text);
    QCOMPARE(json.begin().key(), std::string("format"));
    QCOMPARE(json.at("format").get<std::string>(), std::string("attnlab-experiment"));
    QCOMPARE(json.at("version").get<int>(), 1);
    QCOMPARE(json.at("command").get<std::string>(), std::string("compare"));
    QVERIFY(!json.at("config").contains("scorer"));
    const auto& row = json.at("rows").at(1);
    QCOMPARE(row.at("training").at("dropout").get<double>(), 0.1);
    QCOMPARE(row.at("training").at("attention_pairs"), nlohmann::ordered_json({0, 2}));
    QVERIFY(!row.at("config").contains("training"));
    // Step losses as the shortest decimal of the float: "1.6094379", never "1.6094379425048828".
    const float loss = m_summary.runs[1].record.stepLosses[0];
    QCOMPARE(row.at("step_losses").at(0).dump(), weight(loss).dump());
    QVERIFY(row.at("step_losses").at(0).dump().size() <= 11);
    QCOMPARE(row.at("validation").at("by_source_length").at(0).at("source_length").get<int>(),
             m_summary.runs[1].record.result.validation.bySourceLength[0].sourceLength);
}

void TestExperimentFile::modelPathsResolveBesideTheFile() {
    RunSummary run;
    QCOMPARE(experimentModelPath("/data/exp/table.json", run), std::string());
    run.modelPath = "models/dot.safetensors";
    QCOMPARE(experimentModelPath("/data/exp/table.json", run),
             std::string("/data/exp/models/dot.safetensors"));
    QCOMPARE(experimentModelPath("table.json", run), std::string("models/dot.safetensors"));
    run.modelPath = "../shared/dot.safetensors";
    QCOMPARE(experimentModelPath("/data/exp/table.json", run), std::string("/data/shared/dot.safetensors"));
    run.modelPath = "/models/dot.safetensors";
    QCOMPARE(experimentModelPath("/data/exp/table.json", run), std::string("/models/dot.safetensors"));
}

using Edit = std::function<std::string(const std::string& good)>;
Q_DECLARE_METATYPE(Edit)

namespace {
// `good` with the value at rows[row][key...] replaced, indented as the writer does.
Edit setValue(std::vector<std::string> keys, nlohmann::ordered_json value) {
    return [keys, value](const std::string& good) {
        auto json = nlohmann::ordered_json::parse(good);
        nlohmann::ordered_json* at = &json;
        for (const std::string& k : keys) at = at->is_array() ? &(*at)[std::stoul(k)] : &(*at)[k];
        *at = value;
        return json.dump(2) + "\n";
    };
}
Edit erase(std::vector<std::string> keys) {
    return [keys](const std::string& good) {
        auto json = nlohmann::ordered_json::parse(good);
        nlohmann::ordered_json* at = &json;
        for (size_t i = 0; i + 1 < keys.size(); ++i)
            at = at->is_array() ? &(*at)[std::stoul(keys[i])] : &(*at)[keys[i]];
        at->erase(keys.back());
        return json.dump(2) + "\n";
    };
}
Edit cutAt(double fraction) {
    return [fraction](const std::string& good) {
        size_t at = static_cast<size_t>(good.size() * fraction);
        while (good[at - 1] == '\n' || good[at - 1] == ' ') --at; // mid-line
        return good.substr(0, at);
    };
}
Edit literal(std::string text) {
    return [text](const std::string&) { return text; };
}
// The line expected: where `needle`'s occurrence is in the edited text; 0: the last line.
using LineRule = std::function<int(const std::string& edited)>;
LineRule at(std::string needle, int occurrence = 0, int offset = 0) {
    return [=](const std::string& edited) { return lineOf(edited, needle, occurrence) + offset; };
}
LineRule lastLine() {
    return [](const std::string& edited) {
        return 1 + static_cast<int>(std::count(edited.begin(), edited.end(), '\n'));
    };
}
} // namespace
Q_DECLARE_METATYPE(LineRule)

void TestExperimentFile::badFiles_data() {
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<LineRule>("line");
    QTest::addColumn<QString>("what");
    const QString truncated = "the file ends too early (truncated?)";
    QTest::newRow("cut at 10%") << cutAt(0.1) << lastLine() << truncated;
    QTest::newRow("cut at 50%") << cutAt(0.5) << lastLine() << truncated;
    QTest::newRow("cut at 99%") << cutAt(0.99) << lastLine() << truncated;
    QTest::newRow("empty") << literal("") << LineRule([](auto&) { return 1; }) << "the file is empty";
    QTest::newRow("not JSON") << literal("model,loss\ndot,0.5\n") << LineRule([](auto&) { return 1; })
                              << "not valid JSON: syntax error";
    QTest::newRow("garbage on line 3") << literal("{\n  \"format\": \"attnlab-experiment\",\n  oops\n}")
                                       << LineRule([](auto&) { return 3; }) << "not valid JSON";
    QTest::newRow("a list") << literal("[1, 2]") << LineRule([](auto&) { return 1; })
                            << "not an experiment file: the top is not a JSON object";
    QTest::newRow("no format, no rows") << literal("{\n  \"loss\": 1\n}") << LineRule([](auto&) { return 1; })
                                        << "not an experiment file: it has neither 'format' nor 'rows'";
    QTest::newRow("another format") << setValue({"format"}, "safetensors") << at("\"format\"")
                                    << "not an experiment file: 'format' is \"safetensors\"";
    QTest::newRow("newer version") << setValue({"version"}, 2) << at("\"version\"")
                                   << "version 2 is newer than this AttnLab reads (1): update AttnLab";
    QTest::newRow("steps a string")
        << setValue({"rows", "1", "steps"}, "many") << at("\"many\"")
        << "run \"additive-h8\" (rows[1]): 'steps' must be an integer, got \"many\"";
    QTest::newRow("steps a list")
        << setValue({"rows", "1", "steps"}, {7, 8, 9}) << at("\"steps\": [")
        << "run \"additive-h8\" (rows[1]): 'steps' must be an integer, got an array of 3 values";
    QTest::newRow("no validation") << erase({"rows", "1", "validation"})
                                   << at("\"name\": \"additive-h8\"", 0, -1)
                                   << "run \"additive-h8\" (rows[1]): there is no 'validation'";
    QTest::newRow("epoch loss a string")
        << setValue({"rows", "0", "history", "1", "validation", "loss"}, "x") << at("\"loss\": \"x\"")
        << "run \"dot\" (rows[0]): 'history[1].validation.loss' must be a number or null, got \"x\"";
    QTest::newRow("step loss a string") << setValue({"rows", "0", "step_losses", "3"}, "nan") << at("\"nan\"")
                                        << "run \"dot\" (rows[0]): 'step_losses[3]' must be a number or null";
    QTest::newRow("by-length count negative")
        << setValue({"rows", "1", "validation", "by_source_length", "0", "count"}, -4) << at("-4")
        << "'validation.by_source_length[0].count' must be at least 0, got -4";
    QTest::newRow("unknown scorer")
        << setValue({"rows", "0", "scorer"}, "cosine") << at("\"cosine\"")
        << "run \"dot\" (rows[0]): 'scorer' is \"cosine\", an unknown scorer (expected";
    QTest::newRow("unknown outcome")
        << setValue({"rows", "1", "outcome"}, "exploded") << at("\"exploded\"")
        << "run \"additive-h8\" (rows[1]): 'outcome' is \"exploded\", an unknown outcome";
    QTest::newRow("config hidden 4.5")
        << setValue({"rows", "1", "config", "hidden"}, 4.5) << at("\"config\": {", 2)
        << "run \"additive-h8\" (rows[1]): the config's 'hidden' must be an integer, got 4.5";
    QTest::newRow("bad training")
        << setValue({"rows", "0", "training", "batch_size"}, "big") << at("\"training\": {", 1)
        << "run \"dot\" (rows[0]): the row's 'training.batch_size' must be an integer";
    QTest::newRow("two runs called dot")
        << setValue({"rows", "1", "name"}, "dot") << at("\"name\": \"dot\"", -1)
        << "rows[1]: two runs are called \"dot\"";
    QTest::newRow("a key twice") << Edit([](const std::string& good) {
        std::string text = good;
        text.insert(text.find("\"command\""), "\"version\": 1,\n  ");
        return text;
    }) << at("\"version\"", 1) << "the key 'version' appears twice in one object";
    QTest::newRow("nested 100 deep") << literal(std::string(100, '[') + std::string(100, ']'))
                                     << LineRule([](auto&) { return 1; }) << "nested deeper than 64 levels";
}

void TestExperimentFile::badFiles() {
    QFETCH(Edit, edit);
    QFETCH(LineRule, line);
    QFETCH(QString, what);
    const std::string text = edit(m_text);
    const int expectedLine = line(text);
    QVERIFY(expectedLine > 0);
    const QString message = QString::fromStdString(refusal(text, "runs/exp.json"));
    const QString where = QString("runs/exp.json: line %1: ").arg(expectedLine);
    QVERIFY2(message.startsWith(where), qPrintable(message + "\n  expected to start with " + where));
    QVERIFY2(message.contains(what), qPrintable(message + "\n  expected to contain " + what));
    if (qEnvironmentVariableIsSet("ATTNLAB_SHOW_MESSAGES")) qInfo("%s", qPrintable(message));
}

void TestExperimentFile::badFilesOnDisk() {
    const std::string missing = m_dir.filePath("missing.json").toStdString();
    try {
        loadExperiment(missing);
        QFAIL("a missing file was read");
    } catch (const FileError& e) {
        QCOMPARE(e.path(), missing);
        QVERIFY2(QString(e.what()).contains("cannot read it: No such file"), e.what());
    }
    // 300 MiB (sparse: nothing is written), refused before it is read.
    QFile big(m_dir.filePath("big.json"));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(300ll << 20));
    big.close();
    try {
        loadExperiment(big.fileName().toStdString());
        QFAIL("a 300 MiB file was read");
    } catch (const FileError& e) {
        QVERIFY2(QString(e.what()).endsWith("big.json: line 1: the file is 300 MiB, more than the 256 MiB an "
                                            "experiment file may be"),
                 e.what());
    }
}

// The fuzzer's seeds (fuzz/corpus/experiment_file) stay files that read, but for the bad_ one; the
// legacy one is a `compare --json` table from before the file had "format" and per-row settings.
void TestExperimentFile::fuzzSeedsRead() {
    const QDir seeds(qEnvironmentVariable("ATTNLAB_SOURCE_DIR") + "/fuzz/corpus/experiment_file");
    const QStringList files = seeds.entryList(QDir::Files);
    QCOMPARE(files.size(), 5);
    for (const QString& file : files) {
        const std::string path = seeds.filePath(file).toStdString();
        if (file.startsWith("bad_")) {
            QVERIFY_THROWS_EXCEPTION(FileError, loadExperiment(path));
            continue;
        }
        const ExperimentSummary summary = loadExperiment(path);
        QCOMPARE(summary.data.pairs, 40LL);
        if (file == "legacy_compare.json") {
            QCOMPARE(summary.runs.size(), size_t(1));
            QCOMPARE(summary.runs[0].settings.batchSize, 32); // the top level's, shared by its rows
            QVERIFY(summary.runs[0].record.stepLosses.empty());
        }
    }
}

QTEST_APPLESS_MAIN(TestExperimentFile)
#include "tst_experiment_file.moc"
