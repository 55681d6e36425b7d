#pragma once
// Model files: a ParameterList saved as safetensors (docs/FORMAT.md) and loaded back.
//
//   saveCheckpoint("model.safetensors", model.parameters(), {{"config", configJson}, ...});
//   CheckpointFile file = readCheckpoint("model.safetensors");   // validated, checksum checked
//   ... build the model from file.metadata["config"] ...
//   loadParameters(file, model.parameters(), "model.safetensors");
//
// Every failure throws CheckpointError, whose what() names the file and the problem.
#include "core/nn/Parameter.h"
#include "core/train/CheckpointError.h"
#include "core/train/SafeTensors.h"

#include <map>
#include <string>

namespace attnlab {

// Each parameter is written as `p->shape` (row-major; element (r, c) of its (rows x cols) value at
// r * cols + c). The metadata is stored with "format" and "checksum" added. Atomic
// (writeFileAtomically, core/util/AtomicFile.h): on any failure PATH is untouched, no temp file is
// left, and the CheckpointError says why (a full disk: "the disk is full").
// `extra` tensors (a model's attention history, named kHistoryTensorPrefix…) are written beside
// the parameters.
void saveCheckpoint(const std::string& path, const ParameterList<float>& parameters,
                    const std::map<std::string, std::string>& metadata,
                    const std::map<std::string, StoredTensor>& extra = {});

// The file saveCheckpoint writes, in memory (`path` names it in the messages).
CheckpointFile checkpointOf(const ParameterList<float>& parameters,
                            const std::map<std::string, std::string>& metadata,
                            const std::map<std::string, StoredTensor>& extra, const std::string& path);
// Encodes and writes a file atomically, as saveCheckpoint does.
void writeCheckpointFile(const std::string& path, const CheckpointFile& file);
// Reads and validates a whole model file (see decodeSafeTensors for every check).
CheckpointFile readCheckpoint(const std::string& path);

// Copies every parameter's tensor into its value (row-major -> column-major). Nothing is copied
// unless every parameter is present with its exact shape and the file has no other tensor (but
// the attention history's, whose names start with "history.");
// `path` names the file in the messages.
void loadParameters(const CheckpointFile& file, const ParameterList<float>& parameters,
                    const std::string& path);

} // namespace attnlab
