#include "core/util/Parallel.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace attnlab {

struct Parallelism::Arena {
    explicit Arena(int threads) : arena(threads) {}
    tbb::task_arena arena;
};

Parallelism::Parallelism(int threads)
    : m_threads(threads > 0 ? threads : hardwareThreads()), m_arena(new Arena(m_threads)) {}

Parallelism::~Parallelism() {
    delete m_arena;
}

Parallelism& Parallelism::shared() {
    static Parallelism pool; // all hardware threads
    return pool;
}

int Parallelism::hardwareThreads() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

void Parallelism::forEach(int count, const std::function<void(int)>& task) {
    if (count <= 0) return;
    if (count == 1 || m_threads == 1) {
        for (int i = 0; i < count; ++i) task(i);
        return;
    }
#if defined(__SANITIZE_THREAD__)
    // ThreadSanitizer cannot see the synchronisation inside the (uninstrumented) oneTBB library
    // and would report its task hand-offs as races: its builds share the work out over plain
    // threads instead, whose start and join it does see.
    // An exception ends its thread's share and is rethrown here, as oneTBB does (an exception
    // leaving a std::thread would terminate the program instead).
    std::atomic<int> next{0};
    std::mutex failureMutex;
    std::exception_ptr failure;
    std::vector<std::thread> workers;
    for (int w = 0; w < std::min(m_threads, count); ++w)
        workers.emplace_back([&] {
            try {
                for (int i = next++; i < count; i = next++) task(i);
            } catch (...) {
                std::lock_guard lock(failureMutex);
                if (!failure) failure = std::current_exception();
                next = count; // the others stop at their next task
            }
        });
    for (std::thread& worker : workers) worker.join();
    if (failure) std::rethrow_exception(failure);
    return;
#endif
    m_arena->arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<int>(0, count, 1), [&](const tbb::blocked_range<int>& r) {
            for (int i = r.begin(); i < r.end(); ++i) task(i);
        });
    });
}

} // namespace attnlab
