#include "app/cli/TrainingRun.h"

#include "app/cli/CommandGuard.h"
#include "app/cli/CoverageWarning.h"
#include "core/data/ShippedDatasets.h"
#include "core/eval/TokenCoverage.h"

#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <iostream>

namespace attnlab::cli {

namespace {
using Clock = std::chrono::steady_clock;

// Forwards every event and keeps the epoch history and the time validation took.
class Recorder : public TrainingObserver {
public:
    explicit Recorder(TrainingObserver& next) : m_next(next) {}

    void onStep(const StepProgress& p) override {
        m_lastStep = Clock::now();
        m_next.onStep(p);
    }
    void onEpoch(const EpochReport& r) override {
        // The epoch's validation ran between its last step and this report.
        validationSeconds += std::chrono::duration<double>(Clock::now() - m_lastStep).count();
        history.push_back(r);
        m_next.onEpoch(r);
    }
    void onAttention(const AttentionSnapshot& s) override { m_next.onAttention(s); }
    void onMessage(const std::string& m) override { m_next.onMessage(m); }

    std::vector<EpochReport> history;
    double validationSeconds = 0.0;

private:
    TrainingObserver& m_next;
    Clock::time_point m_lastStep = Clock::now();
};
} // namespace

Json dataJson(const PreparedData& prepared) {
    const Dataset& d = prepared.dataset;
    return {{"name", prepared.label},
            {"path", d.path().empty() ? Json(nullptr) : Json(d.path())},
            {"pairs", d.size()},
            {"train", prepared.data.train.pairs.size()},
            {"validation", prepared.data.validation.pairs.size()},
            {"source_tokens", tokenizationName(d.options().sourceTokens)},
            {"target_tokens", tokenizationName(d.options().targetTokens)},
            {"lowercase", d.options().lowercase},
            {"gold_alignments", d.hasAlignments()},
            {"longest_source", prepared.longestSource}};
}

int maxSourceLengthFor(int longestSource) {
    return std::max(64, longestSource);
}

PreparedData prepareData(const TrainingArgs& args, std::ostream& log) {
    DatasetOptions options;
    const auto tokens = parseTokenization(args.tokens);
    if (!tokens) throw InputError("unknown tokenisation '" + args.tokens + "' (expected char or word)");
    options.sourceTokens = options.targetTokens = *tokens;
    options.lowercase = args.lowercase;
    PreparedData prepared;
    const ShippedDataset* shipped = findShippedDataset(args.data);
    prepared.label = args.data;
    prepared.dataset = openDataset(args.data, options);
    const Dataset& dataset = prepared.dataset;
    const DatasetOptions& used = dataset.options();
    if (shipped && args.tokensGiven && (used.sourceTokens != *tokens || used.targetTokens != *tokens))
        log << "note: " << args.data << " is tokenised " << tokenizationName(used.sourceTokens) << " -> "
            << tokenizationName(used.targetTokens) << "; --tokens " << args.tokens
            << " applies to files only\n";
    if (dataset.empty()) throw InputError(args.data + ": the dataset has no pairs");
    try {
        prepared.data = prepareTrainingData(
            dataset, PrepareOptions{.validationFraction = args.validationFraction, .testFraction = 0.0},
            args.seed);
    } catch (const std::invalid_argument& e) {
        throw InputError(args.data + ": " + e.what());
    }
    // With no test split, train and validation hold every pair, one id per source token.
    for (const EncodedSplit* split : {&prepared.data.train, &prepared.data.validation})
        for (const EncodedPair& pair : split->pairs)
            prepared.longestSource = std::max(prepared.longestSource, static_cast<int>(pair.source.size()));

    const TrainingData& data = prepared.data;
    log << args.data << ": " << dataset.size() << " pairs (" << tokenizationName(used.sourceTokens) << " -> "
        << tokenizationName(used.targetTokens) << (used.lowercase ? ", lowercased" : "")
        << (dataset.hasAlignments() ? ", gold alignments" : "") << "), " << data.train.pairs.size()
        << " train, " << data.validation.pairs.size() << " validation; vocabulary "
        << data.sourceVocabulary.size() << " source, " << data.targetVocabulary.size() << " target\n";
    if (!shipped) log << "  " << dataset.report().summary() << '\n';
    if (data.validation.sourceUnknown + data.validation.targetUnknown > 0)
        log << "  validation tokens unseen in training (read as <unk>): " << data.validation.sourceUnknown
            << " of " << data.validation.sourceTokens << " source, " << data.validation.targetUnknown
            << " of " << data.validation.targetTokens << " target\n";
    // The vocabularies come from the training split, so validation targets it never saw count as
    // wrong in every validation metric; a few are normal, many make the figures misleading.
    const std::string warning =
        coverageWarning(tokenCoverage(data.validation), "validation reference tokens",
                        "are not in the vocabulary of the training split and count as wrong");
    if (!warning.empty()) std::cerr << warning << '\n';
    return prepared;
}

double RunRecord::stepsPerSecond() const {
    return trainingSeconds > 0 ? result.steps / trainingSeconds : 0.0;
}

TrainingRun::TrainingRun(const PreparedData& prepared, const TrainingArgs& args, ScorerKind scorer,
                         int threads)
    : m_prepared(prepared) {
    const TrainingData& data = prepared.data;
    m_bundle.training = trainingSettings(args);
    m_bundle.training.threads = threads;
    m_bundle.config = modelConfig(args, scorer, data.sourceVocabulary.size(), data.targetVocabulary.size(),
                                  maxSourceLengthFor(prepared.longestSource));
    m_bundle.sourceTokens = prepared.dataset.options().sourceTokens;
    m_bundle.targetTokens = prepared.dataset.options().targetTokens;
    m_bundle.text = textNormalization(prepared.dataset.options());
    m_bundle.sourceVocabulary = data.sourceVocabulary;
    m_bundle.targetVocabulary = data.targetVocabulary;
    m_bundle.dataset = prepared.label;
    m_bundle.model = std::make_unique<Seq2Seq<float>>(m_bundle.config);
    m_bundle.model->initialize(m_bundle.training.seed);
    try {
        m_trainer = std::make_unique<Trainer>(*m_bundle.model, data, m_bundle.training, &prepared.dataset);
    } catch (const std::invalid_argument& e) {
        throw InputError(e.what());
    }
}

long long TrainingRun::parameterCount() const {
    return attnlab::parameterCount(m_bundle.model->parameters());
}

int TrainingRun::batchesPerEpoch() const {
    const long long pairs = static_cast<long long>(m_prepared.data.train.pairs.size());
    return static_cast<int>((pairs + m_bundle.training.batchSize - 1) / m_bundle.training.batchSize);
}

int TrainingRun::plannedEpochs() const {
    const long long perEpoch = batchesPerEpoch();
    return static_cast<int>((plannedSteps() + perEpoch - 1) / perEpoch);
}

RunRecord TrainingRun::run(TrainingObserver& observer, TrainingControl& control) {
    Recorder recorder(observer);
    RunRecord record;
    record.result = m_trainer->run(recorder, control);
    record.history = std::move(recorder.history);
    record.trainingSeconds = std::max(0.0, record.result.seconds - recorder.validationSeconds);
    return record;
}

} // namespace attnlab::cli
