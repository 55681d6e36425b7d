// The off-thread dataset loader: results arrive on the GUI thread, a newer load supersedes an
// older one (whose results are dropped), Cancel stops a load, errors carry file and line,
// progress is throttled, and a loader destroyed mid-load waits for its thread.
#include "ui/session/DatasetLoader.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

namespace {

constexpr int LoadTimeoutMs = 20000;

// About `megabytes` MB of valid pairs.
QString writeLargeFile(const QTemporaryDir& dir, int megabytes) {
    const QString path = dir.filePath("large.tsv");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    const QByteArray line = "a fairly ordinary source sentence\tune phrase cible assez ordinaire\n";
    QByteArray block;
    for (int i = 0; i < 1000; ++i) block += line;
    const qint64 target = qint64(megabytes) << 20;
    while (file.size() < target) file.write(block);
    return path;
}

} // namespace

class TestDatasetLoader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deliversOnTheGuiThread();
    void newerLoadSupersedesOlder();
    void cancelStopsTheLoad();
    void badFileFailsWithFileAndLine();
    void progressIsThrottled();
    void destroyingMidLoadWaitsForTheThread();
};

void TestDatasetLoader::deliversOnTheGuiThread() {
    DatasetLoader loader;
    QThread* deliveredOn = nullptr;
    LoadedDataset result;
    connect(&loader, &DatasetLoader::loaded, this, [&](const LoadedDataset& r) {
        deliveredOn = QThread::currentThread();
        result = r;
    });
    QSignalSpy loaded(&loader, &DatasetLoader::loaded);
    loader.load("sort", DatasetOptions{});
    QVERIFY(loader.isBusy());
    QVERIFY(loaded.wait(LoadTimeoutMs));
    QCOMPARE(deliveredOn, QThread::currentThread());
    QVERIFY(!loader.isBusy());
    QCOMPARE(result.request, QString("sort"));
    QVERIFY(result.dataset);
    QCOMPARE(result.dataset->size(), 4000);
    QCOMPARE(result.statistics.pairs, 4000);
    QCOMPARE(result.statistics.sourceVocabulary, 10); // the ten digits
    QCOMPARE(result.statistics.targetVocabulary, 10);
    // Digit strings of 3 to 12: sorting keeps the length, so both histograms are equal.
    QCOMPARE(result.statistics.sourceLengthCounts, result.statistics.targetLengthCounts);
    QCOMPARE(int(result.statistics.sourceLengthCounts.size()), 13);
    QCOMPARE(result.statistics.sourceLengthCounts[2], 0);
    QVERIFY(result.statistics.sourceLengthCounts[3] > 0);
    QVERIFY(result.statistics.sourceLengthCounts[12] > 0);
    QTRY_COMPARE(loader.runningLoads(), 0);
}

void TestDatasetLoader::newerLoadSupersedesOlder() {
    DatasetLoader loader;
    QSignalSpy loaded(&loader, &DatasetLoader::loaded);
    QSignalSpy busy(&loader, &DatasetLoader::busyChanged);
    QSignalSpy cancelled(&loader, &DatasetLoader::cancelled);
    loader.load("reverse", DatasetOptions{});
    loader.load("dates", DatasetOptions{});
    QVERIFY(loaded.wait(LoadTimeoutMs));
    QTRY_COMPARE(loader.runningLoads(), 0); // the superseded thread ended too
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).value<LoadedDataset>().request, QString("dates"));
    QCOMPARE(cancelled.count(), 0); // a superseded load is dropped silently
    QCOMPARE(busy.count(), 2);      // busy once for both, then idle
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
}

void TestDatasetLoader::cancelStopsTheLoad() {
    DatasetLoader loader;
    QSignalSpy loaded(&loader, &DatasetLoader::loaded);
    QSignalSpy cancelled(&loader, &DatasetLoader::cancelled);
    QSignalSpy busy(&loader, &DatasetLoader::busyChanged);
    loader.load("dates", DatasetOptions{});
    loader.cancel();
    QVERIFY(cancelled.wait(LoadTimeoutMs));
    QTRY_COMPARE(loader.runningLoads(), 0);
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!loader.isBusy());
    QCOMPARE(busy.count(), 2);
    // Cancelling when idle does nothing.
    loader.cancel();
    QTest::qWait(20);
    QCOMPARE(cancelled.count(), 1);
}

void TestDatasetLoader::badFileFailsWithFileAndLine() {
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.tsv");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("one\tuno\ntwo\tdos\ttres\tignored\nthree\n");
    file.close();
    DatasetLoader loader;
    QSignalSpy failed(&loader, &DatasetLoader::failed);
    loader.load(path, DatasetOptions{});
    QVERIFY(failed.wait(LoadTimeoutMs));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.startsWith(path + ":3: "), qPrintable(message));
    QVERIFY(!loader.isBusy());
}

void TestDatasetLoader::progressIsThrottled() {
    QTemporaryDir dir;
    const QString path = writeLargeFile(dir, 24);
    QVERIFY(!path.isEmpty());
    const qint64 size = QFileInfo(path).size();
    DatasetLoader loader;
    QSignalSpy progress(&loader, &DatasetLoader::progressed);
    QSignalSpy loaded(&loader, &DatasetLoader::loaded);
    QElapsedTimer clock;
    clock.start();
    loader.load(path, DatasetOptions{});
    QVERIFY(loaded.wait(60000));
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(
        loaded.at(0).at(0).value<LoadedDataset>().dataset->size(),
        int(size /
            qint64(sizeof("a fairly ordinary source sentence\tune phrase cible assez ordinaire\n") - 1)));
    // At most one report per interval (the reader itself reports once per MiB: 24 here).
    QVERIFY2(progress.count() <= elapsed / DatasetLoader::ProgressIntervalMs + 1,
             qPrintable(QString("%1 reports in %2 ms").arg(progress.count()).arg(elapsed)));
    qint64 previous = 0;
    for (const QList<QVariant>& report : progress) {
        QCOMPARE(report.at(1).toLongLong(), size);
        QVERIFY(report.at(0).toLongLong() >= previous);
        QVERIFY(report.at(0).toLongLong() <= size);
        previous = report.at(0).toLongLong();
    }
}

void TestDatasetLoader::destroyingMidLoadWaitsForTheThread() {
    QTemporaryDir dir;
    const QString path = writeLargeFile(dir, 16);
    auto loader = std::make_unique<DatasetLoader>();
    QSignalSpy loaded(loader.get(), &DatasetLoader::loaded);
    loader->load(path, DatasetOptions{});
    QTest::qWait(5);
    QElapsedTimer clock;
    clock.start();
    loader.reset(); // cancels and joins; the next MiB's progress report stops the read
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString("took %1 ms").arg(clock.elapsed())));
    QTest::qWait(20); // nothing is delivered to the destroyed loader
}

QTEST_MAIN(TestDatasetLoader)
#include "tst_dataset_loader.moc"
