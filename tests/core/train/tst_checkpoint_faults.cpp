// Fault injection into atomic saves, the SQLite way: a save is made to fail at each of its system
// calls in turn (open, every write, fsync, close, rename, the directory sync), with an I/O error
// and with a full disk. Whichever call fails, the error names the file, the previous file is byte
// for byte what it was and still loads, and no temp file is left. Both writers are covered: model
// files (saveCheckpoint) and the CLI's JSON tables and generated data (writeFileAtomically).
#include "core/train/Checkpoint.h"
#include "core/util/AtomicFile.h"
#include "support/FaultyFileCalls.h"

#include <QtTest>

#include <cstring>
#include <functional>

using namespace attnlab;
using attnlab::test::FaultyFileCalls;

namespace {

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

QStringList entries(const QString& directory) {
    return QDir(directory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

// One output layer of (300 x 300) weights, 352 KiB on disk: three writes of 128 KiB.
struct Weights {
    Parameter<float> weight{"output.weight", 300, 300}; // (V x H)
    explicit Weights(float base) {
        for (Eigen::Index i = 0; i < weight.value.size(); ++i)
            weight.value(i) = base + 0.001f * float(i % 997);
    }
    ParameterList<float> parameters() { return {&weight}; }
};

// A save of "version" 0 (the previous file) or 1 (the new one) through one of the two writers.
using Save = std::function<void(const std::string& path, int version)>;

Save writer(const QString& name) {
    if (name == "model")
        return [](const std::string& path, int version) {
            Weights w(version == 0 ? 1.0f : -2.0f);
            saveCheckpoint(path, w.parameters(),
                           {{"config", R"({"version":)" + std::to_string(version) + "}"}});
        };
    return [](const std::string& path, int version) {
        writeFileAtomically(path, std::string(360 * 1024, version == 0 ? 'a' : 'b'));
    };
}

// The file at `path` is whole: a model file loads (checksum checked) with the version's weights.
void checkLoads(const QString& kind, const QString& path, int version) {
    if (kind != "model") return;
    const CheckpointFile file = readCheckpoint(path.toStdString());
    Weights loaded(0.0f);
    loadParameters(file, loaded.parameters(), path.toStdString());
    QVERIFY(loaded.weight.value == Weights(version == 0 ? 1.0f : -2.0f).weight.value);
}

// The writers throw CheckpointError and FileWriteError; both say "<path>: <problem>".
QString messageOf(const std::function<void()>& action, QString* failedPath) {
    try {
        action();
    } catch (const CheckpointError& e) {
        *failedPath = QString::fromStdString(e.path());
        return QString::fromUtf8(e.what());
    } catch (const FileWriteError& e) {
        *failedPath = QString::fromStdString(e.path());
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace

class TestCheckpointFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void failureAtEveryCall_data();
    void failureAtEveryCall();
    void interruptedWritesAreRetried();
    void replacesAndCreates();
};

void TestCheckpointFaults::failureAtEveryCall_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("error");
    for (const char* kind : {"model", "text"}) {
        QTest::addRow("%s, I/O error", kind) << QString(kind) << EIO;
        QTest::addRow("%s, disk full", kind) << QString(kind) << ENOSPC;
        QTest::addRow("%s, read-only", kind) << QString(kind) << EROFS;
    }
}

void TestCheckpointFaults::failureAtEveryCall() {
    QFETCH(QString, kind);
    QFETCH(int, error);
    const Save save = writer(kind);
    QTemporaryDir dir;
    const QString path = dir.filePath("model.safetensors");
    save(path.toStdString(), 0);
    const QByteArray previous = fileBytes(path);

    // The calls of one good save: open, 3 writes, fsync, close, rename, then the directory's
    // open, fsync and close.
    FaultyFileCalls counting;
    counting.writeChunk = 128 * 1024;
    {
        ScopedFileCalls scope(counting);
        save(dir.filePath("counted").toStdString(), 1);
    }
    const std::vector<std::string> calls = counting.log;
    QCOMPARE(calls, (std::vector<std::string>{"open", "write", "write", "write", "fsync", "close", "rename",
                                              "open", "fsync", "close"}));
    const QByteArray next = fileBytes(dir.filePath("counted"));
    QVERIFY(QFile::remove(dir.filePath("counted")));

    const auto renamed = std::find(calls.begin(), calls.end(), "rename") - calls.begin() + 1;
    for (int n = 1; n <= int(calls.size()); ++n) {
        const QByteArray label = QByteArray::number(n) + " (" + QByteArray(calls[n - 1].c_str()) + ")";
        FaultyFileCalls faulty;
        faulty.writeChunk = 128 * 1024;
        faulty.failAt = n;
        faulty.error = error;
        QString failedPath;
        QString message;
        {
            ScopedFileCalls scope(faulty);
            message = messageOf([&] { save(path.toStdString(), 1); }, &failedPath);
        }
        QVERIFY(faulty.log.size() >= size_t(n)); // the fault was reached
        if (n > renamed) {
            // The directory sync comes after the rename: the new file is in place and whole, so
            // the save reports success (and the rename may not survive a power cut, nothing more).
            QVERIFY2(message.isEmpty(), label + ": " + message.toUtf8());
            QVERIFY2(fileBytes(path) == next, label);
            checkLoads(kind, path, 1);
            save(path.toStdString(), 0); // back to the previous file for the next call
            continue;
        }
        QVERIFY2(!message.isEmpty(), label + ": the failure must be reported");
        QCOMPARE(failedPath, path);
        QVERIFY2(message.startsWith(path + ": cannot "), qPrintable(label + ": " + message.toUtf8()));
        QVERIFY2(message.contains(path + ".tmp-"), qPrintable(message)); // the temp file it was writing
        QVERIFY2(message.endsWith(QString::fromUtf8(std::strerror(error)) + (error == ENOSPC ? ")" : "")),
                 qPrintable(message));
        if (error == ENOSPC) QVERIFY2(message.contains(": the disk is full ("), qPrintable(message));
        QVERIFY2(fileBytes(path) == previous, label + ": the previous file changed");
        checkLoads(kind, path, 0);
        QCOMPARE(entries(dir.path()), QStringList{"model.safetensors"}); // no temp file left
    }
}

void TestCheckpointFaults::interruptedWritesAreRetried() {
    // EINTR (a signal arrived) at any write is not a failure: the write is simply made again.
    for (const QString kind : {"model", "text"}) {
        QTemporaryDir dir;
        const QString path = dir.filePath("m.safetensors");
        writer(kind)(path.toStdString(), 0);
        for (int n : {2, 3, 4}) { // the three writes of a save
            FaultyFileCalls faulty;
            faulty.writeChunk = 128 * 1024;
            faulty.failAt = n;
            faulty.error = EINTR;
            ScopedFileCalls scope(faulty);
            writer(kind)(path.toStdString(), n % 2);
            QCOMPARE(faulty.log[n - 1], std::string("write"));
            QCOMPARE(std::count(faulty.log.begin(), faulty.log.end(), "write"), 4L);
        }
        checkLoads(kind, path, 0);
        QCOMPARE(entries(dir.path()), QStringList{"m.safetensors"});
    }
}

void TestCheckpointFaults::replacesAndCreates() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("table.json").toStdString();
    writeFileAtomically(path, "first\n");
    writeFileAtomically(path, "second\n");
    QCOMPARE(fileBytes(QString::fromStdString(path)), QByteArray("second\n"));
    QCOMPARE(entries(dir.path()), QStringList{"table.json"});
    const std::string missing = dir.filePath("missing/table.json").toStdString();
    try {
        writeFileAtomically(missing, "x");
        QFAIL("a missing directory must be refused");
    } catch (const FileWriteError& e) {
        QCOMPARE(e.path(), missing);
        QVERIFY2(e.problem().starts_with("cannot create " + missing + ".tmp-"), e.what());
        QVERIFY2(e.problem().ends_with(": No such file or directory"), e.what());
    }
}

QTEST_APPLESS_MAIN(TestCheckpointFaults)
#include "tst_checkpoint_faults.moc"
