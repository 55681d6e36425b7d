// T output length, S source length.
#include "core/train/HistoryFile.h"

#include "core/train/JsonReason.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace attnlab {

namespace {
using Json = nlohmann::json;
using RowMajorMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
constexpr long long kMaxHistoryStep = 1'000'000'000'000LL; // far past any run; no overflow after it

std::string tensorName(std::size_t track) {
    return kHistoryTensorPrefix + std::to_string(track) + ".attention";
}

Json linksJson(const Alignment& links) {
    Json json = Json::array();
    for (const AlignmentLink& link : links) json.push_back({link.source, link.target, link.sure});
    return json;
}

Alignment linksFrom(const Json& json) {
    Alignment links;
    for (const Json& link : json) {
        if (!link.is_array() || link.size() != 3)
            throw std::invalid_argument("a gold link is not [s, t, sure]");
        links.push_back({link[0].get<int>(), link[1].get<int>(), link[2].get<bool>()});
    }
    return links;
}

Json frameJson(const AttentionFrame& frame) {
    return {{"step", frame.step},
            {"epoch", frame.epoch},
            {"loss", std::isfinite(frame.loss) ? Json(frame.loss) : Json(nullptr)},
            {"output", frame.output}};
}

// One track from its JSON and its tensor; `where` names it in the messages.
AttentionTrack trackFrom(const Json& json, const StoredTensor* tensor, const std::string& where) {
    AttentionTrack track;
    TrackSentence& s = track.sentence;
    s.key = json.at("key").get<std::string>();
    s.label = json.at("label").get<std::string>();
    s.source = json.at("source").get<std::vector<std::string>>();
    s.reference = json.value("reference", std::vector<std::string>{});
    s.gold = linksFrom(json.value("gold", Json::array()));
    const Json& frames = json.at("frames");
    const auto sourceLength = static_cast<std::int64_t>(s.source.size());
    std::int64_t rows = 0;
    for (const Json& f : frames) rows += static_cast<std::int64_t>(f.at("output").size());
    if (!tensor) throw std::invalid_argument(where + ": its tensor is missing");
    if (tensor->shape != std::vector<std::int64_t>{rows, sourceLength})
        throw std::invalid_argument(where + ": the tensor has shape " + formatShape(tensor->shape) + " but " +
                                    std::to_string(frames.size()) + " frames of " + std::to_string(rows) +
                                    " output tokens over " + std::to_string(sourceLength) +
                                    " source tokens need [" + std::to_string(rows) + "," +
                                    std::to_string(sourceLength) + "]");
    std::int64_t row = 0;
    long long previousStep = -1;
    for (const Json& f : frames) {
        AttentionFrame frame;
        frame.step = f.at("step").get<long long>();
        if (frame.step < 0 || frame.step > kMaxHistoryStep)
            throw std::invalid_argument(where + ": a frame's step " + std::to_string(frame.step) +
                                        " is outside 0 to " + std::to_string(kMaxHistoryStep));
        frame.epoch = f.at("epoch").get<int>();
        frame.loss =
            f.at("loss").is_null() ? std::numeric_limits<double>::quiet_NaN() : f.at("loss").get<double>();
        frame.output = f.at("output").get<std::vector<std::string>>();
        const std::string at = where + ", frame at step " + std::to_string(frame.step);
        if (frame.step <= previousStep) throw std::invalid_argument(at + ": steps are not ascending");
        previousStep = frame.step;
        const auto t = static_cast<Eigen::Index>(frame.output.size());
        // (T x S) rows of the row-major (ΣT x S) tensor
        frame.attention =
            Eigen::Map<const RowMajorMatrix>(tensor->data.data() + row * sourceLength, t, sourceLength);
        row += t;
        if (!frame.attention.allFinite())
            throw std::invalid_argument(at + ": an attention weight is not a finite number");
        if (frame.attention.size() > 0 &&
            (frame.attention.minCoeff() < 0.0f || frame.attention.maxCoeff() > 1.0f))
            throw std::invalid_argument(at + ": an attention weight is outside 0..1");
        track.frames.push_back(std::move(frame));
    }
    return track;
}
} // namespace

void writeHistory(const AttentionHistory& history, CheckpointFile& file) {
    if (history.empty()) return;
    Json tracks = Json::array();
    for (std::size_t k = 0; k < history.tracks().size(); ++k) {
        const AttentionTrack& track = history.tracks()[k];
        const TrackSentence& s = track.sentence;
        Json frames = Json::array();
        std::int64_t rows = 0;
        for (const AttentionFrame& frame : track.frames) {
            frames.push_back(frameJson(frame));
            rows += frame.attention.rows();
        }
        tracks.push_back({{"key", s.key},
                          {"label", s.label},
                          {"source", s.source},
                          {"reference", s.reference},
                          {"gold", linksJson(s.gold)},
                          {"frames", frames}});
        StoredTensor tensor;
        const auto sourceLength = static_cast<std::int64_t>(s.source.size());
        tensor.shape = {rows, sourceLength};
        tensor.data.reserve(static_cast<std::size_t>(rows * sourceLength));
        for (const AttentionFrame& frame : track.frames) {
            const RowMajorMatrix rowMajor = frame.attention; // (T x S)
            tensor.data.insert(tensor.data.end(), rowMajor.data(), rowMajor.data() + rowMajor.size());
        }
        file.tensors[tensorName(k)] = std::move(tensor);
    }
    file.metadata[kHistoryKey] = Json{{"version", 1}, {"tracks", tracks}}.dump();
}

AttentionHistory readHistory(const CheckpointFile& file) {
    AttentionHistory history;
    const auto found = file.metadata.find(kHistoryKey);
    if (found == file.metadata.end()) return history;
    std::vector<AttentionTrack> tracks;
    try {
        const Json json = Json::parse(found->second);
        if (json.at("version").get<int>() != 1)
            throw std::invalid_argument("version " + json.at("version").dump() +
                                        " is not one this AttnLab reads (it reads 1)");
        const Json& list = json.at("tracks");
        for (std::size_t k = 0; k < list.size(); ++k) {
            const auto tensor = file.tensors.find(tensorName(k));
            tracks.push_back(trackFrom(list[k], tensor == file.tensors.end() ? nullptr : &tensor->second,
                                       "track " + std::to_string(k)));
        }
    } catch (const Json::exception& e) {
        throw std::invalid_argument(std::string("metadata '") + kHistoryKey + "': " + jsonReason(e));
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(std::string("metadata '") + kHistoryKey + "': " + e.what());
    }
    history.assign(std::move(tracks));
    return history;
}

} // namespace attnlab
