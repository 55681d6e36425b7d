#include "ui/history/HistoryFollower.h"

#include "ui/history/HistoryKeys.h"
#include "ui/panels/InspectPanel.h"
#include "ui/panels/PinnedPairsPanel.h"
#include "ui/session/TrainingSession.h"

namespace attnlab::ui {

HistoryFollower::HistoryFollower(TrainingSession& session, PinnedPairsPanel& pinned, InspectPanel& inspect,
                                 QObject* parent)
    : QObject(parent), m_session(session), m_pinned(pinned), m_inspect(inspect) {
    connect(&m_pinned, &PinnedPairsPanel::pinnedChanged, this, &HistoryFollower::update);
    connect(&m_inspect, &InspectPanel::sentenceDecoded, this, &HistoryFollower::update);
    // The vocabulary is fixed once the run's data is prepared (the first snapshot follows).
    connect(&m_session, &TrainingSession::dataPrepared, this, &HistoryFollower::update);
    connect(&m_session, &TrainingSession::inferenceModelChanged, this, &HistoryFollower::update);

    m_pinned.setHistorySource(&m_session.history());
    m_inspect.setHistorySource(&m_session.history());
    connect(&m_session, &TrainingSession::historyChanged, &m_pinned, &PinnedPairsPanel::historyChanged);
    connect(&m_session, &TrainingSession::historyChanged, &m_inspect, &InspectPanel::historyChanged);
}

std::vector<FollowedSentence> HistoryFollower::followed() const {
    std::vector<FollowedSentence> sentences;
    const InferenceModel& model = m_session.inferenceModel();
    if (!model.sourceVocabulary) return sentences;
    // A frames or image model reads features, which the recorder's token ids cannot carry: its
    // attention is shown live (pinned pairs, inspect box), not followed through training.
    if (model.model && !model.model->config().input.tokens()) return sentences;
    // The typed sentence and the first pins, as many as the history keeps (a ninth sentence would
    // evict one still followed), each short enough for its frames to fit (AttentionHistory).
    const QString typed = m_inspect.sentence();
    const int pinnedRoom = AttentionHistory::kMaxTracks - (typed.isEmpty() ? 0 : 1);
    for (const PinCandidate& pair : m_pinned.pinnedCandidates()) {
        if (static_cast<int>(sentences.size()) >= pinnedRoom) break;
        if (!AttentionHistory::followable(static_cast<int>(pair.sourceTokens.size()))) continue;
        FollowedSentence s;
        s.sentence.key = pairTrackKey(pair.index, pair.source);
        s.sentence.label = (pair.source + QStringLiteral(" → ") + pair.reference).toStdString();
        s.sentence.source = pair.sourceTokens;
        s.sentence.reference = pair.referenceTokens;
        s.sentence.gold = pair.gold;
        s.sourceIds = encodeSourceTokens(pair.sourceTokens, *model.sourceVocabulary).ids;
        sentences.push_back(std::move(s));
    }
    if (!typed.isEmpty() && model.ready()) {
        const SourceInput input =
            readSourceInput(typed.toStdString(), model.sourceReading(), *model.sourceVocabulary);
        if (input.ok() && AttentionHistory::followable(static_cast<int>(input.tokens.size()))) {
            FollowedSentence s;
            s.sentence.key = typedTrackKey(typed);
            s.sentence.label = typed.toStdString();
            s.sentence.source = input.tokens;
            s.sourceIds = input.ids;
            sentences.push_back(std::move(s));
        }
    }
    return sentences;
}

void HistoryFollower::update() {
    m_session.follow(followed());
}

} // namespace attnlab::ui
