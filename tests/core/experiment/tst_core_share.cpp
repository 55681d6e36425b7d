// CoreShare and BatchTurns: how an experiment shares its threads between the runs training at
// each moment, and the turns its runs take at the cores when there are more runs than threads.
#include "core/experiment/CoreShare.h"
#include "core/train/BatchTurns.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace attnlab;

class TestCoreShare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sharesOutAsRunsBeginAndEnd();
    void moreRunsThanThreadsTakeTurns();
    void turnsAreGrantedInOrder();
    void neverMoreTurnsThanSlots();
    void noTurnsWithoutBatchTurns();
    void aHolderKeepsItsTurnForASlice();
};

namespace {
void waitUntil(const std::function<bool()>& condition) {
    for (int i = 0; i < 5000 && !condition(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    QVERIFY(condition());
}
} // namespace

void TestCoreShare::sharesOutAsRunsBeginAndEnd() {
    std::vector<TrainingControl> controls(3);
    CoreShare share(5, {&controls[0], &controls[1], &controls[2]});
    QCOMPARE(share.total(), 5);
    share.begin(0);
    QCOMPARE(controls[0].threads(), 5);
    QCOMPARE(controls[1].threads(), 0); // not begun: its own settings
    share.begin(1);
    QCOMPARE(controls[0].threads(), 3); // 5 over 2: the earlier run gets the odd one
    QCOMPARE(controls[1].threads(), 2);
    share.begin(2);
    QCOMPARE(controls[0].threads(), 2);
    QCOMPARE(controls[1].threads(), 2);
    QCOMPARE(controls[2].threads(), 1);
    share.end(0);
    QCOMPARE(controls[0].threads(), 0); // back to its settings, for a later run
    QCOMPARE(controls[1].threads(), 3);
    QCOMPARE(controls[2].threads(), 2);
    share.end(1);
    QCOMPARE(controls[2].threads(), 5); // the last run has every core
    for (TrainingControl& c : controls) QVERIFY(c.turns() == nullptr);
}

void TestCoreShare::moreRunsThanThreadsTakeTurns() {
    std::vector<TrainingControl> controls(3);
    CoreShare share(2, {&controls[0], &controls[1], &controls[2]});
    share.begin(0);
    share.begin(1);
    QVERIFY(controls[0].turns() == nullptr); // two runs, two threads: no need
    share.begin(2);
    QVERIFY(controls[0].turns() != nullptr);
    QVERIFY(controls[0].turns() == controls[1].turns() && controls[1].turns() == controls[2].turns());
    for (TrainingControl& c : controls) QCOMPARE(c.threads(), 1);
    share.end(1);
    QVERIFY(controls[1].turns() == nullptr);
    QVERIFY(controls[0].turns() == nullptr && controls[2].turns() == nullptr);
    QCOMPARE(controls[0].threads(), 1);
    QCOMPARE(controls[2].threads(), 1);
}

void TestCoreShare::turnsAreGrantedInOrder() {
    BatchTurns turns(1);
    std::mutex orderMutex;
    std::vector<char> order;
    std::vector<std::thread> runs;
    {
        BatchTurns::Turn held(&turns); // every run below has to wait
        for (char name : {'a', 'b', 'c', 'd'}) {
            const int before = turns.waiting();
            runs.emplace_back([&, name] {
                BatchTurns::Turn turn(&turns);
                std::lock_guard lock(orderMutex);
                order.push_back(name);
            });
            waitUntil([&] { return turns.waiting() == before + 1; }); // queued before the next one asks
        }
    }
    for (std::thread& run : runs) run.join();
    QCOMPARE(order, (std::vector<char>{'a', 'b', 'c', 'd'}));
    QCOMPARE(turns.waiting(), 0);
}

void TestCoreShare::neverMoreTurnsThanSlots() {
    BatchTurns turns(2);
    std::atomic<int> inside{0}, most{0}, done{0};
    std::vector<std::thread> runs;
    for (int r = 0; r < 6; ++r)
        runs.emplace_back([&] {
            for (int batch = 0; batch < 200; ++batch) {
                BatchTurns::Turn turn(&turns);
                const int now = ++inside;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) {
                }
                std::this_thread::sleep_for(std::chrono::microseconds(20));
                --inside;
                ++done;
            }
        });
    for (std::thread& run : runs) run.join();
    QCOMPARE(done.load(), 6 * 200);
    QCOMPARE(most.load(), 2);
}

void TestCoreShare::noTurnsWithoutBatchTurns() {
    BatchTurns::Turn none(nullptr); // a run outside an experiment: nothing to wait for
    BatchTurns turns(1);
    { BatchTurns::Turn first(&turns); }
    { BatchTurns::Turn second(&turns); } // the first was given back
    QCOMPARE(turns.waiting(), 0);
}

void TestCoreShare::aHolderKeepsItsTurnForASlice() {
    BatchTurns turns(1);
    BatchTurns::Holder first, second;
    first.take(&turns);
    QVERIFY(first.holding());
    first.take(&turns); // the next batch, within the slice: still its turn, no queueing
    QCOMPARE(turns.waiting(), 0);
    std::thread other([&] { second.take(&turns); }); // waits for the first's slice to end
    waitUntil([&] { return turns.waiting() == 1; });
    std::this_thread::sleep_for(BatchTurns::Holder::kSlice);
    std::thread next([&] { first.take(&turns); }); // slice over: gives back, queues behind the other
    other.join();
    QVERIFY(second.holding());
    waitUntil([&] { return turns.waiting() == 1; });
    second.giveBack();
    next.join();
    QVERIFY(first.holding());
    first.take(nullptr); // the experiment stopped sharing: nothing held
    QVERIFY(!first.holding());
    QCOMPARE(turns.waiting(), 0);
}

QTEST_GUILESS_MAIN(TestCoreShare)
#include "tst_core_share.moc"
