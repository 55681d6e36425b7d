#pragma once
// The generated tasks by name (dates, reverse, sort, copy_long, numbers, translation, headlines,
// sentiment, entailment) and the TSV they are shipped as. Everything is a pure function of
// (name, count, seed).
#include "core/data/Dataset.h"
#include "core/data/TaskKind.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace attnlab {

std::vector<std::string> taskNames();
bool isTaskName(std::string_view name);
// What the task's pairs mean: Classification for sentiment, Entailment for entailment (its
// sources are joinPremiseHypothesis(premise, hypothesis)), else (and for unknown names) Pairs.
TaskKind generatedTaskKind(std::string_view name);

// `count` pairs of task `name` from `seed`, each with its gold alignment. Sources are distinct
// as long as the task can still produce new ones (after 1000 draws in a row without a new source,
// duplicates are accepted from then on, so any count terminates). Throws std::invalid_argument for an
// unknown name or a negative count.
std::vector<TextPair> generateTask(const std::string& name, int count, std::uint64_t seed);

// The shipped file format: one header comment line naming generator, seed and count, then
// source<TAB>target<TAB>alignment lines. `attnlab-cli generate` writes exactly this. The label
// kinds add a second comment "# task: classification" (or entailment) so the file reads back as
// that kind; entailment lines are premise<TAB>hypothesis<TAB>label<TAB>links.
void writeTaskTsv(std::ostream& out, const std::string& name, int count, std::uint64_t seed);
std::string taskHeader(const std::string& name, int count, std::uint64_t seed);

struct TaskHeader {
    std::string name;
    int count = 0;
    std::uint64_t seed = 0;
};
// Reads a header line written by taskHeader(); nullopt for any other line.
std::optional<TaskHeader> parseTaskHeader(std::string_view line);

} // namespace attnlab
