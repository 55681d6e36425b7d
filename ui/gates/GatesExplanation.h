#pragma once
// The paragraph beside the gate heatmaps: what each gate does, tied to the LSTM equations of
// DESIGN.md (gate order i, f, g, o as PyTorch), as rich text for a QLabel.
#include <QString>

namespace attnlab::ui {

QString gatesExplanation();

} // namespace attnlab::ui
