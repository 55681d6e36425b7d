// Forecaster model files (issue 15): a round trip keeps the config, series, normalisation,
// periods and every weight (the same forecasts); bad files are refused naming the file and the
// tensor or key; the token models' loader names a forecaster for what it is; saving is atomic.
// D series, W window, K horizon.
#include "core/train/Checkpoint.h"
#include "core/train/ForecastEvaluator.h"
#include "core/train/ForecastModelFile.h"
#include "core/train/ModelFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>

using namespace attnlab;

class TestForecastModelFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void badFileIsRefused_data();
    void badFileIsRefused();
    void committedBadFileIsRefused_data();
    void committedBadFileIsRefused();
    void tokenLoaderNamesAForecaster();
    void failedSaveKeepsTheOldFile();
    void detectsForecasterFiles();
};

namespace {

ForecastModelBundle makeBundle(ScorerKind scorer, bool gaussian, bool bidirectional = false) {
    ForecastModelBundle b;
    ModelConfig& c = b.config;
    c.input.kind = InputKind::Frames;
    c.input.melBands = 2; // D
    c.sourceVocabulary = c.targetVocabulary = 1;
    c.embedding = 3;
    c.hidden = 4;
    c.scorer = scorer;
    c.bidirectional = bidirectional;
    c.maxSourceLength = 10;
    b.window = 10;
    b.forecast.horizon = 3;
    b.forecast.gaussian = gaussian;
    b.periods = {12, 7};
    b.series = {"load, kW", "temperature"};
    b.normalization = SeriesNormalization({1.5, -2.0}, {0.5, 3.0});
    b.dataset = "test.csv";
    b.training.learningRate = 0.003;
    b.training.seed = 77;
    b.model = std::make_unique<Forecaster<float>>(c, b.forecast);
    b.model->initialize(4);
    return b;
}

SequenceBatch someWindows() {
    std::vector<double> a(40), b(40);
    for (int t = 0; t < 40; ++t) {
        a[t] = std::sin(t * 0.5);
        b[t] = std::cos(t * 0.3) * 2;
    }
    ForecastWindowSettings w;
    w.past = 10;
    w.horizon = 3;
    w.validationFraction = 0;
    const ForecastWindows windows(SeriesTable({"a", "b"}, {a, b}), w);
    return windows.batch({0, 5, 9}, SeriesNormalization({0, 0}, {1, 1}));
}

QString scratchPath(const QTemporaryDir& dir, const char* name) {
    return dir.filePath(QString::fromLatin1(name));
}

// The file saveForecastModel writes, in memory, for editing.
CheckpointFile fileOf(ForecastModelBundle& b) {
    return checkpointOf(b.model->parameters(), {{"config", forecastConfigJson(b)}}, {}, "x");
}

} // namespace

void TestForecastModelFile::roundTrip_data() {
    QTest::addColumn<int>("scorer");
    QTest::addColumn<bool>("gaussian");
    QTest::addColumn<bool>("bidirectional");
    QTest::newRow("general") << static_cast<int>(ScorerKind::General) << false << false;
    QTest::newRow("additive gaussian") << static_cast<int>(ScorerKind::Additive) << true << false;
    QTest::newRow("location bidirectional") << static_cast<int>(ScorerKind::Location) << false << true;
    QTest::newRow("location_aware") << static_cast<int>(ScorerKind::LocationAware) << false << false;
}

