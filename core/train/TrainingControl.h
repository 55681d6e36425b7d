#pragma once
// Pause, resume, single-step and stop for a training run on another thread. Every request is
// an atomic or guarded by the mutex; the trainer checks between batches, so a request takes
// effect within one batch.
#include <atomic>
#include <condition_variable>
#include <mutex>

namespace attnlab {

class TrainingControl {
public:
    void requestStop();
    void pause();
    void resume();
    // While paused: run exactly one more batch, then stay paused.
    void step();

    bool stopRequested() const { return m_stop.load(); }
    bool paused() const { return m_paused.load(); }

    // Trainer side, between batches: returns false when the run must stop. Blocks while paused
    // until resume, step or stop.
    bool awaitPermission();

private:
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_paused{false};
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_stepsAllowed = 0; // guarded by m_mutex
};

} // namespace attnlab
