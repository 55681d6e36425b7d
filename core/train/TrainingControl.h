#pragma once
// Pause, resume, single-step and stop for a training run on another thread. Every request is
// an atomic or guarded by the mutex; the trainer checks between batches, so a request takes
// effect within one batch.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace attnlab {

class BatchTurns;

class TrainingControl {
public:
    void requestStop();
    void pause();
    void resume();
    // While paused: run exactly one more batch, then stay paused.
    void step();

    bool stopRequested() const { return m_stop.load(); }
    bool paused() const { return m_paused.load(); }

    // Threads the trainer uses from its next batch on; 0 (the default) keeps its settings' count.
    // An experiment hands the cores of a run that has ended to the runs still training; results
    // do not depend on the count.
    void setThreads(int threads) { m_threads = threads; }
    int threads() const { return m_threads.load(); }
    // Turns the trainer takes for each batch's computation (null, the default: none). An
    // experiment with more runs training than cores makes them take turns (BatchTurns).
    void setTurns(BatchTurns* turns) { m_turns = turns; }
    BatchTurns* turns() const { return m_turns.load(); }

    // Trainer side, between batches: returns false when the run must stop. Blocks while paused
    // until resume, step or stop.
    bool awaitPermission();
    // The same; beforeWaiting runs first when it has to block (a paused run gives back what it
    // holds that others need, such as its turn at the shared cores).
    bool awaitPermission(const std::function<void()>& beforeWaiting);

private:
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_paused{false};
    std::atomic<int> m_threads{0};
    std::atomic<BatchTurns*> m_turns{nullptr};
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_stepsAllowed = 0; // guarded by m_mutex
};

} // namespace attnlab
