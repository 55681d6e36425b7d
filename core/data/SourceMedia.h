#pragma once
// What a frames or image pair's source was before it became features, kept for the views: the
// audio to play under a spectrogram, the picture to draw attention over, and the file it came
// from (empty when generated).
#include "core/data/image/Image.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace attnlab {

struct SourceMedia {
    std::string file;                // the WAV or image read; empty for a generated example
    std::vector<std::int16_t> audio; // (samples) mono 16-bit PCM at sampleRate; empty for images
    int sampleRate = 0;
    Image image; // as the model saw it (resized); empty for audio
};

using SharedMedia = std::shared_ptr<const SourceMedia>;

} // namespace attnlab
