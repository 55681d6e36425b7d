#include "core/data/audio/EspeakProcess.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace attnlab {
namespace {

// The pipe carries, per request, a ResultMessage (rate, sample count, word count, the samples,
// the word starts, all native-endian: both ends are this same program), or once an ErrorMessage
// (length, text) after which the child exits.
constexpr std::int32_t ResultMessage = 1;
constexpr std::int32_t ErrorMessage = 2;
constexpr std::int32_t MaxSamples = 1 << 26; // 50 minutes at 22050 Hz: more means a garbled pipe

// ---- the child ----

struct Collected {
    std::vector<std::int16_t> samples;           // (N) everything espeak-ng produced
    std::vector<std::pair<int, int>> wordEvents; // (text position, sample) of each WORD event
};
Collected* g_collected = nullptr; // the child has one thread; the callback has no user pointer to use

int collect(short* wave, int count, espeak_EVENT* events) {
    if (wave && count > 0) g_collected->samples.insert(g_collected->samples.end(), wave, wave + count);
    for (espeak_EVENT* e = events; e && e->type != espeakEVENT_LIST_TERMINATED; ++e)
        if (e->type == espeakEVENT_WORD) g_collected->wordEvents.emplace_back(e->text_position, e->sample);
    return 0; // go on
}

void writeAll(int fd, const void* data, std::size_t size) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) _exit(3); // the parent has gone (a cancelled generation): nobody to tell
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

void put(int fd, std::int32_t value) {
    writeAll(fd, &value, sizeof value);
}

[[noreturn]] void failChild(int fd, const std::string& message) {
    put(fd, ErrorMessage);
    put(fd, static_cast<std::int32_t>(message.size()));
    writeAll(fd, message.data(), message.size());
    _exit(2);
}

std::string statusText(espeak_ng_STATUS status) {
    char text[512] = {};
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    return text;
}

// 1-based character positions of the words of `text` (single spaces, ASCII), as espeak-ng's WORD
// events report them in text_position (counted in characters, not bytes).
std::vector<int> wordPositions(const std::string& text) {
    std::vector<int> positions;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) positions.push_back(static_cast<int>(i) + 1);
    return positions;
}

// The text as espeak-ng is given it: words joined by U+00A0 (no-break space). It speaks that
// exactly as a space (the same samples, measured), but its dictionary then cannot read two of the
// words as one phrase: with plain spaces "no one" becomes the single word "no-one", with one WORD
// event for both. U+00A0 is one character, so the words' character positions do not change.
std::string withNoBreakSpaces(const std::string& text) {
    std::string spoken;
    for (const char c : text) spoken += c == ' ' ? std::string("\xc2\xa0") : std::string(1, c);
    return spoken;
}

