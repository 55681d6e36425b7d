#pragma once
// Tells the session which sentences to record through training: the pinned validation pairs and
// the sentence typed in the inspect box, read with the current model's vocabulary. Updated when
// the pins change, a sentence is decoded, or the model (its vocabulary) changes. It also hands
// the session's history to both panels' scrubbers and tells them when it grows.
#include "core/train/FollowedSentences.h"

#include <QObject>

namespace attnlab::ui {

class InspectPanel;
class PinnedPairsPanel;
class TrainingSession;

class HistoryFollower : public QObject {
    Q_OBJECT
public:
    HistoryFollower(TrainingSession& session, PinnedPairsPanel& pinned, InspectPanel& inspect,
                    QObject* parent = nullptr);

    // What is followed now (the pairs in pin order, then the typed sentence).
    std::vector<FollowedSentence> followed() const;
    void update();

private:
    TrainingSession& m_session;
    PinnedPairsPanel& m_pinned;
    InspectPanel& m_inspect;
};

} // namespace attnlab::ui
