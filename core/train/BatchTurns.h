#pragma once
// Turns at the cores for the batches of several runs that train at once: at most `capacity` batches
// compute at the same time, and turns are granted in the order they were asked for, so every run
// advances batch by batch in step with the others. Seven runs on two cores then take turns two
// at a time instead of seven threads being time-sliced by the OS mid-batch (which costs each of
// them its caches) — and the GUI thread finds a core free sooner.
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace attnlab {

class BatchTurns {
public:
    explicit BatchTurns(int capacity) : m_capacity(capacity < 1 ? 1 : capacity) {}

    // Holds one turn for its lifetime; a null BatchTurns means no turns to take.
    class Turn {
    public:
        explicit Turn(BatchTurns* turns);
        ~Turn();
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;

    private:
        BatchTurns* m_turns;
    };

    // Requests waiting for a turn (for tests).
    int waiting();

private:
    void acquire();
    void release();

    const int m_capacity; // turns that may be held at once
    std::mutex m_mutex;
    std::condition_variable m_freed;
    int m_busy = 0;                 // guarded by m_mutex: turns held
    std::uint64_t m_nextTicket = 0; // guarded by m_mutex: the ticket the next request gets
    std::uint64_t m_serving = 0;    // guarded by m_mutex: the oldest ticket not yet granted
};

} // namespace attnlab
