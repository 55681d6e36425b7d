#pragma once
// T output length, S source length.
// Attention through training: for each followed sentence (a pinned validation pair, a typed
// sentence) the attention the model gave it at points during training, so a person can scrub back
// to step 0 and watch the alignment form. Bounded: each sentence keeps at most kMaxFrames frames
// and kMaxTrackBytes of attention, and the history at most kMaxTracks sentences, so it never holds
// more than kMaxTracks × kMaxTrackBytes of attention (16 MiB) however long a model trains: only
// sentences whose largest frame fits half a track are followed (followable), so the two frames
// thinning always keeps fit too. When a sentence goes over, frames are thinned evenly over the
// steps: the interior frame whose removal leaves the smallest gap goes first; the first and last
// frames always stay.
#include "core/nn/Tensor.h"
#include "core/util/AlignmentLink.h"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace attnlab {

struct AttentionFrame {
    long long step = 0; // steps the model had trained when it was taken (0: before the first)
    int epoch = 0;      // the epoch that step belongs to (0 before training)
    double loss = std::numeric_limits<double>::quiet_NaN(); // that step's training loss (NaN at 0)
    std::vector<std::string> output; // (T) decoded tokens, </s> last when the decoding finished
    Matrix<float> attention;         // (T x S)

    std::size_t bytes() const; // attention and tokens
};

// What a followed sentence is; the same key is the same sentence.
struct TrackSentence {
    std::string key;                    // "pair 12" (validation index) or "typed" + the text
    std::string label;                  // as a person reads it: the source text
    std::vector<std::string> source;    // (S) tokens
    std::vector<std::string> reference; // the validation pair's target tokens; empty for typed text
    Alignment gold;                     // the pair's gold links; empty when none
};

struct AttentionTrack {
    TrackSentence sentence;
    std::vector<AttentionFrame> frames; // by step, ascending
};

class AttentionHistory {
public:
    static constexpr int kMaxFrames = 200;
    static constexpr std::size_t kMaxTrackBytes = 2u << 20; // 2 MiB
    static constexpr int kMaxTracks = 8;

    // Whether a sentence of `sourceLength` tokens can be followed: its largest frame (the length
    // limit's 2S + 10 output rows) takes at most half of kMaxTrackBytes (S up to 359).
    static bool followable(int sourceLength);

    // Adds a frame to the sentence's track (made when new; a new track over kMaxTracks replaces
    // the one least recently added to). A frame at or before the track's last step replaces the
    // frames from its step on (a model trained again from an earlier point). Throws
    // std::invalid_argument when the frame's attention is not (output tokens x source tokens).
    void add(const TrackSentence& sentence, AttentionFrame frame);

    const std::vector<AttentionTrack>& tracks() const { return m_tracks; }
    const AttentionTrack* track(const std::string& key) const; // null when not followed
    bool empty() const { return m_tracks.empty(); }
    void clear() { m_tracks.clear(); }
    std::size_t bytes() const; // what the frames hold (attention and tokens)
    // The latest step and epoch any track has a frame of (0 when empty): how far the model trained.
    long long lastStep() const;
    int lastEpoch() const;

    // Thins frames to at most maxFrames and maxBytes, as add does (exposed for the tests).
    static void thin(std::vector<AttentionFrame>& frames, int maxFrames, std::size_t maxBytes);

    // Replaces the whole history (a model file's); the tracks are thinned to the bounds.
    void assign(std::vector<AttentionTrack> tracks);

private:
    std::vector<AttentionTrack> m_tracks; // most recently added to last
};

} // namespace attnlab
