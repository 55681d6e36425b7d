#include "core/data/MediaSource.h"

#include "core/data/MediaDatasets.h"
#include "core/data/MediaFeatures.h"
#include "core/data/audio/SpokenTask.h"
#include "core/data/audio/WavFile.h"
#include "core/data/image/ImageFile.h"
#include "core/data/image/ShapesTask.h"
#include "core/nn/SequenceBatch.h"

#include <stdexcept>

namespace attnlab {

namespace {
MediaSource finish(MediaSource source) {
    source.ids.assign(static_cast<std::size_t>(source.features->columns), UnknownId);
    return source;
}
} // namespace

MediaSource readMediaSource(const std::string& path, const InputConfig& input) {
    if (input.tokens()) throw std::invalid_argument("this model reads text, not a file");
    const bool picture = mediaKindOfFile(path) == InputKind::Image;
    if (picture && input.kind == InputKind::Frames)
        throw std::invalid_argument(path + " is a picture, but this model listens to audio (a WAV file)");
    if (!picture && input.kind == InputKind::Image)
        throw std::invalid_argument(path + " is not a PNG or JPEG picture, and this model reads pictures");
    MediaSource source;
    source.label = path;
    if (input.kind == InputKind::Frames) {
        const Waveform audio = readAudioFile(path, input.sampleRate);
        source.media = std::make_shared<SourceMedia>(audioMedia(audio, path));
        source.features = std::make_shared<SourceFeatures>(audioFeatures(audio, input));
    } else {
        auto media = std::make_shared<SourceMedia>();
        media->file = path;
        media->image = modelImage(readImageFile(path), input);
        source.features = std::make_shared<SourceFeatures>(imageFeatures(media->image, input));
        source.media = std::move(media);
    }
    return finish(std::move(source));
}

MediaSource drawMediaExample(const InputConfig& input, std::uint64_t seed) {
    MediaSource source;
    if (input.kind == InputKind::Frames) {
        SpokenOptions options;
        options.sampleRate = input.sampleRate;
        const SpokenUtterance u = generateSpoken(1, seed, options).front();
        source.label = "random spoken example (seed " + std::to_string(seed) + ", " + u.voice + ")";
        source.reference = u.transcript;
        source.media = std::make_shared<SourceMedia>(audioMedia(u.audio));
        source.features = std::make_shared<SourceFeatures>(audioFeatures(u.audio, input));
        for (std::size_t w = 0; w < u.wordSamples.size(); ++w)
            addWordFrames(u.wordSamples[w].first, u.wordSamples[w].second, static_cast<int>(w), input,
                          source.features->columns, source.gold);
    } else if (input.kind == InputKind::Image) {
        const ShapesScene scene =
            generateShapes(1, seed, {.size = input.imageWidth, .patch = input.patch}).front();
        source.label = "random scene (seed " + std::to_string(seed) + ")";
        source.reference = scene.caption;
        auto media = std::make_shared<SourceMedia>();
        media->image = modelImage(scene.image, input);
        source.features = std::make_shared<SourceFeatures>(imageFeatures(media->image, input));
        source.media = std::move(media);
        for (const auto& [cell, word] : scene.links) source.gold.push_back({cell, word, true});
    } else {
        throw std::invalid_argument("random examples are drawn for spoken and shapes models");
    }
    return finish(std::move(source));
}

} // namespace attnlab
