#pragma once
// Ctrl-C during training: the first SIGINT asks every given run to stop after its current batch
// (so the model trained so far can be saved); a second one kills the program as usual.
//
// The signal handler only sets a lock-free atomic flag (all a handler may safely do); a watcher
// thread turns the flag into TrainingControl::requestStop(), which takes a mutex.
#include "core/train/TrainingControl.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace attnlab::cli {

class InterruptGuard {
public:
    explicit InterruptGuard(std::vector<TrainingControl*> controls);
    ~InterruptGuard(); // restores the previous SIGINT handling
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    void watch();

    std::vector<TrainingControl*> m_controls;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false; // guarded by m_mutex
    std::thread m_watcher;
};

} // namespace attnlab::cli
