#pragma once
// The training loop, plain C++: run(observer, control) trains a model on prepared data,
// reports every step and epoch through the observer, and obeys pause / single-step / stop
// between batches. A NaN or infinite loss stops the run and restores the last good weights.
#include "core/data/Dataset.h"
#include "core/data/TrainingData.h"
#include "core/nn/Seq2Seq.h"
#include "core/train/HealthHistory.h"
#include "core/train/TrainingControl.h"
#include "core/train/TrainingEvents.h"
#include "core/train/TrainingSettings.h"

namespace attnlab {

class Trainer {
public:
    // dataset (optional) supplies the gold alignments of validation pairs. All three must
    // outlive run().
    Trainer(Seq2Seq<float>& model, const TrainingData& data, TrainingSettings settings,
            const Dataset* dataset = nullptr);

    TrainingResult run(TrainingObserver& observer, TrainingControl& control);

    // Total steps the run will take (epochs x batches, or the step budget).
    long long plannedSteps() const;

private:
    const Alignment* validationGold(int pairIndex) const;
    AttentionSnapshot snapshot(int pairIndex, long long step) const;
    void reportSnapshots(TrainingObserver& observer, long long step) const;

    Seq2Seq<float>& m_model;
    const TrainingData& m_data;
    TrainingSettings m_settings;
    const Dataset* m_dataset;
    std::vector<Alignment> m_validationGold; // by validation pair; empty without gold
    SourceLengthSummary m_validationSources; // for the health hints
};

} // namespace attnlab
