#pragma once
// The JSON pieces an experiment file is made of, which attnlab-cli's --json output shares: the
// same names as the model file's config metadata (docs/FORMAT.md), snake_case, rates as fractions
// in [0, 1] (BLEU in [0, 100]), seconds for times, and null for a metric with nothing to measure
// (NaN in the core). docs/EXPERIMENT.md describes every key.
#include "core/eval/Metrics.h"
#include "core/experiment/ExperimentSummary.h"
#include "core/train/TrainingEvents.h"
#include "core/train/TrainingSettings.h"

#include <nlohmann/json.hpp>

namespace attnlab {

// Keys stay in the order written, so people can read the files too.
using OrderedJson = nlohmann::ordered_json;

OrderedJson number(double value); // null when NaN or infinite
// A float as the shortest decimal that reads back as the same float ("0.93", not
// "0.9300000071525574"); null when NaN or infinite.
OrderedJson weight(float value);
OrderedJson metricsJson(const Metrics& metrics);
OrderedJson epochJson(const EpochReport& report); // its "hints" too
// [{id, title, explanation, advice, epoch, step}, ...]
OrderedJson hintsJson(const std::vector<HealthHint>& hints);
OrderedJson settingsJson(const TrainingSettings& settings); // every field, "threads" included
OrderedJson dataJson(const ExperimentData& data);
// The row's "config": architecture, tokenisation and dataset as a model file's config holds them,
// without "training" (the row's own key).
OrderedJson runConfigJson(const RunSummary& run, const ExperimentData& data);
// One row of the file: settings, record and the model's path.
OrderedJson runJson(const RunSummary& run, const ExperimentData& data);

} // namespace attnlab
