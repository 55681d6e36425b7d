#pragma once
// Turns at the cores for the batches of several runs that train at once: at most `capacity` runs
// compute at the same time, and turns are granted in the order they were asked for, so every run
// advances in step with the others, a slice of batches at a time. Seven runs on two cores then take turns two
// at a time instead of seven threads being time-sliced by the OS mid-batch (which costs each of
// them its caches) — and the GUI thread finds a core free sooner.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>

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

    // A run's hold on its turn, kept for a slice of batches so a core keeps one model's weights in
    // its caches (a turn per batch would cycle seven models through two cores' caches). Given back
    // when the slice is over, when the run has to wait (paused) and when it ends.
    class Holder {
    public:
        static constexpr std::chrono::milliseconds kSlice{50};

        // Before a batch: keeps the turn held from `turns` while its slice lasts; else gives it
        // back and queues for the next. Null turns: gives back what it holds, takes nothing.
        void take(BatchTurns* turns);
        void giveBack();
        bool holding() const { return m_turn.has_value(); }

    private:
        std::optional<Turn> m_turn;
        BatchTurns* m_from = nullptr;
        std::chrono::steady_clock::time_point m_since;
    };

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
