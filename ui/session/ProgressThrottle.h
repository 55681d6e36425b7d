#pragma once
// How a training thread's steps reach the GUI thread without flooding it, for the single run's
// worker and each run of a comparison alike: the steps gather in a chunk that leaves at most every
// 100 ms (at once when paused, so a single step shows, and at the last step), and a copy of the
// weights for inference at most every second. Used on the training thread only.
#include "ui/session/TrainingSnapshots.h"

#include <QElapsedTimer>

namespace attnlab::ui {

class ProgressThrottle {
public:
    static constexpr qint64 kProgressIntervalMs = 100;
    static constexpr qint64 kSnapshotIntervalMs = 1000;

    ProgressThrottle();

    // Adds a step to the chunk; true when the chunk should leave now.
    bool add(const StepProgress& step, bool paused);
    bool hasSteps() const { return !m_chunk.steps.empty(); }
    // The steps gathered since the last take (and the clock restarts).
    ProgressChunk take();

    bool snapshotDue(bool paused) const { return paused || m_sinceSnapshot.elapsed() >= kSnapshotIntervalMs; }
    // A copy of `model`'s weights the GUI thread may decode with (and the clock restarts).
    ModelSnapshot snapshot(const Seq2Seq<float>& model);

private:
    ProgressChunk m_chunk;
    QElapsedTimer m_sinceProgress;
    QElapsedTimer m_sinceSnapshot;
};

} // namespace attnlab::ui
