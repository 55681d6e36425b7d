// A model file is checked before it is trusted (issue 11, defect 1): sizes the config claims are
// compared with the stored tensors before anything is allocated, a file that is not safetensors is
// refused from its first 8 bytes, and weights that are NaN or infinite are refused.
#include "core/train/Checkpoint.h"
#include "core/train/ModelFile.h"
#include "support/ReversalBundle.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace attnlab;

class TestModelFileTrust : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lyingSizesAreRefusedBeforeAllocating_data();
    void lyingSizesAreRefusedBeforeAllocating();
    void notSafeTensorsIsRefusedFromItsHeader();
    void brokenWeightsAreRefused();
    void honestFileLoads();

private:
    QTemporaryDir m_dir;
};

namespace {
QString messageOf(const std::string& path) {
    try {
        loadModel(path);
    } catch (const CheckpointError& e) {
        return QString::fromUtf8(e.what());
    }
    return "(loaded)";
}
} // namespace

void TestModelFileTrust::lyingSizesAreRefusedBeforeAllocating_data() {
    QTest::addColumn<int>("scorer");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("claimed");
    QTest::addColumn<QString>("expected");
    const int general = static_cast<int>(ScorerKind::General);
    QTest::newRow("hidden 30000")
        << general << "hidden" << 30000
        << "the config's 'hidden' is 30000 but tensor 'decoder.weight_hh' has shape [128,32]";
    QTest::newRow("hidden 2^29") << general << "hidden" << (1 << 29)
                                 << "the config's 'hidden' is 536870912 but tensor 'decoder.weight_hh'";
    QTest::newRow("emb") << general << "emb" << 4096
                         << "the config's 'emb' is 4096 but tensor 'src_embedding.weight' has shape [10,16]";
    QTest::newRow("attention_dim") << static_cast<int>(ScorerKind::Additive) << "attention_dim" << 20000
                                   << "the config's 'attention_dim' is 20000 but tensor 'attention.v.weight'";
    QTest::newRow("max_source_len")
        << static_cast<int>(ScorerKind::Location) << "max_source_len" << 5000000
        << "the config's 'max_source_len' is 5000000 but tensor 'attention.weight'";
}

void TestModelFileTrust::lyingSizesAreRefusedBeforeAllocating() {
    QFETCH(int, scorer);
    QFETCH(QString, key);
    QFETCH(int, claimed);
    QFETCH(QString, expected);
    ModelBundle bundle = test::reversalBundle(static_cast<ScorerKind>(scorer));
    nlohmann::json config = nlohmann::json::parse(modelConfigJson(bundle));
    config[key.toStdString()] = claimed;
    const std::string path = m_dir.filePath("lying.safetensors").toStdString();
    saveCheckpoint(path, bundle.model->parameters(),
                   {{"config", config.dump()},
                    {"source_vocab", bundle.sourceVocabulary.toJson()},
                    {"target_vocab", bundle.targetVocabulary.toJson()}});
    const QString message = messageOf(path);
    QVERIFY2(message.startsWith(QString::fromStdString(path) + ": ") && message.contains(expected),
             qPrintable(message));
}

void TestModelFileTrust::notSafeTensorsIsRefusedFromItsHeader() {
    const std::string path = m_dir.filePath("video.mp4").toStdString();
    std::ofstream(path, std::ios::binary) << std::string("\x00\x00\x00\x18"
                                                         "ftypmp42",
                                                         12)
                                          << std::string(4096, 'x');
    QCOMPARE(messageOf(path),
             QString::fromStdString(path) +
                 ": header length 8104636986268057600 goes beyond the end of the file (4108 bytes)");
    // 0x7079746618000000: refused from the first 8 bytes, before the rest is read
}

void TestModelFileTrust::brokenWeightsAreRefused() {
    ModelBundle bundle = test::reversalBundle(ScorerKind::General);
    bundle.model->parameters()[2]->value(0, 1) = std::nanf("");
    const std::string name = bundle.model->parameters()[2]->name;
    const std::string path = m_dir.filePath("nan.safetensors").toStdString();
    saveModel(path, bundle);
    QCOMPARE(messageOf(path), QString::fromStdString(path + ": tensor '" + name +
                                                     "' holds NaN at element 1: the weights are broken "
                                                     "(saved from a diverged run?)"));
}

void TestModelFileTrust::honestFileLoads() {
    for (ScorerKind scorer : allScorers()) {
        ModelBundle bundle = test::reversalBundle(scorer);
        const std::string path = m_dir.filePath("honest.safetensors").toStdString();
        saveModel(path, bundle);
        const ModelBundle loaded = loadModel(path);
        QCOMPARE(loaded.config.hidden, 32);
        QCOMPARE(loaded.config.scorer, scorer);
    }
}

QTEST_APPLESS_MAIN(TestModelFileTrust)
#include "tst_model_file_trust.moc"
