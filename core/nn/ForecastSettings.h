#pragma once
// K horizon.
// What a forecaster predicts beyond its encoder and attention (ModelConfig): how many steps ahead,
// and whether each step also predicts its variance (trained by Gaussian negative log-likelihood
// instead of squared error). Saved beside the ModelConfig in a forecaster's model file.
#include <stdexcept>
#include <string>

namespace attnlab {

struct ForecastSettings {
    int horizon = 12;      // K, values predicted per series after the window
    bool gaussian = false; // also log σ² per value; loss ½(log σ² + (y − μ)² / σ²)

    // Throws std::invalid_argument naming the bad field.
    void validate() const {
        if (horizon <= 0)
            throw std::invalid_argument("forecast horizon must be positive, got " + std::to_string(horizon));
    }
};

} // namespace attnlab
