#pragma once
// The one place AttnLab's parallelism is declared. oneTBB stays inside Parallel.cpp: its headers
// clash with Qt's `emit` macro, so no header that ui/ includes may pull them in.
#include <functional>

namespace attnlab {

// A bounded pool of worker threads (a oneTBB task_arena). Work is split into a fixed number of
// tasks chosen by the caller, never by the thread count, so results are identical for any count.
class Parallelism {
public:
    // threads <= 0 means "all hardware threads".
    explicit Parallelism(int threads = 0);
    ~Parallelism();
    Parallelism(const Parallelism&) = delete;
    Parallelism& operator=(const Parallelism&) = delete;

    int threads() const { return m_threads; }

    // Runs task(i) for i in [0, count); returns when all have finished. Exceptions propagate.
    void forEach(int count, const std::function<void(int)>& task);

    static int hardwareThreads();
    // One pool of all hardware threads, made on first use, for the work outside a training run's
    // own pool: a decoding step's big products, a model file's copies. Safe from any thread.
    static Parallelism& shared();

private:
    int m_threads;
    struct Arena;
    Arena* m_arena;
};

} // namespace attnlab
