// Saving and loading model files: bit-exact round trips, the row-major layout, a golden file made
// with Python's standard library (tests/data/models/make_tiny.py), and atomic saves that leave the
// previous file intact whatever fails.
#include "core/train/Checkpoint.h"
#include "core/train/Sha256.h"

#include <QtTest>

#include <bit>
#include <cmath>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace attnlab;

namespace {

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QStringList entries(const QString& directory) {
    return QDir(directory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

bool sameBits(float a, float b) {
    return std::memcmp(&a, &b, sizeof(float)) == 0;
}

// The parameters of tests/data/models/tiny.safetensors, in memory.
struct TinyModel {
    Parameter<float> conv{"attention.conv.weight", 2, 3, {2, 1, 3}}; // (F x W) as [F,1,W]
    Parameter<float> bias{"output.bias", 3, 1};                      // (Vt x 1)
    Parameter<float> weight{"output.weight", 3, 2};                  // (Vt x H)
    TinyModel() {
        conv.value << 0.5f, -1.0f, 2.0f, 0.25f, 3.0f, -0.125f;
        bias.value << 0.5f, -0.25f, 0.125f;
        weight.value << 1, 2, 3, 4, 5, 6;
    }
    ParameterList<float> parameters() { return {&weight, &bias, &conv}; }
    static std::map<std::string, std::string> metadata() {
        return {{"config", R"({"hidden":2,"scorer":"location_aware"})"},
                {"source_vocab", "[\"<pad>\",\"<s>\",\"</s>\",\"<unk>\",\"\xc3\xa9\"]"},
                {"target_vocab", R"(["<pad>","<s>","</s>","<unk>","a","b"])"}};
    }
};

const QString kTinyChecksum = "8fcee364b295eadf1fb01e56e0084762f331dfbf56752f219b5e543d756e1201";

} // namespace

class TestCheckpointRoundTrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsBitExact();
    void fileIsRowMajor();
    void writesTheGoldenFileByteForByte();
    void readsTheGoldenFile();
    void readsPlainSafetensors();
    void overwriteReplacesTheOldFile();
    void savedFileFollowsTheUmask_data();
    void savedFileFollowsTheUmask();
    void missingDirectoryCreatesNothing();
    void failedTempCreationKeepsTheOldFile();
    void failedWriteKeepsTheOldFile();
    void readOnlyDirectoryKeepsTheOldFile();
    void badParametersAreRefusedBeforeWriting();
};

void TestCheckpointRoundTrip::roundTripIsBitExact() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Parameter<float> conv("attention.conv.weight", 2, 3, {2, 1, 3}); // (F x W)
    Parameter<float> v("attention.v.weight", 1, 4);                  // (1 x A)
    Parameter<float> bias("output.bias", 3, 1);                      // (Vt x 1)
    Parameter<float> weight("output.weight", 3, 2);                  // (Vt x H)
    const float nan = std::bit_cast<float>(0x7fc01234u);             // a NaN with a payload must survive too
    conv.value << -0.0f, 1e-45f, std::numeric_limits<float>::max(), -1.5f, 0.1f, nan;
    v.value << 1.0f / 3.0f, -2.0f / 7.0f, std::numeric_limits<float>::infinity(), 1e-38f;
    bias.value << 0.7f, -0.3f, 123456.789f;
    weight.value << 1e10f, -1e-10f, 3.14159265f, 2.71828182f, -0.0001f, 42.0f;
    std::map<std::string, std::string> metadata = {
        {"config", R"({"scorer":"location_aware","hidden":2,"bidirectional":false})"},
        {"source_vocab", "[\"<pad>\",\"<s>\",\"</s>\",\"<unk>\",\"\xc3\x9f\",\"\\\"\"]"},
        {"target_vocab", R"(["<pad>","<s>","</s>","<unk>"])"}};
    const std::string path = dir.filePath("model.safetensors").toStdString();
    saveCheckpoint(path, {&weight, &bias, &conv, &v}, metadata);

