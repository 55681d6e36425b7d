#pragma once
// A saved model as `eval` and `align` read it, and the rules its input must follow: text is
// tokenised with the model's own tokenisation and encoded with its own vocabularies.
#include "core/nn/ModelConfig.h"
#include "core/train/ModelFile.h"

#include <string>
#include <vector>

namespace attnlab::cli {

// loadModel, with an unreadable or corrupt file reported as bad input (InputError, exit 2)
// carrying the CheckpointError text.
ModelBundle openModel(const std::string& path);

// "general scorer, luong decoder with input feeding, E 32, H 128"
std::string describeArchitecture(const ModelConfig& config);

// "general scorer, luong decoder with input feeding, E 32, H 128, char -> char, trained on dates"
std::string describeModel(const ModelBundle& bundle);

// The most source tokens the model accepts, or 0 for no limit: the location scorer has one
// learned score per position, so it cannot read past max_source_len.
int sourceLengthLimit(const ModelBundle& bundle);

// Source text as the model reads it: trimmed, tokenised with the model's tokenisation, encoded
// with its vocabulary. Tokens it has never seen are encoded as <unk> and listed in `unknown`
// (each once, in order of appearance).
struct EncodedText {
    std::vector<std::string> tokens;
    std::vector<int> ids;
    std::vector<std::string> unknown;
};
EncodedText encodeSource(const ModelBundle& bundle, const std::string& text);

// Appends to `distinct` each token whose id is <unk> and that `distinct` does not hold yet, in
// order of appearance. `tokens` and `ids` are parallel (ids as Vocabulary::encode gives them).
void addDistinctUnknown(std::vector<std::string>& distinct, const std::vector<std::string>& tokens,
                        const std::vector<int>& ids);

} // namespace attnlab::cli
