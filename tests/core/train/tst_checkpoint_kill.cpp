// A save killed mid-way (SIGKILL: no handler, no cleanup) never leaves a partial file. A child
// process saves over one file again and again, alternating two versions; the parent kills it at
// moments spread over whole saves (encoding, writing, fsync, rename), half of them aimed at the
// writing, and then finds the file whole and equal to one of the two versions, byte for byte. Both
// writers: model files (saveCheckpoint, whose checksum must also verify) and the CLI's text files
// (writeFileAtomically).
#include "core/train/Checkpoint.h"
#include "core/util/AtomicFile.h"

#include <QElapsedTimer>
#include <QtTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace attnlab;

namespace {

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

// Output weights of (500 x 500), 1 MB on disk: a save takes milliseconds.
struct BigModel {
    Parameter<float> weight{"output.weight", 500, 500}; // (V x H)
    explicit BigModel(float value) { weight.value.setConstant(value); }
    ParameterList<float> parameters() { return {&weight}; }
};

void save(const QString& kind, const std::string& path, int version) {
    if (kind == "model") {
        BigModel model(version == 0 ? 0.5f : -0.25f);
        saveCheckpoint(path, model.parameters(), {{"config", "{}"}});
    } else {
        writeFileAtomically(path, std::string(1'000'000, version == 0 ? 'a' : 'b'));
    }
}

} // namespace

class TestCheckpointKill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedMidSave_data();
    void killedMidSave();
};

void TestCheckpointKill::killedMidSave_data() {
    QTest::addColumn<QString>("kind");
    QTest::newRow("model file") << QString("model");
    QTest::newRow("text file") << QString("text");
}

void TestCheckpointKill::killedMidSave() {
    QFETCH(QString, kind);
    QTemporaryDir dir;
    const QString path = dir.filePath("model.safetensors");
    save(kind, dir.filePath("v0").toStdString(), 0);
    save(kind, dir.filePath("v1").toStdString(), 1);
    const QByteArray versions[2] = {fileBytes(dir.filePath("v0")), fileBytes(dir.filePath("v1"))};
    QVERIFY(versions[0] != versions[1]);

    QElapsedTimer clock;
    clock.start();
    save(kind, path.toStdString(), 0);
    const qint64 saveMicros = std::max<qint64>(1000, clock.nsecsElapsed() / 1000);
    // The part of a save between creating the temp file and renaming it (writing and fsync).
    clock.restart();
    writeFileAtomically(dir.filePath("timed").toStdString(), versions[0].toStdString());
    const qint64 writeMicros = std::max<qint64>(100, clock.nsecsElapsed() / 1000);

    constexpr int kills = 16;
    int midSave = 0; // kills that left a temp file: they caught a save between open and rename
    int seen[2] = {0, 0};
    for (int k = 0; k < kills; ++k) {
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // The child: save forever, alternating versions, until killed.
            for (int i = 1;; ++i) save(kind, path.toStdString(), i % 2);
        }
        if (k % 2 == 0) {
            // Any moment: spread over three saves' time, offset by a fraction of a save each time.
            ::usleep(static_cast<useconds_t>(saveMicros / 2 + saveMicros * 3 * k / kills));
        } else {
            // Inside the write: once a temp file exists, after a growing fraction of its writing.
            QElapsedTimer waiting;
            waiting.start();
            while (QDir(dir.path()).entryList({"model.safetensors.tmp-*"}, QDir::Files).isEmpty() &&
                   waiting.elapsed() < 10000)
                ::usleep(50);
            ::usleep(static_cast<useconds_t>(writeMicros * k / kills));
        }
        QCOMPARE(::kill(child, SIGKILL), 0);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL); // killed, not failed

        const QByteArray bytes = fileBytes(path);
        const int version = bytes == versions[0] ? 0 : bytes == versions[1] ? 1 : -1;
        QVERIFY2(
            version >= 0,
            qPrintable(
                QString("kill %1 left a file of %2 bytes that is neither version").arg(k).arg(bytes.size())));
        ++seen[version];
        if (kind == "model") QCOMPARE(readCheckpoint(path.toStdString()).tensors.size(), size_t(1));
        // A killed process cannot remove its temp file; the file it was replacing is whole.
        for (const QString& temp : QDir(dir.path()).entryList({"model.safetensors.tmp-*"}, QDir::Files)) {
            ++midSave;
            QVERIFY(QFile::remove(dir.filePath(temp)));
        }
    }
    qInfo(
        "%d kills (a save takes %lld us, its writing %lld us): %d mid-save; the file was version 0 %d times, "
        "version 1 %d times",
        kills, saveMicros, writeMicros, midSave, seen[0], seen[1]);
    QVERIFY2(midSave > 0, "no kill landed inside a save: the test proves nothing");
}

QTEST_APPLESS_MAIN(TestCheckpointKill)
#include "tst_checkpoint_kill.moc"
