#include "core/train/AttentionHistory.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace attnlab {

std::size_t AttentionFrame::bytes() const {
    std::size_t total = sizeof(AttentionFrame) + static_cast<std::size_t>(attention.size()) * sizeof(float);
    for (const std::string& token : output) total += sizeof(std::string) + token.capacity();
    return total;
}

void AttentionHistory::thin(std::vector<AttentionFrame>& frames, int maxFrames, std::size_t maxBytes) {
    std::size_t bytes = 0;
    for (const AttentionFrame& frame : frames) bytes += frame.bytes();
    // Interior frame i spans the gap from frame i-1 to i+1; the smallest span loses least.
    while (frames.size() > 2 && (static_cast<int>(frames.size()) > maxFrames || bytes > maxBytes)) {
        std::size_t smallest = 1;
        for (std::size_t i = 2; i + 1 < frames.size(); ++i)
            if (frames[i + 1].step - frames[i - 1].step <
                frames[smallest + 1].step - frames[smallest - 1].step)
                smallest = i;
        bytes -= frames[smallest].bytes();
        frames.erase(frames.begin() + static_cast<std::ptrdiff_t>(smallest));
    }
}

bool AttentionHistory::followable(int sourceLength) {
    const auto rows = static_cast<std::size_t>(2 * sourceLength + 10);
    return sourceLength > 0 &&
           rows * static_cast<std::size_t>(sourceLength) * sizeof(float) <= kMaxTrackBytes / 2;
}

void AttentionHistory::add(const TrackSentence& sentence, AttentionFrame frame) {
    if (frame.attention.rows() != static_cast<Eigen::Index>(frame.output.size()) ||
        frame.attention.cols() != static_cast<Eigen::Index>(sentence.source.size()))
        throw std::invalid_argument("an attention frame of " + std::to_string(frame.attention.rows()) +
                                    " x " + std::to_string(frame.attention.cols()) + " for " +
                                    std::to_string(frame.output.size()) + " output and " +
                                    std::to_string(sentence.source.size()) + " source tokens");
    auto found = std::find_if(m_tracks.begin(), m_tracks.end(),
                              [&](const AttentionTrack& t) { return t.sentence.key == sentence.key; });
    AttentionTrack track;
    if (found != m_tracks.end()) {
        track = std::move(*found);
        m_tracks.erase(found);
    } else {
        track.sentence = sentence;
        if (static_cast<int>(m_tracks.size()) >= kMaxTracks) m_tracks.erase(m_tracks.begin());
    }
    std::vector<AttentionFrame>& frames = track.frames;
    const long long step = frame.step;
    frames.erase(
        std::find_if(frames.begin(), frames.end(), [&](const AttentionFrame& f) { return f.step >= step; }),
        frames.end());
    frames.push_back(std::move(frame));
    thin(frames, kMaxFrames, kMaxTrackBytes);
    m_tracks.push_back(std::move(track));
}

const AttentionTrack* AttentionHistory::track(const std::string& key) const {
    for (const AttentionTrack& t : m_tracks)
        if (t.sentence.key == key) return &t;
    return nullptr;
}

std::size_t AttentionHistory::bytes() const {
    std::size_t total = 0;
    for (const AttentionTrack& t : m_tracks)
        for (const AttentionFrame& frame : t.frames) total += frame.bytes();
    return total;
}

long long AttentionHistory::lastStep() const {
    long long step = 0;
    for (const AttentionTrack& t : m_tracks)
        if (!t.frames.empty()) step = std::max(step, t.frames.back().step);
    return step;
}

int AttentionHistory::lastEpoch() const {
    int epoch = 0;
    for (const AttentionTrack& t : m_tracks)
        if (!t.frames.empty()) epoch = std::max(epoch, t.frames.back().epoch);
    return epoch;
}

void AttentionHistory::assign(std::vector<AttentionTrack> tracks) {
    if (static_cast<int>(tracks.size()) > kMaxTracks) tracks.erase(tracks.begin(), tracks.end() - kMaxTracks);
    for (AttentionTrack& t : tracks) thin(t.frames, kMaxFrames, kMaxTrackBytes);
    m_tracks = std::move(tracks);
}

} // namespace attnlab
