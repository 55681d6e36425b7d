// Stop during validation: a large validation split takes seconds, so the trainer must hear Stop
// between validation batches (and, with beam search, between pairs), and the epoch it cut short
// must not pass for a validated one. Stop is judged by the work done after it (validation batches
// counted through the observer), not by the clock; 2 s of wall time is only a backstop. The
// latency itself is measured by attnlab-bench ("Stop during validation").
#include "core/train/Trainer.h"
#include "support/ReversalTask.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace attnlab;

namespace {

struct Recorder : TrainingObserver {
    TrainingControl* control = nullptr;
    int stopInValidationOfEpoch = 0; // > 0: request Stop from this observer, a quarter in
    std::atomic<int> epochsReported{0};
    std::atomic<int> validationCalls{0};    // every onValidationProgress of the run
    std::atomic<int> validated{0};          // pairs done in the validation going on
    std::atomic<int> callsAfterStopSeen{0}; // calls after one that found Stop requested
    bool stopSeen = false;                  // training thread only
    std::vector<EpochReport> epochs;        // training thread only; read after join
    int attention = 0;

    void onEpoch(const EpochReport& r) override {
        epochs.push_back(r);
        validated = 0; // the next validation starts from nothing
        ++epochsReported;
    }
    void onAttention(const AttentionSnapshot&) override { ++attention; }
    void onValidationProgress(int done, int total) override {
        // The trainer checks for Stop right after this call: once a call has found it requested,
        // no other may follow.
        if (stopSeen) ++callsAfterStopSeen;
        stopSeen = control->stopRequested();
        ++validationCalls;
        validated = done;
        if (stopInValidationOfEpoch == epochsReported + 1 && done >= total / 4) {
            control->requestStop();
            stopSeen = true;
        }
    }
};

bool waitFor(const std::function<bool()>& condition, int milliseconds = 30000) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > milliseconds) return false;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    return true;
}

} // namespace

class TestTrainerStop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stopDuringValidation_data();
    void stopDuringValidation();
};

void TestTrainerStop::stopDuringValidation_data() {
    QTest::addColumn<int>("beamWidth");
    QTest::addColumn<int>("validationPairs");
    QTest::addColumn<bool>("fromAnotherThread");
    // Greedy validation is batched (64 pairs a batch); beam search decodes pair by pair.
    QTest::newRow("greedy, from another thread") << 1 << 2000 << true;
    QTest::newRow("greedy, from the observer") << 1 << 2000 << false;
    QTest::newRow("beam 3, from another thread") << 3 << 600 << true;
    QTest::newRow("beam 3, from the observer") << 3 << 600 << false;
}

void TestTrainerStop::stopDuringValidation() {
    QFETCH(int, beamWidth);
    QFETCH(int, validationPairs);
    QFETCH(bool, fromAnotherThread);
    const TrainingData data = test::reversalTrainingData(128, validationPairs, 5);
    Seq2Seq<float> model(test::reversalConfig());
    model.initialize(5);
    TrainingSettings settings;
    settings.epochs = 5;
    settings.batchSize = 64;
    settings.beamWidth = beamWidth;
    settings.threads = 2;
    settings.attentionPairs = {0};
    Trainer trainer(model, data, settings);
    TrainingControl control;
    Recorder recorder;
    recorder.control = &control;
    if (!fromAnotherThread) recorder.stopInValidationOfEpoch = 2;
    TrainingResult result;
    QElapsedTimer sinceStop;
    std::thread worker([&] { result = trainer.run(recorder, control); });

    int callsAtStop = -1;
    if (fromAnotherThread) {
        // A quarter into the second epoch's validation (the first one runs to the end).
        QVERIFY(waitFor(
            [&] { return recorder.epochsReported == 1 && recorder.validated >= validationPairs / 4; }));
        control.requestStop();
        callsAtStop = recorder.validationCalls; // read after: only the step in flight may follow
    } else {
        QVERIFY(waitFor([&] { return control.stopRequested(); }));
    }
    sinceStop.start();
    worker.join();
    const qint64 milliseconds = sinceStop.elapsed();

    // Work after the stop: none once the trainer could see it; from another thread, at most the
    // batch (or beam-search pair) that was in flight when it came.
    QCOMPARE(recorder.callsAfterStopSeen.load(), 0);
    if (fromAnotherThread)
        QVERIFY2(
            recorder.validationCalls - callsAtStop <= 1,
            qPrintable(
                QString("%1 validation steps after the stop").arg(recorder.validationCalls - callsAtStop)));
    QVERIFY2(milliseconds < 2000, qPrintable(QString("the stop took %1 ms").arg(milliseconds))); // backstop

    QCOMPARE(result.outcome, TrainingOutcome::Stopped);
    QCOMPARE(result.epochs, 2); // the second epoch's training was whole
    QCOMPARE(int(recorder.epochs.size()), 2);
    const EpochReport& full = recorder.epochs[0];
    const EpochReport& cut = recorder.epochs[1];
    QCOMPARE(full.validationPairs, validationPairs);
    QCOMPARE(full.validation.examples, long(validationPairs));
    QVERIFY(full.improved);
    // The cut epoch says so: fewer pairs than the split, not an improvement, no snapshot after it.
    QCOMPARE(cut.validationPairs, validationPairs);
    // (A batch cut between two of its pairs by beam search is not counted at all.)
    QVERIFY2(cut.validation.examples > validationPairs / 4 - settings.batchSize &&
                 cut.validation.examples < validationPairs,
             qPrintable(QString::number(cut.validation.examples)));
    QVERIFY(!cut.improved);
    QCOMPARE(recorder.attention, 1); // after epoch 1 only
    // The result keeps the last complete validation, not the partial one.
    QCOMPARE(result.validation.examples, long(validationPairs));
    QCOMPARE(result.validation.loss, full.validation.loss);
}

QTEST_APPLESS_MAIN(TestTrainerStop)
#include "tst_trainer_stop.moc"
