#pragma once
// One health hint: a sign, read from a run's history at a validation, that training is going
// wrong or that its attention is not what it seems, told to a person with what to try.
// HealthDetectors.h lists the detectors and their thresholds; HealthHints reports each once.
#include <string>

namespace attnlab {

struct HealthHint {
    std::string id;          // stable: "uniform_attention", "attention_on_last", "late_alignment",
                             // "loss_plateau", "loss_spikes", "gradient_clipping", "overfitting"
    std::string title;       // one line
    std::string explanation; // one paragraph: what was seen, what it means and why
    std::string advice;      // what to try
    int epoch = 0;           // the validation (1-based epoch) at which it was seen
    long long step = 0;      // steps done at that validation

    friend bool operator==(const HealthHint&, const HealthHint&) = default;
};

} // namespace attnlab
