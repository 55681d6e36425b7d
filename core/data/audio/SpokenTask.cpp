// W words in an utterance; N samples.
#include "core/data/audio/SpokenTask.h"

#include "core/data/audio/EspeakProcess.h"
#include "core/data/audio/Resampler.h"
#include "core/data/audio/WavFile.h"
#include "core/util/Parallel.h"
#include "core/util/Random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace attnlab {
namespace {

constexpr std::array<std::string_view, 20> Vocabulary = {
    "zero", "one", "two", "three", "four", "five", "six",  "seven", "eight", "nine",
    "yes",  "no",  "go",  "stop",  "up",   "down", "left", "right", "on",    "off"};

// English voices and variants (espeak-ng-data/voices/!v) that keep the words intelligible; the
// Klatt variant is a different synthesiser altogether, the others change formants and breath.
constexpr std::array<std::string_view, 5> Accents = {"en-us", "en", "en-gb-x-rp", "en-029", "en-gb-scotland"};
constexpr std::array<std::string_view, 7> Variants = {"", "+m1", "+m3", "+f1", "+f3", "+f4", "+klatt"};

constexpr double VoicedThreshold = 0.01; // of the utterance's peak magnitude: the voiced part's edges
constexpr double MarginSeconds = 0.010;  // of silence kept either side of the voiced part
// Utterances converted together on the shared pool: resampling is most of the work (about 3 ms an
// utterance against 1 ms of speaking), and the child speaks the next batch meanwhile.
constexpr int Batch = 16;

int drawInt(Random& random, int low, int high) { // uniform in [low, high]
    return low + static_cast<int>(random.below(static_cast<std::uint64_t>(high - low + 1)));
}

struct Plan {
    std::vector<std::string> words;
    SpeechRequest request;
};

Plan drawPlan(Random& random, const SpokenOptions& options) {
    Plan plan;
    const int length = drawInt(random, options.minWords, options.maxWords);
    for (int w = 0; w < length; ++w) {
        plan.words.emplace_back(Vocabulary[random.below(Vocabulary.size())]);
        if (w > 0) plan.request.text += ' ';
        plan.request.text += plan.words.back();
    }
    plan.request.voice = std::string(Accents[random.below(Accents.size())]) +
                         std::string(Variants[random.below(Variants.size())]);
    plan.request.wordsPerMinute = drawInt(random, 130, 220);
    plan.request.pitch = drawInt(random, 25, 75);
    plan.request.pitchRange = drawInt(random, 30, 80);
    plan.request.noiseSeed = static_cast<unsigned>(random.next() & 0xffffffffu);
    return plan;
}

// The utterance from espeak-ng's result: trimmed, converted to the wanted rate, with word spans
// (the convention is in SpokenTask.h).
SpokenUtterance assemble(Plan plan, const SpeechResult& speech, int sampleRate) {
    const auto fail = [&](const std::string& why) {
        throw std::runtime_error("spoken: \"" + plan.request.text + "\" (" + plan.request.voice +
                                 "): " + why);
    };
    const std::vector<std::int16_t>& raw = speech.samples; // (N) at speech.sampleRate
    if (speech.wordStarts.size() != plan.words.size()) fail("espeak-ng timed a different number of words");
    int peak = 0;
    for (const std::int16_t x : raw) peak = std::max(peak, std::abs(static_cast<int>(x)));
    if (peak == 0) fail("espeak-ng produced silence");
    const double threshold = std::max(1.0, VoicedThreshold * peak);
    const auto loud = [&](std::int16_t x) { return std::abs(static_cast<int>(x)) >= threshold; };
    const auto onset = static_cast<int>(std::find_if(raw.begin(), raw.end(), loud) - raw.begin());
    const auto offset = static_cast<int>(raw.rend() - std::find_if(raw.rbegin(), raw.rend(), loud));
    const int margin = static_cast<int>(std::lround(MarginSeconds * speech.sampleRate));
    const int cutBegin = std::max(0, onset - margin);
    const int cutEnd = std::min(static_cast<int>(raw.size()), offset + margin);

    std::vector<float> kept(static_cast<std::size_t>(cutEnd - cutBegin)); // (cut) in [-1, 1)
    for (std::size_t i = 0; i < kept.size(); ++i)
        kept[i] = static_cast<float>(raw[static_cast<std::size_t>(cutBegin) + i]) / 32768.0f;

    SpokenUtterance utterance;
    utterance.audio.sampleRate = sampleRate;
    utterance.audio.samples = resample(kept, speech.sampleRate, sampleRate);
    const auto toOutput = [&](int rawSample) {
        return static_cast<int>(
            resampledLength(static_cast<std::size_t>(rawSample - cutBegin), speech.sampleRate, sampleRate));
    };
    const std::size_t words = plan.words.size();
    for (std::size_t w = 0; w < words; ++w) {
        const int begin = std::max(speech.wordStarts[w], onset);
        const int end = w + 1 < words ? std::max(speech.wordStarts[w + 1], onset) : offset;
        if (end <= begin || end > offset) fail("word " + std::to_string(w) + " has no voiced span");
        utterance.wordSamples.emplace_back(toOutput(begin), toOutput(end));
        if (utterance.wordSamples.back().first >= utterance.wordSamples.back().second)
            fail("word " + std::to_string(w) + " is shorter than a sample at " + std::to_string(sampleRate) +
                 " Hz");
    }
    utterance.words = std::move(plan.words);
    utterance.transcript = std::move(plan.request.text);
    utterance.voice = std::move(plan.request.voice);
    utterance.wordsPerMinute = plan.request.wordsPerMinute;
    utterance.pitch = plan.request.pitch;
    return utterance;
}

} // namespace

