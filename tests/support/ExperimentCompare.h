#pragma once
// Field-by-field comparison of what an experiment records (metrics, settings, architecture), for
// tests that read one back: QCOMPARE on each field, NaN equal to NaN. Call from a test function.
#include "core/eval/Metrics.h"
#include "core/nn/ModelConfig.h"
#include "core/train/TrainingSettings.h"

#include <QtTest>

#include <cmath>

namespace attnlab::test {

inline bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

#define COMPARE_DOUBLE(a, b)                                                                                 \
    QVERIFY2(attnlab::test::same((a), (b)), qPrintable(QString("%1 != %2").arg(a).arg(b)))

inline void compareMetrics(const Metrics& a, const Metrics& b) {
    QCOMPARE(a.examples, b.examples);
    COMPARE_DOUBLE(a.loss, b.loss);
    COMPARE_DOUBLE(a.perplexity, b.perplexity);
    QCOMPARE(a.lossTokens, b.lossTokens);
    COMPARE_DOUBLE(a.tokenAccuracy, b.tokenAccuracy);
    QCOMPARE(a.correctTokens, b.correctTokens);
    QCOMPARE(a.referenceTokens, b.referenceTokens);
    QCOMPARE(a.unknownReferenceTokens, b.unknownReferenceTokens);
    COMPARE_DOUBLE(a.exactMatch, b.exactMatch);
    QCOMPARE(a.exactMatches, b.exactMatches);
    COMPARE_DOUBLE(a.bleu.score, b.bleu.score);
    QCOMPARE(a.bleu.precisions.size(), b.bleu.precisions.size());
    for (size_t i = 0; i < a.bleu.precisions.size(); ++i)
        COMPARE_DOUBLE(a.bleu.precisions[i], b.bleu.precisions[i]);
    QCOMPARE(a.bleu.matches, b.bleu.matches);
    QCOMPARE(a.bleu.totals, b.bleu.totals);
    COMPARE_DOUBLE(a.bleu.brevityPenalty, b.bleu.brevityPenalty);
    QCOMPARE(a.bleu.hypothesisLength, b.bleu.hypothesisLength);
    QCOMPARE(a.bleu.referenceLength, b.bleu.referenceLength);
    COMPARE_DOUBLE(a.alignmentErrorRate, b.alignmentErrorRate);
    QCOMPARE(a.alignmentCounts.hypothesisLinks, b.alignmentCounts.hypothesisLinks);
    QCOMPARE(a.alignmentCounts.sureLinks, b.alignmentCounts.sureLinks);
    QCOMPARE(a.alignmentCounts.sureMatches, b.alignmentCounts.sureMatches);
    QCOMPARE(a.alignmentCounts.possibleMatches, b.alignmentCounts.possibleMatches);
    QCOMPARE(a.alignedExamples, b.alignedExamples);
    COMPARE_DOUBLE(a.attentionEntropy, b.attentionEntropy);
    COMPARE_DOUBLE(a.lastPositionMass, b.lastPositionMass);
    QCOMPARE(a.attentionRows, b.attentionRows);
    QCOMPARE(a.bySourceLength.size(), b.bySourceLength.size());
    for (size_t i = 0; i < a.bySourceLength.size(); ++i) {
        const LengthAccuracy& x = a.bySourceLength[i];
        const LengthAccuracy& y = b.bySourceLength[i];
        QCOMPARE(x.sourceLength, y.sourceLength);
        QCOMPARE(x.count, y.count);
        QCOMPARE(x.exactMatches, y.exactMatches);
        QCOMPARE(x.correctTokens, y.correctTokens);
        QCOMPARE(x.referenceTokens, y.referenceTokens);
    }
}

inline void compareSettings(const TrainingSettings& a, const TrainingSettings& b) {
    QCOMPARE(a.optimizer, b.optimizer);
    QCOMPARE(a.learningRate, b.learningRate);
    QCOMPARE(a.momentum, b.momentum);
    QCOMPARE(a.clipNorm, b.clipNorm);
    QCOMPARE(a.teacherForcing, b.teacherForcing);
    QCOMPARE(a.dropout, b.dropout);
    QCOMPARE(a.batchSize, b.batchSize);
    QCOMPARE(a.epochs, b.epochs);
    QCOMPARE(a.maxSteps, b.maxSteps);
    QCOMPARE(a.seed, b.seed);
    QCOMPARE(a.threads, b.threads);
    QCOMPARE(a.validationFraction, b.validationFraction);
    QCOMPARE(a.earlyStopping, b.earlyStopping);
    QCOMPARE(a.patience, b.patience);
    QCOMPARE(a.decayOnPlateau, b.decayOnPlateau);
    QCOMPARE(a.decayFactor, b.decayFactor);
    QCOMPARE(a.decayPatience, b.decayPatience);
    QCOMPARE(a.beamWidth, b.beamWidth);
    QCOMPARE(a.attentionPairs, b.attentionPairs);
    QCOMPARE(a.attentionEverySteps, b.attentionEverySteps);
}

inline void compareConfig(const ModelConfig& a, const ModelConfig& b) {
    QCOMPARE(a.sourceVocabulary, b.sourceVocabulary);
    QCOMPARE(a.targetVocabulary, b.targetVocabulary);
    QCOMPARE(a.embedding, b.embedding);
    QCOMPARE(a.hidden, b.hidden);
    QCOMPARE(a.attentionSize(),
             b.attentionSize()); // 0 ("as hidden") is written as the size, as in a model file
    QCOMPARE(a.scorer, b.scorer);
    QCOMPARE(a.decoder, b.decoder);
    QCOMPARE(a.inputFeeding, b.inputFeeding);
    QCOMPARE(a.bidirectional, b.bidirectional);
    QCOMPARE(a.maxSourceLength, b.maxSourceLength);
    QCOMPARE(a.locationFilters, b.locationFilters);
    QCOMPARE(a.locationKernel, b.locationKernel);
}

} // namespace attnlab::test