void TestForecastModelFile::roundTrip() {
    QFETCH(int, scorer);
    QFETCH(bool, gaussian);
    QFETCH(bool, bidirectional);
    QTemporaryDir dir;
    const std::string path = scratchPath(dir, "model.safetensors").toStdString();
    ForecastModelBundle saved = makeBundle(static_cast<ScorerKind>(scorer), gaussian, bidirectional);
    saveForecastModel(path, saved);
    const ForecastModelBundle loaded = loadForecastModel(path);
    QCOMPARE(loaded.config.scorer, saved.config.scorer);
    QCOMPARE(loaded.config.bidirectional, bidirectional);
    QCOMPARE(loaded.config.hidden, 4);
    QCOMPARE(loaded.config.embedding, 3);
    QCOMPARE(loaded.config.input.melBands, 2);
    QCOMPARE(loaded.window, 10);
    QCOMPARE(loaded.forecast.horizon, 3);
    QCOMPARE(loaded.forecast.gaussian, gaussian);
    QCOMPARE(loaded.periods, (std::vector<int>{12, 7}));
    QCOMPARE(loaded.series, saved.series);
    QCOMPARE(loaded.normalization.means(), (std::vector<double>{1.5, -2.0}));
    QCOMPARE(loaded.normalization.deviations(), (std::vector<double>{0.5, 3.0}));
    QCOMPARE(loaded.dataset, std::string("test.csv"));
    QCOMPARE(loaded.training.learningRate, 0.003);
    QCOMPARE(loaded.training.seed, std::uint64_t(77));
    const SequenceBatch batch = someWindows();
    const Forecast<float> a = saved.model->predict(batch), b = loaded.model->predict(batch);
    QVERIFY(a.means == b.means);
    for (std::size_t i = 0; i < a.attention.size(); ++i) QVERIFY(a.attention[i] == b.attention[i]);
    // The metadata says what the file is, for anyone reading it without AttnLab.
    const CheckpointFile file = readCheckpoint(path);
    const nlohmann::json config = nlohmann::json::parse(file.metadata.at("config"));
    QCOMPARE(config.at("kind").get<std::string>(), std::string("forecaster"));
    QCOMPARE(config.at("input").get<std::string>(), std::string("frames"));
    QCOMPARE(config.at("frames").at("mel_bands").get<int>(), 2);
    QCOMPARE(config.at("normalization").at("std").at(1).get<double>(), 3.0);
    QVERIFY(file.tensors.count("forecast.mean.weight"));
    QCOMPARE(file.tensors.count("forecast.log_variance.weight"), std::size_t(gaussian ? 1 : 0));
}

void TestForecastModelFile::badFileIsRefused_data() {
    using Edit = std::function<void(CheckpointFile&, nlohmann::json&)>;
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("expected"); // a part of the message
    QTest::newRow("missing tensor") << Edit([](CheckpointFile& f, nlohmann::json&) {
        f.tensors.erase("forecast.mean.weight");
    }) << "tensor 'forecast.mean.weight' is missing";
    QTest::newRow("extra tensor") << Edit([](CheckpointFile& f, nlohmann::json&) {
        f.tensors["decoder.extra"] = StoredTensor{{2}, {1, 2}};
    }) << "decoder.extra";
    QTest::newRow("hidden disagrees")
        << Edit([](CheckpointFile&, nlohmann::json& c) { c["hidden"] = 6; })
        << "the config's 'hidden' is 6 but tensor 'decoder.weight_hh' has shape [16,4]";
    QTest::newRow("series count disagrees")
        << Edit([](CheckpointFile&, nlohmann::json& c) { c["frames"]["mel_bands"] = 3; })
        << "the config's 'series' must be an array of 3 names (frames.mel_bands)";
    QTest::newRow("names missing") << Edit([](CheckpointFile&, nlohmann::json& c) { c.erase("series"); })
                                   << "the config's 'series' must be an array of 2 names";
    QTest::newRow("normalization missing")
        << Edit([](CheckpointFile&, nlohmann::json& c) { c.erase("normalization"); })
        << "the config's 'normalization' is missing";
    QTest::newRow("zero deviation") << Edit([](CheckpointFile&, nlohmann::json& c) {
        c["normalization"]["std"] = {1.0, 0.0};
    }) << "needs a finite mean and a positive deviation";
    QTest::newRow("std of text") << Edit([](CheckpointFile&, nlohmann::json& c) {
        c["normalization"]["std"] = {1.0, "wide"};
    }) << "the config's 'normalization.std' holds \"wide\"";
    QTest::newRow("horizon zero") << Edit([](CheckpointFile&, nlohmann::json& c) { c["horizon"] = 0; })
                                  << "the config's 'horizon' is 0, outside 1 to 100000";
    QTest::newRow("window missing") << Edit([](CheckpointFile&, nlohmann::json& c) { c.erase("window"); })
                                    << "window";
    QTest::newRow("tokens input") << Edit([](CheckpointFile&, nlohmann::json& c) {
        c.erase("input");
        c.erase("frames");
    }) << "the config's 'input' must be \"frames\"";
    QTest::newRow("unknown scorer") << Edit([](CheckpointFile&, nlohmann::json& c) {
        c["scorer"] = "cosine";
    }) << "the config's 'scorer'";
    QTest::newRow("NaN weight") << Edit([](CheckpointFile& f, nlohmann::json&) {
        f.tensors["combine.weight"].data[2] = std::nanf("");
    }) << "tensor 'combine.weight' holds NaN at element 2";
    QTest::newRow("not a forecaster")
        << Edit([](CheckpointFile&, nlohmann::json& c) { c.erase("kind"); }) << "not a forecasting model";
}

