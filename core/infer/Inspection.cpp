#include "core/infer/Inspection.h"

#include "core/infer/GreedyDecoder.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace attnlab {

namespace {

void checkOptions(const InspectOptions& options, const ModelConfig& config, int sourceLength) {
    if (!std::isfinite(options.temperature) || options.temperature <= 0)
        throw std::invalid_argument("inspectDecode: the temperature must be finite and positive, not " +
                                    std::to_string(options.temperature));
    if (options.topK < 1)
        throw std::invalid_argument("inspectDecode: top-k must be at least 1, not " +
                                    std::to_string(options.topK));
    for (int token : options.forcedTokens)
        if (token < 0 || token >= config.targetVocabulary)
            throw std::invalid_argument("inspectDecode: cannot force token " + std::to_string(token) +
                                        "; the target vocabulary has " +
                                        std::to_string(config.targetVocabulary) + " tokens");
    if (!options.attentionOverride.empty() && config.scorer == ScorerKind::None)
        throw std::invalid_argument("inspectDecode: this model has no attention to override");
    for (const auto& [step, weights] : options.attentionOverride) {
        const std::string where = "inspectDecode: the attention override of step " + std::to_string(step);
        if (step < 0) throw std::invalid_argument(where + " is before the first step");
        if (weights.size() != sourceLength)
            throw std::invalid_argument(where + " has " + std::to_string(weights.size()) +
                                        " weights; the source has " + std::to_string(sourceLength) +
                                        " tokens");
        if (!weights.allFinite() || (weights.array() < 0).any())
            throw std::invalid_argument(where + " has a negative or non-finite weight");
        if (weights.sum() <= 0) throw std::invalid_argument(where + " is all zero");
    }
}

// The k most probable tokens, best first; ties to the lower id, as greedy's argmax.
std::vector<TokenChance> topTokens(const Vector<float>& logProbs, int k) {
    std::vector<int> order(static_cast<size_t>(logProbs.size()));
    std::iota(order.begin(), order.end(), 0);
    const auto count = static_cast<std::ptrdiff_t>(std::min<size_t>(order.size(), static_cast<size_t>(k)));
    std::partial_sort(order.begin(), order.begin() + count, order.end(), [&](int a, int b) {
        return logProbs(a) != logProbs(b) ? logProbs(a) > logProbs(b) : a < b;
    });
    std::vector<TokenChance> top;
    for (std::ptrdiff_t i = 0; i < count; ++i) top.push_back({order[i], std::exp(logProbs(order[i]))});
    return top;
}

} // namespace

Inspection inspectDecode(const Seq2Seq<float>& model, const ModelSource& source,
                         const InspectOptions& options) {
    const ModelConfig& config = model.config();
    const SequenceBatch batch = sourceBatch(source);
    const int keyLength = config.input.keyLength(batch.sourceLength);
    checkOptions(options, config, keyLength);
    const bool attends = config.scorer != ScorerKind::None;
    const bool showsPrevious = config.scorer == ScorerKind::LocationAware;
    // Overrides renormalised to sum 1 over the source: (S) each
    std::map<int, Vector<float>> overrides;
    for (const auto& [step, weights] : options.attentionOverride) overrides[step] = weights / weights.sum();

    EncodedSource<float> encoded;
    model.encode(batch, encoded);
    DecoderState<float> state;
    model.startDecoding(encoded, state);
    const auto forced = static_cast<int>(options.forcedTokens.size());
    int limit = std::max(effectiveMaxLength({.maxLength = options.maxLength}, batch.sourceLength), forced);
    if (!options.continueAfterForced) limit = forced;

    Inspection inspection;
    inspection.keys = encoded.encoder.keys.transpose(); // (S x H) from (H x S)
    DecodeResult& result = inspection.result;
    std::vector<Vector<float>> rows; // (S) α_t per step
    DecoderStepProbe<float> probe;
    probe.temperature = static_cast<float>(options.temperature);
    int input = StartId;
    for (int t = 0; t < limit; ++t) {
        const auto over = overrides.find(t);
        probe.givenAlignment = over != overrides.end() ? &over->second : nullptr;
        model.inspectStep(input, encoded, state, probe);
        const Vector<float> logProbs = logSoftmax(probe.logits.col(0));

        StepInspection step;
        step.step = t;
        step.inputToken = input;
        step.query = probe.query.col(0);
        step.attentional = probe.attentional.col(0);
        if (attends) {
            step.scores = probe.scores.col(0);
            step.weights = probe.alignment.col(0);
            step.context = probe.context.col(0);
        }
        if (showsPrevious) {
            step.previousWeights = probe.previousAlignment.col(0);
            step.locationFeatures = probe.features;
        }
        step.attentionForced = probe.givenAlignment != nullptr;
        step.top = topTokens(logProbs, options.topK);
        int token = 0;
        if (t < forced) {
            token = options.forcedTokens[static_cast<size_t>(t)];
            step.tokenForced = true;
        } else {
            logProbs.maxCoeff(&token);
        }
        step.chosen = token;
        step.chosenLogProb = logProbs(token);
        inspection.steps.push_back(std::move(step));

        rows.push_back(probe.alignment.col(0));
        result.tokenLogProbs.push_back(logProbs(token));
        result.logProb += logProbs(token);
        if (token == EndId) {
            result.finished = true;
            break;
        }
        result.tokens.push_back(token);
        input = token;
    }
    result.score = result.logProb;
    result.attention.resize(static_cast<Eigen::Index>(rows.size()), keyLength);
    for (size_t t = 0; t < rows.size(); ++t)
        result.attention.row(static_cast<Eigen::Index>(t)) = rows[t].transpose();
    return inspection;
}

} // namespace attnlab
