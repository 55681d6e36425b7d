#pragma once
// What a model file's reader checks before it builds a model, shared by the encoder-decoder and
// label files (ModelFile) and the forecaster's (ForecastModelFile). Each throws
// std::invalid_argument with a message that names the config key and the tensor; the caller adds
// the file's name (CheckpointError).
#include "core/nn/ModelConfig.h"
#include "core/train/ConfigFields.h"
#include "core/train/SafeTensors.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace attnlab {

// The size the config claims under key against dimension `dimension` of the tensor the file
// really stores, before anything is allocated: a small file claiming "hidden": 30000 would
// otherwise make the model allocate gigabytes.
void checkTensorSize(const CheckpointFile& file, const char* key, std::int64_t claimed,
                     const std::string& tensor, std::size_t dimension);

// The scorer's sizes (attention_dim, location filters and kernel, and the location scorer's
// positions, which the config calls positionsKey) against the attention tensors.
void checkAttentionSizes(const CheckpointFile& file, const ModelConfig& config, const char* positionsKey);

// The file format keeps any float bit for bit; a model with NaN or infinite weights only gives
// NaN, so it is refused as a model. Tensors named skipPrefix… (when not empty) are left to their
// own reader.
void checkFiniteTensors(const CheckpointFile& file, std::string_view skipPrefix = {});

// Scorer, decoder and model-kind names: their parsers' messages, after the key's name.
template <class Parse> auto parseNamed(const ConfigFields& fields, const char* key, Parse parse) {
    const std::string value = fields.text(key);
    try {
        return parse(value);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(fields.name(key) + ": " + e.what());
    }
}

} // namespace attnlab
