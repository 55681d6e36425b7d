#include "app/cli/JsonOutput.h"

#include <charconv>
#include <cmath>

namespace attnlab::cli {

Json number(double value) {
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

Json weight(float value) {
    if (!std::isfinite(value)) return Json(nullptr);
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    double shortest = 0.0;
    std::from_chars(text, end, shortest);
    return Json(shortest);
}

Json metricsJson(const Metrics& m) {
    Json byLength = Json::array();
    for (const LengthAccuracy& row : m.bySourceLength)
        byLength.push_back({{"source_length", row.sourceLength},
                            {"count", row.count},
                            {"exact_matches", row.exactMatches},
                            {"exact_match", number(row.exactMatchRate())},
                            {"token_accuracy", number(row.tokenAccuracyRate())}});
    Json precisions = Json::array();
    for (double p : m.bleu.precisions) precisions.push_back(number(p));
    return {
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
          {"brevity_penalty", number(m.bleu.brevityPenalty)},
          {"hypothesis_length", m.bleu.hypothesisLength},
          {"reference_length", m.bleu.referenceLength}}},
        {"aer", number(m.alignmentErrorRate)},
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
}

Json epochJson(const EpochReport& r) {
    return {{"epoch", r.epoch},
            {"step", r.step},
            {"train_loss", number(r.trainLoss)},
            {"validation", metricsJson(r.validation)},
            {"validation_pairs", r.validationPairs}, // more than validation.examples: Stop cut it short
            {"improved", r.improved},
            {"learning_rate", number(r.learningRate)},
            {"seconds", r.seconds}};
}

Json settingsJson(const TrainingSettings& s) {
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
            {"threads", s.threads}};
}

Json modelJson(const ModelBundle& bundle) {
    Json json = Json::parse(modelConfigJson(bundle));
    json["training"] = settingsJson(bundle.training);
    return json;
}

std::string jsonText(const Json& json, bool compact) {
    return json.dump(compact ? -1 : 2, ' ', false, Json::error_handler_t::replace);
}

} // namespace attnlab::cli
