// The window's training session under stress: 200 runs, each driven differently (run to the end,
// stop at once, pause and single-step, pause / resume, stop after an epoch, reset), while model
// snapshots flow and the GUI thread decodes with them and describes the model as the window does.
// Every run's events arrive exactly once and in order (prepared, steps 1..n each once, epochs in
// order, finished last), the GUI thread never stalls, and no thread or worker is left behind.
// (Out of `make tsan` like every Qt-thread test: tests/ui/CMakeLists.txt says why.)
#include "core/data/DatasetBuilder.h"
#include "core/data/TaskGenerators.h"
#include "core/infer/GreedyDecoder.h"
#include "core/util/Parallel.h"
#include "ui/session/TrainingSession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTimer>
#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

namespace {

#if defined(__SANITIZE_THREAD__)
constexpr int kCycles = 200;
constexpr qint64 kWorstGapMs = 1000; // ThreadSanitizer makes everything about ten times slower
const int kPoolThreads = 0;          // core shares work over plain threads, joined each time
constexpr qint64 kSteadyMs = 200;    // longer than any batch of the run
#else
constexpr int kCycles = 200;
constexpr qint64 kWorstGapMs = 250; // typically 25 ms; a busy 2-core machine can add 100 ms
const int kPoolThreads = Parallelism::hardwareThreads() - 1; // oneTBB's workers
constexpr qint64 kSteadyMs = 250;                            // longer than any batch of the run, on a busy 2-core machine too
#endif

std::shared_ptr<const Dataset> reversePairs() {
    DatasetBuilder builder("reverse", "", "generated reverse", DatasetOptions{});
    const std::vector<TextPair> pairs = generateTask("reverse", 120, 11);
    for (size_t i = 0; i < pairs.size(); ++i)
        builder.add(pairs[i].source, pairs[i].target, nullptr, static_cast<std::int64_t>(i + 1));
    return std::make_shared<const Dataset>(builder.finish());
}

int taskCount() { // threads of this process, the GUI thread and Qt's own included
    return static_cast<int>(QDir("/proc/self/task").entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

// Runs the GUI thread's event loop until `condition` holds (QTRY_* would poll every 50 ms).
bool waitUntil(const std::function<bool()>& condition, int milliseconds = 20000) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > milliseconds) return false;
        QTest::qWait(1);
    }
    return true;
}

// Waits until `value` has not changed for kSteadyMs (a paused run shows no more steps).
bool waitUntilSteady(const long long& value) {
    long long seen = value;
    QElapsedTimer steady;
    steady.start();
    return waitUntil([&] {
        if (value != seen) {
            seen = value;
            steady.restart();
        }
        return steady.elapsed() >= kSteadyMs;
    });
}

enum class Kind { Prepared, Step, Epoch, Attention, Snapshot, Finished };

struct Event {
    Kind kind;
    long long value = 0; // the step, the epoch
};

} // namespace

class TestTrainingWorkerStress : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void manyCyclesEachEventOnce();
};

