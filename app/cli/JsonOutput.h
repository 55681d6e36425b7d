#pragma once
// The JSON attnlab-cli prints with --json: the same names as the model file's config metadata
// (docs/FORMAT.md), snake_case, rates as fractions in [0, 1] (BLEU in [0, 100]), and null for a
// metric with nothing to measure (NaN in the core). `compare --json` writes an experiment file
// (core/experiment/ExperimentFile.h, docs/EXPERIMENT.md).
#include "core/experiment/ExperimentJson.h"
#include "core/train/ModelFile.h"

#include <nlohmann/json.hpp>

#include <string>

namespace attnlab::cli {

// Keys stay in the order written, so people can read the output too. number, weight,
// metricsJson, epochJson and settingsJson are core's (core/experiment/ExperimentJson.h), shared
// with the experiment file.
using Json = OrderedJson;

// Architecture, tokenisation and dataset as the model file's `config` holds them, with the full
// training settings under "training".
Json modelJson(const ModelBundle& bundle);

// The text of `json` for printing: one line when compact, else indented; invalid UTF-8 (which a
// dataset reader never lets through) is replaced rather than thrown about.
std::string jsonText(const Json& json, bool compact = false);

} // namespace attnlab::cli
