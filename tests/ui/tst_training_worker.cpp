// The training worker on its QThread, as the window drives it: progress arrives throttled, a
// stop ends the run and finished comes exactly once, pause / single step work across threads,
// model snapshots are usable copies, and the GUI thread's event loop never stalls > 100 ms.
#include "support/ReversalTask.h"
#include "ui/session/TrainingWorker.h"

#include <QSignalSpy>
#include <QThread>
#include <QTimer>
#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

class TestTrainingWorker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerTrainingMetaTypes(); }
    void runsToCompletion();
    void stopEndsTheRunOnce();
    void pauseAndSingleStep();
    void eventLoopStaysResponsive();
};

namespace {
TrainingJob reversalJob(int epochs, int trainPairs = 640) {
    TrainingJob job;
    auto data = std::make_shared<TrainingData>(test::reversalTrainingData(trainPairs, 64, 3));
    job.data = data;
    job.bundle = std::make_shared<ModelBundle>();
    job.bundle->config = test::reversalConfig();
    job.bundle->sourceVocabulary = data->sourceVocabulary;
    job.bundle->targetVocabulary = data->targetVocabulary;
    job.bundle->model = std::make_unique<Seq2Seq<float>>(job.bundle->config);
    job.bundle->model->initialize(3);
    job.settings.epochs = epochs;
    job.settings.batchSize = 32;
    job.settings.learningRate = 0.01;
    job.settings.attentionPairs = {0};
    return job;
}

} // namespace

// Lives on the GUI thread and re-emits the worker's signals there, received over queued
// connections as the window receives them (a QSignalSpy on the worker itself would be written
// from the training thread).
class Mirror : public QObject {
    Q_OBJECT
Q_SIGNALS:
    void progressed(const attnlab::ui::ProgressChunk& chunk);
    void epochFinished(const attnlab::EpochReport& report);
    void attentionUpdated(const attnlab::AttentionSnapshot& snapshot);
    void snapshotReady(const attnlab::ui::ModelSnapshot& model);
    void finished(const attnlab::TrainingResult& result);
};

namespace {
// Owns a worker on its own thread, the way the window does.
struct Running {
    explicit Running(TrainingJob job) : worker(new TrainingWorker(std::move(job))) {
        worker->moveToThread(&thread);
        // The worker's run() starts when its thread does; both live outside the GUI thread.
        QObject::connect(&thread, &QThread::started, worker, &TrainingWorker::run, Qt::QueuedConnection);
        QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        // Cross-thread: each signal is queued to the mirror on the GUI thread.
        QObject::connect(worker, &TrainingWorker::progressed, &mirror, &Mirror::progressed,
                         Qt::QueuedConnection);
        QObject::connect(worker, &TrainingWorker::epochFinished, &mirror, &Mirror::epochFinished,
                         Qt::QueuedConnection);
        QObject::connect(worker, &TrainingWorker::attentionUpdated, &mirror, &Mirror::attentionUpdated,
                         Qt::QueuedConnection);
        QObject::connect(worker, &TrainingWorker::snapshotReady, &mirror, &Mirror::snapshotReady,
                         Qt::QueuedConnection);
        QObject::connect(worker, &TrainingWorker::finished, &mirror, &Mirror::finished, Qt::QueuedConnection);
    }
    ~Running() {
        worker->stop();
        thread.quit();
        thread.wait();
    }
    Mirror mirror;
    QThread thread;
    TrainingWorker* worker;
};

long long lastStep(const QSignalSpy& spy) {
    return spy.isEmpty() ? 0 : spy.last().at(0).value<ProgressChunk>().latest.step;
}
} // namespace

void TestTrainingWorker::runsToCompletion() {
    Running run(reversalJob(3));
    QSignalSpy progress(&run.mirror, &Mirror::progressed);
    QSignalSpy epochs(&run.mirror, &Mirror::epochFinished);
    QSignalSpy attention(&run.mirror, &Mirror::attentionUpdated);
    QSignalSpy snapshots(&run.mirror, &Mirror::snapshotReady);
    QSignalSpy finished(&run.mirror, &Mirror::finished);
    run.thread.start();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).value<TrainingResult>().outcome, TrainingOutcome::Completed);
    QCOMPARE(epochs.count(), 3);
    QCOMPARE(attention.count(), 3);
    QVERIFY(snapshots.count() >= 1);
    // Every step's loss arrives exactly once, in order, however the chunks were cut.
    std::vector<long long> steps;
    for (const auto& args : progress) {
        const auto chunk = args.at(0).value<ProgressChunk>();
        QCOMPARE(chunk.steps.size(), chunk.losses.size());
        steps.insert(steps.end(), chunk.steps.begin(), chunk.steps.end());
    }
    QCOMPARE(int(steps.size()), 60);
    for (size_t i = 0; i < steps.size(); ++i) QCOMPARE(steps[i], static_cast<long long>(i + 1));
    QVERIFY2(progress.count() < 60, "progress is throttled, not one signal per step");
    // A snapshot is an independent copy that can decode while the trained model moves on.
    const ModelSnapshot model = snapshots.last().at(0).value<ModelSnapshot>();
    QVERIFY(model != nullptr);
    QCOMPARE(model->config().hidden, 32);
}

void TestTrainingWorker::stopEndsTheRunOnce() {
    Running run(reversalJob(1000, 2000));
    QSignalSpy progress(&run.mirror, &Mirror::progressed);
    QSignalSpy finished(&run.mirror, &Mirror::finished);
    run.thread.start();
    QVERIFY(progress.wait(10000));
    run.worker->stop(); // from the GUI thread, while run() is busy
    QVERIFY(finished.wait(5000));
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).value<TrainingResult>().outcome, TrainingOutcome::Stopped);
}

void TestTrainingWorker::pauseAndSingleStep() {
    Running run(reversalJob(1000, 2000));
    QSignalSpy progress(&run.mirror, &Mirror::progressed);
    run.thread.start();
    QVERIFY(progress.wait(10000));
    run.worker->pause();
    QTest::qWait(300); // let the batch in flight land
    const long long paused = lastStep(progress);
    QTest::qWait(200);
    QCOMPARE(lastStep(progress), paused);
    run.worker->step();
    QTRY_COMPARE_WITH_TIMEOUT(lastStep(progress), paused + 1, 5000);
    run.worker->resume();
    QTRY_VERIFY_WITH_TIMEOUT(lastStep(progress) > paused + 5, 10000);
}

void TestTrainingWorker::eventLoopStaysResponsive() {
    Running run(reversalJob(1000, 4000));
    QSignalSpy progress(&run.mirror, &Mirror::progressed);
    // A 10 ms timer on the GUI thread: the largest gap between its ticks is how long the event
    // loop was blocked (by slots handling the worker's signals, for instance).
    QElapsedTimer clock;
    qint64 last = 0, worst = 0;
    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        if (ticks++ > 0) worst = std::max(worst, now - last);
        last = now;
    });
    run.thread.start();
    clock.start();
    timer.start();
    QTest::qWait(3000);
    timer.stop();
    qInfo("%d ticks, worst gap %lld ms, %lld steps", ticks, worst, lastStep(progress));
    QVERIFY(lastStep(progress) > 10);
    QVERIFY2(worst < 100, qPrintable(QString("the GUI thread was blocked for %1 ms").arg(worst)));
}

QTEST_MAIN(TestTrainingWorker)
#include "tst_training_worker.moc"
