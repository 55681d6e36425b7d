#pragma once
// What the rows and columns of a decoded attention matrix stand for, as every view, file and
// history frame labels them (issue 15: the model kinds put different things along them).
//   seq2seq     rows: the output tokens, then </s> when finished;  columns: the source tokens
//   classifier  rows: the predicted label (one);                   columns: the source tokens
//   entailment  rows: the hypothesis words;                        columns: the premise words
#include "core/data/Vocabulary.h"
#include "core/infer/DecodeResult.h"
#include "core/nn/ModelConfig.h"

#include <string>
#include <vector>

namespace attnlab {

struct AttentionAxes {
    std::vector<std::string> rows;
    std::vector<std::string> columns;
};

// sourceTokens: the source as the model read it (for entailment "premise | hypothesis").
AttentionAxes attentionAxes(const ModelConfig& config, const DecodeResult& decoded,
                            const std::vector<std::string>& sourceTokens, const Vocabulary& targetVocabulary);

// attention (rows x C) widened to `sourceLength` columns with zeros: an entailment's map covers the
// premise, the first columns of its "premise | hypothesis" source; views of the whole source read it so.
Matrix<float> attentionOverSource(const Matrix<float>& attention, int sourceLength);

} // namespace attnlab
