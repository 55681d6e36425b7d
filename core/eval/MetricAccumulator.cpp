#include "core/eval/MetricAccumulator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace attnlab {

MetricAccumulator::MetricAccumulator(int bleuOrder, BleuSmoothing bleuSmoothing)
    : m_bleuSmoothing(bleuSmoothing), m_bleu(bleuOrder) {}

void MetricAccumulator::add(const EvalExample& example) {
    // Everything that can throw runs before anything is counted, so a bad example leaves the
    // accumulator as it was.
    if (example.sourceLength < 0)
        throw std::invalid_argument("metrics: negative source length " +
                                    std::to_string(example.sourceLength));
    if (example.lossTokens < 0)
        throw std::invalid_argument("metrics: negative loss token count " +
                                    std::to_string(example.lossTokens));
    if (example.gold && !example.attention)
        throw std::invalid_argument("metrics: a gold alignment needs the attention matrix");
    double entropy = 0.0;
    double lastMass = 0.0;
    AerCounts alignment;
    if (example.attention && example.attention->rows() > 0) {
        entropy = meanAttentionEntropy(*example.attention, example.sourceLength);
        lastMass = meanLastPositionMass(*example.attention, example.sourceLength);
    }
    if (example.gold)
        alignment = alignmentErrorCounts(*example.attention, *example.gold, example.goldTargetLength,
                                         example.sourceLength);

    addSequences(example.hypothesis, example.reference, example.sourceLength);
    if (example.attention) {
        const auto rows = example.attention->rows();
        m_entropySum += entropy * static_cast<double>(rows);
        m_lastMassSum += lastMass * static_cast<double>(rows);
        m_attentionRows += static_cast<long>(rows);
    }
    if (example.gold) {
        m_alignmentCounts += alignment;
        ++m_alignedExamples;
        long rows = 0;
        m_goldMassSum += goldAttentionMass(*example.attention, *example.gold, rows);
        m_goldMassRows += rows;
    }
    if (example.lossTokens > 0) addLoss(example.lossSum, example.lossTokens);
}

void MetricAccumulator::addSequences(std::span<const int> hypothesis, std::span<const int> reference,
                                     int sourceLength) {
    if (sourceLength < 0)
        throw std::invalid_argument("metrics: negative source length " + std::to_string(sourceLength));
    ++m_examples;
    m_correctTokens += matchingPositions(hypothesis, reference);
    m_referenceTokens += static_cast<long>(reference.size());
    m_unknownReferenceTokens += static_cast<long>(std::ranges::count(reference, UnknownId));
    m_exactMatches += exactMatch(hypothesis, reference) ? 1 : 0;
    m_bleu.add(hypothesis, reference);
    LengthAccuracy& row = m_byLength[sourceLength];
    row.sourceLength = sourceLength;
    row.add(hypothesis, reference);
}

void MetricAccumulator::addAttention(const ConstMatrixRef<float>& attention, int sourceLength) {
    // attention: (T x S)
    if (attention.rows() == 0) return;
    // The per-matrix means times the row count give sums, so every row weighs the same.
    const auto rows = static_cast<double>(attention.rows());
    m_entropySum += meanAttentionEntropy(attention, sourceLength) * rows;
    m_lastMassSum += meanLastPositionMass(attention, sourceLength) * rows;
    m_attentionRows += static_cast<long>(attention.rows());
}

void MetricAccumulator::addAlignment(const ConstMatrixRef<float>& attention, const Alignment& gold,
                                     int goldTargetLength, int sourceLength) {
    m_alignmentCounts += alignmentErrorCounts(attention, gold, goldTargetLength, sourceLength);
    ++m_alignedExamples;
    long rows = 0;
    m_goldMassSum += goldAttentionMass(attention, gold, rows);
    m_goldMassRows += rows;
}

void MetricAccumulator::addLoss(double lossSum, long tokens) {
    if (tokens < 0)
        throw std::invalid_argument("metrics: negative loss token count " + std::to_string(tokens));
    m_lossSum += lossSum;
    m_lossTokens += tokens;
}

