// `attnlab-cli align`: decode sentences with a saved model and show the attention behind each
// output token. The </s> step is left out of both the output and the attention, so attention row
// t belongs to output token t.
// Input is read as the window reads a typed sentence (readSourceInput): normalised as the model's
// training data were, and refused, never cut, when it is empty, not UTF-8 or longer than the
// model takes (exit 2 after the other inputs are aligned). Unknown tokens are decoded as <unk>
// and counted on stderr.
// --temperature divides the scores before the softmax (greedy decoding through inspectDecode;
// τ = 1 decodes exactly as before); --explain adds each step's internals to the JSON.
#include "app/cli/AlignDecoding.h"
#include "app/cli/CommandGuard.h"
#include "app/cli/ExplainJson.h"
#include "app/cli/Format.h"
#include "app/cli/JsonOutput.h"
#include "app/cli/MediaAlign.h"
#include "app/cli/ModelCommands.h"
#include "app/cli/ModelInput.h"
#include "app/cli/TrainingOptions.h"
#include "app/cli/forecast/ForecastCommands.h"
#include "core/data/PremiseHypothesis.h"
#include "core/data/Utf8.h"
#include "core/infer/AttentionAxes.h"
#include "core/infer/BeamSearch.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <optional>

namespace attnlab::cli {
namespace {

constexpr double kMinTemperature = 0.01;
constexpr double kMaxTemperature = 100.0;

struct AlignedText {
    std::string input;
    SourceInput source;
    std::vector<std::string> output;
    Matrix<float> attention; // (rows x columns)
    AttentionAxes axes;      // what the rows and columns are (output and source, or hypothesis and premise)
    DecodeResult decoded;
    std::optional<Inspection> inspection; // --explain
};

// The input as messages quote it: whole when short, else its start and its length, so a pasted
// page does not flood the terminal.
std::string quoted(const std::string& text) {
    constexpr std::size_t kShown = 60;
    if (text.size() <= kShown + 20) return "\"" + text + "\"";
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut; // whole code points
    const bool valid = findInvalidUtf8(text) == std::string::npos;
    return "\"" + text.substr(0, cut) + "\u2026\" (" +
           (valid ? std::to_string(codePointCount(text)) + " characters"
                  : std::to_string(text.size()) + " bytes") +
           ")";
}

// "--temperature: must be in [0.01, 100], got 0"; NaN and infinities fail the range too.
CLI::Validator temperatureRange() {
    return CLI::Validator(
        [](std::string& input) -> std::string {
            double value = 0;
            if (!CLI::detail::lexical_cast(input, value)) return "expected a number, got " + input;
            const bool inside = std::isfinite(value) && value >= kMinTemperature && value <= kMaxTemperature;
            return inside ? "" : "must be in [0.01, 100], got " + input;
        },
        "in [0.01, 100]");
}

AlignedText align(const ModelBundle& bundle, const std::string& text, const AlignArgs& args) {
    AlignedText result;
    result.input = text;
    result.source = readSourceInput(text, sourceReading(bundle), bundle.sourceVocabulary);
    if (!result.source.ok()) throw InputError(result.source.problemText());
    if (bundle.config.kind == ModelKind::Entailment) try { // both sentences, before decoding
            splitPremiseHypothesis(result.source.tokens);
        } catch (const std::invalid_argument& e) {
            throw InputError(quoted(text) + ": " + e.what());
        }
    AlignDecoding d = decodeForAlign(bundle, result.source.ids, args);
    result.output = std::move(d.output);
    result.attention = std::move(d.attention);
    result.decoded = std::move(d.decoded);
    result.inspection = std::move(d.inspection);
    DecodeResult shown = result.decoded;
    shown.finished = false; // the </s> row is left out here
    result.axes = attentionAxes(bundle.config, shown, result.source.tokens, bundle.targetVocabulary);
    return result;
}

// "positive 0.97, negative 0.03": a label model's probabilities, most probable first.
std::vector<std::pair<std::string, float>> labelProbabilities(const ModelBundle& bundle,
                                                              const DecodeResult& decoded) {
    std::vector<std::pair<std::string, float>> labels;
    for (int id = UnknownId + 1; id < static_cast<int>(decoded.classProbabilities.size()); ++id)
        labels.emplace_back(bundle.targetVocabulary.token(id),
                            decoded.classProbabilities[static_cast<size_t>(id)]);
    std::stable_sort(labels.begin(), labels.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return labels;
}

Json alignmentJson(const ModelBundle& bundle, const AlignedText& a, const AlignArgs& args) {
    Json rows = Json::array();
    for (Eigen::Index t = 0; t < a.attention.rows(); ++t) {
        Json row = Json::array();
        for (Eigen::Index s = 0; s < a.attention.cols(); ++s) row.push_back(weight(a.attention(t, s)));
        rows.push_back(std::move(row));
    }
    Json json = {{"input", a.input},
                 {"kind", modelKindName(bundle.config.kind)},
                 {"source", a.source.tokens},
                 {"rows", a.axes.rows},
                 {"columns", a.axes.columns},
                 {"output", a.output},
                 {"output_text", joinTokens(a.output, bundle.targetTokens)},
                 {"attention", rows},
                 {"log_prob", a.decoded.logProb},
                 {"finished", a.decoded.finished},
                 {"unknown", a.source.unknown},
                 {"unknown_count", a.source.unknownCount}};
    if (a.inspection) json.update(explainJson(bundle, *a.inspection, args.temperature, args.topK));
    if (bundle.config.predictsLabel()) {
        json["label"] = a.output.front();
        Json probabilities = Json::object();
        for (const auto& [label, p] : labelProbabilities(bundle, a.decoded)) probabilities[label] = weight(p);
        json["probabilities"] = probabilities;
    }
    return json;
}

// Output tokens down, source tokens across, each weight with two decimals and the row's
// largest marked with '*'.
void printTable(const ModelBundle& bundle, const AlignedText& a, double temperature, std::ostream& out) {
    out << a.input << "  ->  " << joinTokens(a.output, bundle.targetTokens)
        << (a.decoded.finished ? "" : "  (no </s>: stopped at the length limit)") << "   log p "
        << fixed(a.decoded.logProb, 4);
    if (temperature != 1.0) out << "   temperature " << number(temperature).dump();
    out << '\n';
    if (bundle.config.predictsLabel()) {
        std::string line = "p:";
        for (const auto& [label, p] : labelProbabilities(bundle, a.decoded))
            line += " " + label + " " + fixed(p, 3) + ",";
        line.pop_back();
        out << line << '\n';
        if (bundle.config.kind == ModelKind::Entailment)
            out << "(rows: hypothesis words; columns: premise words)\n";
    }
    if (bundle.config.scorer == ScorerKind::None && bundle.config.kind != ModelKind::Classifier) {
        out << "(this model has no attention: scorer none)\n";
        return;
    }
    int labelWidth = 0;
    for (const std::string& token : a.axes.rows)
        labelWidth = std::max(labelWidth, displayWidth(visibleToken(token)));
    std::vector<int> widths;
    std::string header = std::string(static_cast<size_t>(labelWidth), ' ');
    for (const std::string& token : a.axes.columns) {
        const std::string shown = visibleToken(token);
        widths.push_back(std::max(4, displayWidth(shown)));
        header += "  " + padLeft(shown, widths.back()) + " ";
    }
    while (header.back() == ' ') header.pop_back();
    out << header << '\n';
    for (Eigen::Index t = 0; t < a.attention.rows(); ++t) {
        Eigen::Index best = 0;
        a.attention.row(t).maxCoeff(&best);
        std::string line = padRight(visibleToken(a.axes.rows[static_cast<size_t>(t)]), labelWidth);
        for (Eigen::Index s = 0; s < a.attention.cols(); ++s)
            line += "  " + padLeft(fixed(a.attention(t, s), 2), widths[static_cast<size_t>(s)]) +
                    (s == best ? "*" : " ");
        while (line.back() == ' ') line.pop_back();
        out << line << '\n';
    }
}

int runAlign(const AlignArgs& args) {
    if (args.beam > 1 && args.temperature != 1.0)
        throw InputError("--temperature applies to greedy decoding; beam search (--beam " +
                         std::to_string(args.beam) + ") does not take one");
    const ModelBundle bundle = openModel(args.model);
    if (!bundle.config.input.tokens()) return alignMedia(bundle, args);
    if (args.random)
        throw InputError("--random draws examples for spoken and shapes models; " + args.model +
                         " reads text (give sentences)");
    int exitCode = ExitOk;
    int count = 0;
    const auto process = [&](const std::string& text) {
        try {
            const AlignedText a = align(bundle, text, args);
            if (!a.source.unknown.empty()) {
                std::string list;
                for (const std::string& token : a.source.unknown)
                    list += (list.empty() ? "'" : " '") + visibleToken(token) + "'";
                std::cerr << "attnlab-cli align: " << quoted(text) << ": " << a.source.unknownCount << " of "
                          << a.source.length << " tokens unknown to the model (read as <unk>): " << list
                          << '\n';
            }
            if (args.json) {
                std::cout << jsonText(alignmentJson(bundle, a, args), true) << '\n';
            } else {
                if (count++ > 0) std::cout << '\n';
                printTable(bundle, a, args.temperature, std::cout);
            }
            std::cout.flush();
        } catch (const InputError& e) {
            printError("align", quoted(text) + ": " + e.what());
            exitCode = std::max<int>(exitCode, ExitBadInput);
        }
    };
    if (!args.texts.empty()) {
        for (const std::string& text : args.texts) process(text);
    } else {
        std::string line;
        while (std::getline(std::cin, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (findInvalidUtf8(line) == std::string::npos && trimUnicodeWhitespace(line).empty()) continue;
            process(line);
        }
    }
    if (!std::cout) throw std::runtime_error("cannot write to standard output");
    return exitCode;
}

} // namespace

void addAlignCommand(CLI::App& app, int& exitCode) {
    CLI::App* command = app.add_subcommand(
        "align", "Decode text with a saved model and show its attention (stdin: one input a line)");
    auto args = std::make_shared<AlignArgs>();
    const auto forecast = addForecastOptions(*command, ForecastCommand::Align);
    command->add_option("--model", args->model, "The model file (.safetensors)")->required();
    command->add_option("--beam", args->beam, "Beam width (1: greedy)")->check(atLeast(1))->default_str("1");
    CLI::Option* json = command->add_flag(
        "--json", args->json,
        "One JSON object a line: source, output, attention (a row per output token), log_prob, unknown, "
        "unknown_count; speech and picture models: input, keys, frames_per_key or grid, spans or "
        "top_cells");
    command
        ->add_option(
            "--temperature", args->temperature,
            "Divide the attention scores by this before the softmax (greedy decoding; 1: as trained)")
        ->check(temperatureRange())
        ->default_str("1");
    CLI::Option* explain =
        command
            ->add_flag("--explain", args->explain,
                       "With --json: each step's query, scores, weights, context, h~ and top-k next tokens")
            ->needs(json);
    command->add_option("--top-k", args->topK, "Next-token candidates per step under --explain")
        ->check(atLeast(1))
        ->default_str("5")
        ->needs(explain);
    CLI::Option* random =
        command
            ->add_option("--random", args->randomSeed,
                         "Speech and picture models: decode a new random example of the shipped task "
                         "(spoken, shapes), drawn from SEED (default: a fresh one, printed)")
            ->expected(0, 1)
            ->type_name("[SEED]");
    command->add_option("--count", args->count, "With --random: how many examples (seeds SEED, SEED+1, ...)")
        ->check(atLeast(1))
        ->default_str("1")
        ->needs(random);
    command->add_option("text", args->texts,
                        "Texts to decode (without any, each non-blank line of stdin); for a speech or "
                        "picture model, WAV or PNG/JPEG files");
    command->callback([command, args, forecast, &exitCode] {
        if (forecastRequested(*forecast, forecast->data, args->model)) // series: the forecasting path
            return void(exitCode = runForecastAlign(args->model, *forecast, args->json));
        args->random = command->count("--random") > 0;
        // "--random" alone: CLI11 converts its empty result to seed 0, so look at what was typed.
        const std::vector<std::string>& typed = command->get_option("--random")->results();
        if (args->random && (typed.empty() || typed.front().empty())) args->randomSeed.clear();
        exitCode = runGuarded("align", [&] { return runAlign(*args); });
    });
}

} // namespace attnlab::cli
