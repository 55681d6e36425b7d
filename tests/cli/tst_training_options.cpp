// The shared model and training options of train and compare: defaults of the reference model,
// each option reaching its field, and inconsistent values refused as bad usage.
#include "app/cli/CommandGuard.h"
#include "app/cli/TrainingInput.h"
#include "app/cli/TrainingOptions.h"
#include "core/experiment/PreparedData.h"

#include <CLI/CLI.hpp>
#include <QtTest>

#include <sstream>

using namespace attnlab;
using namespace attnlab::cli;

class TestTrainingOptions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreTheReferenceModel();
    void everyOptionReachesItsField();
    void outOfRangeValuesAreUsageErrors_data();
    void outOfRangeValuesAreUsageErrors();
    void inconsistentModelIsAnInputError();
    void recommendedSettingsFillOnlyWhatIsNotGiven();
    void taskOptionReachesTheDataset();
};

namespace {
// Parses `arguments` (after the program name) into args; rethrows CLI11's errors.
// With `recommend`, then fills what the shipped dataset recommends, as train and compare do.
void parse(TrainingArgs& args, std::vector<std::string> arguments, bool withScorer = true,
           bool recommend = false) {
    CLI::App app;
    addTrainingOptions(app, args, withScorer);
    std::reverse(arguments.begin(), arguments.end()); // CLI11 takes them last first
    app.parse(arguments);
    if (recommend) applyRecommendedSettings(app, args);
}
} // namespace

void TestTrainingOptions::defaultsAreTheReferenceModel() {
    TrainingArgs args;
    parse(args, {"--data", "dates"});
    const TrainingSettings s = trainingSettings(args);
    QCOMPARE(s.optimizer, OptimizerKind::Adam);
    QCOMPARE(s.learningRate, 1e-3);
    QCOMPARE(s.batchSize, 64);
    QCOMPARE(s.epochs, 15);
    QCOMPARE(s.clipNorm, 5.0);
    QCOMPARE(s.teacherForcing, 1.0);
    QCOMPARE(s.dropout, 0.0);
    QCOMPARE(s.validationFraction, 0.1);
    QCOMPARE(s.seed, std::uint64_t(1));
    QCOMPARE(s.threads, 0);
    const ModelConfig c = modelConfig(args, parseScorer(args.scorer), 41, 15, 64);
    QCOMPARE(c.scorer, ScorerKind::General);
    QCOMPARE(c.decoder, DecoderStyle::Luong);
    QVERIFY(c.inputFeeding);
    QVERIFY(!c.bidirectional);
    QCOMPARE(c.embedding, 32);
    QCOMPARE(c.hidden, 128);
    QCOMPARE(c.attentionSize(), 128);
    QCOMPARE(c.maxSourceLength, 64);
    QCOMPARE(c.sourceVocabulary, 41);
    QCOMPARE(c.targetVocabulary, 15);
}

void TestTrainingOptions::everyOptionReachesItsField() {
    TrainingArgs args;
    parse(args, {"--data",
                 "f.tsv",
                 "--tokens",
                 "word",
                 "--scorer",
                 "additive",
                 "--decoder",
                 "bahdanau",
                 "--no-input-feeding",
                 "--bidirectional",
                 "--emb",
                 "8",
                 "--hidden",
                 "16",
                 "--attention-dim",
                 "12",
                 "--batch",
                 "4",
                 "--epochs",
                 "3",
                 "--max-steps",
                 "7",
                 "--lr",
                 "0.01",
                 "--optimizer",
                 "sgd",
                 "--clip",
                 "0",
                 "--teacher-forcing",
                 "0.5",
                 "--dropout",
                 "0.2",
                 "--val-fraction",
                 "0.25",
                 "--seed",
                 "9",
                 "--threads",
                 "2"});
    QCOMPARE(args.data, std::string("f.tsv"));
    QCOMPARE(args.tokens, std::string("word"));
    const TrainingSettings s = trainingSettings(args);
    QCOMPARE(s.optimizer, OptimizerKind::Sgd);
    QCOMPARE(s.learningRate, 0.01);
    QCOMPARE(s.batchSize, 4);
    QCOMPARE(s.epochs, 3);
    QCOMPARE(s.maxSteps, 7LL);
    QCOMPARE(s.clipNorm, 0.0);
    QCOMPARE(s.teacherForcing, 0.5);
    QCOMPARE(s.dropout, 0.2);
    QCOMPARE(s.validationFraction, 0.25);
    QCOMPARE(s.seed, std::uint64_t(9));
    QCOMPARE(s.threads, 2);
    const ModelConfig c = modelConfig(args, parseScorer(args.scorer), 10, 11, 70);
    QCOMPARE(c.scorer, ScorerKind::Additive);
    QCOMPARE(c.decoder, DecoderStyle::Bahdanau);
    QVERIFY(!c.inputFeeding);
    QVERIFY(c.bidirectional);
    QCOMPARE(c.embedding, 8);
    QCOMPARE(c.hidden, 16);
    QCOMPARE(c.attentionSize(), 12);
    QCOMPARE(c.maxSourceLength, 70);
}

