// A comparison trained through the window's CompareSession: every run at once on its worker
// threads, results identical when the same experiment runs twice, pause and single step moving
// every run by one batch, Stop (all, or one run) ending runs within one batch, Train after the
// end continuing every run, and the GUI thread never blocked while seven runs train.
#include "support/TaskDataset.h"
#include "ui/compare/CompareWorkspace.h"
#include "ui/session/CompareSession.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

class TestCompareSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameExperimentTwiceIsIdentical();
    void pauseStepAndStop();
    void stopOneRunLeavesTheOthers();
    void trainAgainContinuesEveryRun();
    void guiThreadStaysResponsiveWithSevenRuns();
    void refusesWhatItCannotTrain();
};

namespace {
RunSpec spec(ScorerKind scorer, int epochs, long long maxSteps = 0) {
    RunSpec run;
    run.name = scorerName(scorer);
    run.config.embedding = 8;
    run.config.hidden = 16;
    run.config.scorer = scorer;
    run.settings.epochs = epochs;
    run.settings.maxSteps = maxSteps;
    run.settings.batchSize = 16;
    run.settings.learningRate = 0.01;
    run.settings.seed = 5;
    return run;
}

std::vector<RunSpec> specs(std::initializer_list<ScorerKind> scorers, int epochs, long long maxSteps = 0) {
    std::vector<RunSpec> runs;
    for (ScorerKind scorer : scorers) runs.push_back(spec(scorer, epochs, maxSteps));
    return runs;
}

bool trainToTheEnd(CompareSession& session, std::vector<RunSpec> runs) {
    QSignalSpy states(&session, &CompareSession::stateChanged);
    QString problem;
    if (!session.train(std::move(runs), 2, &problem)) {
        qWarning("%s", qPrintable(problem));
        return false;
    }
    return QTest::qWaitFor([&] { return session.state() == CompareSession::State::Finished; }, 120000);
}

bool allRunsStarted(const CompareSession& session) {
    if (session.runCount() == 0) return false;
    for (int i = 0; i < session.runCount(); ++i)
        if (session.runProgress(i).step == 0) return false;
    return true;
}
} // namespace

void TestCompareSession::sameExperimentTwiceIsIdentical() {
    CompareSession session;
    session.setDataset(test::taskDataset("reverse", 300, 1), PrepareOptions{});
    QVERIFY(trainToTheEnd(session, specs({ScorerKind::Dot, ScorerKind::Additive, ScorerKind::None}, 2)));
    const ExperimentSummary first = session.summary();
    QCOMPARE(first.runs.size(), size_t(3));
    for (const RunSummary& run : first.runs) {
        QCOMPARE(run.record.result.outcome, TrainingOutcome::Completed);
        QCOMPARE(run.record.result.epochs, 2);
        QCOMPARE(run.record.history.size(), size_t(2));
        QCOMPARE(static_cast<long long>(run.record.stepLosses.size()), run.record.result.steps);
        QVERIFY(std::isfinite(run.record.result.validation.loss));
        QVERIFY(run.parameters > 0);
    }
    // The runs start from the same values for what they share, and differ by their scorer.
    QCOMPARE(first.runs[0].record.stepLosses.size(), first.runs[1].record.stepLosses.size());
    QVERIFY(first.runs[0].record.stepLosses[1] != first.runs[1].record.stepLosses[1]);
    session.reset();
    QCOMPARE(session.runCount(), 0);
    QVERIFY(trainToTheEnd(session, specs({ScorerKind::Dot, ScorerKind::Additive, ScorerKind::None}, 2)));
    const ExperimentSummary second = session.summary();
    for (size_t i = 0; i < 3; ++i) {
        QCOMPARE(second.runs[i].record.stepLosses, first.runs[i].record.stepLosses);
        QCOMPARE(second.runs[i].record.result.validation.loss, first.runs[i].record.result.validation.loss);
        QCOMPARE(second.runs[i].record.result.validation.exactMatch,
                 first.runs[i].record.result.validation.exactMatch);
        QCOMPARE(second.runs[i].record.result.validation.bySourceLength,
                 first.runs[i].record.result.validation.bySourceLength);
    }
}

void TestCompareSession::pauseStepAndStop() {
    CompareSession session;
    session.setDataset(test::taskDataset("reverse", 400, 2), PrepareOptions{});
    QString problem;
    QVERIFY(session.train(specs({ScorerKind::Dot, ScorerKind::General}, 200), 2, &problem));
    QTRY_VERIFY_WITH_TIMEOUT(allRunsStarted(session), 20000);
    session.pause();
    QCOMPARE(session.state(), CompareSession::State::Paused);
    QTest::qWait(400); // the batch in flight lands
    const long long paused0 = session.runProgress(0).step;
    const long long paused1 = session.runProgress(1).step;
    QTest::qWait(200);
    QCOMPARE(session.runProgress(0).step, paused0);
    session.step();
    QTRY_COMPARE_WITH_TIMEOUT(session.runProgress(0).step, paused0 + 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(session.runProgress(1).step, paused1 + 1, 5000);
    QCOMPARE(session.runState(0), CompareSession::RunState::Paused);
    // Stop while paused: no further batch.
    session.stop();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), CompareSession::State::Finished, 20000);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(session.runState(i), CompareSession::RunState::Stopped);
        QCOMPARE(session.summary().runs[size_t(i)].record.result.steps, (i == 0 ? paused0 : paused1) + 1);
    }
}

