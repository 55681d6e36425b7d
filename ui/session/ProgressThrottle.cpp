#include "ui/session/ProgressThrottle.h"

namespace attnlab::ui {

ProgressThrottle::ProgressThrottle() {
    m_sinceProgress.start();
    m_sinceSnapshot.start();
}

bool ProgressThrottle::add(const StepProgress& step, bool paused) {
    m_chunk.steps.push_back(step.step);
    m_chunk.losses.push_back(step.loss);
    m_chunk.latest = step;
    return paused || step.step == step.totalSteps || m_sinceProgress.elapsed() >= kProgressIntervalMs;
}

ProgressChunk ProgressThrottle::take() {
    ProgressChunk chunk = std::move(m_chunk);
    m_chunk = {};
    m_sinceProgress.restart();
    return chunk;
}

ModelSnapshot ProgressThrottle::snapshot(const Seq2Seq<float>& model) {
    auto copy = std::make_shared<Seq2Seq<float>>(model.config());
    copy->copyValuesFrom(model);
    m_sinceSnapshot.restart();
    return copy;
}

} // namespace attnlab::ui
