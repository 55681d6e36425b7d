// Model files that fuzzing (issue 11, item 7) showed were not refused cleanly; each input is also in
// the seed corpus (fuzz/corpus/model_loader/, fuzz/corpus/model_config/).
// 1. The config's whole numbers were read with nlohmann's get<int>(), so "hidden": 1e10 was
//    undefined behaviour (UBSan: "1e+10 is outside the range of representable values of type
//    'int'"), 2.5 became 2 and 4294967328 wrapped to 32. Each is now refused naming key and value.
// 2. A vocabulary holding a number too large for a double (1e400) threw nlohmann's out_of_range
//    out of loadModel instead of a CheckpointError naming the file.
#include "core/train/Checkpoint.h"
#include "core/train/ModelFile.h"
#include "support/ReversalBundle.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <fstream>
#include <iterator>

using namespace attnlab;

class TestModelFileFuzzFindings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wrongNumbersAreRefused_data();
    void wrongNumbersAreRefused();
    void fuzzInputIsRefused();
    void vocabularyNumberOverflowIsRefused();
    void bytesInMemoryLoadAsTheFileDoes();
};

namespace {
// The bundle's file bytes with the config rewritten by `edit` (and the source vocabulary replaced).
template <class Edit>
std::string bytesWithConfig(ModelBundle& bundle, Edit edit, const std::string& sourceVocabulary = {}) {
    nlohmann::json config = nlohmann::json::parse(modelConfigJson(bundle));
    edit(config);
    CheckpointFile file;
    file.metadata = {
        {"config", config.dump()},
        {"source_vocab", sourceVocabulary.empty() ? bundle.sourceVocabulary.toJson() : sourceVocabulary},
        {"target_vocab", bundle.targetVocabulary.toJson()}};
    for (const Parameter<float>* p : bundle.model->parameters()) {
        StoredTensor& tensor = file.tensors[p->name];
        tensor.shape = p->shape;
        tensor.data.resize(static_cast<std::size_t>(p->value.size()));
        Eigen::Map<Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
            tensor.data.data(), p->value.rows(), p->value.cols()) = p->value;
    }
    return encodeSafeTensors(file, "edited");
}

QString messageOf(const std::string& bytes) {
    try {
        decodeModel(bytes, "model.safetensors");
    } catch (const CheckpointError& e) {
        return QString::fromUtf8(e.what());
    }
    return "(loaded)";
}
} // namespace

void TestModelFileFuzzFindings::wrongNumbersAreRefused_data() {
    QTest::addColumn<QString>("section"); // "" for the config itself
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value"); // JSON
    QTest::addColumn<QString>("expected");
    QTest::newRow("hidden 1e10") << ""
                                 << "hidden"
                                 << "1e10"
                                 << "the config's 'hidden' must be an integer, got 10000000000.0";
    QTest::newRow("hidden wraps to 32") << ""
                                        << "hidden"
                                        << "4294967328"
                                        << "the config's 'hidden' is 4294967328, too large";
    QTest::newRow("emb 2.5") << ""
                             << "emb"
                             << "2.5"
                             << "the config's 'emb' must be an integer, got 2.5";
    QTest::newRow("max_source_len -1e300") << ""
                                           << "max_source_len"
                                           << "-1e300"
                                           << "the config's 'max_source_len' must be an integer, got -1e+300";
    QTest::newRow("location_filters string")
        << ""
        << "location_filters"
        << "\"ten\""
        << "the config's 'location_filters' must be an integer, got \"ten\"";
    QTest::newRow("batch_size 1e99") << "training"
                                     << "batch_size"
                                     << "1e99"
                                     << "the config's 'training.batch_size' must be an integer, got 1e+99";
    QTest::newRow("seed -1") << "training"
                             << "seed"
                             << "-1"
                             << "the config's 'training.seed' must be a non-negative integer, got -1";
}

void TestModelFileFuzzFindings::wrongNumbersAreRefused() {
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    ModelBundle bundle = test::reversalBundle();
    const std::string bytes = bytesWithConfig(bundle, [&](nlohmann::json& config) {
        nlohmann::json& object = section.isEmpty() ? config : config[section.toStdString()];
        object[key.toStdString()] = nlohmann::json::parse(value.toStdString());
    });
    QCOMPARE(messageOf(bytes), "model.safetensors: " + expected);
}

void TestModelFileFuzzFindings::fuzzInputIsRefused() {
    const std::string path = qEnvironmentVariable("ATTNLAB_SOURCE_DIR").toStdString() +
                             "/fuzz/corpus/model_loader/ub_hidden_1e10.safetensors";
    std::ifstream in(path, std::ios::binary);
    QVERIFY2(in, path.c_str());
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    QCOMPARE(messageOf(bytes),
             "model.safetensors: the config's 'hidden' must be an integer, got 10000000000.0");
}

void TestModelFileFuzzFindings::vocabularyNumberOverflowIsRefused() {
    ModelBundle bundle = test::reversalBundle();
    const std::string bytes = bytesWithConfig(
        bundle, [](nlohmann::json&) {}, "[\"<pad>\",1e400]");
    QCOMPARE(messageOf(bytes),
             "model.safetensors: metadata 'source_vocab': vocabulary: not JSON: number overflow parsing "
             "'1e400'");
}

void TestModelFileFuzzFindings::bytesInMemoryLoadAsTheFileDoes() {
    ModelBundle bundle = test::reversalBundle();
    const std::string bytes = bytesWithConfig(bundle, [](nlohmann::json&) {});
    const ModelBundle loaded = decodeModel(bytes, "model.safetensors");
    QCOMPARE(loaded.config.hidden, bundle.config.hidden);
    QCOMPARE(loaded.config.embedding, bundle.config.embedding);
    QCOMPARE(loaded.training.seed, bundle.training.seed);
    QCOMPARE(loaded.sourceVocabulary.size(), bundle.sourceVocabulary.size());
    const auto original = bundle.model->parameters();
    const auto decoded = loaded.model->parameters();
    QCOMPARE(decoded.size(), original.size());
    for (std::size_t i = 0; i < original.size(); ++i) QCOMPARE(decoded[i]->value, original[i]->value);
}

QTEST_APPLESS_MAIN(TestModelFileFuzzFindings)
#include "tst_model_file_fuzz_findings.moc"
