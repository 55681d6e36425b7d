// Damaged or mismatched model files are refused with a message naming the file and the problem.
// Most cases damage tests/data/models/tiny.safetensors (8-byte length, 520-byte header, 60 bytes
// of data: attention.conv.weight [2,1,3] at [0,24], output.bias [3] at [24,36], output.weight [3,2]
// at [36,60]); layouts no writer would make are built by hand.
#include "core/train/Checkpoint.h"

#include <QtTest>

using namespace attnlab;

namespace {

QByteArray tinyFile() {
    QFile file(qEnvironmentVariable("ATTNLAB_SOURCE_DIR") + "/tests/data/models/tiny.safetensors");
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray replaced(QByteArray bytes, const QByteArray& from, const QByteArray& to) {
    const qsizetype at = bytes.indexOf(from);
    return at < 0 ? QByteArray() : bytes.replace(at, from.size(), to);
}

// A safetensors file with this header (space-padded) and `dataBytes` zero bytes of data.
QByteArray handMade(const QByteArray& header, int dataBytes) {
    const QByteArray padded = header + QByteArray((8 - header.size() % 8) % 8, ' ');
    QByteArray bytes(8, '\0');
    bytes[0] = static_cast<char>(padded.size());
    bytes[1] = static_cast<char>(padded.size() >> 8);
    return bytes + padded + QByteArray(dataBytes, '\0');
}

QString messageOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const CheckpointError& e) {
        return QString::fromUtf8(e.what());
    }
    return "(nothing thrown)";
}

} // namespace

class TestCheckpointRefuse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void damagedFile_data();
    void damagedFile();
    void missingFile();
    void directoryIsNotAModel();
    void mismatchedModel_data();
    void mismatchedModel();

private:
    QByteArray m_tiny;
    QTemporaryDir m_dir;
};

void TestCheckpointRefuse::initTestCase() {
    m_tiny = tinyFile();
    QCOMPARE(m_tiny.size(), 588);
    QVERIFY(m_dir.isValid());
}

void TestCheckpointRefuse::damagedFile_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");
    const QByteArray tiny = tinyFile();
    QByteArray flipped = tiny;
    flipped[560] = static_cast<char>(flipped[560] ^ 0x01);
    QByteArray hugeLength = tiny;
    hugeLength[5] = 1; // 2^40 + 520

    QTest::newRow("empty") << QByteArray() << "truncated: 0 bytes, too short for a safetensors file";
    QTest::newRow("shorter than the length")
        << tiny.left(5) << "truncated: 5 bytes, too short for a safetensors file";
    QTest::newRow("truncated header")
        << tiny.left(300) << "header length 520 goes beyond the end of the file (300 bytes)";
    QTest::newRow("truncated data") << tiny.left(578)
                                    << "truncated: header says 60 bytes of data, file has 50";
    QTest::newRow("no data at all") << tiny.left(528)
                                    << "truncated: header says 60 bytes of data, file has 0";
    QTest::newRow("header length beyond the file")
        << hugeLength << "header length 1099511628296 goes beyond the end of the file (588 bytes)";
    QTest::newRow("flipped data byte") << flipped << "checksum mismatch: the file is corrupted";
    QTest::newRow("bad JSON") << replaced(tiny, "{\"__metadata__\"", "{\"__metadata__'")
                              << "bad JSON header: parse error at line 1, column 19: syntax error";
    QTest::newRow("JSON not an object") << handMade("[1,2]", 0) << "bad JSON header: not an object";
    QTest::newRow("wrong dtype")
        << replaced(tiny, "\"F32\"", "\"F16\"")
        << "tensor 'attention.conv.weight' has dtype F16; AttnLab model files hold F32 only";
    QTest::newRow("shape disagrees with offsets")
        << replaced(tiny, "[2,1,3]", "[2,1,2]")
        << "tensor 'attention.conv.weight' has shape [2,1,2] but data_offsets [0,24] span 24 bytes";
    QTest::newRow("unsupported format")
        << replaced(tiny, "attnlab-1", "attnlab-7")
        << "format 'attnlab-7' is not supported; this AttnLab reads attnlab-1";
    QTest::newRow("trailing bytes") << tiny + QByteArray(4, '\0') << "4 bytes after the last tensor";
    QTest::newRow("overlap") << handMade(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                         R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                                         12)
                             << "tensors 'a' and 'b' overlap";
    QTest::newRow("hole") << handMade(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                                      R"("b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})",
                                      12)
                          << "bytes 4..8 of the data section belong to no tensor";
    QTest::newRow("negative dimension")
        << handMade(R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", 4)
        << "tensor 'a': every dimension must be a non-negative integer";
    QTest::newRow("offsets reversed")
        << handMade(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}})", 4)
        << "tensor 'a': data_offsets [4,0] end before they begin";
    QTest::newRow("field missing") << handMade(R"({"a":{"dtype":"F32","shape":[1]}})", 4)
                                   << "tensor 'a': header entry needs dtype, shape and data_offsets";
    QTest::newRow("metadata not a string")
        << handMade(R"({"__metadata__":{"config":1}})", 0) << "metadata 'config' is not a string";
    QTest::newRow("overflowing shape")
        << handMade(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]}})", 4)
        << "tensor 'a' has shape [4294967296,4294967296] but data_offsets [0,4] span 4 bytes";
}

