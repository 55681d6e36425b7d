// K keys, S frames or cells, T output tokens, r frames per key.
#include "app/cli/MediaAlign.h"

#include "app/cli/CommandGuard.h"
#include "app/cli/ExplainJson.h"
#include "app/cli/Format.h"
#include "app/cli/JsonOutput.h"
#include "core/data/MediaSource.h"
#include "core/util/MediaError.h"

#include <algorithm>
#include <iostream>
#include <numeric>
#include <random>

namespace attnlab::cli {
namespace {

constexpr int kTopCells = 3;
// A key counts as one of a row's strongest when its weight is at least this share of the row's
// largest: a peak and its shoulders, not the long tail of small weights.
constexpr float kStrongShare = 0.5F;

// Where one output token looked along the time axis.
struct TimeSpan {
    int firstKey = 0, lastKey = 0, peakKey = 0;
    float peakWeight = 0;
    double start = 0, end = 0; // seconds
};

struct Cell {
    int row = 0, column = 0;
    float weight = 0;
};

// Seconds at which frame `frame` starts: frames are one hop apart.
double frameSeconds(const InputConfig& input, int frame) {
    return frame * input.hopMs / 1000.0;
}

TimeSpan timeSpan(const Eigen::Ref<const RowVector<float>>& row, const InputConfig& input, int frames) {
    TimeSpan span;
    Eigen::Index peak = 0;
    span.peakWeight = row.maxCoeff(&peak);
    span.peakKey = static_cast<int>(peak);
    span.firstKey = span.lastKey = span.peakKey;
    for (Eigen::Index k = 0; k < row.size(); ++k)
        if (row(k) >= kStrongShare * span.peakWeight) {
            span.firstKey = std::min(span.firstKey, static_cast<int>(k));
            span.lastKey = std::max(span.lastKey, static_cast<int>(k));
        }
    // Key k covers frames [k r, (k + 1) r), the last key fewer when S is not a multiple of r.
    const int r = input.positionsPerKey();
    span.start = frameSeconds(input, span.firstKey * r);
    span.end = frameSeconds(input, std::min((span.lastKey + 1) * r, frames));
    return span;
}

std::vector<Cell> topCells(const Eigen::Ref<const RowVector<float>>& row, const InputConfig& input) {
    std::vector<int> order(static_cast<std::size_t>(row.size()));
    std::iota(order.begin(), order.end(), 0);
    const auto shown = std::min<std::size_t>(kTopCells, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                      [&row](int a, int b) { return row(a) > row(b) || (row(a) == row(b) && a < b); });
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < shown; ++i) // cells are keys in raster order
        cells.push_back({order[i] / input.gridColumns(), order[i] % input.gridColumns(), row(order[i])});
    return cells;
}

// "1.23 s, 98 frames, 25 keys of 4 frames (40 ms)" or "48 x 48, grid 6 x 6 cells of 8 px".
std::string describeSource(const MediaSource& source, const InputConfig& input, int keys) {
    const int positions = source.features->columns;
    if (input.kind == InputKind::Frames) {
        const int r = input.positionsPerKey();
        return fixed(frameSeconds(input, positions), 2) + " s, " + counted(positions, "frame") + ", " +
               counted(keys, "key") +
               (r > 1 ? " of " + std::to_string(r) + " frames = " + fixed(r * input.hopMs, 0) + " ms" : "");
    }
    return std::to_string(input.imageWidth) + " x " + std::to_string(input.imageHeight) + ", grid " +
           std::to_string(input.gridRows()) + " x " + std::to_string(input.gridColumns()) + " cells of " +
           std::to_string(input.patch) + " px";
}

void printTable(const ModelBundle& bundle, const MediaSource& source, const AlignDecoding& a,
                double temperature, std::ostream& out) {
    const InputConfig& input = bundle.config.input;
    const int keys = static_cast<int>(a.attention.cols());
    out << source.label << " (" << describeSource(source, input, keys) << ")  ->  "
        << joinTokens(a.output, bundle.targetTokens)
        << (a.decoded.finished ? "" : "  (no </s>: stopped at the length limit)") << "   log p "
        << fixed(a.decoded.logProb, 4);
    if (temperature != 1.0) out << "   temperature " << number(temperature).dump();
    out << '\n';
    if (!source.reference.empty()) out << "reference: " << source.reference << '\n';
    if (bundle.config.scorer == ScorerKind::None) {
        out << "(this model has no attention: scorer none)\n";
        return;
    }
    int labelWidth = 5;
    for (const std::string& token : a.output)
        labelWidth = std::max(labelWidth, displayWidth(visibleToken(token)));
    if (input.kind == InputKind::Frames)
        out << padRight("token", labelWidth) << "  " << padLeft("seconds", 13) << "  " << padLeft("keys", 9)
            << "  peak\n";
    else
        out << padRight("token", labelWidth) << "  top cells (row, column) weight\n";
    for (Eigen::Index t = 0; t < a.attention.rows(); ++t) {
        const std::string label = padRight(visibleToken(a.output[static_cast<std::size_t>(t)]), labelWidth);
        if (input.kind == InputKind::Frames) {
            const TimeSpan s = timeSpan(a.attention.row(t), input, source.features->columns);
            out << label << "  " << padLeft(fixed(s.start, 2) + " - " + fixed(s.end, 2), 13) << "  "
                << padLeft(std::to_string(s.firstKey) + "-" + std::to_string(s.lastKey), 9) << "  "
                << fixed(s.peakWeight, 2) << " at key " << s.peakKey << '\n';
        } else {
            std::string line = label + " ";
            for (const Cell& c : topCells(a.attention.row(t), input))
                line += std::string(line.size() > label.size() + 1 ? ", " : " ") + "(" +
                        std::to_string(c.row) + ", " + std::to_string(c.column) + ") " + fixed(c.weight, 2);
            out << line << '\n';
        }
    }
}

Json alignmentJson(const ModelBundle& bundle, const MediaSource& source, const AlignDecoding& a,
                   const AlignArgs& args) {
    const InputConfig& input = bundle.config.input;
    Json rows = Json::array();
    for (Eigen::Index t = 0; t < a.attention.rows(); ++t) {
        Json row = Json::array();
        for (Eigen::Index k = 0; k < a.attention.cols(); ++k) row.push_back(weight(a.attention(t, k)));
        rows.push_back(std::move(row));
    }
    const bool frames = input.kind == InputKind::Frames;
    Json json = {
        {"input", inputKindName(input.kind)},
        {"source", source.label},
        {"file", source.media && !source.media->file.empty() ? Json(source.media->file) : Json(nullptr)},
        {"positions", source.features->columns},
        {"keys", a.attention.cols()}};
    if (frames) {
        json["frames_per_key"] = input.positionsPerKey();
        json["seconds_per_frame"] = number(input.hopMs / 1000.0);
    } else {
        json["grid"] = {input.gridRows(), input.gridColumns()};
    }
    json["output"] = a.output;
    json["output_text"] = joinTokens(a.output, bundle.targetTokens);
    json["attention"] = rows;
    Json places = Json::array();
    for (Eigen::Index t = 0; t < a.attention.rows() && bundle.config.scorer != ScorerKind::None; ++t) {
        if (frames) {
            const TimeSpan s = timeSpan(a.attention.row(t), input, source.features->columns);
            places.push_back({{"first_key", s.firstKey},
                              {"last_key", s.lastKey},
                              {"start_seconds", number(s.start)},
                              {"end_seconds", number(s.end)},
                              {"peak_key", s.peakKey},
                              {"peak_weight", weight(s.peakWeight)}});
        } else {
            Json cells = Json::array();
            for (const Cell& c : topCells(a.attention.row(t), input))
                cells.push_back({{"row", c.row}, {"column", c.column}, {"weight", weight(c.weight)}});
            places.push_back(std::move(cells));
        }
    }
    json[frames ? "spans" : "top_cells"] = places;
    json["log_prob"] = a.decoded.logProb;
    json["finished"] = a.decoded.finished;
    if (!source.reference.empty()) {
        json["reference"] = source.reference;
        Json gold = Json::array(); // [key, reference token] over the keys the model attends to
        for (const AlignmentLink& link : keyAlignment(source.gold, input))
            gold.push_back({link.source, link.target});
        json["gold"] = gold;
    }
    if (a.inspection) {
        Json explain = explainJson(bundle, *a.inspection, args.temperature, args.topK);
        // "keys" is the key count here; the encoder states go under their own name.
        explain["key_states"] = std::move(explain["keys"]);
        explain.erase("keys");
        json.update(explain);
    }
    return json;
}

// A seed short enough to retype (it is printed in the label), fresh each run.
std::uint64_t freshSeed() {
    return std::random_device{}() % 1000000;
}

} // namespace