void TestForecastModelFile::badFileIsRefused() {
    using Edit = std::function<void(CheckpointFile&, nlohmann::json&)>;
    QFETCH(Edit, edit);
    QFETCH(QString, expected);
    ForecastModelBundle bundle = makeBundle(ScorerKind::General, false);
    CheckpointFile file = fileOf(bundle);
    nlohmann::json config = nlohmann::json::parse(file.metadata["config"]);
    edit(file, config);
    file.metadata["config"] = config.dump();
    QTemporaryDir dir;
    const std::string path = scratchPath(dir, "bad.safetensors").toStdString();
    writeCheckpointFile(path, file);
    try {
        loadForecastModel(path);
        QFAIL("the file loaded");
    } catch (const CheckpointError& e) {
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(message.startsWith(QString::fromStdString(path) + ": "), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
    }
}

// tests/data/bad/forecast/forecaster_*.safetensors, written by make_bad_forecasters.py from
// good_forecaster.safetensors.
void TestForecastModelFile::committedBadFileIsRefused_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing mean") << "forecaster_missing_mean.safetensors"
                                  << "tensor 'forecast.mean.weight' is missing";
    QTest::newRow("hidden") << "forecaster_hidden_mismatch.safetensors"
                            << "the config's 'hidden' is 6 but tensor 'decoder.weight_hh' has shape [16,4]";
    QTest::newRow("normalization") << "forecaster_no_normalization.safetensors"
                                   << "the config's 'normalization' is missing";
    QTest::newRow("series") << "forecaster_series_names.safetensors"
                            << "the config's 'series' must be an array of 3 names";
    QTest::newRow("zero std") << "forecaster_zero_std.safetensors"
                              << "series 2 needs a finite mean and a positive";
    QTest::newRow("horizon") << "forecaster_bad_horizon.safetensors"
                             << "the config's 'horizon' is 0";
    QTest::newRow("NaN") << "forecaster_nan_weight.safetensors"
                         << "tensor 'combine.weight' holds NaN at element 0";
}

void TestForecastModelFile::committedBadFileIsRefused() {
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const std::string directory = ATTNLAB_BAD_FORECAST;
    const ForecastModelBundle good = loadForecastModel(directory + "/good_forecaster.safetensors");
    QCOMPARE(good.forecast.horizon, 2);
    QCOMPARE(good.window, 8);
    const std::string path = directory + "/" + file.toStdString();
    try {
        loadForecastModel(path);
        QFAIL("the file loaded");
    } catch (const CheckpointError& e) {
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(message.startsWith(QString::fromStdString(path) + ": "), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
    }
}

void TestForecastModelFile::tokenLoaderNamesAForecaster() {
    QTemporaryDir dir;
    const std::string path = scratchPath(dir, "forecaster.safetensors").toStdString();
    ForecastModelBundle bundle = makeBundle(ScorerKind::Dot, false);
    saveForecastModel(path, bundle);
    try {
        loadModel(path);
        QFAIL("a forecaster loaded as a token model");
    } catch (const CheckpointError& e) {
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(message.contains("a forecaster: use it with --data of series"), qPrintable(message));
    }
}

void TestForecastModelFile::failedSaveKeepsTheOldFile() {
    QTemporaryDir dir;
    const std::string path = scratchPath(dir, "model.safetensors").toStdString();
    ForecastModelBundle first = makeBundle(ScorerKind::General, false);
    saveForecastModel(path, first);
    ForecastModelBundle empty = makeBundle(ScorerKind::General, false);
    empty.model.reset();
    QVERIFY_THROWS_EXCEPTION(CheckpointError, saveForecastModel(path, empty));
    QCOMPARE(loadForecastModel(path).periods, first.periods); // still the first file
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"model.safetensors"}); // no temp file
    const std::string missing = scratchPath(dir, "no/such/dir/model.safetensors").toStdString();
    QVERIFY_THROWS_EXCEPTION(CheckpointError, saveForecastModel(missing, first));
}

void TestForecastModelFile::detectsForecasterFiles() {
    QTemporaryDir dir;
    const std::string path = scratchPath(dir, "f.safetensors").toStdString();
    ForecastModelBundle bundle = makeBundle(ScorerKind::General, false);
    saveForecastModel(path, bundle);
    QVERIFY(isForecastModelFile(path));
    QVERIFY(isForecastModel(readCheckpoint(path)));
    QVERIFY(!isForecastModelFile(scratchPath(dir, "absent.safetensors").toStdString()));
    const std::string text = scratchPath(dir, "text.csv").toStdString();
    std::ofstream(text) << "a,b\n1,2\n";
    QVERIFY(!isForecastModelFile(text));
}

QTEST_APPLESS_MAIN(TestForecastModelFile)
#include "tst_forecast_model_file.moc"