void TestTrainingOptions::outOfRangeValuesAreUsageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("batch 0") << QStringList{"--batch", "0"};
    QTest::newRow("negative hidden") << QStringList{"--hidden", "-3"};
    QTest::newRow("negative learning rate") << QStringList{"--lr", "-0.1"};
    QTest::newRow("teacher forcing above 1") << QStringList{"--teacher-forcing", "1.5"};
    QTest::newRow("unknown optimizer") << QStringList{"--optimizer", "rmsprop"};
    QTest::newRow("unknown tokens") << QStringList{"--tokens", "bpe"};
    QTest::newRow("fractional epochs") << QStringList{"--epochs", "2.5"};
    QTest::newRow("missing data") << QStringList{};
}

void TestTrainingOptions::outOfRangeValuesAreUsageErrors() {
    QFETCH(QStringList, arguments);
    std::vector<std::string> list;
    if (!arguments.isEmpty()) list = {"--data", "dates"};
    for (const QString& argument : arguments) list.push_back(argument.toStdString());
    TrainingArgs args;
    QVERIFY_THROWS_EXCEPTION(CLI::ParseError, parse(args, list));
}

void TestTrainingOptions::inconsistentModelIsAnInputError() {
    TrainingArgs args;
    parse(args, {"--data", "dates", "--bidirectional", "--hidden", "33"});
    QVERIFY_THROWS_EXCEPTION(InputError, modelConfig(args, ScorerKind::Dot, 10, 10, 64));
    TrainingArgs full;
    parse(full, {"--data", "dates", "--val-fraction", "1"}); // in [0, 1] for CLI11, but nothing left to train
    QVERIFY_THROWS_EXCEPTION(InputError, trainingSettings(full));
}

void TestTrainingOptions::recommendedSettingsFillOnlyWhatIsNotGiven() {
    // dates and a user's file keep the reference model.
    for (const char* data : {"dates", "copy_long.tsv"}) {
        TrainingArgs args;
        parse(args, {"--data", data}, false, true);
        QCOMPARE(args.recommendedApplied, std::string());
        QVERIFY(!args.bidirectional);
        QCOMPARE(args.hidden, 128);
        QCOMPARE(args.batch, 64);
        QCOMPARE(args.epochs, 15);
        QCOMPARE(args.learningRate, 1e-3);
    }
    TrainingArgs copyLong;
    parse(copyLong, {"--data", "copy_long"}, false, true);
    QCOMPARE(copyLong.recommendedApplied,
             std::string("--bidirectional=true --batch=32 --epochs=7 --lr=0.003"));
    const ModelConfig c = modelConfig(copyLong, ScorerKind::Additive, 30, 30, 64);
    QVERIFY(c.bidirectional);
    QCOMPARE(c.hidden, 128);
    const TrainingSettings s = trainingSettings(copyLong);
    QCOMPARE(s.batchSize, 32);
    QCOMPARE(s.epochs, 7);
    QCOMPARE(s.learningRate, 3e-3);
    QCOMPARE(s.optimizer, OptimizerKind::Adam); // not recommended: the general default
    // What the user gives wins, even when it equals the general default.
    TrainingArgs chosen;
    parse(chosen, {"--data", "copy_long", "--bidirectional=false", "--epochs", "15", "--lr", "0.001"}, false,
          true);
    QCOMPARE(chosen.recommendedApplied, std::string("--batch=32"));
    QVERIFY(!chosen.bidirectional);
    QCOMPARE(chosen.batch, 32);
    QCOMPARE(chosen.epochs, 15);
    QCOMPARE(chosen.learningRate, 1e-3);
}

void TestTrainingOptions::taskOptionReachesTheDataset() {
    // --task: detect by default; an explicit kind reads a file as that kind (issue 15).
    TrainingArgs detect;
    parse(detect, {"--data", "x.tsv"});
    QCOMPARE(detect.task, std::string("detect"));
    QVERIFY_THROWS_EXCEPTION(CLI::ValidationError, [] {
        TrainingArgs bad;
        parse(bad, {"--data", "x.tsv", "--task", "sentiment"});
    }());
    const std::string file = ATTNLAB_TEST_DATASETS "/label_no_task_line.tsv"; // two reviews, no "# task:"
    std::ostringstream log;
    TrainingArgs args;
    parse(args, {"--data", file, "--task", "classification", "--val-fraction", "0"});
    const auto prepared = loadTrainingData(args, log);
    QCOMPARE(prepared->dataset->task(), TaskKind::Classification);
    QCOMPARE(prepared->dataset->options().targetTokens, Tokenization::Word);
    TrainingArgs detected;
    parse(detected, {"--data", file, "--val-fraction", "0"});
    QCOMPARE(loadTrainingData(detected, log)->dataset->task(), TaskKind::Pairs);
    // A shipped dataset brings its own kind.
    TrainingArgs shipped;
    parse(shipped, {"--data", "sentiment", "--task", "pairs"});
    QCOMPARE(loadTrainingData(shipped, log)->dataset->task(), TaskKind::Classification);
    QVERIFY2(log.str().find("sentiment is a classification dataset; --task pairs applies to files only") !=
                 std::string::npos,
             log.str().c_str());
}

QTEST_APPLESS_MAIN(TestTrainingOptions)
#include "tst_training_options.moc"
