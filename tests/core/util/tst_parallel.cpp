// Parallelism::forEach, the one place core shares work between threads (oneTBB, or plain threads
// under ThreadSanitizer): every task runs exactly once whatever the thread count, results do not
// depend on it, an exception in a task reaches the caller, and pools nest (compare mode runs one
// trainer per task, each with a pool of its own). `make tsan` runs it with 1, 2 and 4 threads.
#include "core/util/Parallel.h"

#include <QtTest>

#include <atomic>
#include <stdexcept>
#include <vector>

using namespace attnlab;

class TestParallel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyTaskOnce_data();
    void everyTaskOnce();
    void exceptionReachesTheCaller_data();
    void exceptionReachesTheCaller();
    void poolsNest();
};

void TestParallel::everyTaskOnce_data() {
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("count");
    for (int threads : {1, 2, 4})
        for (int count : {0, 1, 3, 100})
            QTest::addRow("%d threads, %d tasks", threads, count) << threads << count;
}

void TestParallel::everyTaskOnce() {
    QFETCH(int, threads);
    QFETCH(int, count);
    Parallelism parallel(threads);
    QCOMPARE(parallel.threads(), threads);
    std::vector<std::atomic<int>> runs(static_cast<size_t>(count));
    std::vector<double> results(static_cast<size_t>(count), 0.0); // task i writes slot i alone
    for (int repeat = 0; repeat < 20; ++repeat)
        parallel.forEach(count, [&](int i) {
            ++runs[static_cast<size_t>(i)];
            results[static_cast<size_t>(i)] += 0.5 * i;
        });
    for (int i = 0; i < count; ++i) {
        QCOMPARE(runs[static_cast<size_t>(i)].load(), 20);
        QCOMPARE(results[static_cast<size_t>(i)], 10.0 * i);
    }
}

void TestParallel::exceptionReachesTheCaller_data() {
    QTest::addColumn<int>("threads");
    for (int threads : {1, 2, 4}) QTest::addRow("%d threads", threads) << threads;
}

void TestParallel::exceptionReachesTheCaller() {
    QFETCH(int, threads);
    Parallelism parallel(threads);
    std::atomic<int> started{0};
    try {
        parallel.forEach(64, [&](int i) {
            ++started;
            if (i == 5) throw std::invalid_argument("task 5 failed");
        });
        QFAIL("the task's exception must reach the caller");
    } catch (const std::invalid_argument& e) {
        QCOMPARE(QString(e.what()), QString("task 5 failed"));
    }
    QVERIFY(started >= 6);
    // The pool is still usable afterwards.
    std::atomic<int> done{0};
    parallel.forEach(10, [&](int) { ++done; });
    QCOMPARE(done.load(), 10);
}

void TestParallel::poolsNest() {
    Parallelism outer(2);
    std::vector<long long> sums(4, 0);
    outer.forEach(4, [&](int run) {
        Parallelism inner(2);
        std::vector<long long> parts(8, 0);
        inner.forEach(8, [&](int i) { parts[static_cast<size_t>(i)] = (run + 1) * i; });
        for (long long part : parts) sums[static_cast<size_t>(run)] += part;
    });
    for (int run = 0; run < 4; ++run) QCOMPARE(sums[static_cast<size_t>(run)], 28LL * (run + 1));
}

QTEST_APPLESS_MAIN(TestParallel)
#include "tst_parallel.moc"
