#include "ui/media/SpeechAlignment.h"

#include <stdexcept>

namespace attnlab::ui {

namespace {
[[noreturn]] void fail(const std::string& what) {
    throw std::invalid_argument("SpeechAlignment: " + what);
}
std::string sizes(size_t actual, size_t expected) {
    return "has " + std::to_string(actual) + " values, expected " + std::to_string(expected);
}
} // namespace

int speechKeyCount(const SpeechAlignment& alignment) {
    const int r = alignment.framesPerKey;
    return r < 1 ? 0 : (alignment.frames + r - 1) / r;
}

void checkSpeechAlignment(const SpeechAlignment& a) {
    if (a.bands < 0 || a.frames < 0)
        fail("bands and frames must not be negative (bands " + std::to_string(a.bands) + ", frames " +
             std::to_string(a.frames) + ")");
    if (a.framesPerKey < 1)
        fail("framesPerKey is " + std::to_string(a.framesPerKey) + ", expected 1 or more");
    if (!(a.hopSeconds > 0)) fail("hopSeconds is " + std::to_string(a.hopSeconds) + ", expected > 0");
    const size_t cells = size_t(a.bands) * size_t(a.frames);
    if (a.filterbank.size() != cells)
        fail("filterbank (bands x frames = " + std::to_string(a.bands) + " x " + std::to_string(a.frames) +
             ") " + sizes(a.filterbank.size(), cells));
    const size_t T = a.outputs.size();
    const int K = speechKeyCount(a);
    if (a.attention.size() != T * size_t(K))
        fail("attention (T x K = " + std::to_string(T) + " x " + std::to_string(K) + ") " +
             sizes(a.attention.size(), T * size_t(K)));
    if (!a.gold.empty() && a.gold.size() != T)
        fail("gold has " + std::to_string(a.gold.size()) + " spans, expected 0 or T = " + std::to_string(T));
    if (!a.audio.empty() && a.sampleRate <= 0)
        fail("sampleRate is " + std::to_string(a.sampleRate) + ", expected > 0 with audio");
}

} // namespace attnlab::ui
