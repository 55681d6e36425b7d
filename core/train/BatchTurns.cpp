#include "core/train/BatchTurns.h"

namespace attnlab {

BatchTurns::Turn::Turn(BatchTurns* turns) : m_turns(turns) {
    if (m_turns) m_turns->acquire();
}

BatchTurns::Turn::~Turn() {
    if (m_turns) m_turns->release();
}

void BatchTurns::Holder::take(BatchTurns* turns) {
    const auto now = std::chrono::steady_clock::now();
    if (m_turn && (turns != m_from || now - m_since >= kSlice)) giveBack();
    if (m_turn || !turns) return;
    m_turn.emplace(turns);
    m_from = turns;
    m_since = std::chrono::steady_clock::now(); // the slice starts once the turn is granted
}

void BatchTurns::Holder::giveBack() {
    m_turn.reset();
    m_from = nullptr;
}

void BatchTurns::acquire() {
    std::unique_lock lock(m_mutex);
    const std::uint64_t ticket = m_nextTicket++;
    m_freed.wait(lock, [&] { return ticket == m_serving && m_busy < m_capacity; });
    ++m_serving;
    ++m_busy;
    lock.unlock();
    m_freed.notify_all(); // the next ticket may fit in another free slot
}

int BatchTurns::waiting() {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_nextTicket - m_serving);
}

void BatchTurns::release() {
    {
        std::lock_guard lock(m_mutex);
        --m_busy;
    }
    m_freed.notify_all();
}

} // namespace attnlab
