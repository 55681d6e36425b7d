#include "app/cli/InterruptGuard.h"

#include <chrono>
#include <csignal>
#include <iostream>

namespace attnlab::cli {

namespace {
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "a signal handler may only touch lock-free atomics");
struct sigaction g_previous {};

void onInterrupt(int) {
    g_interrupted.store(true);
}
} // namespace

InterruptGuard::InterruptGuard(std::vector<TrainingControl*> controls) : m_controls(std::move(controls)) {
    g_interrupted.store(false);
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND; // the second Ctrl-C meets the default action: the program ends
    sigaction(SIGINT, &action, &g_previous);
    m_watcher = std::thread([this] { watch(); });
}

InterruptGuard::~InterruptGuard() {
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
    }
    m_wake.notify_all();
    m_watcher.join();
    sigaction(SIGINT, &g_previous, nullptr);
}

void InterruptGuard::watch() {
    std::unique_lock lock(m_mutex);
    // Polling is the price of an async-signal-safe handler; 50 ms is well below one batch.
    while (!m_wake.wait_for(lock, std::chrono::milliseconds(50), [this] { return m_done; })) {
        if (!g_interrupted.load()) continue;
        std::cerr << "\nInterrupted: stopping after the current batch (Ctrl-C again to quit at once)."
                  << std::endl;
        for (TrainingControl* control : m_controls) control->requestStop();
        m_wake.wait(lock, [this] { return m_done; });
        return;
    }
}

} // namespace attnlab::cli
