#include "core/data/MediaDatasets.h"

#include "core/data/DatasetBuilder.h"
#include "core/data/DatasetError.h"
#include "core/data/MediaFeatures.h"
#include "core/data/PharaohAlignment.h"
#include "core/data/audio/SpokenTask.h"
#include "core/data/audio/WavFile.h"
#include "core/data/image/ImageFile.h"
#include "core/data/image/ShapesTask.h"
#include "core/util/MediaError.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>

namespace attnlab {

namespace {
namespace fs = std::filesystem;

// Splits a TSV line into its columns (no quoting, as the text reader).
std::vector<std::string> columnsOf(const std::string& line) {
    std::vector<std::string> columns;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        columns.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return columns;
}

// Lines of a TSV with comments, blank lines, CRLF and a BOM dealt with: calls visit(line, number).
template <class Visit> void forEachDataLine(std::istream& in, Visit visit) {
    std::string line;
    std::int64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        if (!visit(line, number)) return;
    }
}
} // namespace

std::optional<InputKind> mediaKindOfFile(const std::string& file) {
    std::string ext = fs::path(file).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".wav" || ext == ".flac" || ext == ".ogg") return InputKind::Frames;
    if (ext == ".png" || ext == ".jpg" || ext == ".jpeg") return InputKind::Image;
    return std::nullopt;
}

InputConfig defaultFramesInput() {
    InputConfig input;
    input.kind = InputKind::Frames;
    input.frameReduction = 2;
    return input;
}

InputConfig defaultImageInput() {
    InputConfig input;
    input.kind = InputKind::Image;
    return input;
}

void addWordFrames(int begin, int end, int word, const InputConfig& input, int frames, Alignment& links) {
    const double hop = input.hopMs * input.sampleRate / 1000.0;
    const double halfWindow = input.windowMs * input.sampleRate / 2000.0;
    bool any = false;
    for (int f = 0; f < frames; ++f) {
        const double centre = f * hop + halfWindow;
        if (centre >= begin && centre < end) {
            links.push_back({f, word, true});
            any = true;
        }
    }
    if (!any && frames > 0) {
        const int nearest = static_cast<int>(std::lround(((begin + end) / 2.0 - halfWindow) / hop));
        links.push_back({std::clamp(nearest, 0, frames - 1), word, true});
    }
}

Dataset generateSpokenDataset(const std::string& name, int count, std::uint64_t seed,
                              const SpokenDatasetOptions& spoken, const DatasetOptions& options,
                              const ProgressCallback& progress) {
    const InputConfig input = defaultFramesInput();
    SpokenOptions synthesis;
    synthesis.minWords = spoken.minWords;
    synthesis.maxWords = spoken.maxWords;
    synthesis.sampleRate = input.sampleRate;
    std::vector<SpokenUtterance> utterances;
    try {
        utterances = generateSpoken(count, seed, synthesis,
                                    [&](int done) { return !progress || progress(done, count); });
    } catch (const SpokenCancelled&) {
        throw DatasetCancelled(name);
    } catch (const std::runtime_error& e) {
        throw DatasetError(name, 0, e.what());
    }
    DatasetBuilder builder(name, {}, name + " (generated)", options);
    builder.setInput(input);
    Alignment links;
    for (std::size_t i = 0; i < utterances.size(); ++i) {
        const SpokenUtterance& u = utterances[i];
        auto features = std::make_shared<SourceFeatures>(audioFeatures(u.audio, input));
        links.clear();
        for (std::size_t w = 0; w < u.wordSamples.size(); ++w)
            addWordFrames(u.wordSamples[w].first, u.wordSamples[w].second, static_cast<int>(w), input,
                          features->columns, links);
        const std::string label = "utterance " + std::to_string(i + 1) + " (" + u.voice + ", " +
                                  std::to_string(u.wordsPerMinute) + " wpm)";
        builder.addMedia(label, u.transcript, &links, static_cast<std::int64_t>(i + 1), std::move(features),
                         std::make_shared<SourceMedia>(audioMedia(u.audio)));
    }
    return builder.finish();
}

