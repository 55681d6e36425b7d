#include "core/experiment/ExperimentSummary.h"

#include "core/experiment/Experiment.h"

namespace attnlab {

ExperimentData describeData(const PreparedData& prepared) {
    ExperimentData d;
    const TrainingData& data = *prepared.data;
    d.name = prepared.label;
    d.trainPairs = static_cast<long long>(data.train.pairs.size());
    d.validationPairs = static_cast<long long>(data.validation.pairs.size());
    d.longestSource = prepared.longestSource;
    d.sourceVocabulary = data.sourceVocabulary.size();
    d.targetVocabulary = data.targetVocabulary.size();
    if (!prepared.dataset) { // encoded elsewhere: char tokens, no file, no gold alignments
        d.pairs = d.trainPairs + d.validationPairs + static_cast<long long>(data.test.pairs.size());
        return d;
    }
    const Dataset& dataset = *prepared.dataset;
    const DatasetOptions& options = dataset.options();
    d.path = dataset.path();
    d.pairs = dataset.size();
    d.sourceTokens = tokenizationName(options.sourceTokens);
    d.targetTokens = tokenizationName(options.targetTokens);
    d.lowercase = options.lowercase;
    d.trim = options.trim;
    d.goldAlignments = dataset.hasAlignments();
    return d;
}

ExperimentSummary summarize(const Experiment& experiment) {
    ExperimentSummary summary;
    summary.data = describeData(experiment.data());
    summary.concurrentRuns = experiment.lastPlan().concurrent;
    summary.threadsPerRun = experiment.lastPlan().perRun;
    for (int i = 0; i < experiment.size(); ++i) {
        const Run& run = experiment.run(i);
        RunSummary row;
        row.name = run.name();
        row.config = run.bundle().config;
        row.scorer = scorerName(row.config.scorer);
        row.settings = run.settings();
        row.parameters = run.parameterCount();
        row.record = run.record();
        summary.runs.push_back(std::move(row));
    }
    return summary;
}

} // namespace attnlab
