#include "core/data/audio/WavFile.h"

#include "core/data/audio/Resampler.h"
#include "core/util/AtomicFile.h"
#include "core/util/MediaError.h"

#include <sndfile.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace attnlab {
namespace {

constexpr sf_count_t ReadChunk = 65536; // frames per sf_readf_float call

// Why libsndfile refused to open a file that exists and is not empty. sf_error(nullptr) gives one
// of the public codes or one of its many internal ones (a WAV without a data chunk, a header cut
// short): those all mean a damaged file. sf_strerror(nullptr) reads one global "last error", so
// opening and asking happen under one lock.
std::string openFailure(int code, const char* detail) {
    const std::string why = std::string(" (libsndfile: ") + detail + ")";
    switch (code) {
    case SF_ERR_UNRECOGNISED_FORMAT:
        return "is not an audio file AttnLab can read" + why;
    case SF_ERR_UNSUPPORTED_ENCODING:
        return "uses an audio encoding libsndfile cannot decode" + why;
    case SF_ERR_SYSTEM:
        return "cannot be read" + why;
    default:
        return "is a damaged audio file" + why;
    }
}

class SoundFile {
public:
    explicit SoundFile(const std::string& path) {
        static std::mutex openLock;
        std::lock_guard lock(openLock);
        m_file = sf_open(path.c_str(), SFM_READ, &m_info);
        if (!m_file) throw MediaError(path, openFailure(sf_error(nullptr), sf_strerror(nullptr)));
    }
    ~SoundFile() { sf_close(m_file); }
    SoundFile(const SoundFile&) = delete;
    SoundFile& operator=(const SoundFile&) = delete;

    const SF_INFO& info() const { return m_info; }
    SNDFILE* handle() { return m_file; }

private:
    SF_INFO m_info{};
    SNDFILE* m_file = nullptr;
};

// Refuses what is not a readable, non-empty regular file with the reason people can act on
// (libsndfile would only say "System error").
void checkIsFile(const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        const int error = errno;
        if (error == ENOENT) throw MediaError(path, "the file does not exist");
        throw MediaError(path, std::string("cannot be read: ") + std::strerror(error));
    }
    if (S_ISDIR(status.st_mode)) throw MediaError(path, "is a folder, not an audio file");
    if (status.st_size == 0) throw MediaError(path, "is empty (0 bytes), not an audio file");
}

// An in-memory file for libsndfile to write a WAV into, so the bytes reach the disk through the
// one atomic writer.
struct MemoryFile {
    std::string bytes;
    sf_count_t position = 0;

    static sf_count_t length(void* self) { return static_cast<sf_count_t>(cast(self).bytes.size()); }
    static sf_count_t seek(sf_count_t offset, int whence, void* self) {
        MemoryFile& file = cast(self);
        const sf_count_t base = whence == SEEK_CUR   ? file.position
                                : whence == SEEK_END ? static_cast<sf_count_t>(file.bytes.size())
                                                     : 0;
        file.position = std::max<sf_count_t>(0, base + offset);
        return file.position;
    }
    static sf_count_t read(void* data, sf_count_t count, void* self) {
        MemoryFile& file = cast(self);
        const sf_count_t size = static_cast<sf_count_t>(file.bytes.size());
        const sf_count_t n = std::clamp<sf_count_t>(size - file.position, 0, count);
        std::memcpy(data, file.bytes.data() + file.position, static_cast<std::size_t>(n));
        file.position += n;
        return n;
    }
    static sf_count_t write(const void* data, sf_count_t count, void* self) {
        MemoryFile& file = cast(self);
        const std::size_t end = static_cast<std::size_t>(file.position + count);
        if (end > file.bytes.size()) file.bytes.resize(end);
        std::memcpy(file.bytes.data() + file.position, data, static_cast<std::size_t>(count));
        file.position += count;
        return count;
    }
    static sf_count_t tell(void* self) { return cast(self).position; }
    static MemoryFile& cast(void* self) { return *static_cast<MemoryFile*>(self); }
};

} // namespace

Waveform readAudioFile(const std::string& path, int targetRate) {
    if (targetRate < MinAudioRate || targetRate > MaxAudioRate)
        throw std::invalid_argument("readAudioFile: target rate " + std::to_string(targetRate) +
                                    " Hz is not in 8000..192000 Hz");
    checkIsFile(path);
    SoundFile file(path);
    const SF_INFO& info = file.info();
    if (info.channels != 1)
        throw MediaError(path, "has " + std::to_string(info.channels) +
                                   " channels; AttnLab reads mono recordings (mix down first, e.g. "
                                   "sox in.wav -c 1 out.wav)");
    if (info.samplerate < MinAudioRate || info.samplerate > MaxAudioRate)
        throw MediaError(path, "has a sample rate of " + std::to_string(info.samplerate) +
                                   " Hz; AttnLab reads recordings at 8000 to 192000 Hz");

    std::vector<float> samples; // (N) at the file's rate
    samples.reserve(static_cast<std::size_t>(std::clamp<sf_count_t>(info.frames, 0, 1 << 24)));
    for (;;) {
        const std::size_t at = samples.size();
        samples.resize(at + ReadChunk);
        const sf_count_t got = sf_readf_float(file.handle(), samples.data() + at, ReadChunk);
        samples.resize(at + static_cast<std::size_t>(std::max<sf_count_t>(got, 0)));
        if (got <= 0) break;
    }
    if (sf_error(file.handle()) != SF_ERR_NO_ERROR)
        throw MediaError(path, "cannot be read after " + std::to_string(samples.size()) +
                                   " samples (libsndfile: " + sf_strerror(file.handle()) + ")");
    if (samples.empty()) throw MediaError(path, "has no samples (the recording is empty)");
    for (float& x : samples) x = std::clamp(x, -1.0f, 1.0f);

    Waveform audio;
    audio.sampleRate = targetRate;
    audio.samples = resample(samples, info.samplerate, targetRate);
    return audio;
}

void writeWavFile(const std::string& path, const Waveform& audio) {
    if (audio.sampleRate < 1 || audio.sampleRate > MaxAudioRate)
        throw std::invalid_argument("writeWavFile: sample rate " + std::to_string(audio.sampleRate) +
                                    " Hz is not in 1..192000 Hz");
    MemoryFile memory;
    SF_VIRTUAL_IO io{&MemoryFile::length, &MemoryFile::seek, &MemoryFile::read, &MemoryFile::write,
                     &MemoryFile::tell};
    SF_INFO info{};
    info.samplerate = audio.sampleRate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* file = sf_open_virtual(&io, SFM_WRITE, &info, &memory);
    if (!file) throw std::runtime_error(std::string("writeWavFile: libsndfile: ") + sf_strerror(nullptr));
    // Scaled by 32768 like libsndfile's reading (it would write with 32767): what readAudioFile
    // gave comes back exactly, anything else within half a step; full scale clips, never wraps.
    std::vector<short> pcm(audio.samples.size()); // (N) 16-bit
    for (std::size_t i = 0; i < pcm.size(); ++i)
        pcm[i] = static_cast<short>(std::clamp(std::lround(audio.samples[i] * 32768.0), -32768L, 32767L));
    const auto frames = static_cast<sf_count_t>(pcm.size());
    const sf_count_t written = sf_writef_short(file, pcm.data(), frames);
    const std::string problem = written == frames ? "" : sf_strerror(file);
    sf_close(file);
    if (!problem.empty()) throw std::runtime_error("writeWavFile: libsndfile: " + problem);
    writeFileAtomically(path, memory.bytes);
}

} // namespace attnlab
