#pragma once
// What `attnlab-cli eval`, `train` and `compare` print for a label model (classifier,
// entailment): accuracy, macro-F1, every label's precision / recall / F1 and the confusion matrix,
// labels by name.
#include "core/data/Vocabulary.h"
#include "core/eval/Metrics.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace attnlab::cli {

void printLabelMetrics(const Metrics& metrics, const Vocabulary& labels, std::ostream& out);
// Adds "labels" (names of metrics.confusion's ids) and "classes" (per label scores) beside
// metricsJson's "confusion"; nothing without a confusion matrix.
void addLabelNames(const Metrics& metrics, const Vocabulary& labels, nlohmann::ordered_json& metricsJson);
void addLabelNames(const Metrics& metrics, const Vocabulary& labels, nlohmann::json& metricsJson);

} // namespace attnlab::cli
