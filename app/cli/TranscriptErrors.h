#pragma once
// The character error rate `train` and `eval` report for speech (frames) models: the decoded
// words joined into a transcript ("three five") against the reference transcript, edits over
// reference characters (core/eval/CharacterErrorRate.h).
#include "app/cli/JsonOutput.h"
#include "core/data/Dataset.h"
#include "core/data/TrainingData.h"
#include "core/eval/CharacterErrorRate.h"
#include "core/train/Evaluator.h"
#include "core/train/ModelFile.h"

#include <string>
#include <vector>

namespace attnlab::cli {

// The reference transcript of dataset pair i as the model's target tokens joined.
std::string referenceTranscript(const ModelBundle& bundle, const Dataset& dataset, int i);

// CER of outputs.hypotheses[k] against references[k], for every k decoded.
CharacterErrorRate transcriptErrors(const ModelBundle& bundle, const EvaluationOutputs& outputs,
                                    const std::vector<std::string>& references);

// Decodes `split` (greedy) and measures its CER against the dataset's transcripts.
CharacterErrorRate splitTranscriptErrors(const ModelBundle& bundle, const Dataset& dataset,
                                         const EncodedSplit& split);

// {"edits": 12, "reference_characters": 340, "rate": 0.035}
Json characterErrorJson(const CharacterErrorRate& cer);

} // namespace attnlab::cli
