#pragma once
// What a dataset's pairs mean, and so which model kind learns them (issue 15).
//   Pairs           source text -> target text (translation, summarization, the string tasks)
//   Classification  source text -> one label token; gold links "i-0" mark the evidence words
//   Entailment      "premise | hypothesis" -> one label token (entailment, contradiction,
//                   neutral); gold links "i-j" join premise word i to hypothesis word j
// Entailment sources hold both sentences in one text, split by the word kPremiseSeparator, so that
// every place a source travels (files, batches, typed input, pinned pairs) carries both.
#include "core/nn/ModelConfig.h"

#include <string>
#include <string_view>
#include <vector>

namespace attnlab {

enum class TaskKind { Pairs, Classification, Entailment };

inline constexpr std::string_view kPremiseSeparator = "|";

std::string taskKindName(TaskKind kind);         // "pairs", "classification", "entailment"
TaskKind parseTaskKind(const std::string& name); // throws std::invalid_argument listing the names
const std::vector<TaskKind>& allTaskKinds();
bool isLabelTask(TaskKind kind); // classification or entailment: the target is one label

// The model kind that learns a task: pairs a seq2seq, classification a classifier, entailment an
// entailment model.
ModelKind modelKindFor(TaskKind kind);

// "premise | hypothesis" from its two sentences (both trimmed, neither may hold the separator word).
std::string joinPremiseHypothesis(std::string_view premise, std::string_view hypothesis);

} // namespace attnlab
