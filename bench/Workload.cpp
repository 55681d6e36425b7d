#include "bench/Workload.h"

#include "core/data/DatasetBuilder.h"
#include "core/data/ShippedDatasets.h"
#include "core/data/TaskGenerators.h"

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

double trainingFlops(const ModelConfig& c, int sourceLength, int targetLength) {
    const double e = c.embedding, h = c.hidden, a = c.attentionSize();
    const double s = sourceLength, t = targetLength, v = c.targetVocabulary;
    const double direction = c.bidirectional ? h / 2 : h;
    const double directions = c.bidirectional ? 2 : 1;
    // Encoder: input projection and recurrence of each direction, per source token.
    double macs = s * directions * (4 * direction * e + 4 * direction * direction);
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
    macs += t * step;
    return 2.0 * 3.0 * macs; // 2 flops per multiply-add; backward costs twice the forward
}

} // namespace attnlab::bench
