// parseExperiment: an experiment file's values read back, every key checked (ExperimentFile.h).
#include "core/experiment/ExperimentFile.h"
#include "core/experiment/JsonFields.h"
#include "core/train/ConfigFields.h"
#include "core/train/ModelFile.h"
#include "core/util/FileError.h"

#include <cfloat>
#include <cmath>
#include <limits>
#include <set>

namespace attnlab {

namespace {
using Json = nlohmann::json;

constexpr long long kCountMax = std::numeric_limits<long>::max();
constexpr long long kIntMax = std::numeric_limits<int>::max();

long count(const JsonFields& f, const char* key) {
    return static_cast<long>(f.integer(key, 0, kCountMax));
}
long optionalCount(const JsonFields& f, const char* key) {
    return f.has(key) ? count(f, key) : 0;
}
std::vector<long> counts(const JsonFields& f, const char* key) {
    std::vector<long> values;
    if (!f.has(key)) return values; // files written before the key existed
    for (long long v : f.integers(key, 0, kCountMax)) values.push_back(static_cast<long>(v));
    return values;
}

LengthAccuracy lengthRow(const JsonFields& f) {
    LengthAccuracy row;
    row.sourceLength = static_cast<int>(f.integer("source_length", 0, kIntMax));
    row.count = count(f, "count");
    row.exactMatches = count(f, "exact_matches");
    row.correctTokens = optionalCount(f, "correct_tokens");
    row.referenceTokens = optionalCount(f, "reference_tokens");
    return row;
}

Metrics metrics(const JsonFields& f) {
    Metrics m;
    m.examples = count(f, "examples");
    m.loss = f.numberOrNull("loss");
    m.perplexity = f.numberOrNull("perplexity");
    m.lossTokens = count(f, "loss_tokens");
    m.tokenAccuracy = f.numberOrNull("token_accuracy");
    m.correctTokens = count(f, "correct_tokens");
    m.referenceTokens = count(f, "reference_tokens");
    m.unknownReferenceTokens = count(f, "unknown_reference_tokens");
    m.exactMatch = f.numberOrNull("exact_match");
    m.exactMatches = count(f, "exact_matches");
    const JsonFields bleu = f.object("bleu");
    m.bleu.score = bleu.numberOrNull("score");
    m.bleu.precisions = bleu.numbers("precisions", true);
    m.bleu.matches = counts(bleu, "matches");
    m.bleu.totals = counts(bleu, "totals");
    m.bleu.brevityPenalty = bleu.numberOrNull("brevity_penalty");
    m.bleu.hypothesisLength = count(bleu, "hypothesis_length");
    m.bleu.referenceLength = count(bleu, "reference_length");
    m.alignmentErrorRate = f.numberOrNull("aer");
    if (f.has("gold_mass")) m.goldMass = f.numberOrNull("gold_mass");
    m.alignedExamples = count(f, "aligned_examples");
    const JsonFields links = f.object("alignment_counts");
    m.alignmentCounts.hypothesisLinks = count(links, "hypothesis_links");
    m.alignmentCounts.sureLinks = count(links, "sure_links");
    m.alignmentCounts.sureMatches = count(links, "sure_matches");
    m.alignmentCounts.possibleMatches = count(links, "possible_matches");
    m.attentionEntropy = f.numberOrNull("attention_entropy");
    m.lastPositionMass = f.numberOrNull("last_position_mass");
    m.attentionRows = count(f, "attention_rows");
    if (f.has("by_source_length"))
        for (const JsonFields& row : f.objects("by_source_length"))
            m.bySourceLength.push_back(lengthRow(row));
    return m;
}

EpochReport epoch(const JsonFields& f) {
    EpochReport r;
    r.epoch = static_cast<int>(f.integer("epoch", 0, kIntMax));
    r.step = f.integer("step", 0, kCountMax);
    r.trainLoss = f.numberOrNull("train_loss");
    r.validation = metrics(f.object("validation"));
    r.validationPairs = static_cast<int>(f.integer("validation_pairs", 0, kIntMax));
    r.improved = f.boolean("improved");
    r.learningRate = f.numberOrNull("learning_rate");
    r.seconds = f.number("seconds");
    if (f.has("hints")) // files written before health hints existed have none
        for (const JsonFields& h : f.objects("hints"))
            r.hints.push_back(HealthHint{.id = h.text("id"),
                                         .title = h.text("title"),
                                         .explanation = h.text("explanation"),
                                         .advice = h.text("advice"),
                                         .epoch = static_cast<int>(h.integer("epoch", 0, kIntMax)),
                                         .step = h.integer("step", 0, kCountMax)});
    return r;
}

TrainingOutcome outcome(const JsonFields& f) {
    const std::string name = f.text("outcome");
    for (TrainingOutcome o :
         {TrainingOutcome::Completed, TrainingOutcome::Stopped, TrainingOutcome::EarlyStopped,
          TrainingOutcome::Diverged, TrainingOutcome::Failed})
        if (outcomeName(o) == name) return o;
    f.fail(f.pathOf("outcome"), "'outcome' is " + shownJson(name) +
                                    ", an unknown outcome (expected completed, stopped, early_stopped, "
                                    "diverged or failed)");
}

// Settings under `key` of `f` through the model file's reader, validated.
TrainingSettings settings(const JsonFields& f, const char* key, const char* subject) {
    TrainingSettings base;
    try {
        readTrainingSettings(ConfigFields(f.value(key), std::string(key) + ".", subject), base);
        base.validate();
    } catch (const std::invalid_argument& e) {
        f.fail(f.pathOf(key), e.what());
    }
    return base;
}

ExperimentData data(const JsonFields& f) {
    ExperimentData d;
    d.name = f.text("name");
    d.path = f.textOrNull("path");
    d.pairs = f.integer("pairs", 0, kCountMax);
    d.trainPairs = f.integer("train", 0, kCountMax);
    d.validationPairs = f.integer("validation", 0, kCountMax);
    for (auto [key, field] :
         {std::pair{"source_tokens", &d.sourceTokens}, {"target_tokens", &d.targetTokens}}) {
        *field = f.text(key);
        if (!parseTokenization(*field))
            f.fail(f.pathOf(key),
                   f.name(key) + ": unknown tokenisation " + shownJson(*field) + " (expected char or word)");
    }
    d.lowercase = f.boolean("lowercase");
    if (f.has("trim")) d.trim = f.boolean("trim");
    d.goldAlignments = f.boolean("gold_alignments");
    d.longestSource = static_cast<int>(f.integer("longest_source", 0, kIntMax));
    if (f.has("source_vocabulary"))
        d.sourceVocabulary = static_cast<int>(f.integer("source_vocabulary", 0, kIntMax));
    if (f.has("target_vocabulary"))
        d.targetVocabulary = static_cast<int>(f.integer("target_vocabulary", 0, kIntMax));
    return d;
}

RunSummary run(const JsonFields& row, const ExperimentData& d, const TrainingSettings& shared) {
    RunSummary r;
    r.name = JsonFields(row.json(), row.path(), row.where()).text("name");
    const JsonFields f(row.json(), row.path(), "run " + shownJson(r.name) + " (" + row.where() + ")");
    r.scorer = f.text("scorer");
    try {
        parseScorer(r.scorer);
    } catch (const std::invalid_argument& e) {
        const std::string why = e.what(); // "unknown scorer 'x' (expected one of: ...)"
        const auto expected = why.find(" (expected");
        f.fail(f.pathOf("scorer"), "'scorer' is " + shownJson(r.scorer) + ", an unknown scorer" +
                                       (expected == std::string::npos ? "" : why.substr(expected)));
    }
    const Json& config = f.value("config");
    if (!config.is_object())
        f.fail(f.pathOf("config"), "'config' must be a JSON object, got " + shownJson(config));
    ModelBundle bundle; // the model file's reader: its checks and messages ("the config's 'hidden' ...")
    try {
        readModelConfigJson(config.dump(), bundle);
    } catch (const std::invalid_argument& e) {
        f.fail(f.pathOf("config"), e.what());
    }
    if (scorerName(bundle.config.scorer) != r.scorer)
        f.fail(f.pathOf("scorer"), "'scorer' is " + shownJson(r.scorer) + " but the config's is " +
                                       shownJson(scorerName(bundle.config.scorer)));
    r.config = bundle.config;
    r.config.sourceVocabulary = d.sourceVocabulary;
    r.config.targetVocabulary = d.targetVocabulary;
    // Files written before rows had their own settings share the top level's.
    r.settings = f.has("training") ? settings(f, "training", "the row") : shared;
    r.parameters = f.integer("parameters", 0, kCountMax);
    TrainingResult& result = r.record.result;
    result.steps = f.integer("steps", 0, kCountMax);
    result.epochs = static_cast<int>(f.integer("epochs", 0, kIntMax));
    result.seconds = f.number("seconds");
    r.record.trainingSeconds = f.number("training_seconds");
    result.outcome = outcome(f);
    result.message = f.text("message");
    if (f.has("warning")) result.warning = f.text("warning");
    result.validation = metrics(f.object("validation"));
    for (const JsonFields& e : f.objects("history")) r.record.history.push_back(epoch(e));
    r.modelPath = f.textOrNull("model");
    if (f.has("step_losses")) {
        const std::vector<double> losses = f.numbers("step_losses", true);
        r.record.stepLosses.reserve(losses.size());
        for (std::size_t i = 0; i < losses.size(); ++i) {
            if (std::abs(losses[i]) > FLT_MAX) {
                JsonPath path = f.pathOf("step_losses");
                path.push_back(std::to_string(i));
                f.fail(path, "'step_losses[" + std::to_string(i) + "]' is beyond a float's range");
            }
            r.record.stepLosses.push_back(static_cast<float>(losses[i]));
        }
    }
    return r;
}

ExperimentSummary summary(const Json& root) {
    if (!root.is_object()) throw JsonFieldError({}, "not an experiment file: the top is not a JSON object");
    const JsonFields top(root, {}, "");
    if (top.has("format")) {
        const Json& format = top.value("format");
        if (format != kExperimentFormat)
            top.fail(top.pathOf("format"), "not an experiment file: 'format' is " + shownJson(format) +
                                               ", not \"" + kExperimentFormat + "\"");
    } else if (!top.has("rows") || !top.value("rows").is_array()) {
        throw JsonFieldError({}, "not an experiment file: it has neither 'format' nor 'rows'");
    }
    if (top.has("version")) {
        const long long version = top.integer("version", 1, kIntMax);
        if (version > kExperimentVersion)
            top.fail(top.pathOf("version"), "version " + std::to_string(version) +
                                                " is newer than this AttnLab reads (" +
                                                std::to_string(kExperimentVersion) + "): update AttnLab");
    }
    ExperimentSummary s;
    s.data = data(top.object("data"));
    s.concurrentRuns = static_cast<int>(top.integer("concurrent_runs", 1, kIntMax));
    s.threadsPerRun = static_cast<int>(top.integer("threads_per_run", 1, kIntMax));
    const TrainingSettings shared = top.has("training") && !top.value("training").is_null()
                                        ? settings(top, "training", "the file")
                                        : TrainingSettings{};
    std::set<std::string> names;
    const std::vector<JsonFields> rows = top.objects("rows");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const JsonFields row(rows[i].json(), rows[i].path(), "rows[" + std::to_string(i) + "]");
        s.runs.push_back(run(row, s.data, shared));
        if (!names.insert(s.runs.back().name).second)
            row.fail(row.pathOf("name"), "two runs are called " + shownJson(s.runs.back().name));
    }
    return s;
}
} // namespace

ExperimentSummary parseExperiment(std::string_view text, const std::string& nameForMessages) {
    try {
        return summary(parseJsonText(text));
    } catch (const JsonTextError& e) {
        throw FileError(nameForMessages, "line " + std::to_string(e.line()) + ": " + e.what());
    } catch (const JsonFieldError& e) {
        throw FileError(nameForMessages,
                        "line " + std::to_string(lineOfJsonPath(text, e.path())) + ": " + e.what());
    }
}

} // namespace attnlab