    const CheckpointFile file = readCheckpoint(path);
    QCOMPARE(file.metadata.size(), std::size_t(5));
    for (const auto& [key, value] : metadata) QCOMPARE(file.metadata.at(key), value);
    QCOMPARE(file.metadata.at("format"), std::string("attnlab-1"));
    // The checksum covers exactly the bytes after the header: 18 + 3 + 6 + 4 floats.
    const QByteArray bytes = fileBytes(QString::fromStdString(path));
    std::uint64_t headerLength = 0;
    for (int i = 7; i >= 0; --i) headerLength = headerLength << 8 | static_cast<unsigned char>(bytes[i]);
    QCOMPARE(headerLength % 8, std::uint64_t(0));
    const QByteArray data = bytes.mid(8 + static_cast<int>(headerLength));
    QCOMPARE(data.size(), 4 * (6 + 4 + 3 + 6));
    QCOMPARE(file.metadata.at("checksum"), Sha256::hexDigest(data.constData(), data.size()));

    Parameter<float> conv2("attention.conv.weight", 2, 3, {2, 1, 3});
    Parameter<float> v2("attention.v.weight", 1, 4);
    Parameter<float> bias2("output.bias", 3, 1);
    Parameter<float> weight2("output.weight", 3, 2);
    loadParameters(file, {&conv2, &v2, &bias2, &weight2}, path);
    const std::pair<Parameter<float>*, Parameter<float>*> pairs[] = {
        {&conv, &conv2}, {&v, &v2}, {&bias, &bias2}, {&weight, &weight2}};
    for (const auto& [saved, loaded] : pairs)
        for (Eigen::Index i = 0; i < saved->value.size(); ++i)
            QVERIFY2(sameBits(saved->value(i), loaded->value(i)), saved->name.c_str());
}

void TestCheckpointRoundTrip::fileIsRowMajor() {
    QTemporaryDir dir;
    TinyModel model;
    const std::string path = dir.filePath("m.safetensors").toStdString();
    saveCheckpoint(path, model.parameters(), {});
    const CheckpointFile file = readCheckpoint(path);
    QCOMPARE(file.tensors.at("output.weight").shape, (std::vector<std::int64_t>{3, 2}));
    QCOMPARE(file.tensors.at("output.weight").data, (std::vector<float>{1, 2, 3, 4, 5, 6}));
    QCOMPARE(file.tensors.at("output.bias").shape, (std::vector<std::int64_t>{3}));
    QCOMPARE(file.tensors.at("attention.conv.weight").shape, (std::vector<std::int64_t>{2, 1, 3}));
    // element [f, 0, w] at f * 3 + w: filter 1, tap 2 is conv.value(1, 2) = -0.125
    QCOMPARE(file.tensors.at("attention.conv.weight").data,
             (std::vector<float>{0.5f, -1.0f, 2.0f, 0.25f, 3.0f, -0.125f}));
    QCOMPARE(file.metadata.size(), std::size_t(2)); // format and checksum only
}

void TestCheckpointRoundTrip::writesTheGoldenFileByteForByte() {
    QTemporaryDir dir;
    TinyModel model;
    const QString path = dir.filePath("tiny.safetensors");
    saveCheckpoint(path.toStdString(), model.parameters(), TinyModel::metadata());
    const QByteArray golden =
        fileBytes(qEnvironmentVariable("ATTNLAB_SOURCE_DIR") + "/tests/data/models/tiny.safetensors");
    QCOMPARE(golden.size(), 588); // 8 + 520 header + 60 data
    QCOMPARE(fileBytes(path), golden);
}

void TestCheckpointRoundTrip::readsTheGoldenFile() {
    const std::string path =
        (qEnvironmentVariable("ATTNLAB_SOURCE_DIR") + "/tests/data/models/tiny.safetensors").toStdString();
    const CheckpointFile file = readCheckpoint(path);
    QCOMPARE(QString::fromStdString(file.metadata.at("checksum")), kTinyChecksum);
    QCOMPARE(file.metadata.at("source_vocab"), TinyModel::metadata().at("source_vocab"));
    QCOMPARE(file.metadata.at("config"), TinyModel::metadata().at("config"));
    Parameter<float> conv("attention.conv.weight", 2, 3, {2, 1, 3});
    Parameter<float> bias("output.bias", 3, 1);
    Parameter<float> weight("output.weight", 3, 2);
    loadParameters(file, {&conv, &bias, &weight}, path);
    TinyModel expected;
    QCOMPARE(conv.value, expected.conv.value);
    QCOMPARE(bias.value, expected.bias.value);
    QCOMPARE(weight.value, expected.weight.value);
    QCOMPARE(weight.value(2, 0), 5.0f); // row 2, column 0 of [[1,2],[3,4],[5,6]]
}

