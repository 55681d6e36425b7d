#pragma once
// espeak-ng, run in a child process of its own. Two facts about libespeak-ng make that the way:
//  - its state is global and not thread-safe, and
//  - it carries state from one utterance to the next (a pitch-flutter phase, an automatic gain, a
//    glottal cycle counter, the echo and breath filters), so the same text with the same voice
//    and parameters sounds slightly different the second time in a process. Measured: every
//    repeat differs. AttnLab's data must be a pure function of its seed.
// So each EspeakProcess forks a child that never shared any espeak state: the parent process
// never calls espeak-ng. The child initialises it (AUDIO_OUTPUT_SYNCHRONOUS, a callback that
// collects the samples and the WORD events), speaks the requests in order and streams the
// results back through a pipe. Same requests => the same bytes, whatever ran before and whatever
// other thread speaks at the same time (each has a child of its own, so there is nothing to lock).
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace attnlab {

struct SpeechRequest {
    std::string text;         // words separated by single spaces, nothing else
    std::string voice;        // an espeak-ng voice name, e.g. "en-us+f3"
    int wordsPerMinute = 175; // espeakRATE, 80..450
    int pitch = 50;           // espeakPITCH, 0..100
    int pitchRange = 50;      // espeakRANGE, 0..100
    unsigned noiseSeed = 1;   // srand() before speaking: breathy and Klatt voices draw noise from rand()
};

struct SpeechResult {
    int sampleRate = 0;                // espeak-ng's rate (22050 Hz)
    std::vector<std::int16_t> samples; // (N) mono
    std::vector<int> wordStarts;       // (words of the text) the sample of espeak's WORD event for each
};

class EspeakProcess {
public:
    // Starts the child on `requests`. dataPath: espeak-ng's data folder, or empty for its own
    // search (ESPEAK_DATA_PATH, then the installed espeak-ng-data). Throws std::runtime_error if
    // the process cannot be started.
    EspeakProcess(std::vector<SpeechRequest> requests, const std::string& dataPath);
    // Stops a child that is still speaking (a cancelled generation) and reaps it.
    ~EspeakProcess();
    EspeakProcess(const EspeakProcess&) = delete;
    EspeakProcess& operator=(const EspeakProcess&) = delete;

    // The next request's result, in order. Throws std::runtime_error with espeak-ng's reason when
    // it fails (its data not found, a voice missing, a word without a timing event) or the child
    // dies; after the last result, throws std::logic_error.
    SpeechResult next();

private:
    void stop();

    std::vector<SpeechRequest> m_requests;
    pid_t m_child = -1;
    int m_pipe = -1; // read end
    std::size_t m_received = 0;
};

} // namespace attnlab
