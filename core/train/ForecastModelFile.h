#pragma once
// D series, W window, K horizon.
// A trained forecaster as people handle it (issue 15): architecture, window and horizon, the
// series' names and normalisation, the training settings and the weights, in one .safetensors
// file whose metadata 'config' has "kind": "forecaster" (docs/FORMAT.md, "Forecaster tensors").
#include "core/data/forecast/SeriesNormalization.h"
#include "core/nn/Forecaster.h"
#include "core/train/SafeTensors.h"
#include "core/train/TrainingSettings.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace attnlab {

struct ForecastModelBundle {
    ModelConfig config;                // input frames with mel_bands = D, no reduction
    ForecastSettings forecast;         // K, gaussian
    int window = 48;                   // W, past steps the model reads
    int stride = 1;                    // steps between training windows
    std::vector<int> periods;          // (D) the seasonal-naive period MASE is measured against
    TrainingSettings training;         // validationFraction also fixes eval's chronological split
    std::vector<std::string> series;   // (D) names, as the data's header gave them
    SeriesNormalization normalization; // (D) training-split mean and std
    std::string dataset;               // a shipped name or a file name
    std::unique_ptr<Forecaster<float>> model;
};

// Atomic (write beside, flush, rename): a failed save leaves any previous file intact.
// Throws CheckpointError naming the file.
void saveForecastModel(const std::string& path, ForecastModelBundle& bundle);
// Checks the container, the config (every key named when missing or bad), the tensors' names and
// shapes against the config before the model is allocated, and that every weight is finite;
// throws CheckpointError naming the file and the problem.
ForecastModelBundle loadForecastModel(const std::string& path);
// The same on a decoded file; `name` stands for the file in the messages.
ForecastModelBundle forecastModelFromFile(const CheckpointFile& file, const std::string& name);

// Whether a decoded file's config says "kind": "forecaster" (false for any other or bad config).
bool isForecastModel(const CheckpointFile& file);
// The same for a file on disk; false when it cannot be read as a model file at all (the caller's
// own loader then reports why).
bool isForecastModelFile(const std::string& path);

// The 'config' metadata JSON and back. readForecastConfigJson throws std::invalid_argument
// naming the key; it does not build the model.
std::string forecastConfigJson(const ForecastModelBundle& bundle);
void readForecastConfigJson(const std::string& json, ForecastModelBundle& bundle);

} // namespace attnlab
