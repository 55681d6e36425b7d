#pragma once
// A saved model as `eval` and `align` read it, and the rules its input must follow: text is
// normalised and tokenised as the model's training data were (modelTokens) and encoded with its
// own vocabularies.
#include "core/infer/SourceInput.h"
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

// "general scorer, luong decoder with input feeding, E 32, H 128, char -> char, trained on dates";
// ", lowercased" after the tokenisation when the model was trained on lowercased text.
std::string describeModel(const ModelBundle& bundle);

// The most source tokens a dataset pair may have for `eval`, or 0 for no limit: the location
// scorer has one learned score per position, so it cannot read past max_source_len.
int sourceLengthLimit(const ModelBundle& bundle);

// How the model reads a person's text (`align`): its normalisation, tokenisation and the typed
// input limit; readSourceInput (core/infer/SourceInput.h) does the reading, as in the window.
SourceReading sourceReading(const ModelBundle& bundle);

// Appends to `distinct` each token whose id is <unk> and that `distinct` does not hold yet, in
// order of appearance. `tokens` and `ids` are parallel (ids as Vocabulary::encode gives them).
void addDistinctUnknown(std::vector<std::string>& distinct, const std::vector<std::string>& tokens,
                        const std::vector<int>& ids);

} // namespace attnlab::cli
