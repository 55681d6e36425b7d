#include "app/cli/CompareProgress.h"

#include "app/cli/Format.h"
#include "app/cli/ProgressPrinter.h"

#include <algorithm>
#include <iostream>

namespace attnlab::cli {

class CompareProgress::RunObserver : public TrainingObserver {
public:
    RunObserver(CompareProgress& owner, int index) : m_owner(owner), m_index(index) {}
    void onStep(const StepProgress& p) override { m_owner.step(m_index, p); }
    void onEpoch(const EpochReport& r) override { m_owner.epoch(m_index, r); }
    void onMessage(const std::string& m) override { m_owner.message(m_index, m); }
    void onHint(const HealthHint& h) override { m_owner.message(m_index, hintLine(h)); }

private:
    CompareProgress& m_owner;
    int m_index;
};

CompareProgress::CompareProgress(std::ostream& report, ProgressLine& line, std::vector<Run> runs)
    : m_report(report), m_line(line), m_runs(std::move(runs)), m_done(m_runs.size(), 0),
      m_start(std::chrono::steady_clock::now()) {
    for (int i = 0; i < static_cast<int>(m_runs.size()); ++i)
        m_observers.push_back(std::make_unique<RunObserver>(*this, i));
}

CompareProgress::~CompareProgress() = default;

TrainingObserver& CompareProgress::observer(int index) {
    return *m_observers.at(static_cast<size_t>(index));
}

std::string CompareProgress::tag(int index) const {
    size_t width = 0;
    for (const Run& run : m_runs) width = std::max(width, run.name.size());
    std::string tag = "[";
    tag += padRight(m_runs[static_cast<size_t>(index)].name + "]", static_cast<int>(width) + 1);
    return tag;
}

void CompareProgress::step(int index, const StepProgress& p) {
    std::lock_guard lock(m_mutex);
    m_done[static_cast<size_t>(index)] = p.step;
    long long done = 0, planned = 0;
    std::string text;
    for (size_t i = 0; i < m_runs.size(); ++i) {
        done += m_done[i];
        planned += m_runs[i].plannedSteps;
        const double fraction = m_runs[i].plannedSteps > 0 ? double(m_done[i]) / m_runs[i].plannedSteps : 0.0;
        text += m_runs[i].name + " " + std::to_string(static_cast<int>(100 * fraction)) + "%  ";
    }
    const double fraction = planned > 0 ? double(done) / planned : 0.0;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    if (fraction > 0) text += "ETA " + duration(elapsed * (1 - fraction) / fraction);
    m_line.update(fraction, text);
}

void CompareProgress::epoch(int index, const EpochReport& r) {
    std::lock_guard lock(m_mutex);
    m_line.clear();
    m_report << tag(index) << " " << epochLabel(r.epoch, m_runs[static_cast<size_t>(index)].plannedEpochs)
             << "  " << epochSummary(r, m_runs[static_cast<size_t>(index)].validationPairs) << std::endl;
}

void CompareProgress::message(int index, const std::string& text) {
    std::lock_guard lock(m_mutex);
    m_line.clear();
    std::cerr << tag(index) << " " << text << std::endl;
}

} // namespace attnlab::cli
