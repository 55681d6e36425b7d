#include "core/experiment/Experiment.h"

#include "core/experiment/CoreShare.h"
#include "core/util/Parallel.h"

#include <algorithm>
#include <atomic>
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
    CoreShare share(threads, controls);
    const auto trainOne = [&](int i) {
        Run& r = run(i);
        share.begin(i);
        try {
            r.train(observerFor(i), *controls[static_cast<size_t>(i)]);
        } catch (const std::exception& e) {
            r.recordFailure(e.what()); // one failed run does not take the others down
        }
        share.end(i);
        if (ended) ended(i);
    };
    // InTurn: as many workers as runs train at once, each taking the next run when its own ends.
    // Together: a thread per run, so every run starts now however few cores there are.
    const int workers = schedule == Schedule::InTurn ? plan(threads).concurrent : size();
    std::atomic<int> next{0};
    std::vector<std::thread> pool;
    for (int w = 0; w < workers; ++w)
        pool.emplace_back([&] {
            for (int i = next++; i < size(); i = next++) trainOne(i);
        });
    for (std::thread& worker : pool) worker.join();
}

} // namespace attnlab
