#pragma once
// Several runs over one prepared dataset, trained together: as many at once as there are threads
// (up to the number of runs), each with an equal share of them, re-shared as runs end. Each run's result is
// what it would be alone: the trainer is deterministic per seed whatever its thread count, and runs with the
// same seed start equal in every parameter they share by name and shape (InitSeed).
#include "core/experiment/Run.h"

#include <functional>
#include <memory>
#include <vector>

namespace attnlab {

// How threads are shared between runs.
struct ThreadPlan {
    int concurrent = 1; // runs training at once
    int perRun = 1;     // threads of each
};
// threads <= 0 means every hardware thread.
ThreadPlan planThreads(int threads, int runs);

// How runs take turns when there are more runs than threads.
enum class Schedule {
    // As many runs at once as there are threads; the others wait their turn (fastest overall).
    InTurn,
    // Every run at once, each on its own thread, the threads shared out by the OS: all curves
    // grow together, which is what a person watching the window wants to see.
    Together,
};

class Experiment {
public:
    explicit Experiment(std::shared_ptr<const PreparedData> data) : m_data(std::move(data)) {}

    const PreparedData& data() const { return *m_data; }

    // Builds and initialises the run's model. Throws std::invalid_argument naming the run and the
    // bad field; run names must be unique.
    Run& add(RunSpec spec);
    int size() const { return static_cast<int>(m_runs.size()); }
    Run& run(int index) { return *m_runs.at(static_cast<size_t>(index)); }
    const Run& run(int index) const { return *m_runs.at(static_cast<size_t>(index)); }

    // Shares `threads` between the runs (see planThreads) and sets each run's thread count.
    ThreadPlan plan(int threads);
    // The plan last made by plan() or train(); one run on one thread before either.
    const ThreadPlan& lastPlan() const { return m_plan; }

    // Trains every run as plan(threads) says (Schedule::Together: every run at once). The threads
    // are shared between the runs training at each moment (CoreShare): when a run ends, its cores
    // go to the others. Run i's events reach observerFor(i) on the thread
    // training it, and it obeys controls[i] (stop one run, or all). A run that throws is recorded
    // as failed with its message; the others go on. ended(i), when given, is called on run i's
    // thread as soon as it has ended (its record complete). Returns when every run has ended.
    void train(int threads, const std::function<TrainingObserver&(int)>& observerFor,
               const std::vector<TrainingControl*>& controls, Schedule schedule = Schedule::InTurn,
               const std::function<void(int)>& ended = {});

private:
    std::shared_ptr<const PreparedData> m_data;
    std::vector<std::unique_ptr<Run>> m_runs;
    ThreadPlan m_plan;
};

} // namespace attnlab
