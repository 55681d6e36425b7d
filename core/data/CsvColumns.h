#pragma once
// Which columns of a CSV dataset hold what, found by the names in its header row
// (case-insensitive, surrounding whitespace ignored):
//   pairs           source|src|input, target|tgt|output (or the options' names)
//   classification  text|sentence|review|source|src|input, label (or the options' names)
//   entailment      premise|sentence1, hypothesis|sentence2, label|gold_label
// and in every kind an optional links column: alignment|alignments|align (also links|evidence
// for the label kinds). When the kind is left to the file, a header with a label column and no
// target column is a label kind: entailment if it also names a premise or hypothesis column,
// else classification. Errors are DatasetErrors naming the header line and what was looked for.
#include "core/data/DatasetOptions.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attnlab {

struct CsvColumns {
    TaskKind task = TaskKind::Pairs;       // the kind the file is read as
    std::size_t source = 0;                // pairs: source; classification: text; entailment: premise
    std::size_t target = 0;                // pairs: target; the label kinds: the label
    std::optional<std::size_t> hypothesis; // entailment only
    std::optional<std::size_t> alignment;  // gold links
    std::size_t needed = 0;                // fields a row must have
};

// `task`: the kind already decided; with `detect` (and task Pairs) the header may choose another.
CsvColumns findCsvColumns(const std::vector<std::string>& header, const DatasetOptions& options,
                          TaskKind task, bool detect, const std::string& file, std::int64_t line);

} // namespace attnlab
