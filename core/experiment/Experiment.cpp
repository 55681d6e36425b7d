#include "core/experiment/Experiment.h"

#include "core/util/Parallel.h"

#include <algorithm>
#include <stdexcept>
#include <thread>

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
                       const std::vector<TrainingControl*>& controls, Schedule schedule,
                       const std::function<void(int)>& ended) {
    if (static_cast<int>(controls.size()) != size())
        throw std::invalid_argument("Experiment::train needs one control per run");
    const auto trainOne = [&](int i) {
        Run& r = run(i);
        try {
            r.train(observerFor(i), *controls[static_cast<size_t>(i)]);
        } catch (const std::exception& e) {
            r.recordFailure(e.what()); // one failed run does not take the others down
        }
        if (ended) ended(i);
    };
    if (schedule == Schedule::InTurn) {
        Parallelism(plan(threads).concurrent).forEach(size(), trainOne);
        return;
    }
    // Together: plain threads, so every run starts now however few cores there are.
    const int total = threads > 0 ? threads : Parallelism::hardwareThreads();
    for (auto& r : m_runs) {
        TrainingSettings settings = r->settings();
        settings.threads = std::max(1, total / std::max(1, size()));
        if (settings.threads != r->settings().threads) r->setSettings(settings);
    }
    std::vector<std::thread> workers;
    for (int i = 0; i < size(); ++i) workers.emplace_back(trainOne, i);
    for (std::thread& worker : workers) worker.join();
}

} // namespace attnlab
