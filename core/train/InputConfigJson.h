#pragma once
// The model file's `input` section (docs/FORMAT.md): absent for a token model (files stay as
// they were), else "input": "frames" with a "frames" object (sample_rate, mel_bands, window_ms,
// hop_ms, reduction) or "input": "image" with an "image" object (width, height, channels, patch,
// row_encoder).
#include "core/nn/InputConfig.h"

#include <nlohmann/json.hpp>

namespace attnlab {

class ConfigFields;

void writeInputConfig(const InputConfig& input, nlohmann::json& config);
// Throws std::invalid_argument naming the key (an unknown input, a missing or bad field).
InputConfig readInputConfig(const ConfigFields& config);

} // namespace attnlab