void TestCheckpointRoundTrip::readsPlainSafetensors() {
    // What safetensors' own writer makes for {"b": [1, -2], "a": [[0.5]]}: no metadata, no checksum.
    const QByteArray header = R"({"a":{"dtype":"F32","shape":[1,1],"data_offsets":[0,4]},)"
                              R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})";
    QByteArray bytes(8, '\0');
    QByteArray padded = header + QByteArray((8 - header.size() % 8) % 8, ' ');
    bytes[0] = static_cast<char>(padded.size());
    bytes += padded;
    bytes += QByteArray::fromHex("0000003f"
                                 "0000803f"
                                 "000000c0"); // 0.5, 1, -2 little-endian
    QTemporaryDir dir;
    const QString path = dir.filePath("plain.safetensors");
    writeBytes(path, bytes);
    const CheckpointFile file = readCheckpoint(path.toStdString());
    QVERIFY(file.metadata.empty());
    QCOMPARE(file.tensors.at("a").data, std::vector<float>{0.5f});
    QCOMPARE(file.tensors.at("b").data, (std::vector<float>{1.0f, -2.0f}));
}

void TestCheckpointRoundTrip::overwriteReplacesTheOldFile() {
    QTemporaryDir dir;
    TinyModel model;
    const std::string path = dir.filePath("m.safetensors").toStdString();
    saveCheckpoint(path, model.parameters(), {{"config", "first"}});
    model.bias.value << 9, 8, 7;
    saveCheckpoint(path, model.parameters(), {{"config", "second"}});
    const CheckpointFile file = readCheckpoint(path);
    QCOMPARE(file.metadata.at("config"), std::string("second"));
    QCOMPARE(file.tensors.at("output.bias").data, (std::vector<float>{9, 8, 7}));
    QCOMPARE(entries(dir.path()), QStringList{"m.safetensors"}); // no temp file left behind
}

void TestCheckpointRoundTrip::savedFileFollowsTheUmask_data() {
    QTest::addColumn<int>("mask");
    QTest::addColumn<int>("mode");
    QTest::newRow("022") << 022 << 0644;
    QTest::newRow("077") << 077 << 0600;
}

void TestCheckpointRoundTrip::savedFileFollowsTheUmask() {
    QFETCH(int, mask);
    QFETCH(int, mode);
    QTemporaryDir dir;
    TinyModel model;
    const std::string path = dir.filePath("m.safetensors").toStdString();
    const mode_t previous = ::umask(static_cast<mode_t>(mask));
    saveCheckpoint(path, model.parameters(), {});
    ::umask(previous);
    struct stat info {};
    QCOMPARE(::stat(path.c_str(), &info), 0);
    QCOMPARE(static_cast<int>(info.st_mode & 0777), mode);
}

void TestCheckpointRoundTrip::missingDirectoryCreatesNothing() {
    QTemporaryDir dir;
    TinyModel model;
    const std::string path = dir.filePath("no/such/dir/m.safetensors").toStdString();
    try {
        saveCheckpoint(path, model.parameters(), {});
        QFAIL("saving into a missing directory must throw");
    } catch (const CheckpointError& e) {
        QCOMPARE(e.path(), path);
        QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(path) + ": cannot create "), e.what());
        QVERIFY2(QString(e.what()).endsWith("No such file or directory"), e.what());
    }
    QVERIFY(entries(dir.path()).isEmpty());
}

