#include "core/experiment/RunRecorder.h"

namespace attnlab {

void RunRecorder::onStep(const StepProgress& p) {
    m_lastStep = Clock::now();
    m_record.stepLosses.push_back(static_cast<float>(p.loss));
    m_next.onStep(p);
}

void RunRecorder::onEpoch(const EpochReport& r) {
    // The epoch's validation ran between its last step and this report.
    m_validationSeconds += std::chrono::duration<double>(Clock::now() - m_lastStep).count();
    m_record.history.push_back(r);
    m_next.onEpoch(r);
}

} // namespace attnlab