void TestCheckpointRefuse::damagedFile() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    const QString path = m_dir.filePath("damaged.safetensors");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();
    const QString message = messageOf([&] { readCheckpoint(path.toStdString()); });
    QVERIFY2(message.startsWith(path + ": " + problem), qPrintable(message));
}

void TestCheckpointRefuse::missingFile() {
    const QString path = m_dir.filePath("absent.safetensors");
    QCOMPARE(messageOf([&] { readCheckpoint(path.toStdString()); }),
             path + ": cannot open: No such file or directory");
}

void TestCheckpointRefuse::directoryIsNotAModel() {
    QCOMPARE(messageOf([&] { readCheckpoint(m_dir.path().toStdString()); }),
             m_dir.path() + ": not a regular file");
}

void TestCheckpointRefuse::mismatchedModel_data() {
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("problem");
    QTest::newRow("wrong shape") << "wrong shape"
                                 << "tensor 'output.weight' has shape [3,2] but the model expects [4,2]";
    QTest::newRow("conv held flat")
        << "conv held flat"
        << "tensor 'attention.conv.weight' has shape [2,1,3] but the model expects [2,3]";
    QTest::newRow("missing tensor") << "missing tensor"
                                    << "tensor 'combine.weight' is missing (the model expects [2,4])";
    QTest::newRow("unexpected tensor")
        << "unexpected tensor"
        << "unexpected tensor 'attention.conv.weight' [2,1,3]: the file was saved "
           "from a different model configuration";
}

void TestCheckpointRefuse::mismatchedModel() {
    QFETCH(QString, variant);
    QFETCH(QString, problem);
    const std::string path =
        (qEnvironmentVariable("ATTNLAB_SOURCE_DIR") + "/tests/data/models/tiny.safetensors").toStdString();
    const CheckpointFile file = readCheckpoint(path);
    Parameter<float> bias("output.bias", 3, 1);
    bias.value.setConstant(7.0f);
    Parameter<float> conv("attention.conv.weight", 2, 3, {2, 1, 3});
    Parameter<float> weight("output.weight", 3, 2);
    Parameter<float> wideWeight("output.weight", 4, 2);
    Parameter<float> flatConv("attention.conv.weight", 2, 3);
    Parameter<float> combine("combine.weight", 2, 4);
    ParameterList<float> parameters = {&bias, &conv, &weight};
    if (variant == "wrong shape") parameters = {&bias, &conv, &wideWeight};
    if (variant == "conv held flat") parameters = {&bias, &flatConv, &weight};
    if (variant == "missing tensor") parameters = {&bias, &conv, &weight, &combine};
    if (variant == "unexpected tensor") parameters = {&bias, &weight};

    QCOMPARE(messageOf([&] { loadParameters(file, parameters, path); }),
             QString::fromStdString(path) + ": " + problem);
    QVERIFY(bias.value.isConstant(7.0f)); // nothing is copied unless everything matches
}

QTEST_APPLESS_MAIN(TestCheckpointRefuse)
#include "tst_checkpoint_refuse.moc"
