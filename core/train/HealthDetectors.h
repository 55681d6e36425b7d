#pragma once
// The health detectors: each reads a run's history at a validation (HealthHistory) and returns a
// hint while its condition holds, or nothing. They are pure functions of the history; which
// hints are new is HealthHints' business. Every threshold is a named constant below, and the
// README's "Health hints" lists them for users.
#include "core/train/HealthHint.h"
#include "core/train/HealthHistory.h"

#include <optional>
#include <vector>

namespace attnlab::health {

// uniform_attention: the validation attention entropy is above kUniformEntropyShare of the mean
// ln S (what perfectly uniform rows give), once the epoch's training loss is below
// kLossFallenShare of the first epoch's (so a model that has not learnt yet is left alone).
constexpr double kUniformEntropyShare = 0.9;
constexpr double kLossFallenShare = 0.6;

// attention_on_last: the mean attention mass on the last source position is above kLastMass and
// at least kLastMassOverUniform times what uniform rows would put there (1/S: on sources of one
// or two tokens, 0.5 is no sign of anything).
constexpr double kLastMass = 0.5;
constexpr double kLastMassOverUniform = 2.0;

// late_alignment: on a split with gold alignments, exact match >= kLateExactMatch while the
// AER >= kLateAer.
constexpr double kLateExactMatch = 0.8;
constexpr double kLateAer = 0.5;

// loss_plateau: the epoch mean training loss of the last kPlateauEpochs epochs moved by less
// than kPlateauChange of its oldest value (max - min over them), while it is still above
// kPlateauHighShare of the run's first step loss (about ln V before any update).
constexpr int kPlateauEpochs = 3;
constexpr double kPlateauChange = 0.01;
constexpr double kPlateauHighShare = 0.5;

// loss_spikes: at least kSpikeCount steps of the epoch whose loss is above kSpikeFactor times the
// median of the kSpikeWindow steps before it and kSpikeMargin nats above it (so a tiny loss
// wobbling from 0.01 to 0.04 is no spike); the median needs kSpikeMinWindow earlier steps.
constexpr int kSpikeCount = 3;
constexpr double kSpikeFactor = 3.0;
constexpr double kSpikeMargin = 0.5;
constexpr int kSpikeWindow = 50;
constexpr int kSpikeMinWindow = 10;

// gradient_clipping: with clipping on, more than kClippedShare of the epoch's steps had a
// gradient norm above kClippedFactor x clipNorm.
constexpr double kClippedShare = 0.5;
constexpr double kClippedFactor = 2.0;

// overfitting: the validation loss rose at each of the last kOverfitEpochs epochs while the
// training loss fell at each of them.
constexpr int kOverfitEpochs = 2;

std::optional<HealthHint> uniformAttention(const HealthHistory& history);
std::optional<HealthHint> attentionOnLast(const HealthHistory& history);
std::optional<HealthHint> lateAlignment(const HealthHistory& history);
std::optional<HealthHint> lossPlateau(const HealthHistory& history);
std::optional<HealthHint> lossSpikes(const HealthHistory& history);
std::optional<HealthHint> gradientClipping(const HealthHistory& history);
std::optional<HealthHint> overfitting(const HealthHistory& history);

// Every detector's hint that holds at the last epoch of `history`, in the order above. Nothing
// when `history` has no epoch.
std::vector<HealthHint> detectAll(const HealthHistory& history);

} // namespace attnlab::health
