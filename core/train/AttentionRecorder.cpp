#include "core/train/AttentionRecorder.h"

#include "core/infer/AttentionAxes.h"

#include "core/data/Vocabulary.h"
#include "core/infer/GreedyDecoder.h"

#include <algorithm>
#include <limits>

namespace attnlab {

AttentionRecorder::AttentionRecorder(std::shared_ptr<const FollowedSentences> followed,
                                     const Vocabulary& targetVocabulary, long long stepOffset,
                                     int epochOffset)
    : m_followed(std::move(followed)), m_targetVocabulary(targetVocabulary), m_stepOffset(stepOffset),
      m_epochOffset(epochOffset) {}

bool AttentionRecorder::due(long long step, long long plannedSteps) {
    if (m_interval == 0) {
        const long long modelSteps = m_stepOffset + std::max(plannedSteps, step);
        // Step 0 and a frame every interval up to the end: kMaxFrames in all.
        const long long spaces = AttentionHistory::kMaxFrames - 1;
        m_interval = std::max<long long>(1, (modelSteps + spaces - 1) / spaces);
    }
    return (m_stepOffset + step) % m_interval == 0 || step == plannedSteps;
}

void AttentionRecorder::keepInitial(const Seq2Seq<float>& model) {
    m_initial = std::make_unique<Seq2Seq<float>>(model.config());
    m_initial->copyValuesFrom(model);
}

TrackFrame AttentionRecorder::frameOf(const Seq2Seq<float>& model, const FollowedSentence& followed,
                                      long long modelStep, int modelEpoch, double loss) const {
    const DecodeResult decoded = greedyDecode(model, followed.sourceIds);
    TrackFrame shot;
    shot.sentence = followed.sentence;
    shot.frame.step = modelStep;
    shot.frame.epoch = modelEpoch;
    shot.frame.loss = loss;
    const AttentionAxes axes =
        attentionAxes(model.config(), decoded, followed.sentence.source, m_targetVocabulary);
    shot.frame.output = axes.rows;
    // The track's columns are the whole source (an entailment's premise first).
    shot.frame.attention =
        attentionOverSource(decoded.attention, static_cast<int>(followed.sentence.source.size()));
    return shot;
}

std::vector<TrackFrame> AttentionRecorder::record(const Seq2Seq<float>& model, long long step, int epoch,
                                                  double loss) {
    m_lastRecorded = step;
    std::vector<TrackFrame> frames;
    if (!m_followed) return frames;
    for (const FollowedSentence& followed : m_followed->get()) {
        if (followed.sourceIds.empty()) continue;
        const bool first = m_seen.insert(followed.sentence.key).second;
        if (first && m_initial && step > 0)
            frames.push_back(frameOf(*m_initial, followed, 0, 0, std::numeric_limits<double>::quiet_NaN()));
        frames.push_back(frameOf(model, followed, m_stepOffset + step, m_epochOffset + epoch, loss));
    }
    return frames;
}

} // namespace attnlab
