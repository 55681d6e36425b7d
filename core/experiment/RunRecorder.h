#pragma once
// Passes a run's events on to another observer and keeps them in a RunRecord: every step's loss,
// every epoch's report, and the time validation took (to tell training speed from wall time).
#include "core/experiment/RunRecord.h"

#include <chrono>

namespace attnlab {

class RunRecorder : public TrainingObserver {
public:
    RunRecorder(RunRecord& record, TrainingObserver& next) : m_record(record), m_next(next) {}

    void onStep(const StepProgress& p) override;
    void onEpoch(const EpochReport& r) override;
    void onAttention(const AttentionSnapshot& s) override { m_next.onAttention(s); }
    void onMessage(const std::string& m) override { m_next.onMessage(m); }
    void onWarning(const std::string& m) override { m_next.onWarning(m); }
    void onHint(const HealthHint& h) override { m_next.onHint(h); }

    double validationSeconds() const { return m_validationSeconds; }

private:
    using Clock = std::chrono::steady_clock;
    RunRecord& m_record;
    TrainingObserver& m_next;
    Clock::time_point m_lastStep = Clock::now();
    double m_validationSeconds = 0.0;
};

} // namespace attnlab
