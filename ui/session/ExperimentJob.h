#pragma once
// Everything a comparison needs, handed to its worker thread as a whole: the data, how to prepare
// it, and one RunSpec per run (the runs share dataset, split, batch order and seed).
#include "core/data/Dataset.h"
#include "core/data/TrainingData.h"
#include "core/experiment/RunSpec.h"

#include <memory>
#include <vector>

namespace attnlab {
class Experiment;
}

namespace attnlab::ui {

struct ExperimentJob {
    std::shared_ptr<const Dataset> dataset;
    PrepareOptions prepare;
    std::vector<RunSpec> specs;
    int threads = 0; // shared by the runs; 0 = every hardware thread
    // An experiment trained before, to continue (its runs go on from their weights); when null
    // the worker prepares the data and builds a new one from specs. Only the worker touches it
    // while it trains.
    std::shared_ptr<Experiment> experiment;
};

} // namespace attnlab::ui
