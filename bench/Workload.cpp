#include "bench/Workload.h"

#include "core/data/DatasetBuilder.h"
#include "core/data/ShippedDatasets.h"
#include "core/data/TaskGenerators.h"

#include <cmath>

namespace attnlab::bench {

Workload datesWorkload(int pairs, std::uint64_t seed) {
    const ShippedDataset* dates = findShippedDataset("dates");
    DatasetOptions options;
    options.sourceTokens = dates->sourceTokens;
    options.targetTokens = dates->targetTokens;
    DatasetBuilder builder("dates", "", "generated dates", options);
    const std::vector<TextPair> generated = generateTask("dates", pairs, seed);
    for (size_t i = 0; i < generated.size(); ++i)
        builder.add(generated[i].source, generated[i].target, &generated[i].alignment,
                    static_cast<std::int64_t>(i + 1));
    auto dataset = std::make_shared<const Dataset>(builder.finish());

    return workloadOf(dataset, seed, "dates", 32, 128);
}

Workload workloadOf(std::shared_ptr<const Dataset> dataset, std::uint64_t seed, const std::string& name,
                    int embedding, int hidden) {
    Workload w;
    w.data = prepareData(std::move(dataset), {.validationFraction = 0.0, .testFraction = 0.0}, seed, name);
    const TrainingData& data = *w.data->data;
    w.config.sourceVocabulary = data.sourceVocabulary.size();
    w.config.targetVocabulary = data.targetVocabulary.size();
    w.config.embedding = embedding;
    w.config.hidden = hidden;
    w.config.scorer = ScorerKind::General;
    w.config.bidirectional = false;
    double source = 0, target = 0;
    for (const EncodedPair& p : data.train.pairs) {
        source += static_cast<double>(p.source.size());
        target += static_cast<double>(p.target.size() + 1);
    }
    w.averageSource = source / static_cast<double>(data.train.pairs.size());
    w.averageTarget = target / static_cast<double>(data.train.pairs.size());
    return w;
}

ModelConfig withArchitecture(ModelConfig config, ScorerKind scorer, bool bidirectional) {
    config.scorer = scorer;
    config.bidirectional = bidirectional;
    return config;
}

namespace {

// Multiply-adds of one LSTM level over `steps` steps of `inputs` values: input projection and
// recurrence of each direction (H/2 units each when bidirectional).
double lstmMacs(double steps, double inputs, double h, bool bidirectional) {
    const double direction = bidirectional ? h / 2 : h;
    const double directions = bidirectional ? 2 : 1;
    return steps * directions * (4 * direction * inputs + 4 * direction * direction);
}

// Multiply-adds of the attention and decoder over `keys` keys and `t` target tokens.
double decoderMacs(const ModelConfig& c, double keys, double t) {
    const double h = c.hidden, a = c.attentionSize(), v = c.targetVocabulary, s = keys;
    double macs = 0;
    // Attention keys prepared once per source (additive kinds): W_k h̄.
    const bool additive = c.scorer == ScorerKind::Additive || c.scorer == ScorerKind::LocationAware;
    if (additive) macs += s * a * h;
    // Decoder, per target token: LSTM input and recurrence, scoring, context, combine, readout.
    double step = 4 * h * c.decoderInputSize() + 4 * h * h + 2 * h * h + v * h;
    switch (c.scorer) {
    case ScorerKind::None:
        break;
    case ScorerKind::Dot:
    case ScorerKind::ScaledDot:
        step += 2 * s * h;
        break;
    case ScorerKind::General:
        step += h * h + 2 * s * h;
        break;
    case ScorerKind::Additive:
        step += a * h + s * a + s * h;
        break;
    case ScorerKind::Location:
        step += s * h + s * h;
        break;
    case ScorerKind::LocationAware:
        step += a * h + s * a + s * h + s * c.locationFilters * (c.locationKernel + a);
        break;
    }
    return macs + t * step;
}

} // namespace

double trainingFlops(const ModelConfig& c, int sourceLength, int targetLength) {
    const InputConfig& input = c.input;
    const double e = c.embedding, h = c.hidden, s = sourceLength, d = input.featureSize();
    double macs = 0;       // backward = 2 x forward (gradients to the weights and to the input)
    double projection = 0; // the front end's product reads data: backward = 1 x forward (weights only)
    double keys = s;
    switch (input.kind) {
    case InputKind::Tokens: // an embedding lookup is no product
        macs += lstmMacs(s, e, h, c.bidirectional);
        break;
    case InputKind::Frames:
        projection = s * d * e;
        macs += lstmMacs(s, e, h, c.bidirectional);
        // Each pyramid level reads neighbours concatenated (2H) over half the steps below.
        for (int level = 1; level <= input.frameReduction; ++level) {
            const double steps = std::ceil(s / static_cast<double>(1 << level));
            macs += lstmMacs(steps, 2 * h, h, c.bidirectional);
        }
        keys = input.keyLength(sourceLength);
        break;
    case InputKind::Image:
        if (input.rowEncoder) {
            projection = s * d * e;
            macs += lstmMacs(s, e, h, true); // along the rows, always both directions
        } else {
            projection = s * d * h;
        }
        break;
    }
    macs += decoderMacs(c, keys, targetLength);
    return 2.0 * (3.0 * macs + 2.0 * projection); // 2 flops per multiply-add
}

double meanTrainingFlops(const Workload& workload, const ModelConfig& config) {
    const std::vector<EncodedPair>& pairs = workload.data->data->train.pairs;
    double sum = 0;
    for (const EncodedPair& p : pairs)
        sum +=
            trainingFlops(config, static_cast<int>(p.source.size()), static_cast<int>(p.target.size() + 1));
    return pairs.empty() ? 0.0 : sum / static_cast<double>(pairs.size());
}

} // namespace attnlab::bench