void TestCompareSession::stopOneRunLeavesTheOthers() {
    CompareSession session;
    session.setDataset(test::taskDataset("reverse", 400, 3), PrepareOptions{});
    QString problem;
    QVERIFY(session.train(specs({ScorerKind::Dot, ScorerKind::General}, 200), 2, &problem));
    QTRY_VERIFY_WITH_TIMEOUT(allRunsStarted(session), 20000);
    session.stopRun(0);
    QTRY_COMPARE_WITH_TIMEOUT(session.runState(0), CompareSession::RunState::Stopped, 20000);
    QCOMPARE(session.runState(1), CompareSession::RunState::Training);
    const long long other = session.runProgress(1).step;
    QTRY_VERIFY_WITH_TIMEOUT(session.runProgress(1).step > other + 5, 20000);
    session.stop();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), CompareSession::State::Finished, 20000);
}

void TestCompareSession::trainAgainContinuesEveryRun() {
    CompareSession session;
    session.setDataset(test::taskDataset("reverse", 200, 4), PrepareOptions{});
    QVERIFY(trainToTheEnd(session, specs({ScorerKind::Dot, ScorerKind::Location}, 1)));
    const long long steps = session.summary().runs[0].record.result.steps;
    QVERIFY(steps > 0);
    QVERIFY(trainToTheEnd(session, specs({ScorerKind::Dot, ScorerKind::Location}, 1)));
    for (const RunSummary& run : session.summary().runs) {
        QCOMPARE(run.record.result.steps, 2 * steps);
        QCOMPARE(run.record.result.epochs, 2);
        QCOMPARE(run.record.history.size(), size_t(2));
        QCOMPARE(run.record.history[1].step, 2 * steps);
        QCOMPARE(static_cast<long long>(run.record.stepLosses.size()), 2 * steps);
    }
    // Other runs are a new experiment.
    QVERIFY(trainToTheEnd(session, specs({ScorerKind::Additive}, 1)));
    QCOMPARE(session.runCount(), 1);
    QCOMPARE(session.summary().runs[0].record.result.steps, steps);
}

// With the whole Compare tab drawing every update (loss curves, table, length plot, a heatmap
// per run decoded from each new snapshot), as a person watching it sees it.
void TestCompareSession::guiThreadStaysResponsiveWithSevenRuns() {
    CompareSession session;
    CompareWorkspace workspace(session, [] { return std::pair{ModelConfig{}, 0.0}; });
    workspace.resize(1200, 800);
    workspace.show();
    session.setDataset(test::taskDataset("reverse", 2000, 5), PrepareOptions{});
    std::vector<RunSpec> runs;
    for (ScorerKind scorer : allScorers()) runs.push_back(spec(scorer, 100));
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
    timer.setTimerType(Qt::PreciseTimer);
    // The machine's own floor first: the same ticks with nothing training (on a virtual machine a
    // bare 10 ms sleep loop already overshoots by several milliseconds now and then).
    clock.start();
    timer.start();
    QTest::qWait(1000);
    timer.stop();
    const qint64 idleWorst = worst;
    ticks = 0;
    worst = 0;
    QString problem;
    QVERIFY(session.train(std::move(runs), 2, &problem));
    QTRY_VERIFY_WITH_TIMEOUT(allRunsStarted(session), 30000);
    clock.start();
    timer.start();
    QTest::qWait(3000);
    timer.stop();
    long long steps = 0;
    for (int i = 0; i < session.runCount(); ++i) steps += session.runProgress(i).step;
    qInfo("7 runs: %d ticks, worst gap %lld ms (idle: %lld ms), %lld steps", ticks, worst, idleWorst, steps);
    session.stop();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), CompareSession::State::Finished, 20000);
    QVERIFY(steps > 7 * 5);
    // The figure to report is measured on a quiet machine (about 16 ms); under ctest -j2 beside
    // other suites the scheduler alone can hold the thread back longer, so the test only catches
    // real blocking (work done on the GUI thread per update), which would take far longer.
    QVERIFY2(worst < 250, qPrintable(QString("the GUI thread was blocked for %1 ms").arg(worst)));
}

void TestCompareSession::refusesWhatItCannotTrain() {
    CompareSession session;
    QString problem;
    QVERIFY(!session.train(specs({ScorerKind::Dot}, 1), 2, &problem));
    QVERIFY(problem.contains("dataset"));
    session.setDataset(test::taskDataset("reverse", 50, 6), PrepareOptions{});
    QVERIFY(!session.train({}, 2, &problem));
    QVERIFY(problem.contains("Pick"));
    QVERIFY(!session.train(specs({ScorerKind::Dot, ScorerKind::Dot}, 1), 2, &problem));
    QVERIFY(problem.contains("Two runs"));
    // A configuration core refuses: the session says so and is ready again.
    std::vector<RunSpec> bad = specs({ScorerKind::Dot}, 1);
    bad[0].config.bidirectional = true;
    bad[0].config.hidden = 15;
    QSignalSpy messages(&session, &CompareSession::message);
    QVERIFY(session.train(bad, 2, &problem));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), CompareSession::State::Ready, 10000);
    QCOMPARE(messages.count(), 1);
    QVERIFY2(messages.first().at(0).toString().contains("dot"),
             qPrintable(messages.first().at(0).toString()));
}

QTEST_MAIN(TestCompareSession)
#include "tst_compare_session.moc"
