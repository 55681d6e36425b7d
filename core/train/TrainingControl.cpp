#include "core/train/TrainingControl.h"

namespace attnlab {

void TrainingControl::requestStop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
}

void TrainingControl::pause() {
    std::lock_guard lock(m_mutex);
    m_paused = true;
    m_stepsAllowed = 0;
}

void TrainingControl::resume() {
    {
        std::lock_guard lock(m_mutex);
        m_paused = false;
    }
    m_changed.notify_all();
}

void TrainingControl::step() {
    {
        std::lock_guard lock(m_mutex);
        m_paused = true;
        ++m_stepsAllowed;
    }
    m_changed.notify_all();
}

bool TrainingControl::awaitPermission() {
    return awaitPermission({});
}

bool TrainingControl::awaitPermission(const std::function<void()>& beforeWaiting) {
    std::unique_lock lock(m_mutex);
    const auto mayGo = [this] { return m_stop || !m_paused || m_stepsAllowed > 0; };
    if (!mayGo() && beforeWaiting) beforeWaiting();
    m_changed.wait(lock, mayGo);
    if (m_stop) return false;
    if (m_paused) --m_stepsAllowed;
    return true;
}

} // namespace attnlab
