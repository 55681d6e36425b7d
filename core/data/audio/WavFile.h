#pragma once
// Reading people's recordings (WAV, FLAC, Ogg, AIFF and whatever else libsndfile decodes) into the
// speech front end's form, and writing a Waveform as a WAV file.
#include "core/data/audio/Waveform.h"

#include <string>

namespace attnlab {

// The sample rates readAudioFile takes (and may be asked to convert to), in Hz.
constexpr int MinAudioRate = 8000;
constexpr int MaxAudioRate = 192000;

// The recording at `path`, mono, converted to targetRate (libsamplerate, SRC_SINC_MEDIUM_QUALITY)
// unless it is at that rate already; samples in [-1, 1] (float files are clamped). Throws
// MediaError (core/util/MediaError.h) naming the file and the reason when the file is missing, a
// folder, empty, not audio, damaged, has more than one channel, a rate outside 8000..192000 Hz,
// or no samples. Throws std::invalid_argument for a targetRate outside that range.
Waveform readAudioFile(const std::string& path, int targetRate = 16000);

// Saves `audio` as a 16-bit PCM WAV file at its own rate: sample x becomes round(32768 x), clipped
// to -32768..32767, so readAudioFile gives back what it read exactly and any other samples within
// 1/65536 (full scale +1.0 comes back as 32767/32768). The save is
// atomic (written beside, flushed, renamed over; core/util/AtomicFile.h): it throws FileWriteError
// and leaves any earlier file whole if it fails. std::invalid_argument for a rate outside 1..MaxAudioRate.
void writeWavFile(const std::string& path, const Waveform& audio);

} // namespace attnlab
