#pragma once
// Shares an experiment's threads between the runs training at that moment: each of the `a`
// active runs gets total / a of them (the earliest total % a runs one more), at least one. A
// run's share reaches its trainer through its TrainingControl, from the trainer's next batch on,
// so the cores of a run that has ended go to the runs still training. Results do not depend on
// the shares (the trainer is deterministic whatever its thread count). While more runs train
// than there are threads, each has one and they take turns at the cores batch by batch.
#include "core/train/BatchTurns.h"
#include "core/train/TrainingControl.h"

#include <mutex>
#include <vector>

namespace attnlab {

class CoreShare {
public:
    // threads <= 0 means every hardware thread. controls: one per run.
    CoreShare(int threads, std::vector<TrainingControl*> controls);

    int total() const { return m_total; }
    void begin(int run);
    // Gives the run's control back its own thread count (0) and shares the cores out again.
    void end(int run);

private:
    void shareOut(); // under m_mutex

    int m_total;
    std::vector<TrainingControl*> m_controls;
    std::mutex m_mutex;
    BatchTurns m_turns;
    std::vector<int> m_active; // guarded by m_mutex: runs training, in the order they began
};

} // namespace attnlab