// The parent's signal handlers are not the child's business (a test harness's crash handler, a
// GUI's): everything back to the default, and SIGPIPE ignored so that a child whose parent
// stopped listening (a cancelled generation) ends quietly in writeAll.
void resetSignals() {
    for (int signal = 1; signal < NSIG; ++signal)
        if (signal != SIGKILL && signal != SIGSTOP) ::signal(signal, SIG_DFL);
    ::signal(SIGPIPE, SIG_IGN);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

[[noreturn]] void runChild(int fd, const std::vector<SpeechRequest>& requests, const std::string& dataPath) {
    resetSignals();
    // espeak-ng quietly falls back to its installed data when the folder it is given does not
    // exist; a folder someone named on purpose is checked here instead.
    struct stat status {};
    if (!dataPath.empty() && (::stat(dataPath.c_str(), &status) != 0 || !S_ISDIR(status.st_mode)))
        failChild(fd, "espeak-ng's data folder " + dataPath + " does not exist");
    espeak_ng_InitializePath(dataPath.empty() ? nullptr : dataPath.c_str());
    const char* home = nullptr;
    espeak_Info(&home);
    const std::string where = home ? home : "(no folder)";
    espeak_ng_ERROR_CONTEXT context = nullptr;
    if (const espeak_ng_STATUS status = espeak_ng_Initialize(&context); status != ENS_OK)
        failChild(fd, "espeak-ng's data could not be loaded from " + where + " (" + statusText(status) +
                          "): install the espeak-ng-data package, or set ESPEAK_DATA_PATH to the folder "
                          "that holds espeak-ng-data");
    if (const espeak_ng_STATUS status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
        status != ENS_OK)
        failChild(fd, "espeak-ng cannot start synthesis: " + statusText(status));
    const int rate = espeak_ng_GetSampleRate();
    espeak_SetSynthCallback(collect);

    for (const SpeechRequest& request : requests) {
        if (const espeak_ng_STATUS status = espeak_ng_SetVoiceByName(request.voice.c_str()); status != ENS_OK)
            failChild(fd, "espeak-ng has no voice \"" + request.voice + "\" in " + where + ": " +
                              statusText(status));
        espeak_ng_SetParameter(espeakRATE, request.wordsPerMinute, 0);
        espeak_ng_SetParameter(espeakPITCH, request.pitch, 0);
        espeak_ng_SetParameter(espeakRANGE, request.pitchRange, 0);
        std::srand(request.noiseSeed);
        const std::string spoken = withNoBreakSpaces(request.text);
        Collected collected;
        g_collected = &collected;
        const espeak_ng_STATUS status = espeak_ng_Synthesize(
            spoken.c_str(), spoken.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
        g_collected = nullptr;
        if (status != ENS_OK)
            failChild(fd, "espeak-ng cannot speak \"" + request.text + "\": " + statusText(status));

        std::vector<std::int32_t> starts; // (words) the first WORD event at each word's position
        for (const int position : wordPositions(request.text)) {
            const auto event = std::find_if(collected.wordEvents.begin(), collected.wordEvents.end(),
                                            [&](const auto& e) { return e.first == position; });
            if (event == collected.wordEvents.end())
                failChild(fd, "espeak-ng gave no timing event for the word at character " +
                                  std::to_string(position) + " of \"" + request.text + "\"");
            starts.push_back(event->second);
        }
        put(fd, ResultMessage);
        put(fd, rate);
        put(fd, static_cast<std::int32_t>(collected.samples.size()));
        put(fd, static_cast<std::int32_t>(starts.size()));
        writeAll(fd, collected.samples.data(), collected.samples.size() * sizeof(std::int16_t));
        writeAll(fd, starts.data(), starts.size() * sizeof(std::int32_t));
    }
    _exit(0); // not exit(): the parent's atexit handlers and stdio buffers are not the child's
}

// ---- the parent ----

// False at end of file before the first byte; throws on an end within the value or a read error.
bool readAll(int fd, void* data, std::size_t size) {
    char* p = static_cast<char*>(data);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, p + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            throw std::runtime_error(std::string("espeak-ng: cannot read from its process: ") +
                                     std::strerror(errno));
        if (n == 0) {
            if (done == 0) return false;
            throw std::runtime_error("espeak-ng: its process stopped in the middle of a result");
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

std::int32_t take(int fd) {
    std::int32_t value = 0;
    if (!readAll(fd, &value, sizeof value))
        throw std::runtime_error("espeak-ng: its process stopped in the middle of a result");
    return value;
}

std::string describeExit(int status) {
    if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return std::string("signal ") + strsignal(WTERMSIG(status));
    return "status " + std::to_string(status);
}

} // namespace

EspeakProcess::EspeakProcess(std::vector<SpeechRequest> requests, const std::string& dataPath)
    : m_requests(std::move(requests)) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("espeak-ng: cannot create a pipe: ") + std::strerror(errno));
    m_child = ::fork();
    if (m_child < 0) {
        const int error = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        throw std::runtime_error(std::string("espeak-ng: cannot start its process: ") + std::strerror(error));
    }
    if (m_child == 0) {
        // Keep only stdin/stdout/stderr and the write end: a pipe another thread is creating for
        // its own child must not stay open here, or that parent would miss its child's end.
        const int out = fds[1];
        if (out > 3) ::close_range(3, static_cast<unsigned>(out - 1), 0);
        ::close_range(static_cast<unsigned>(out + 1), ~0U, 0);
        runChild(out, m_requests, dataPath);
    }
    ::close(fds[1]);
    m_pipe = fds[0];
    // Room for several utterances, so the child speaks ahead while the parent converts (the
    // default 64 KiB holds one); refused above /proc/sys/fs/pipe-max-size, which only costs speed.
    ::fcntl(m_pipe, F_SETPIPE_SZ, 1 << 20);
}

EspeakProcess::~EspeakProcess() {
    stop();
}

void EspeakProcess::stop() {
    // A child with results still to give is killed; one that gave them all exits by itself.
    if (m_child > 0 && m_received < m_requests.size()) ::kill(m_child, SIGKILL);
    if (m_pipe >= 0) ::close(m_pipe);
    m_pipe = -1;
    if (m_child <= 0) return;
    int status = 0;
    while (::waitpid(m_child, &status, 0) < 0 && errno == EINTR) {
    }
    m_child = -1;
}

SpeechResult EspeakProcess::next() {
    if (m_received >= m_requests.size()) throw std::logic_error("EspeakProcess::next: no results left");
    if (m_pipe < 0) throw std::runtime_error("espeak-ng: its process has stopped");
    std::int32_t kind = 0;
    if (!readAll(m_pipe, &kind, sizeof kind)) {
        ::close(m_pipe);
        m_pipe = -1;
        int status = 0;
        while (::waitpid(m_child, &status, 0) < 0 && errno == EINTR) {
        }
        m_child = -1;
        throw std::runtime_error("espeak-ng: its process ended (" + describeExit(status) + ") after " +
                                 std::to_string(m_received) + " of " + std::to_string(m_requests.size()) +
                                 " utterances");
    }
    if (kind == ErrorMessage) {
        const std::int32_t length = take(m_pipe);
        std::string message(static_cast<std::size_t>(std::clamp(length, 0, 1 << 16)), '\0');
        if (!readAll(m_pipe, message.data(), message.size())) message = "(no reason given)";
        stop();
        throw std::runtime_error(message);
    }
    if (kind != ResultMessage) throw std::runtime_error("espeak-ng: unreadable message from its process");
    SpeechResult result;
    result.sampleRate = take(m_pipe);
    const std::int32_t samples = take(m_pipe);
    const std::int32_t words = take(m_pipe);
    if (samples < 0 || samples > MaxSamples || words < 0 || words > 100000)
        throw std::runtime_error("espeak-ng: unreadable message from its process");
    result.samples.resize(static_cast<std::size_t>(samples));
    std::vector<std::int32_t> starts(static_cast<std::size_t>(words));
    if ((samples > 0 &&
         !readAll(m_pipe, result.samples.data(), result.samples.size() * sizeof(std::int16_t))) ||
        (words > 0 && !readAll(m_pipe, starts.data(), starts.size() * sizeof(std::int32_t))))
        throw std::runtime_error("espeak-ng: its process stopped in the middle of a result");
    result.wordStarts.assign(starts.begin(), starts.end());
    ++m_received;
    return result;
}

} // namespace attnlab