std::vector<std::string> spokenVocabulary() {
    return {Vocabulary.begin(), Vocabulary.end()};
}

std::vector<SpokenUtterance> generateSpoken(int count, std::uint64_t seed, const SpokenOptions& options,
                                            const std::function<bool(int done)>& progress) {
    if (count < 0)
        throw std::invalid_argument("spoken: the count must not be negative, not " + std::to_string(count));
    if (options.minWords < 1 || options.maxWords < options.minWords || options.maxWords > 100)
        throw std::invalid_argument("spoken: words per utterance must satisfy 1 <= min <= max <= 100 (min " +
                                    std::to_string(options.minWords) + ", max " +
                                    std::to_string(options.maxWords) + ")");
    if (options.sampleRate < MinAudioRate || options.sampleRate > MaxAudioRate)
        throw std::invalid_argument("spoken: the sample rate " + std::to_string(options.sampleRate) +
                                    " Hz is not in 8000..192000 Hz");
    if (count == 0) return {};

    // Every draw happens before any audio exists, so the words and voices depend on the seed alone.
    Random random(seed);
    std::vector<Plan> plans;
    std::vector<SpeechRequest> requests;
    for (int i = 0; i < count; ++i) {
        plans.push_back(drawPlan(random, options));
        requests.push_back(plans.back().request);
    }
    EspeakProcess espeak(std::move(requests), options.espeakDataPath);
    std::vector<SpokenUtterance> utterances(static_cast<std::size_t>(count));
    std::vector<SpeechResult> speech(Batch);
    for (int first = 0; first < count; first += Batch) {
        const int size = std::min(Batch, count - first);
        for (int i = 0; i < size; ++i) speech[static_cast<std::size_t>(i)] = espeak.next();
        Parallelism::shared().forEach(size, [&](int i) {
            const auto at = static_cast<std::size_t>(first + i);
            utterances[at] =
                assemble(std::move(plans[at]), speech[static_cast<std::size_t>(i)], options.sampleRate);
        });
        for (int i = 0; i < size; ++i)
            if (progress && !progress(first + i + 1)) throw SpokenCancelled();
    }
    return utterances;
}

} // namespace attnlab
