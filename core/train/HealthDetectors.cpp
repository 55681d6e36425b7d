#include "core/train/HealthDetectors.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace attnlab::health {

namespace {
std::string number(double value) {
    std::ostringstream text;
    text.precision(3);
    text << value;
    return text.str();
}

std::string percent(double fraction) {
    return number(100.0 * fraction) + "%";
}

HealthHint hint(const HealthHistory& history, const char* id, std::string title, std::string explanation,
                std::string advice) {
    const EpochReport& last = history.epochs.back();
    return HealthHint{.id = id,
                      .title = std::move(title),
                      .explanation = std::move(explanation),
                      .advice = std::move(advice),
                      .epoch = last.epoch,
                      .step = last.step};
}

// The last epoch's steps, as [begin, end) indices into the per-step lists.
std::pair<size_t, size_t> lastEpochSteps(const HealthHistory& history, size_t available) {
    const size_t count = history.epochs.size();
    const long long begin = count >= 2 ? history.epochs[count - 2].step : 0;
    const long long end = history.epochs.back().step;
    const size_t to = std::min(available, static_cast<size_t>(std::max(0LL, end)));
    return {std::min(to, static_cast<size_t>(std::max(0LL, begin))), to};
}

bool finite(double value) {
    return std::isfinite(value);
}
} // namespace

std::optional<HealthHint> uniformAttention(const HealthHistory& history) {
    if (history.epochs.size() < 2) return std::nullopt; // "fallen" compares with the first epoch
    const EpochReport& last = history.epochs.back();
    const double entropy = last.validation.attentionEntropy;
    const double logS = history.sources.meanLogLength;
    const double firstLoss = history.epochs.front().trainLoss;
    if (!finite(entropy) || !finite(logS) || logS <= 0.0 || !finite(firstLoss)) return std::nullopt;
    if (!(last.trainLoss < kLossFallenShare * firstLoss)) return std::nullopt;
    if (!(entropy > kUniformEntropyShare * logS)) return std::nullopt;
    return hint(history, "uniform_attention", "Attention is nearly uniform",
                "The loss has fallen (training loss " + number(last.trainLoss) + ", first epoch " +
                    number(firstLoss) + "), yet the attention rows are almost flat: their mean entropy is " +
                    number(entropy) + " nats, " + percent(entropy / logS) + " of ln S = " + number(logS) +
                    " that perfectly uniform weights give. The decoder is learning without looking at "
                    "particular source tokens: it reads an average of the encoder states, as a model "
                    "without attention reads its final state. That works on short or easy sources but "
                    "does not scale, and the heatmap explains nothing.",
                "Train longer, and try a scorer with its own parameters (general or additive instead of "
                "dot), a larger hidden size, or a higher learning rate; check that the sources differ "
                "enough for position to matter.");
}

std::optional<HealthHint> attentionOnLast(const HealthHistory& history) {
    if (history.epochs.empty()) return std::nullopt;
    const double mass = history.epochs.back().validation.lastPositionMass;
    const double uniform = history.sources.meanUniformMass;
    if (!finite(mass) || !finite(uniform)) return std::nullopt;
    if (!(mass > kLastMass) || !(mass >= kLastMassOverUniform * uniform)) return std::nullopt;
    return hint(history, "attention_on_last", "Attention is stuck on the last source token",
                "On average " + percent(mass) +
                    " of each output token's attention goes to the last source position (the final "
                    "token, often </s> or punctuation), where uniform weights would put " +
                    percent(uniform) +
                    ". The model has found a position that is always there and parks its attention on "
                    "it: the last encoder state summarises the whole source, so the decoder can get by "
                    "without aligning. The outputs may still be right, but the attention is not an "
                    "alignment.",
                "Train longer or with a higher learning rate; try a bidirectional encoder (its last "
                "state is no longer the only summary), the additive or location_aware scorer, or "
                "input feeding if it is off.");
}

