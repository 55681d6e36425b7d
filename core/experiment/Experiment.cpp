#include "core/experiment/Experiment.h"

#include "core/util/Parallel.h"

#include <algorithm>
#include <stdexcept>

namespace attnlab {

ThreadPlan planThreads(int threads, int runs) {
    const int total = threads > 0 ? threads : Parallelism::hardwareThreads();
    ThreadPlan plan;
    plan.concurrent = std::max(1, std::min(total, runs));
    plan.perRun = std::max(1, total / plan.concurrent);
    return plan;
}

Run& Experiment::add(RunSpec spec) {
    for (const auto& run : m_runs)
        if (run->name() == spec.name) throw std::invalid_argument("two runs are called " + spec.name);
    const std::string name = spec.name;
    try {
        m_runs.push_back(std::make_unique<Run>(m_data, std::move(spec)));
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(name + ": " + e.what());
    }
    return *m_runs.back();
}

ThreadPlan Experiment::plan(int threads) {
    const ThreadPlan plan = planThreads(threads, size());
    m_plan = plan;
    for (auto& run : m_runs) {
        if (run->settings().threads == plan.perRun) continue;
        TrainingSettings settings = run->settings();
        settings.threads = plan.perRun;
        run->setSettings(settings);
    }
    return plan;
}

void Experiment::train(int threads, const std::function<TrainingObserver&(int)>& observerFor,
                       const std::vector<TrainingControl*>& controls) {
    if (static_cast<int>(controls.size()) != size())
        throw std::invalid_argument("Experiment::train needs one control per run");
    const ThreadPlan threadPlan = plan(threads);
    Parallelism(threadPlan.concurrent).forEach(size(), [&](int i) {
        Run& r = run(i);
        try {
            r.train(observerFor(i), *controls[static_cast<size_t>(i)]);
        } catch (const std::exception& e) {
            r.recordFailure(e.what()); // one failed run does not take the others down
        }
    });
}

} // namespace attnlab