int alignMedia(const ModelBundle& bundle, const AlignArgs& args) {
    const InputConfig& input = bundle.config.input;
    if (args.random && !args.texts.empty()) throw InputError("give files or --random, not both");
    if (!args.random && args.texts.empty())
        throw InputError(args.model + " is a " + (input.kind == InputKind::Frames ? "speech" : "picture") +
                         " model: give " + (input.kind == InputKind::Frames ? "WAV" : "PNG or JPEG") +
                         " files, or --random for a new example");
    int exitCode = ExitOk;
    int count = 0;
    const auto show = [&](const MediaSource& source) {
        const AlignDecoding a = decodeForAlign(bundle, source.modelSource(), args);
        if (args.json) {
            std::cout << jsonText(alignmentJson(bundle, source, a, args), true) << '\n';
        } else {
            if (count++ > 0) std::cout << '\n';
            printTable(bundle, source, a, args.temperature, std::cout);
        }
        std::cout.flush();
    };
    if (args.random) {
        const std::uint64_t seed = args.randomSeed.empty() ? freshSeed() : args.randomSeed.front();
        for (int i = 0; i < args.count; ++i)
            show(drawMediaExample(input, seed + static_cast<std::uint64_t>(i)));
    } else {
        for (const std::string& path : args.texts) {
            try {
                show(readMediaSource(path, input));
            } catch (const MediaError& e) {
                printError("align", e.what()); // "FILE: reason"
                exitCode = std::max<int>(exitCode, ExitBadInput);
            } catch (const std::invalid_argument& e) { // a picture for a speech model, or the reverse
                printError("align", e.what());
                exitCode = std::max<int>(exitCode, ExitBadInput);
            }
        }
    }
    if (!std::cout) throw std::runtime_error("cannot write to standard output");
    return exitCode;
}

} // namespace attnlab::cli