std::optional<HealthHint> lateAlignment(const HealthHistory& history) {
    if (history.epochs.empty()) return std::nullopt;
    const Metrics& v = history.epochs.back().validation;
    if (v.alignedExamples == 0 || !finite(v.alignmentErrorRate) || !finite(v.exactMatch)) return std::nullopt;
    if (!(v.exactMatch >= kLateExactMatch) || !(v.alignmentErrorRate >= kLateAer)) return std::nullopt;
    return hint(history, "late_alignment", "Outputs are right but attention is far from the gold alignment",
                "Exact match is " + percent(v.exactMatch) +
                    " while the alignment error rate against the "
                    "gold links is " +
                    number(v.alignmentErrorRate) +
                    ". Right outputs do not need human-like attention. A Luong decoder scores the source "
                    "with the state h_t it has just computed from the previous token, and its output "
                    "comes from h~_t, which already holds the context; what it looks up is often the "
                    "source position it needs next, so its alignment reads one step late (on dates, "
                    "the row that writes one field often attends to the source token of the next). Other "
                    "models spread "
                    "attention or park it on one token and still decode right.",
                "Read the heatmap as what the model uses, not as a translation alignment; compare with "
                "the Bahdanau decoder, which scores with the previous state, or with another scorer, and "
                "look at the shift between the argmax and the gold diagonal before concluding.");
}

std::optional<HealthHint> lossPlateau(const HealthHistory& history) {
    const size_t count = history.epochs.size();
    if (count < static_cast<size_t>(kPlateauEpochs)) return std::nullopt;
    const double start =
        history.stepLosses.empty() ? history.epochs.front().trainLoss : history.stepLosses.front();
    double low = INFINITY, high = -INFINITY;
    for (size_t i = count - kPlateauEpochs; i < count; ++i) {
        const double loss = history.epochs[i].trainLoss;
        if (!finite(loss)) return std::nullopt;
        low = std::min(low, loss);
        high = std::max(high, loss);
    }
    const double oldest = history.epochs[count - kPlateauEpochs].trainLoss;
    const double current = history.epochs.back().trainLoss;
    if (!finite(start) || oldest <= 0.0) return std::nullopt;
    if (!((high - low) / oldest < kPlateauChange) || !(current > kPlateauHighShare * start))
        return std::nullopt;
    return hint(history, "loss_plateau", "The training loss has stopped falling while still high",
                "Over the last " + std::to_string(kPlateauEpochs) +
                    " epochs the training loss stayed within " + percent((high - low) / oldest) + " of " +
                    number(oldest) + ", still " + percent(current / start) + " of where the run started (" +
                    number(start) +
                    "). The model is stuck: often it predicts the most frequent tokens whatever the "
                    "source says, because it is too small for the task, the learning rate is too low "
                    "to leave a flat region, or too high to settle into one.",
                "Try a larger hidden size, a learning rate ten times higher (or lower if the loss "
                "wobbles), attention if it is off, or a shorter or easier dataset first.");
}

std::optional<HealthHint> lossSpikes(const HealthHistory& history) {
    if (history.epochs.empty()) return std::nullopt;
    const std::span<const float> losses = history.stepLosses;
    const auto [begin, end] = lastEpochSteps(history, losses.size());
    std::vector<float> window; // (kSpikeWindow) the steps before the one looked at
    window.reserve(kSpikeWindow);
    int spikes = 0;
    double worst = 0.0, worstMedian = 0.0, worstRatio = 0.0;
    for (size_t i = begin; i < end; ++i) {
        const size_t from = i > static_cast<size_t>(kSpikeWindow) ? i - kSpikeWindow : 0;
        if (i - from < static_cast<size_t>(kSpikeMinWindow)) continue;
        window.assign(losses.begin() + from, losses.begin() + i);
        auto middle = window.begin() + window.size() / 2;
        std::nth_element(window.begin(), middle, window.end());
        const double median = *middle;
        const double loss = losses[i];
        if (loss > kSpikeFactor * median && loss > median + kSpikeMargin) {
            ++spikes;
            if (const double ratio = loss / std::max(median, 1e-12); ratio > worstRatio) {
                worstRatio = ratio;
                worst = loss;
                worstMedian = median;
            }
        }
    }
    if (spikes < kSpikeCount) return std::nullopt;
    return hint(history, "loss_spikes", "The loss spikes",
                std::to_string(spikes) + " steps of this epoch had a loss far above the median of the " +
                    std::to_string(kSpikeWindow) + " steps before them (the worst " + number(worst) +
                    " against " + number(worstMedian) +
                    "). Each spike is an update that threw the weights out of the valley they were in, "
                    "usually because the learning rate is too high for some batches, or because a few "
                    "batches (long or unusual pairs) have gradients much larger than the rest.",
                "Lower the learning rate (a tenth is a good first try), clip gradients to a smaller norm "
                "(--clip), or use a larger batch so single odd pairs weigh less.");
}

