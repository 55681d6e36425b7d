#pragma once
// Decides when a run records the attention of the followed sentences, and records it: at the
// model's step 0 (a new model, before the first step), every `interval` steps, and at the run's
// last step. The interval spreads kMaxFrames frames over all the steps the model will have
// trained when the run ends (earlier runs' included): a first run of any length records about
// AttentionHistory::kMaxFrames frames per sentence, a continued one its share of them, and the
// history's thinning evens out the older, closer frames. The target vocabulary must outlive the
// recorder (the run's bundle holds it). Runs on the training thread, between steps (it decodes with the model
// being trained).
#include "core/data/Vocabulary.h"
#include "core/nn/Seq2Seq.h"
#include "core/train/FollowedSentences.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace attnlab {

struct TrackFrame {
    TrackSentence sentence;
    AttentionFrame frame;
};

class AttentionRecorder {
public:
    // stepOffset, epochOffset: what the model had trained before this run.
    AttentionRecorder(std::shared_ptr<const FollowedSentences> followed, const Vocabulary& targetVocabulary,
                      long long stepOffset, int epochOffset);

    // Whether a frame is due after run step `step` (1-based) of `plannedSteps`.
    bool due(long long step, long long plannedSteps);
    long long interval() const { return m_interval; }

    // Keeps a copy of a new model's weights before its first step: a sentence first followed
    // later in this run (pinned, typed) then still gets its step-0 frame.
    void keepInitial(const Seq2Seq<float>& model);

    // The followed sentences decoded greedily with the model as it is after run step `step`
    // (0: before the first) of run epoch `epoch` (0 before the first); a sentence seen for the first
    // time gets a step-0 frame first when the initial weights were kept.
    std::vector<TrackFrame> record(const Seq2Seq<float>& model, long long step, int epoch, double loss);
    long long lastRecordedStep() const { return m_lastRecorded; } // run step; -1 before any

private:
    TrackFrame frameOf(const Seq2Seq<float>& model, const FollowedSentence& followed, long long modelStep,
                       int modelEpoch, double loss) const;

    std::shared_ptr<const FollowedSentences> m_followed;
    const Vocabulary& m_targetVocabulary;
    long long m_stepOffset;
    int m_epochOffset;
    long long m_interval = 0; // model steps; 0 until the planned steps are known
    long long m_lastRecorded = -1;
    std::unique_ptr<Seq2Seq<float>> m_initial; // a new model's weights before its first step
    std::set<std::string> m_seen;              // keys recorded in this run
};

} // namespace attnlab
