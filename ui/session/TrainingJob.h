#pragma once
// Everything one training run needs, handed to the worker thread as a whole. The worker trains
// bundle->model in place; nobody else touches that model until the run has finished.
#include "core/data/Dataset.h"
#include "core/data/TrainingData.h"
#include "core/train/FollowedSentences.h"
#include "core/train/ModelFile.h"
#include "core/train/TrainingSettings.h"

#include <memory>

namespace attnlab::ui {

struct TrainingJob {
    std::shared_ptr<const Dataset> dataset; // the pairs, and gold alignments of validation pairs
    // Split, vocabularies and encoded pairs. When null the worker prepares them from dataset
    // (with the bundle's vocabularies if it already has a model, e.g. one opened from a file).
    std::shared_ptr<const TrainingData> data;
    PrepareOptions prepare;
    // Architecture, vocabularies and the model to train. When bundle->model is null the worker
    // builds and initialises it from bundle->config and the prepared vocabularies.
    std::shared_ptr<ModelBundle> bundle;
    TrainingSettings settings;
    // The sentences whose attention the run records through training (the window updates them
    // while the run goes), and what the model had trained before this run.
    std::shared_ptr<const FollowedSentences> followed;
    long long stepOffset = 0;
    int epochOffset = 0;
};

} // namespace attnlab::ui
