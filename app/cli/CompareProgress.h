#pragma once
// The terminal face of several runs training at once: one combined progress line on stderr
// ("general 45%  dot 30%  ...  ETA"), an epoch line per run tagged with its name, and messages
// tagged the same way. Each run's observer is called on that run's thread; one mutex serialises
// all output.
#include "app/cli/ProgressLine.h"
#include "core/train/TrainingEvents.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

namespace attnlab::cli {

class CompareProgress {
public:
    struct Run {
        std::string name;
        long long plannedSteps = 0;
        int plannedEpochs = 0; // 0: a step budget decides
        int validationPairs = 0;
    };

    CompareProgress(std::ostream& report, ProgressLine& line, std::vector<Run> runs);
    ~CompareProgress();

    // The observer to hand to run `index`'s trainer.
    TrainingObserver& observer(int index);

private:
    class RunObserver;
    void step(int index, const StepProgress& progress);
    void epoch(int index, const EpochReport& report);
    void message(int index, const std::string& text);
    std::string tag(int index) const;

    std::ostream& m_report;
    ProgressLine& m_line;
    std::vector<Run> m_runs;
    std::vector<long long> m_done; // steps per run; guarded by m_mutex
    std::vector<std::unique_ptr<RunObserver>> m_observers;
    std::chrono::steady_clock::time_point m_start;
    std::mutex m_mutex;
};

} // namespace attnlab::cli
