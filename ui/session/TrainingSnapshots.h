#pragma once
// The values that cross from the training thread to the GUI thread, over queued connections.
// All copyable; registered with Qt's meta-type system by registerTrainingMetaTypes().
#include "core/data/TrainingData.h"
#include "core/nn/Seq2Seq.h"
#include "core/train/AttentionRecorder.h"
#include "core/train/HealthHint.h"
#include "core/train/TrainingEvents.h"

#include <QMetaType>

#include <memory>
#include <vector>

namespace attnlab::ui {

// The steps since the last update (≤ every 100 ms): every loss, so the plot misses none.
struct ProgressChunk {
    std::vector<long long> steps;
    std::vector<double> losses;
    StepProgress latest;
};

using ModelSnapshot = std::shared_ptr<const Seq2Seq<float>>;

void registerTrainingMetaTypes();

} // namespace attnlab::ui

Q_DECLARE_METATYPE(attnlab::ui::ProgressChunk)
Q_DECLARE_METATYPE(attnlab::ui::ModelSnapshot)
Q_DECLARE_METATYPE(attnlab::EpochReport)
Q_DECLARE_METATYPE(attnlab::AttentionSnapshot)
Q_DECLARE_METATYPE(attnlab::TrainingResult)
Q_DECLARE_METATYPE(attnlab::HealthHint)
Q_DECLARE_METATYPE(std::vector<attnlab::TrackFrame>)
Q_DECLARE_METATYPE(std::shared_ptr<const attnlab::TrainingData>)
