#pragma once
// One run a person picked for a comparison: a scorer from the checklist (which takes every other
// setting from the settings panel), or a variant that carries its own architecture and dropout.
#include "core/experiment/RunSpec.h"

#include <QString>

#include <optional>

namespace attnlab::ui {

struct RunChoice {
    QString name;
    ScorerKind scorer = ScorerKind::General;
    // A variant's own architecture (vocabulary sizes are the data's) and dropout; empty for a
    // plain scorer run.
    std::optional<ModelConfig> config;
    std::optional<double> dropout;

    // The run: `base` and `settings` (the settings panel's) with this choice's differences.
    RunSpec spec(const ModelConfig& base, const TrainingSettings& settings) const;
    // What sets a variant apart from `base`, for its default name and tooltip: "additive · H 64 ·
    // bidirectional"; the scorer's name alone when nothing else differs.
    static QString describe(const ModelConfig& config, double dropout, const ModelConfig& base,
                            double baseDropout);
};

} // namespace attnlab::ui
