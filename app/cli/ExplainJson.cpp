#include "app/cli/ExplainJson.h"

namespace attnlab::cli {

namespace {

Json vectorJson(const Eigen::Ref<const Vector<float>>& values) {
    Json list = Json::array();
    for (Eigen::Index i = 0; i < values.size(); ++i) list.push_back(weight(values(i)));
    return list;
}

// One row per matrix row: (R x C) -> R lists of C
Json rowsJson(const Matrix<float>& m) {
    Json rows = Json::array();
    for (Eigen::Index r = 0; r < m.rows(); ++r) rows.push_back(vectorJson(m.row(r).transpose()));
    return rows;
}

Json stepJson(const Vocabulary& target, const StepInspection& step) {
    Json top = Json::array();
    for (const TokenChance& chance : step.top)
        top.push_back({{"token", target.token(chance.token)}, {"probability", weight(chance.probability)}});
    return {{"step", step.step},
            {"input", target.token(step.inputToken)},
            {"output", target.token(step.chosen)},
            {"log_prob", weight(step.chosenLogProb)},
            {"query", vectorJson(step.query)},
            {"scores", vectorJson(step.scores)},
            {"weights", vectorJson(step.weights)},
            {"previous_weights", vectorJson(step.previousWeights)},
            {"location_features", rowsJson(step.locationFeatures)},
            {"context", vectorJson(step.context)},
            {"attentional", vectorJson(step.attentional)},
            {"top", top},
            {"token_forced", step.tokenForced},
            {"attention_forced", step.attentionForced}};
}

} // namespace

Json explainJson(const ModelBundle& bundle, const Inspection& inspection, double temperature, int topK) {
    Json steps = Json::array();
    for (const StepInspection& step : inspection.steps)
        steps.push_back(stepJson(bundle.targetVocabulary, step));
    return {{"scorer", scorerName(bundle.config.scorer)},
            {"decoder", decoderStyleName(bundle.config.decoder)},
            {"input_feeding", bundle.config.inputFeeding},
            {"temperature", number(temperature)},
            {"top_k", topK},
            {"keys", rowsJson(inspection.keys)},
            {"steps", steps}};
}

} // namespace attnlab::cli