void MetricAccumulator::merge(const MetricAccumulator& other) {
    m_bleu.merge(other.m_bleu);
    m_examples += other.m_examples;
    m_lossSum += other.m_lossSum;
    m_lossTokens += other.m_lossTokens;
    m_correctTokens += other.m_correctTokens;
    m_referenceTokens += other.m_referenceTokens;
    m_unknownReferenceTokens += other.m_unknownReferenceTokens;
    m_exactMatches += other.m_exactMatches;
    m_alignmentCounts += other.m_alignmentCounts;
    m_alignedExamples += other.m_alignedExamples;
    m_goldMassSum += other.m_goldMassSum;
    m_goldMassRows += other.m_goldMassRows;
    m_entropySum += other.m_entropySum;
    m_lastMassSum += other.m_lastMassSum;
    m_attentionRows += other.m_attentionRows;
    for (const auto& [length, theirs] : other.m_byLength) {
        LengthAccuracy& row = m_byLength[length];
        row.sourceLength = length;
        row.count += theirs.count;
        row.exactMatches += theirs.exactMatches;
        row.correctTokens += theirs.correctTokens;
        row.referenceTokens += theirs.referenceTokens;
    }
    for (const auto& [labels, count] : other.m_labels) m_labels[labels] += count;
    if (other.m_rouge) {
        if (!m_rouge) m_rouge.emplace();
        m_rouge->merge(*other.m_rouge);
    }
}

void MetricAccumulator::addRouge(std::span<const int> hypothesis, std::span<const int> reference) {
    if (!m_rouge) m_rouge.emplace();
    m_rouge->add(hypothesis, reference);
}

void MetricAccumulator::addLabel(int gold, int predicted) {
    if (gold < 0 || predicted < 0) throw std::out_of_range("a label id is negative");
    ++m_labels[{gold, predicted}];
}

void MetricAccumulator::clear() {
    const BleuSmoothing smoothing = m_bleuSmoothing;
    const int order = m_bleu.maxOrder();
    *this = MetricAccumulator(order, smoothing);
}

Metrics MetricAccumulator::metrics() const {
    Metrics m;
    m.examples = m_examples;
    m.rouge = m_rouge;
    if (!m_labels.empty()) {
        int classes = 0;
        for (const auto& [labels, count] : m_labels)
            classes = std::max({classes, labels.first + 1, labels.second + 1});
        ConfusionMatrix confusion(classes);
        for (const auto& [labels, count] : m_labels)
            for (long i = 0; i < count; ++i) confusion.add(labels.first, labels.second);
        m.macroF1 = confusion.macroF1();
        m.confusion = std::move(confusion);
    }

    m.lossTokens = m_lossTokens;
    m.loss = meanTokenLoss(m_lossSum, m_lossTokens);
    m.perplexity = std::exp(m.loss); // NaN stays NaN

    m.correctTokens = m_correctTokens;
    m.referenceTokens = m_referenceTokens;
    m.unknownReferenceTokens = m_unknownReferenceTokens;
    if (m_referenceTokens > 0)
        m.tokenAccuracy = static_cast<double>(m_correctTokens) / static_cast<double>(m_referenceTokens);
    m.exactMatches = m_exactMatches;
    if (m_examples > 0) m.exactMatch = static_cast<double>(m_exactMatches) / static_cast<double>(m_examples);

    m.bleu = m_bleu.score(m_bleuSmoothing);

    m.alignmentCounts = m_alignmentCounts;
    m.alignedExamples = m_alignedExamples;
    if (m_alignedExamples > 0) m.alignmentErrorRate = m_alignmentCounts.errorRate();
    m.goldMassRows = m_goldMassRows;
    if (m_goldMassRows > 0) m.goldMass = m_goldMassSum / static_cast<double>(m_goldMassRows);

    m.attentionRows = m_attentionRows;
    if (m_attentionRows > 0) {
        m.attentionEntropy = m_entropySum / static_cast<double>(m_attentionRows);
        m.lastPositionMass = m_lastMassSum / static_cast<double>(m_attentionRows);
    }

    m.bySourceLength.reserve(m_byLength.size());
    for (const auto& entry : m_byLength) m.bySourceLength.push_back(entry.second);
    return m;
}

} // namespace attnlab