Dataset generateShapesDataset(const std::string& name, int count, std::uint64_t seed,
                              const DatasetOptions& options, const ProgressCallback& progress) {
    const InputConfig input = defaultImageInput();
    const std::vector<ShapesScene> scenes =
        generateShapes(count, seed, {.size = input.imageWidth, .patch = input.patch});
    DatasetBuilder builder(name, {}, name + " (generated)", options);
    builder.setInput(input);
    Alignment links;
    for (std::size_t i = 0; i < scenes.size(); ++i) {
        if (progress && i % 256 == 0 && !progress(static_cast<std::int64_t>(i), count))
            throw DatasetCancelled(name);
        const ShapesScene& scene = scenes[i];
        links.clear();
        for (const auto& [cell, word] : scene.links) links.push_back({cell, word, true});
        auto media = std::make_shared<SourceMedia>();
        media->image = scene.image;
        builder.addMedia(
            "scene " + std::to_string(i + 1), scene.caption, &links, static_cast<std::int64_t>(i + 1),
            std::make_shared<SourceFeatures>(imageFeatures(scene.image, input)), std::move(media));
    }
    return builder.finish();
}

std::optional<InputKind> mediaKindOfTsv(const std::string& path) {
    // Only a regular file is peeked at: a FIFO or device is the text reader's to refuse (reading
    // one here would block or consume it).
    std::error_code error;
    if (!fs::is_regular_file(path, error)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::optional<InputKind> kind;
    forEachDataLine(in, [&](const std::string& line, std::int64_t) {
        kind = mediaKindOfFile(columnsOf(line).front());
        return false; // the first pair decides
    });
    return kind;
}

Dataset loadMediaDataset(const std::string& path, InputKind kind, const DatasetOptions& options,
                         const ProgressCallback& progress) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DatasetError(path, 0, "cannot open the file");
    std::error_code error;
    const std::int64_t total = static_cast<std::int64_t>(fs::file_size(path, error));
    const InputConfig input = kind == InputKind::Frames ? defaultFramesInput() : defaultImageInput();
    const fs::path folder = fs::path(path).parent_path();
    DatasetBuilder builder(fs::path(path).stem().string(), path, path, options);
    builder.setInput(input);
    Alignment links;
    forEachDataLine(in, [&](const std::string& line, std::int64_t number) {
        const std::vector<std::string> columns = columnsOf(line);
        if (columns.size() < 2)
            throw DatasetError(path, number,
                               "expected file<TAB>" +
                                   std::string(kind == InputKind::Frames ? "transcript" : "caption") +
                                   ", found no tab");
        const std::string& file = columns[0];
        if (mediaKindOfFile(file) != kind)
            throw DatasetError(path, number,
                               "'" + file + "' is not a " +
                                   (kind == InputKind::Frames ? "sound file (.wav, .flac, .ogg)"
                                                              : "picture (.png, .jpg, .jpeg)") +
                                   ", as the first pair's file is: one kind of source per dataset");
        const fs::path resolved = fs::path(file).is_absolute() ? fs::path(file) : folder / file;
        SharedFeatures features;
        auto media = std::make_shared<SourceMedia>();
        media->file = resolved.string();
        try {
            if (kind == InputKind::Frames) {
                const Waveform audio = readAudioFile(resolved.string(), input.sampleRate);
                *media = audioMedia(audio, resolved.string());
                features = std::make_shared<SourceFeatures>(audioFeatures(audio, input));
            } else {
                media->image = modelImage(readImageFile(resolved.string()), input);
                features = std::make_shared<SourceFeatures>(imageFeatures(media->image, input));
            }
        } catch (const MediaError& e) {
            throw DatasetError(path, number, e.what());
        } catch (const std::invalid_argument& e) {
            throw DatasetError(path, number, resolved.string() + ": " + e.what());
        }
        const Alignment* gold = nullptr;
        if (columns.size() >= 3 && !columns[2].empty()) {
            try {
                links = parseAlignment(columns[2]);
            } catch (const std::invalid_argument& e) {
                throw DatasetError(path, number, std::string("alignment: ") + e.what());
            }
            gold = &links;
        }
        builder.addMedia(file, columns[1], gold, number, std::move(features), std::move(media));
        if (progress && !progress(static_cast<std::int64_t>(in.tellg()), total)) throw DatasetCancelled(path);
        return true;
    });
    return builder.finish();
}

} // namespace attnlab
