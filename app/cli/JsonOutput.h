#pragma once
// The JSON attnlab-cli prints with --json: the same names as the model file's config metadata
// (docs/FORMAT.md), snake_case, rates as fractions in [0, 1] (BLEU in [0, 100]), and null for a
// metric with nothing to measure (NaN in the core).
#include "core/eval/Metrics.h"
#include "core/train/ModelFile.h"
#include "core/train/TrainingEvents.h"
#include "core/train/TrainingSettings.h"

#include <nlohmann/json.hpp>

#include <string>

namespace attnlab::cli {

// Keys stay in the order written, so people can read the output too.
using Json = nlohmann::ordered_json;

Json number(double value); // null when NaN or infinite
// A float weight as the shortest decimal that reads back as the same float ("0.93", not
// "0.9300000071525574").
Json weight(float value);
Json metricsJson(const Metrics& metrics);
Json epochJson(const EpochReport& report);
Json settingsJson(const TrainingSettings& settings);
// Architecture, tokenisation and dataset as the model file's `config` holds them, with the full
// training settings under "training".
Json modelJson(const ModelBundle& bundle);

// The text of `json` for printing: one line when compact, else indented; invalid UTF-8 (which a
// dataset reader never lets through) is replaced rather than thrown about.
std::string jsonText(const Json& json, bool compact = false);

} // namespace attnlab::cli
