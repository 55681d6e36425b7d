#pragma once
// What `train` and `compare` hand to core's Run and Experiment: the data the arguments name,
// prepared once with a summary on the log, and the run the arguments describe.
#include "app/cli/JsonOutput.h"
#include "app/cli/TrainingOptions.h"
#include "core/experiment/PreparedData.h"
#include "core/experiment/RunSpec.h"

#include <memory>
#include <ostream>

namespace attnlab::cli {

// Opens args.data (a shipped name with its own tokenisation, else a file read with --tokens) and
// splits it with args.seed into train and validation (no test split: `eval` on another file is
// the test). A summary and any notes go to `log`; a warning when more than 2% of the validation
// references are unseen in training (they count as wrong) goes to stderr. Throws DatasetError or
// InputError.
std::shared_ptr<const PreparedData> loadTrainingData(const TrainingArgs& args, std::ostream& log);

// name, path, pair counts per split, tokenisation, gold alignments, longest source.
Json dataJson(const PreparedData& prepared);

// The run the arguments describe with `scorer`, named after it; the vocabulary sizes are filled
// in by core's Run from the data. Throws InputError when the arguments are inconsistent.
RunSpec runSpec(const TrainingArgs& args, ScorerKind scorer, int threads);

} // namespace attnlab::cli