void TestTrainingWorkerStress::manyCyclesEachEventOnce() {
    TrainingSession session;
    session.setDataset(reversePairs());
    ModelConfig config;
    config.embedding = 8;
    config.hidden = 16;
    TrainingSettings settings;
    settings.epochs = 2;
    settings.batchSize = 16;
    settings.threads = 2;
    settings.attentionPairs = {0};
    const PrepareOptions prepare{.validationFraction = 0.2, .testFraction = 0.0};

    std::vector<Event> events; // the current run's, in arrival order
    TrainingResult result;
    long long lastStep = 0;
    int decoded = 0;
    connect(&session, &TrainingSession::dataPrepared, this, [&] { events.push_back({Kind::Prepared}); });
    connect(&session, &TrainingSession::progressed, this, [&](const ProgressChunk& chunk) {
        for (long long step : chunk.steps) events.push_back({Kind::Step, step});
        lastStep = chunk.latest.step;
    });
    connect(&session, &TrainingSession::epochFinished, this, [&](const EpochReport& r) {
        events.push_back({Kind::Epoch, r.epoch});
    });
    connect(&session, &TrainingSession::attentionUpdated, this, [&](const AttentionSnapshot& s) {
        events.push_back({Kind::Attention, s.step});
    });
    connect(&session, &TrainingSession::inferenceModelChanged, this, [&](const InferenceModel& model) {
        events.push_back({Kind::Snapshot});
        if (!model.ready()) return;
        // As the inspect panel does: decode with the snapshot while training goes on.
        const DecodeResult d = greedyDecode(*model.model, {4, 5, 6});
        QCOMPARE(d.attention.rows(), Eigen::Index(d.tokens.size() + (d.finished ? 1 : 0))); // (rows x S)
        QCOMPARE(d.attention.cols(), Eigen::Index(3));
        ++decoded;
        QVERIFY(session.modelDescription().contains(" · H 16 · "));
    });
    // As the window does on every state change (MainWindow::onStateChanged): the first one comes
    // from train() itself, while the new worker builds the model.
    QStringList descriptions;
    connect(&session, &TrainingSession::stateChanged, this,
            [&] { descriptions.append(session.hasModel() ? session.modelDescription() : QString()); });
    connect(&session, &TrainingSession::finished, this, [&](const TrainingResult& r) {
        events.push_back({Kind::Finished});
        result = r;
    });

    // The GUI thread's event loop: the longest gap between ticks of a 5 ms timer.
    QElapsedTimer clock;
    qint64 lastTick = -1, worstGap = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        if (lastTick >= 0) worstGap = std::max(worstGap, now - lastTick);
        lastTick = now;
    });
    clock.start();
    ticker.start();

    const int baselineTasks = taskCount();
    int outcomes[5] = {};
    for (int cycle = 0; cycle < kCycles; ++cycle) {
        const QByteArray where = "cycle " + QByteArray::number(cycle);
        events.clear();
        lastStep = 0;
        const long long stepsBefore = session.stepsTrained();
        const int epochsBefore = session.epochsTrained();
        // Only the first kind of run ends by itself; the others would go on until stopped.
        settings.epochs = cycle % 6 == 0 ? 2 : 1000;
        QString problem;
        QVERIFY2(session.train(config, settings, prepare, &problem), qPrintable(problem));
        QVERIFY(session.hasWorkerThread());
        switch (cycle % 6) {
        case 0: // to the end
            break;
        case 1: // Stop at once, before the worker has done anything
            session.stop();
            break;
        case 2: { // pause after the first step, single-step, stop
            QVERIFY2(waitUntil([&] { return lastStep > 0; }), where.constData());
            session.pause();
            // The batch in flight lands (with the steps not shown yet), then nothing moves.
            QVERIFY2(waitUntilSteady(lastStep), where.constData());
            const long long paused = lastStep;
            session.step(); // shows at once, and only one step
            QVERIFY2(waitUntil([&] { return lastStep > paused; }), where.constData());
            QVERIFY2(waitUntilSteady(lastStep), where.constData());
            QCOMPARE(lastStep, paused + 1);
            session.stop();
            break;
        }
        case 3: // pause at once, one step, resume, stop after more steps
            session.pause();
            session.step();
            QVERIFY2(waitUntil([&] { return lastStep > stepsBefore; }), where.constData());
            session.resume();
            QVERIFY2(waitUntil([&] { return lastStep > stepsBefore + 3 || !session.isRunning(); }),
                     where.constData());
            session.stop();
            break;
        case 4: // stop after the first epoch
            QVERIFY2(waitUntil([&] {
                         return std::any_of(events.begin(), events.end(),
                                            [](const Event& e) { return e.kind == Kind::Epoch; });
                     }),
                     where.constData());
            session.stop();
            break;
        case 5: // pause, then stop while paused
            QVERIFY2(waitUntil([&] { return lastStep > 0; }), where.constData());
            session.pause();
            session.stop();
            break;
        }
        QVERIFY2(waitUntil([&] { return !events.empty() && events.back().kind == Kind::Finished; }),
                 where.constData());
        QTest::qWait(1); // anything still queued for this run would arrive now, after finished

        // Exactly once and in order: prepared first; steps from the last run's end, one by one;
        // epochs in order; finished last and once.
        QVERIFY2(events.front().kind == Kind::Prepared, where.constData());
        QCOMPARE(std::count_if(events.begin(), events.end(),
                               [](const Event& e) { return e.kind == Kind::Prepared; }),
                 1L);
        QCOMPARE(std::count_if(events.begin(), events.end(),
                               [](const Event& e) { return e.kind == Kind::Finished; }),
                 1L);
        QVERIFY2(events.back().kind == Kind::Finished, where.constData());
        long long expectedStep = stepsBefore + 1;
        int expectedEpoch = epochsBefore + 1;
        for (const Event& e : events) {
            if (e.kind == Kind::Step) QCOMPARE(e.value, expectedStep++);
            if (e.kind == Kind::Epoch) QCOMPARE(e.value, static_cast<long long>(expectedEpoch++));
        }
        QCOMPARE(expectedStep - 1, stepsBefore + result.steps);
        QCOMPARE(expectedEpoch - 1, epochsBefore + result.epochs);
        QCOMPARE(session.epochsTrained(), epochsBefore + result.epochs);
        QCOMPARE(session.stepsTrained(), stepsBefore + result.steps);
        if (cycle % 6 == 0) QCOMPARE(result.outcome, TrainingOutcome::Completed);
        if (cycle % 6 == 2 || cycle % 6 == 5) QCOMPARE(result.outcome, TrainingOutcome::Stopped);
        ++outcomes[static_cast<int>(result.outcome)];

        // Nothing left running: the session's thread and worker are gone, and the process has no
        // more threads than before the first run but oneTBB's pool (it lives as long as the
        // process; ThreadSanitizer builds have none). A thread that has finished may take a moment
        // to leave /proc.
        QVERIFY2(!session.hasWorkerThread(), where.constData());
        QVERIFY(!session.isRunning());
        QVERIFY2(waitUntil([&] { return taskCount() <= baselineTasks + kPoolThreads; }, 1000),
                 qPrintable(where + ": " + QByteArray::number(taskCount()) + " threads, " +
                            QByteArray::number(baselineTasks) + " before the first run"));
        if (cycle % 7 == 6) {
            session.reset(); // the next run trains a new model from step 1
            QVERIFY(!session.hasModel());
            QCOMPARE(session.stepsTrained(), 0LL);
        }
    }
    ticker.stop();
    qInfo("%d runs (%d completed, %d stopped), %d decodes on snapshots, worst GUI gap %lld ms", kCycles,
          outcomes[0], outcomes[1], decoded, worstGap);
    QVERIFY(decoded > 0);
    QVERIFY(descriptions.size() >= 2 * kCycles);
    QVERIFY(descriptions.contains("general · luong · E 8 · H 16 · 6,110 parameters"));
    QVERIFY2(worstGap < kWorstGapMs,
             qPrintable(QString("the GUI thread was blocked for %1 ms").arg(worstGap)));
}

QTEST_MAIN(TestTrainingWorkerStress)
#include "tst_training_worker_stress.moc"
