#pragma once
// The comment line by which a TSV file says what its pairs mean: "# task: classification" (or
// entailment, pairs) before its first pair. The generator writes it; the reader obeys it when the
// options leave the kind to the file (DatasetOptions::detectTask).
#include "core/data/TaskKind.h"

#include <optional>
#include <string>
#include <string_view>

namespace attnlab {

std::string taskComment(TaskKind kind); // "# task: classification"

// The kind a comment line names; nullopt for any other comment, including a "# task:" comment
// of several words (prose, not a declaration). Throws std::invalid_argument for a one-word value
// that is not a kind ("# task: sentiment"), naming the kinds.
std::optional<TaskKind> parseTaskComment(std::string_view line);

} // namespace attnlab
