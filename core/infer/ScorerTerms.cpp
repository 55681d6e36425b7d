#include "core/infer/ScorerTerms.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace attnlab {

namespace {

// A (n x 1) parameter as a vector, or a (1 x n) one transposed.
Vector<float> asVector(const Parameter<float>& p) {
    return p.value.cols() == 1 ? Vector<float>(p.value.col(0)) : Vector<float>(p.value.row(0).transpose());
}

} // namespace

ScorerTerms scorerTerms(const Seq2Seq<float>& model, const Inspection& inspection, int step, int position) {
    const ScorerKind kind = model.config().scorer;
    if (kind == ScorerKind::None) throw std::invalid_argument("scorerTerms: the model has no attention");
    if (step < 0 || step >= static_cast<int>(inspection.steps.size()))
        throw std::invalid_argument("scorerTerms: no step " + std::to_string(step) + " (the inspection has " +
                                    std::to_string(inspection.steps.size()) + ")");
    if (position < 0 || position >= inspection.keys.rows())
        throw std::invalid_argument("scorerTerms: no source position " + std::to_string(position) +
                                    " (the source has " + std::to_string(inspection.keys.rows()) + ")");
    const StepInspection& at = inspection.steps[static_cast<size_t>(step)];
    ScorerTerms terms;
    terms.kind = kind;
    terms.step = step;
    terms.position = position;
    terms.query = at.query;
    terms.key = inspection.keys.row(position).transpose();
    const auto& q = terms.query;
    const auto& k = terms.key;
    switch (kind) {
    case ScorerKind::None:
        break;
    case ScorerKind::Dot:
    case ScorerKind::ScaledDot:
        terms.scale = kind == ScorerKind::Dot ? 1.0f : 1.0f / std::sqrt(static_cast<float>(q.size()));
        terms.score = terms.scale * q.dot(k);
        break;
    case ScorerKind::General:
        terms.projectedQuery = model.parameter("attention.weight").value * q; // (H x H)(H)
        terms.score = k.dot(terms.projectedQuery);
        break;
    case ScorerKind::Location:
        terms.positionWeights = model.parameter("attention.weight").value.row(position).transpose();
        terms.score = terms.positionWeights.dot(q);
        break;
    case ScorerKind::Additive:
    case ScorerKind::LocationAware:
        terms.projectedQuery = model.parameter("attention.query.weight").value * q; // (A x H)(H)
        terms.projectedKey = model.parameter("attention.key.weight").value * k +
                             asVector(model.parameter("attention.key.bias"));
        terms.preActivation = terms.projectedQuery + terms.projectedKey;
        if (kind == ScorerKind::LocationAware) {
            terms.features = at.locationFeatures.col(position); // (F)
            terms.projectedFeatures = model.parameter("attention.location.weight").value * terms.features;
            terms.preActivation += terms.projectedFeatures;
        }
        terms.activation = terms.preActivation.array().tanh().matrix();
        terms.v = asVector(model.parameter("attention.v.weight"));
        terms.score = terms.v.dot(terms.activation);
        break;
    }
    return terms;
}

} // namespace attnlab
