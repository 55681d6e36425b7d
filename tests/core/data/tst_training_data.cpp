// prepareTrainingData: split, vocabularies from the training split only, encoded ids.
#include "DataTestSupport.h"

#include "core/data/DatasetReader.h"
#include "core/data/ShippedDatasets.h"
#include "core/data/TrainingData.h"

#include <QtTest>

#include <sstream>

using namespace attnlab;

namespace {
Dataset fromText(const std::string& text, Tokenization source, Tokenization target) {
    std::istringstream in(text);
    DatasetOptions options;
    options.sourceTokens = source;
    options.targetTokens = target;
    return readDataset(in, {"mem", "", "mem.tsv", -1}, options);
}
} // namespace

class TestTrainingData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void vocabulariesComeFromTrainOnly();
    void idsDecodeToTokens();
    void deterministic();
};

void TestTrainingData::vocabulariesComeFromTrainOnly() {
    // 10 pairs; with test fraction 0.1 and no validation, exactly one pair is held out.
    std::string text;
    for (int i = 0; i < 10; ++i)
        text += "the cat" + std::to_string(i) + "\tle chat" + std::to_string(i) + "\n";
    const Dataset d = fromText(text, Tokenization::Word, Tokenization::Word);
    PrepareOptions options;
    options.validationFraction = 0.0;
    options.testFraction = 0.1;
    const TrainingData data = prepareTrainingData(d, options, 3);
    QCOMPARE(data.train.pairs.size(), std::size_t(9));
    QCOMPARE(data.test.pairs.size(), std::size_t(1));
    QVERIFY(data.validation.pairs.empty());
    const int held = data.test.datasetIndices.front();
    // specials + "the" + 9 training words
    QCOMPARE(data.sourceVocabulary.size(), 4 + 1 + 9);
    QVERIFY(!data.sourceVocabulary.contains("cat" + std::to_string(held)));
    QVERIFY(data.sourceVocabulary.contains("the"));
    QCOMPARE(data.sourceVocabulary.id("the"), 4); // the most frequent first
    // The held-out pair's own word is unknown on both sides, once each.
    QCOMPARE(data.test.pairs[0].source, (std::vector<int>{4, UnknownId}));
    QCOMPARE(data.test.sourceUnknown, std::int64_t(1));
    QCOMPARE(data.test.targetUnknown, std::int64_t(1));
    QCOMPARE(data.test.sourceTokens, std::int64_t(2));
    QCOMPARE(data.train.sourceUnknown, std::int64_t(0));
    QCOMPARE(data.train.targetTokens, std::int64_t(18));
}

void TestTrainingData::idsDecodeToTokens() {
    const Dataset d = openDataset("numbers");
    PrepareOptions options;
    const TrainingData data = prepareTrainingData(d, options, 11);
    QCOMPARE(data.train.pairs.size() + data.validation.pairs.size() + data.test.pairs.size(),
             std::size_t(d.size()));
    QCOMPARE(data.sourceVocabulary.size(), 4 + 10); // the ten digits
    QVERIFY(data.targetVocabulary.contains("thousand"));
    for (const EncodedSplit* split : {&data.train, &data.validation, &data.test}) {
        for (std::size_t k = 0; k < split->pairs.size(); ++k) {
            const int i = split->datasetIndices[k];
            QCOMPARE(data.sourceVocabulary.decode(split->pairs[k].source), d.sourceTokens(i));
            QCOMPARE(data.targetVocabulary.decode(split->pairs[k].target), d.targetTokens(i));
        }
    }
}

void TestTrainingData::deterministic() {
    const Dataset d = openDataset("translation");
    const TrainingData a = prepareTrainingData(d, {}, 5), b = prepareTrainingData(d, {}, 5);
    QCOMPARE(a.split.train, b.split.train);
    QCOMPARE(a.sourceVocabulary, b.sourceVocabulary);
    QCOMPARE(a.targetVocabulary, b.targetVocabulary);
    QVERIFY(a.validation.pairs == b.validation.pairs);
    QVERIFY(a.targetVocabulary.contains("fatiguées"));
}

QTEST_APPLESS_MAIN(TestTrainingData)
#include "tst_training_data.moc"
