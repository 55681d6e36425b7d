#pragma once
// What the settings panel says about each attention scorer: a short name for the combo box and
// one sentence with the score it computes (q is the decoder's query state, h̄_s the encoder
// state at source position s), so a beginner can pick one without reading the papers.
#include "core/nn/ModelConfig.h"

#include <QString>

namespace attnlab::ui {

QString scorerLabel(ScorerKind kind);   // "additive (Bahdanau)"
QString scorerToolTip(ScorerKind kind); // "additive (Bahdanau): vᵀ tanh(W_q q + W_k h̄_s + b), ..."
// Whether the scorer has a hidden layer of size A (ModelConfig::attentionDim).
bool scorerUsesAttentionSize(ScorerKind kind);

QString decoderStyleLabel(DecoderStyle style);
QString decoderStyleToolTip(DecoderStyle style);

} // namespace attnlab::ui
