// The text options a model was trained with (lowercase, trim) are saved in its config and read
// back (issue 11, defect 2), so every entry point reads a person's text as training read the
// data; files saved before the keys existed load with the options they were trained with.
#include "core/infer/BeamSearch.h"
#include "core/infer/SourceInput.h"
#include "core/train/Checkpoint.h"
#include "core/train/ModelFile.h"
#include "support/ReversalBundle.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab;

class TestModelTextOptions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void optionsAreSavedAndRead_data();
    void optionsAreSavedAndRead();
    void fileFromBeforeTheKeysLoadsWithTheOldDefaults();
    void badValuesAreRefused_data();
    void badValuesAreRefused();
    void lowercaseModelDecodesCapitalsAsLowercase();

private:
    QTemporaryDir m_dir;
};

namespace {
// An initialised reversal model over 'a'..'f'.
nlohmann::json savedConfig(const std::string& path) {
    return nlohmann::json::parse(readCheckpoint(path).metadata.at("config"));
}

DecodeResult decodeText(const ModelBundle& bundle, const std::string& text) {
    const SourceReading reading{.normalization = bundle.text,
                                .tokenization = bundle.sourceTokens,
                                .limit = typedSourceLimit(bundle.config)};
    const SourceInput input = readSourceInput(text, reading, bundle.sourceVocabulary);
    if (!input.ok()) throw std::runtime_error(input.problemText());
    return decode(*bundle.model, input.ids, DecodeOptions{});
}
} // namespace

void TestModelTextOptions::optionsAreSavedAndRead_data() {
    QTest::addColumn<bool>("lowercase");
    QTest::addColumn<bool>("trim");
    QTest::newRow("defaults") << false << true;
    QTest::newRow("lowercase") << true << true;
    QTest::newRow("lowercase, untrimmed") << true << false;
    QTest::newRow("untrimmed") << false << false;
}

void TestModelTextOptions::optionsAreSavedAndRead() {
    QFETCH(bool, lowercase);
    QFETCH(bool, trim);
    ModelBundle bundle = test::reversalBundle(ScorerKind::General, {.lowercase = lowercase, .trim = trim});
    const std::string path = m_dir.filePath(QTest::currentDataTag()).toStdString() + ".safetensors";
    saveModel(path, bundle);
    const nlohmann::json config = savedConfig(path);
    QCOMPARE(config.at("text").at("lowercase").get<bool>(), lowercase);
    QCOMPARE(config.at("text").at("trim").get<bool>(), trim);
    const ModelBundle loaded = loadModel(path);
    QCOMPARE(loaded.text.lowercase, lowercase);
    QCOMPARE(loaded.text.trim, trim);
}

void TestModelTextOptions::fileFromBeforeTheKeysLoadsWithTheOldDefaults() {
    // Saved by attnlab-cli train before issue 11 (tests/data/cli/tiny.tsv, H 8, 30 steps): its
    // data were trimmed and not lowercased, DatasetOptions' defaults then and now.
    const std::string path =
        (qEnvironmentVariable("ATTNLAB_SOURCE_DIR") + "/tests/data/models/before_issue11.safetensors")
            .toStdString();
    QVERIFY(!savedConfig(path).contains("text"));
    const ModelBundle old = loadModel(path);
    QCOMPARE(old.text, TextNormalization{});
    QCOMPARE(old.text.trim, true);
    QCOMPARE(old.text.lowercase, false);
    QCOMPARE(TextNormalization{}, textNormalization(DatasetOptions{}));
    // Read as it was trained: spaces around the text go, capitals stay capitals (<unk>).
    const SourceReading reading{.normalization = old.text, .tokenization = old.sourceTokens};
    QCOMPARE(readSourceInput(" abc ", reading, old.sourceVocabulary).ids,
             readSourceInput("abc", reading, old.sourceVocabulary).ids);
    QCOMPARE(readSourceInput("ABC", reading, old.sourceVocabulary).unknownCount, 3);
    QVERIFY(decodeText(old, "abc").attention.cols() == 3);
}

void TestModelTextOptions::badValuesAreRefused_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("not an object") << "5";
    QTest::newRow("lowercase not a bool") << R"({"lowercase": "yes"})";
    QTest::newRow("trim not a bool") << R"({"trim": 1})";
}

void TestModelTextOptions::badValuesAreRefused() {
    QFETCH(QString, text);
    ModelBundle bundle = test::reversalBundle(ScorerKind::General, {});
    nlohmann::json config = nlohmann::json::parse(modelConfigJson(bundle));
    config["text"] = nlohmann::json::parse(text.toStdString());
    ModelBundle read;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, readModelConfigJson(config.dump(), read));
    // Keys a newer writer might add are ignored; a missing one keeps its default.
    config["text"] = nlohmann::json::parse(R"({"lowercase": true, "nfc": true})");
    readModelConfigJson(config.dump(), read);
    QCOMPARE(read.text, (TextNormalization{.lowercase = true, .trim = true}));
}

void TestModelTextOptions::lowercaseModelDecodesCapitalsAsLowercase() {
    ModelBundle lower = test::reversalBundle(ScorerKind::General, {.lowercase = true});
    const std::string path = m_dir.filePath("lower.safetensors").toStdString();
    saveModel(path, lower);
    const ModelBundle loaded = loadModel(path);
    const DecodeResult capitals = decodeText(loaded, "ABC");
    const DecodeResult small = decodeText(loaded, "abc");
    QCOMPARE(capitals.tokens, small.tokens);
    QCOMPARE(capitals.logProb, small.logProb);
    QCOMPARE(capitals.attention.cols(), Eigen::Index(3));
    QVERIFY(capitals.attention == small.attention);

    // The same weights without the option read capitals as three <unk>: a different decoding.
    ModelBundle plain = test::reversalBundle(ScorerKind::General, {});
    const DecodeResult plainCapitals = decodeText(plain, "ABC");
    QVERIFY(plainCapitals.logProb != small.logProb || plainCapitals.tokens != small.tokens);
    QCOMPARE(decodeText(plain, "abc").logProb, small.logProb); // same weights: lowercase input agrees
}

QTEST_APPLESS_MAIN(TestModelTextOptions)
#include "tst_model_text_options.moc"
