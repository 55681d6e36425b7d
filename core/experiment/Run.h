#pragma once
// One model's training: the model built and initialised from a configuration (or a model trained
// before, continued), the core Trainer on the experiment's prepared data, and a record of what
// happened. attnlab-cli's train and compare, attnlab-bench and the window all train through it.
#include "core/experiment/PreparedData.h"
#include "core/experiment/RunRecord.h"
#include "core/experiment/RunSpec.h"
#include "core/train/ModelFile.h"
#include "core/train/TrainingControl.h"

#include <memory>
#include <string>

namespace attnlab {

class Trainer;

class Run {
public:
    // A new model from spec.config, sized to the data's vocabularies and longest source and
    // initialised with spec.settings.seed. Throws std::invalid_argument naming the bad field.
    Run(std::shared_ptr<const PreparedData> data, RunSpec spec);
    // Trains `bundle`'s model, building it first from bundle->config when it has none; a model it
    // has already must have been trained with the data's vocabularies (see prepareDataFor). The
    // bundle is shared with the caller, who must not touch it while train() runs.
    Run(std::shared_ptr<const PreparedData> data, std::shared_ptr<ModelBundle> bundle,
        TrainingSettings settings, std::string name);
    ~Run();
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    const std::string& name() const { return m_name; }
    const PreparedData& data() const { return *m_data; }
    ModelBundle& bundle() { return *m_bundle; }
    const ModelBundle& bundle() const { return *m_bundle; }
    const std::shared_ptr<ModelBundle>& sharedBundle() const { return m_bundle; }
    const TrainingSettings& settings() const { return m_bundle->training; }
    long long parameterCount() const;
    long long plannedSteps() const; // epochs x batches, or the step budget
    int batchesPerEpoch() const;
    int plannedEpochs() const; // epochs the plan covers (a step budget may end one part-way)

    // Other settings for the next train() (a continued model, the bench's timed trials); the
    // architecture stays. Throws std::invalid_argument for invalid settings.
    void setSettings(const TrainingSettings& settings);

    // Trains: every event reaches `observer` (on this thread) and the record. A later call goes on
    // from the weights the earlier one left and starts a new record. Not thread-safe: one thread
    // trains a run at a time; another may read record() only after train() has returned.
    const RunRecord& train(TrainingObserver& observer, TrainingControl& control);
    const RunRecord& record() const { return m_record; }
    // For a run that could not train (its thread caught an exception): outcome Failed, `message`.
    void recordFailure(const std::string& message);

private:
    std::shared_ptr<const PreparedData> m_data;
    std::shared_ptr<ModelBundle> m_bundle;
    std::string m_name;
    std::unique_ptr<Trainer> m_trainer;
    RunRecord m_record;
};

} // namespace attnlab
