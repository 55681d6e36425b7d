#pragma once
// The attention history in a model file (docs/FORMAT.md, "Attention history"): the metadata key
// "attention_history" (JSON: each track's sentence and its frames' step, epoch, loss and output
// tokens) and, per track k, the tensor "history.k.attention" of shape (ΣT x S): the frames'
// attention rows one after another, T rows per frame as its output has tokens.
#include "core/train/AttentionHistory.h"
#include "core/train/SafeTensors.h"

namespace attnlab {

inline constexpr const char* kHistoryKey = "attention_history";
inline constexpr const char* kHistoryTensorPrefix = "history.";

// Adds the key and tensors to a file being written; nothing for an empty history.
void writeHistory(const AttentionHistory& history, CheckpointFile& file);
// The history a file holds (empty when it has none). Throws std::invalid_argument naming the
// track, frame and what is wrong (rows that do not add up, a shape that disagrees with the source,
// a weight outside 0..1, JSON of the wrong type).
AttentionHistory readHistory(const CheckpointFile& file);

} // namespace attnlab
