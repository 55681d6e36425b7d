#pragma once
// One model's training as `train` and `compare` run it: the data prepared once, a model built
// and initialised from the arguments, the core Trainer, and a record of what happened.
#include "app/cli/JsonOutput.h"
#include "app/cli/TrainingOptions.h"
#include "core/data/Dataset.h"
#include "core/data/TrainingData.h"
#include "core/train/ModelFile.h"
#include "core/train/Trainer.h"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace attnlab::cli {

// The data of a run: the dataset as loaded, its split, vocabularies and encoded pairs.
struct PreparedData {
    Dataset dataset;
    TrainingData data;
    std::string label;     // what the model file records: the shipped name, or the path as given
    int longestSource = 0; // in tokens, over every pair
};

// Opens args.data (a shipped name with its own tokenisation, else a file read with --tokens) and
// splits it with args.seed into train and validation (no test split: `eval` on another file is
// the test). A summary and any notes go to `log`; a warning when more than 2% of the validation
// references are unseen in training (they count as wrong) goes to stderr. Throws DatasetError or
// InputError.
PreparedData prepareData(const TrainingArgs& args, std::ostream& log);

// name, path, pair counts per split, tokenisation, gold alignments, longest source.
Json dataJson(const PreparedData& prepared);

// Headroom for sentences typed later (align) that are longer than any training source; the
// location scorer cannot read past its maximum.
int maxSourceLengthFor(int longestSource);

struct RunRecord {
    TrainingResult result;
    std::vector<EpochReport> history;
    double trainingSeconds = 0.0;  // wall time of the steps, validation excluded
    double stepsPerSecond() const; // steps / trainingSeconds
};

class TrainingRun {
public:
    // Builds and initialises (seed args.seed) the model; throws InputError when the arguments
    // do not describe a valid model or settings. `prepared` must outlive the run.
    TrainingRun(const PreparedData& prepared, const TrainingArgs& args, ScorerKind scorer, int threads);

    ModelBundle& bundle() { return m_bundle; }
    const ModelBundle& bundle() const { return m_bundle; }
    long long parameterCount() const;
    long long plannedSteps() const { return m_trainer->plannedSteps(); }
    int batchesPerEpoch() const;
    int plannedEpochs() const; // epochs the plan covers (a step budget may end one part-way)

    // Trains; every event reaches `observer`. Not thread-safe: one run per thread.
    RunRecord run(TrainingObserver& observer, TrainingControl& control);

private:
    const PreparedData& m_prepared;
    ModelBundle m_bundle;
    std::unique_ptr<Trainer> m_trainer;
};

} // namespace attnlab::cli
