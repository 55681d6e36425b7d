#pragma once
// The shipped `spoken` task: short sequences of digits ("zero".."nine") and command words, spoken
// by espeak-ng with a voice, rate and pitch drawn per utterance, each word's span in the audio
// known from espeak-ng's own timing (its WORD events). Real audio, made on the machine, the same
// for the same seed: generateSpoken(n, seed) is a pure function of its arguments, and its first k
// utterances are generateSpoken(k, seed).
//
// Gold alignment, per utterance: espeak-ng speaks at 22050 Hz. The voiced part is from the first
// to the last sample whose magnitude reaches 1% of the utterance's peak; the audio kept is that
// part with 10 ms of margin either side (less where the recording has less). Word k starts at
// its WORD event (the first word: at the voiced part's start, if its event is earlier) and ends
// where word k + 1 starts; the last word ends with the voiced part. Both the audio and these
// boundaries are then converted to sampleRate (libsamplerate; a boundary b becomes
// round(b * sampleRate / 22050)). Spans are thus ordered, touching, non-empty and inside the
// audio; the margins belong to no word.
#include "core/data/audio/Waveform.h"

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace attnlab {

struct SpokenUtterance {
    std::string transcript;                       // the words, separated by single spaces
    std::vector<std::string> words;               // (W)
    Waveform audio;                               // at SpokenOptions::sampleRate
    std::vector<std::pair<int, int>> wordSamples; // (W) per word [begin, end) in audio.samples
    std::string voice;                            // the espeak-ng voice that spoke it, e.g. "en-gb-x-rp+f3"
    int wordsPerMinute = 0;                       // espeak-ng's rate
    int pitch = 0;                                // espeak-ng's base pitch, 0..100
};

struct SpokenOptions {
    int minWords = 2; // words per utterance, drawn uniformly in [minWords, maxWords]
    int maxWords = 6;
    int sampleRate = 16000; // of the audio handed back, 8000..192000 Hz
    std::string espeakDataPath =
        {}; // espeak-ng's data folder; empty: ESPEAK_DATA_PATH, then the installed one
};

// Thrown by generateSpoken when its progress callback returns false.
class SpokenCancelled : public std::runtime_error {
public:
    SpokenCancelled() : std::runtime_error("generating the spoken task was cancelled") {}
};

// `count` utterances from `seed`. progress(done) is called once per utterance, done = 1..count in
// order, on the calling thread (in bursts: utterances are converted 16 at a time on the shared
// pool); returning false stops the generation, which then throws SpokenCancelled.
// Throws std::invalid_argument for a negative count or options out of range, and
// std::runtime_error naming the folder when espeak-ng's data cannot be found (or espeak-ng fails).
// Runs espeak-ng in a child process (EspeakProcess.h explains why), so any thread may call it,
// several at once.
std::vector<SpokenUtterance> generateSpoken(int count, std::uint64_t seed, const SpokenOptions& options = {},
                                            const std::function<bool(int done)>& progress = {});

// The words utterances are made of: "zero".."nine", then ten short commands.
std::vector<std::string> spokenVocabulary();

} // namespace attnlab