void TestCheckpointRoundTrip::failedTempCreationKeepsTheOldFile() {
    // A file name of NAME_MAX (255) bytes exists, but "NAME.tmp-XXXXXX" is too long to create: the
    // temp file fails even for root, on every file system.
    QTemporaryDir dir;
    const QString name = QString(255 - 12, 'm') + ".safetensors";
    const QString path = dir.filePath(name);
    writeBytes(path, "the previous model");
    TinyModel model;
    try {
        saveCheckpoint(path.toStdString(), model.parameters(), {});
        QFAIL("a temp file that cannot be created must throw");
    } catch (const CheckpointError& e) {
        QVERIFY2(QString(e.what()).endsWith("File name too long"), e.what());
    }
    QCOMPARE(fileBytes(path), QByteArray("the previous model"));
    QCOMPARE(entries(dir.path()), QStringList{name});
}

void TestCheckpointRoundTrip::failedWriteKeepsTheOldFile() {
    // A file-size limit makes write() fail part way (EFBIG), as a full disk would.
    QTemporaryDir dir;
    const QString path = dir.filePath("m.safetensors");
    writeBytes(path, "the previous model");
    Parameter<float> big("output.weight", 100, 100);
    big.value.setConstant(0.5f);

    rlimit previous{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &previous), 0);
    rlimit limited = previous;
    limited.rlim_cur = 4096;
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // else the process is killed
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    QString message;
    try {
        saveCheckpoint(path.toStdString(), {&big}, {});
    } catch (const CheckpointError& e) {
        message = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY2(message.contains(": cannot write ") && message.endsWith("File too large"), qPrintable(message));
    QCOMPARE(fileBytes(path), QByteArray("the previous model"));
    QCOMPARE(entries(dir.path()), QStringList{"m.safetensors"});
}

void TestCheckpointRoundTrip::readOnlyDirectoryKeepsTheOldFile() {
    QTemporaryDir dir;
    const QString sub = dir.filePath("ro");
    QVERIFY(QDir().mkdir(sub));
    const QString path = sub + "/m.safetensors";
    writeBytes(path, "the previous model");
    QCOMPARE(::chmod(sub.toLocal8Bit().constData(), 0555), 0);
    const QString probe = sub + "/probe";
    const int fd = ::open(probe.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd >= 0) { // root ignores permissions; failedTempCreationKeepsTheOldFile covers this path
        ::close(fd);
        ::unlink(probe.toLocal8Bit().constData());
        ::chmod(sub.toLocal8Bit().constData(), 0755);
        QSKIP("running with privileges that ignore directory permissions");
    }
    TinyModel model;
    QString message;
    try {
        saveCheckpoint(path.toStdString(), model.parameters(), {});
    } catch (const CheckpointError& e) {
        message = e.what();
    }
    ::chmod(sub.toLocal8Bit().constData(), 0755);
    QVERIFY2(message.endsWith("Permission denied"), qPrintable(message));
    QCOMPARE(fileBytes(path), QByteArray("the previous model"));
    QCOMPARE(entries(sub), QStringList{"m.safetensors"});
}

void TestCheckpointRoundTrip::badParametersAreRefusedBeforeWriting() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("m.safetensors").toStdString();
    Parameter<float> conv("attention.conv.weight", 2, 3, {2, 2, 3}); // 12 in the shape, 6 values
    Parameter<float> a("output.bias", 3, 1);
    Parameter<float> b("output.bias", 3, 1);
    try {
        saveCheckpoint(path, {&conv}, {});
        QFAIL("a shape that does not match the values must throw");
    } catch (const CheckpointError& e) {
        QCOMPARE(QString(e.what()),
                 QString::fromStdString(path) +
                     ": parameter 'attention.conv.weight' has file shape [2,2,3] but 6 values");
    }
    try {
        saveCheckpoint(path, {&a, &b}, {});
        QFAIL("two parameters with one name must throw");
    } catch (const CheckpointError& e) {
        QVERIFY2(QString(e.what()).endsWith("two parameters are named 'output.bias'"), e.what());
    }
    try {
        saveCheckpoint(path, {&a}, {{"config", "\xff\xfe not UTF-8"}});
        QFAIL("metadata that is not UTF-8 must throw");
    } catch (const CheckpointError& e) {
        QVERIFY2(QString(e.what()).contains("cannot encode the header"), e.what());
    }
    QVERIFY(entries(dir.path()).isEmpty());
}

QTEST_APPLESS_MAIN(TestCheckpointRoundTrip)
#include "tst_checkpoint_roundtrip.moc"
