#pragma once
// The safetensors container (https://huggingface.co/docs/safetensors), float32 only:
//   u64 little-endian N | N bytes of JSON header, space-padded to a multiple of 8 | data section.
// The header maps each tensor name to {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}
// (byte offsets into the data section) and "__metadata__" to a string -> string object.
// Tensors are row-major, little-endian, contiguous, with no holes and no overlap. AttnLab adds the
// metadata keys "format" (kFormatVersion) and "checksum" (SHA-256 of the data section, lowercase hex).
// This layer works on bytes in memory; Checkpoint.h adds files and parameters.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace attnlab {

inline constexpr const char* kFormatVersion = "attnlab-1";

struct StoredTensor {
    std::vector<std::int64_t> shape; // file shape, row-major
    std::vector<float> data;         // product(shape) values, row-major
};

struct CheckpointFile {
    std::map<std::string, std::string> metadata; // includes "format" and "checksum" when present
    std::map<std::string, StoredTensor> tensors;
};

// Renders a shape as "[12,128]" (scalars: "[]"), the form used in every message.
std::string formatShape(const std::vector<std::int64_t>& shape);

// Encodes tensors in name order and the metadata plus "format" and "checksum" (given values of
// those two keys are replaced). Throws CheckpointError naming `path` when a tensor's data size
// disagrees with its shape or a name is empty or "__metadata__".
std::string encodeSafeTensors(const CheckpointFile& file, const std::string& path);

// Decodes and validates a whole file's bytes; every problem throws CheckpointError naming `path`:
// size vs header length, JSON, dtype, shapes vs offsets, holes and overlaps, truncation, and the
// checksum and format when present. Files without AttnLab metadata (any float32 safetensors) load.
CheckpointFile decodeSafeTensors(std::string_view bytes, const std::string& path);

} // namespace attnlab