std::optional<HealthHint> gradientClipping(const HealthHistory& history) {
    if (history.epochs.empty() || !(history.clipNorm > 0.0)) return std::nullopt;
    const std::span<const float> norms = history.gradientNorms;
    const auto [begin, end] = lastEpochSteps(history, norms.size());
    if (end <= begin) return std::nullopt;
    const double limit = kClippedFactor * history.clipNorm;
    long hard = 0;
    double largest = 0.0;
    for (size_t i = begin; i < end; ++i) {
        if (norms[i] > limit) ++hard;
        largest = std::max(largest, static_cast<double>(norms[i]));
    }
    const double share = static_cast<double>(hard) / static_cast<double>(end - begin);
    if (!(share > kClippedShare)) return std::nullopt;
    return hint(
        history, "gradient_clipping", "The gradient is clipped hard at most steps",
        "At " + percent(share) + " of this epoch's steps the gradient norm was more than " +
            number(kClippedFactor) + " times the clip norm " + number(history.clipNorm) + " (the largest " +
            number(largest) +
            "). Clipping rescales those gradients to the clip norm, so the size of most updates is set "
            "by the clip norm rather than by the gradient: training goes on, but blind to how "
            "steep the loss is. Either the clip norm is too small for this model, or the "
            "learning rate has taken the weights somewhere steep.",
        "If the loss is unstable, lower the learning rate; if it falls steadily, the clip norm is "
        "probably too small for this model: raise it (--clip, 5 is the default).");
}

std::optional<HealthHint> overfitting(const HealthHistory& history) {
    const size_t count = history.epochs.size();
    if (count < static_cast<size_t>(kOverfitEpochs) + 1) return std::nullopt;
    for (size_t i = count - kOverfitEpochs; i < count; ++i) {
        const EpochReport& before = history.epochs[i - 1];
        const EpochReport& now = history.epochs[i];
        if (!finite(now.validation.loss) || !finite(before.validation.loss)) return std::nullopt;
        if (!(now.validation.loss > before.validation.loss) || !(now.trainLoss < before.trainLoss))
            return std::nullopt;
    }
    const EpochReport& first = history.epochs[count - 1 - kOverfitEpochs];
    const EpochReport& last = history.epochs.back();
    return hint(history, "overfitting", "Validation loss rises while training loss falls",
                "Over the last " + std::to_string(kOverfitEpochs) + " epochs the validation loss rose from " +
                    number(first.validation.loss) + " to " + number(last.validation.loss) +
                    " while the training loss fell from " + number(first.trainLoss) + " to " +
                    number(last.trainLoss) +
                    ". The model is memorising the training pairs rather than learning what generalises "
                    "to new ones: further epochs make it worse on data it has not seen.",
                "Stop at the best epoch: turn on early stopping (\"Stop when validation stalls\" and its "
                "patience in the window's settings; early_stopping and patience in the saved training "
                "settings), which restores the best weights. Also try dropout (--dropout 0.2), a smaller "
                "model, or more data.");
}

std::vector<HealthHint> detectAll(const HealthHistory& history) {
    std::vector<HealthHint> hints;
    if (history.epochs.empty()) return hints;
    for (auto detector : {uniformAttention, attentionOnLast, lateAlignment, lossPlateau, lossSpikes,
                          gradientClipping, overfitting})
        if (std::optional<HealthHint> found = detector(history)) hints.push_back(std::move(*found));
    return hints;
}

} // namespace attnlab::health
