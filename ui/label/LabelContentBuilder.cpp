#include "ui/label/LabelContentBuilder.h"

#include "core/data/PremiseHypothesis.h"
#include "core/nn/SequenceBatch.h"

namespace attnlab::ui {

namespace {
std::vector<QString> texts(const std::vector<std::string>& tokens) {
    std::vector<QString> out;
    out.reserve(tokens.size());
    for (const std::string& token : tokens) out.push_back(QString::fromStdString(token));
    return out;
}

// The labels (ids past the specials), their renormalised probabilities, the predicted and gold
// indices.
struct Outcome {
    std::vector<QString> classes;
    std::vector<double> probabilities;
    int predicted = 0;
    int gold = -1;
};

Outcome outcomeOf(const SentenceDecoding& d, const Vocabulary& targets, const std::string& goldLabel) {
    Outcome o;
    double total = 0.0;
    for (int id = UnknownId + 1; id < static_cast<int>(d.classProbabilities.size()); ++id)
        total += d.classProbabilities[static_cast<size_t>(id)];
    for (int id = UnknownId + 1; id < static_cast<int>(d.classProbabilities.size()); ++id) {
        const std::string& name = targets.token(id);
        if (name == d.label) o.predicted = static_cast<int>(o.classes.size());
        if (name == goldLabel) o.gold = static_cast<int>(o.classes.size());
        o.classes.push_back(QString::fromStdString(name));
        o.probabilities.push_back(total > 0 ? d.classProbabilities[static_cast<size_t>(id)] / total : 0.0);
    }
    return o;
}
} // namespace

LabelGold goldFor(const std::vector<LabelReference>& references, const std::vector<std::string>& tokens) {
    for (const LabelReference& reference : references)
        if (reference.sourceTokens == tokens) return reference.gold;
    return {};
}

ClassificationContent classificationContent(const SentenceDecoding& d, const Vocabulary& targets,
                                            bool attends, const LabelGold& gold) {
    ClassificationContent content;
    content.tokens = texts(d.sourceTokens);
    if (attends && d.attention.rows() > 0)
        for (Eigen::Index s = 0; s < static_cast<Eigen::Index>(d.sourceTokens.size()); ++s)
            content.weights.push_back(d.attention(0, s));
    if (!gold.links.empty()) {
        content.goldEvidence.assign(d.sourceTokens.size(), false);
        for (const AlignmentLink& link : gold.links)
            if (link.source >= 0 && link.source < static_cast<int>(d.sourceTokens.size()))
                content.goldEvidence[static_cast<size_t>(link.source)] = true;
    }
    Outcome o = outcomeOf(d, targets, gold.label);
    content.classes = std::move(o.classes);
    content.probabilities = std::move(o.probabilities);
    content.predicted = o.predicted;
    content.gold = o.gold;
    return content;
}

EntailmentContent entailmentContent(const SentenceDecoding& d, const Vocabulary& targets,
                                    const LabelGold& gold) {
    EntailmentContent content;
    const PremiseHypothesisTokens parts = splitPremiseHypothesis(d.sourceTokens);
    content.premise = texts(parts.premise);
    content.hypothesis = texts(parts.hypothesis);
    // (N x P): the decoding's rows are the hypothesis words, its first P columns the premise
    content.weights = d.attention.leftCols(static_cast<Eigen::Index>(parts.premise.size()));
    content.goldLinks = gold.links;
    Outcome o = outcomeOf(d, targets, gold.label);
    content.classes = std::move(o.classes);
    content.probabilities = std::move(o.probabilities);
    content.predicted = o.predicted;
    content.gold = o.gold;
    return content;
}

} // namespace attnlab::ui
