#pragma once
// S source length.
// The sentences whose attention a run records through training (AttentionRecorder): set from the
// window's thread whenever the pinned pairs or the typed sentence change, read on the training
// thread at each recording. Guarded by a mutex; both sides copy.
#include "core/train/AttentionHistory.h"

#include <mutex>
#include <vector>

namespace attnlab {

struct FollowedSentence {
    TrackSentence sentence;
    std::vector<int> sourceIds; // (S) in the model's source vocabulary
};

class FollowedSentences {
public:
    void set(std::vector<FollowedSentence> sentences) {
        std::lock_guard lock(m_mutex);
        m_sentences = std::move(sentences);
    }
    std::vector<FollowedSentence> get() const {
        std::lock_guard lock(m_mutex);
        return m_sentences;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<FollowedSentence> m_sentences;
};

} // namespace attnlab
