#include "core/experiment/CoreShare.h"

#include "core/util/Parallel.h"

#include <algorithm>

namespace attnlab {

CoreShare::CoreShare(int threads, std::vector<TrainingControl*> controls)
    : m_total(threads > 0 ? threads : Parallelism::hardwareThreads()), m_controls(std::move(controls)),
      m_turns(m_total) {}

void CoreShare::begin(int run) {
    std::lock_guard lock(m_mutex);
    m_active.push_back(run);
    shareOut();
}

void CoreShare::end(int run) {
    std::lock_guard lock(m_mutex);
    m_active.erase(std::remove(m_active.begin(), m_active.end(), run), m_active.end());
    m_controls[static_cast<size_t>(run)]->setThreads(0);
    m_controls[static_cast<size_t>(run)]->setTurns(nullptr);
    shareOut();
}

void CoreShare::shareOut() {
    const int active = static_cast<int>(m_active.size());
    if (active == 0) return;
    const int each = m_total / active;
    const int extra = m_total % active;
    BatchTurns* turns = active > m_total ? &m_turns : nullptr;
    for (int i = 0; i < active; ++i)
        m_controls[static_cast<size_t>(m_active[static_cast<size_t>(i)])]->setThreads(
            std::max(1, each + (i < extra ? 1 : 0)));
    for (int run : m_active) m_controls[static_cast<size_t>(run)]->setTurns(turns);
}

} // namespace attnlab
