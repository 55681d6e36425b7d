#include "ui/panels/SettingsScorers.h"

#include <QCoreApplication>

namespace attnlab::ui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("attnlab::ui::SettingsPanel", text);
}
} // namespace

QString scorerLabel(ScorerKind kind) {
    switch (kind) {
    case ScorerKind::None:
        return tr("none (no attention)");
    case ScorerKind::Dot:
        return tr("dot");
    case ScorerKind::ScaledDot:
        return tr("scaled dot");
    case ScorerKind::General:
        return tr("general (Luong)");
    case ScorerKind::Additive:
        return tr("additive (Bahdanau)");
    case ScorerKind::Location:
        return tr("location (Luong)");
    case ScorerKind::LocationAware:
        return tr("location-aware (Chorowski)");
    }
    return QString::fromStdString(scorerName(kind));
}

QString scorerToolTip(ScorerKind kind) {
    switch (kind) {
    case ScorerKind::None:
        return tr("none: no attention at all, the decoder sees only the encoder's final state "
                  "(the fixed-vector baseline attention was invented to beat).");
    case ScorerKind::Dot:
        return tr("dot: qᵀh̄_s, the plain dot product of the decoder state and each encoder state, "
                  "with no weights to learn.");
    case ScorerKind::ScaledDot:
        return tr("scaled dot: qᵀh̄_s / √H, the dot product divided by the square root of the hidden "
                  "size so the softmax does not saturate.");
    case ScorerKind::General:
        return tr("general (Luong): qᵀ W_a h̄_s, a learned H×H matrix that decides which parts of the "
                  "two states should match.");
    case ScorerKind::Additive:
        return tr("additive (Bahdanau): vᵀ tanh(W_q q + W_k h̄_s + b), a small MLP over query and key.");
    case ScorerKind::Location:
        return tr("location (Luong): W_l q, scores every source position from the decoder state alone, "
                  "without looking at the source words.");
    case ScorerKind::LocationAware:
        return tr("location-aware (Chorowski): vᵀ tanh(W_q q + W_k h̄_s + U f_s + b), additive scoring "
                  "that also sees a convolution f of the previous step's attention, so it moves along "
                  "the source smoothly.");
    }
    return {};
}

bool scorerUsesAttentionSize(ScorerKind kind) {
    return kind == ScorerKind::Additive || kind == ScorerKind::LocationAware;
}

QString decoderStyleLabel(DecoderStyle style) {
    return style == DecoderStyle::Luong ? tr("Luong") : tr("Bahdanau");
}

QString decoderStyleToolTip(DecoderStyle style) {
    return style == DecoderStyle::Luong
               ? tr("Luong: the LSTM steps first, then attends with its new state h_t and mixes the "
                    "context into the output vector h̃_t.")
               : tr("Bahdanau: attends with the previous state s_{t−1} and feeds the context into the "
                    "LSTM's input for this step.");
}

} // namespace attnlab::ui
