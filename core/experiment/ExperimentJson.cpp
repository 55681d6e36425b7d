#include "core/experiment/ExperimentJson.h"

#include "core/train/ModelFile.h"

#include <charconv>
#include <cmath>

namespace attnlab {

OrderedJson number(double value) {
    return std::isfinite(value) ? OrderedJson(value) : OrderedJson(nullptr);
}

OrderedJson weight(float value) {
    if (!std::isfinite(value)) return OrderedJson(nullptr);
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    double shortest = 0.0;
    std::from_chars(text, end, shortest);
    return OrderedJson(shortest);
}

namespace {
template <class T> OrderedJson list(const std::vector<T>& values) {
    OrderedJson json = OrderedJson::array();
    for (const T& value : values) json.push_back(value);
    return json;
}
} // namespace

OrderedJson metricsJson(const Metrics& m) {
    OrderedJson byLength = OrderedJson::array();
    for (const LengthAccuracy& row : m.bySourceLength)
        byLength.push_back({{"source_length", row.sourceLength},
                            {"count", row.count},
                            {"exact_matches", row.exactMatches},
                            {"exact_match", number(row.exactMatchRate())},
                            {"correct_tokens", row.correctTokens},
                            {"reference_tokens", row.referenceTokens},
                            {"token_accuracy", number(row.tokenAccuracyRate())}});
    OrderedJson precisions = OrderedJson::array();
    for (double p : m.bleu.precisions) precisions.push_back(number(p));
    OrderedJson json = {
        {"examples", m.examples},
        {"loss", number(m.loss)},
        {"perplexity", number(m.perplexity)},
        {"loss_tokens", m.lossTokens},
        {"token_accuracy", number(m.tokenAccuracy)},
        {"correct_tokens", m.correctTokens},
        {"reference_tokens", m.referenceTokens},
        {"unknown_reference_tokens", m.unknownReferenceTokens},
        {"exact_match", number(m.exactMatch)},
        {"exact_matches", m.exactMatches},
        {"bleu",
         {{"score", number(m.bleu.score)},
          {"precisions", precisions},
          {"matches", list(m.bleu.matches)},
          {"totals", list(m.bleu.totals)},
          {"brevity_penalty", number(m.bleu.brevityPenalty)},
          {"hypothesis_length", m.bleu.hypothesisLength},
          {"reference_length", m.bleu.referenceLength}}},
        {"aer", number(m.alignmentErrorRate)},
        {"gold_mass", number(m.goldMass)},
        {"aligned_examples", m.alignedExamples},
        {"alignment_counts",
         {{"hypothesis_links", m.alignmentCounts.hypothesisLinks},
          {"sure_links", m.alignmentCounts.sureLinks},
          {"sure_matches", m.alignmentCounts.sureMatches},
          {"possible_matches", m.alignmentCounts.possibleMatches}}},
        {"attention_entropy", number(m.attentionEntropy)},
        {"last_position_mass", number(m.lastPositionMass)},
        {"attention_rows", m.attentionRows},
        {"by_source_length", byLength},
    };
    if (m.rouge) {
        const auto score = [](const RougeScore& r) {
            return OrderedJson{
                {"precision", number(r.precision)}, {"recall", number(r.recall)}, {"f1", number(r.f1)}};
        };
        json["rouge"] = {{"rouge1", score(m.rouge->rouge1())},
                         {"rouge2", score(m.rouge->rouge2())},
                         {"rougeL", score(m.rouge->rougeL())}};
    }
    if (m.confusion) {
        // Over the label ids that occur (gold or predicted); rows gold, columns predicted.
        const std::vector<int> ids = occurringLabels(*m.confusion);
        OrderedJson counts = OrderedJson::array();
        for (int gold : ids) {
            OrderedJson row = OrderedJson::array();
            for (int predicted : ids) row.push_back(m.confusion->count(gold, predicted));
            counts.push_back(row);
        }
        json["macro_f1"] = number(m.macroF1);
        json["confusion"] = {{"ids", ids}, {"counts", counts}};
    }
    return json;
}

OrderedJson epochJson(const EpochReport& r) {
    return {{"epoch", r.epoch},
            {"step", r.step},
            {"train_loss", number(r.trainLoss)},
            {"validation", metricsJson(r.validation)},
            {"validation_pairs", r.validationPairs}, // more than validation.examples: Stop cut it short
            {"improved", r.improved},
            {"learning_rate", number(r.learningRate)},
            {"seconds", r.seconds},
            {"hints", hintsJson(r.hints)}};
}

OrderedJson hintsJson(const std::vector<HealthHint>& hints) {
    OrderedJson json = OrderedJson::array();
    for (const HealthHint& h : hints)
        json.push_back({{"id", h.id},
                        {"title", h.title},
                        {"explanation", h.explanation},
                        {"advice", h.advice},
                        {"epoch", h.epoch},
                        {"step", h.step}});
    return json;
}

OrderedJson settingsJson(const TrainingSettings& s) {
    return {{"optimizer", optimizerName(s.optimizer)},
            {"learning_rate", s.learningRate},
            {"momentum", s.momentum},
            {"batch_size", s.batchSize},
            {"epochs", s.epochs},
            {"max_steps", s.maxSteps},
            {"clip_norm", s.clipNorm},
            {"teacher_forcing", s.teacherForcing},
            {"dropout", s.dropout},
            {"validation_fraction", s.validationFraction},
            {"seed", s.seed},
            {"threads", s.threads},
            {"early_stopping", s.earlyStopping},
            {"patience", s.patience},
            {"decay_on_plateau", s.decayOnPlateau},
            {"decay_factor", s.decayFactor},
            {"decay_patience", s.decayPatience},
            {"beam_width", s.beamWidth},
            {"attention_pairs", list(s.attentionPairs)},
            {"attention_every_steps", s.attentionEverySteps}};
}

OrderedJson dataJson(const ExperimentData& d) {
    return {{"name", d.name},
            {"path", d.path.empty() ? OrderedJson(nullptr) : OrderedJson(d.path)},
            {"pairs", d.pairs},
            {"train", d.trainPairs},
            {"validation", d.validationPairs},
            {"source_tokens", d.sourceTokens},
            {"target_tokens", d.targetTokens},
            {"lowercase", d.lowercase},
            {"trim", d.trim},
            {"gold_alignments", d.goldAlignments},
            {"longest_source", d.longestSource},
            {"source_vocabulary", d.sourceVocabulary},
            {"target_vocabulary", d.targetVocabulary}};
}

OrderedJson runConfigJson(const RunSummary& run, const ExperimentData& data) {
    ModelBundle bundle; // the config's text only: no model, no vocabularies
    bundle.config = run.config;
    bundle.training = run.settings;
    bundle.sourceTokens = parseTokenization(data.sourceTokens).value_or(Tokenization::Char);
    bundle.targetTokens = parseTokenization(data.targetTokens).value_or(Tokenization::Char);
    bundle.text.lowercase = data.lowercase;
    bundle.text.trim = data.trim;
    bundle.dataset = data.name;
    OrderedJson json = OrderedJson::parse(modelConfigJson(bundle));
    json.erase("training");
    return json;
}

OrderedJson runJson(const RunSummary& run, const ExperimentData& data) {
    const RunRecord& record = run.record;
    const TrainingResult& result = record.result;
    OrderedJson history = OrderedJson::array();
    for (const EpochReport& epoch : record.history) history.push_back(epochJson(epoch));
    OrderedJson losses = OrderedJson::array();
    for (float loss : record.stepLosses) losses.push_back(weight(loss));
    return {{"name", run.name},
            {"scorer", run.scorer},
            {"config", runConfigJson(run, data)},
            {"parameters", run.parameters},
            {"steps", result.steps},
            {"epochs", result.epochs},
            {"steps_per_second", record.stepsPerSecond()},
            {"seconds", result.seconds},
            {"training_seconds", record.trainingSeconds},
            {"outcome", outcomeName(result.outcome)},
            {"message", result.message},
            {"warning", result.warning},
            {"validation", metricsJson(result.validation)},
            {"history", history},
            {"model", run.modelPath.empty() ? OrderedJson(nullptr) : OrderedJson(run.modelPath)},
            {"training", settingsJson(run.settings)},
            {"step_losses", losses}};
}

} // namespace attnlab
