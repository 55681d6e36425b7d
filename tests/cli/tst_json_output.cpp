// The JSON attnlab-cli prints: null for a metric with nothing to measure, float weights as their
// shortest decimal, keys in a readable order. (Its files are written by core's writeFileAtomically,
// tested in tests/core/util/tst_atomic_file.)
#include "app/cli/JsonOutput.h"

#include <QtTest>

using namespace attnlab;
using namespace attnlab::cli;

class TestJsonOutput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void numbersAndWeights();
    void metrics();
    void epochAndSettings();
};

void TestJsonOutput::numbersAndWeights() {
    QCOMPARE(QString::fromStdString(number(Metrics::NaN).dump()), QString("null"));
    QCOMPARE(QString::fromStdString(number(0.5).dump()), QString("0.5"));
    QCOMPARE(QString::fromStdString(weight(0.93f).dump()), QString("0.93"));
    QCOMPARE(QString::fromStdString(weight(1.0f / 3.0f).dump()), QString("0.33333334"));
    QCOMPARE(QString::fromStdString(weight(1.0f).dump()), QString("1.0"));
}

void TestJsonOutput::metrics() {
    Metrics m;
    m.examples = 4;
    m.exactMatches = 3;
    m.exactMatch = 0.75;
    m.referenceTokens = 12;
    m.unknownReferenceTokens = 5;
    LengthAccuracy row;
    row.sourceLength = 3;
    row.count = 4;
    row.exactMatches = 3;
    row.correctTokens = 10;
    row.referenceTokens = 12;
    m.bySourceLength.push_back(row);
    const Json json = metricsJson(m);
    QCOMPARE(json.begin().key(), std::string("examples"));
    QCOMPARE(json.at("examples").get<int>(), 4);
    QCOMPARE(json.at("exact_match").get<double>(), 0.75);
    QCOMPARE(json.at("reference_tokens").get<long>(), 12L);
    // Right after the count it is part of, as eval, train and compare print it.
    QCOMPARE(std::next(json.find("reference_tokens")).key(), std::string("unknown_reference_tokens"));
    QCOMPARE(json.at("unknown_reference_tokens").get<long>(), 5L);
    QVERIFY(json.at("loss").is_null()); // NaN: nothing was measured
    QVERIFY(json.at("aer").is_null());
    const Json& length = json.at("by_source_length").at(0);
    QCOMPARE(length.at("source_length").get<int>(), 3);
    QCOMPARE(length.at("exact_match").get<double>(), 0.75);
    QCOMPARE(length.at("token_accuracy").get<double>(), 10.0 / 12.0);
}

void TestJsonOutput::epochAndSettings() {
    EpochReport report;
    report.epoch = 2;
    report.step = 170;
    report.trainLoss = 0.25;
    const Json epoch = epochJson(report);
    QCOMPARE(epoch.begin().key(), std::string("epoch"));
    QCOMPARE(epoch.at("step").get<long long>(), 170LL);
    QCOMPARE(epoch.at("train_loss").get<double>(), 0.25);
    QVERIFY(epoch.at("validation").at("loss").is_null());

    TrainingSettings settings;
    settings.dropout = 0.2;
    settings.optimizer = OptimizerKind::Sgd;
    const Json json = settingsJson(settings);
    QCOMPARE(json.at("optimizer").get<std::string>(), std::string("sgd"));
    QCOMPARE(json.at("dropout").get<double>(), 0.2);
    QCOMPARE(json.at("batch_size").get<int>(), 64);
    QCOMPARE(json.at("threads").get<int>(), 0);
}

QTEST_APPLESS_MAIN(TestJsonOutput)
#include "tst_json_output.moc"
