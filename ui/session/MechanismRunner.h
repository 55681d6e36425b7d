#pragma once
// The thread the mechanism views decode on, so the GUI thread never waits (a 200-token sentence
// with beam 10 takes a while). Requests replace each other: the thread works on the latest one
// only, on its own copy of the request's weights (copied again only when the snapshot changes),
// and each result comes back to the GUI thread through a queued call, tagged with its request.
#include "ui/session/MechanismRequest.h"

#include <QObject>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace attnlab::ui {

class MechanismRunner : public QObject {
    Q_OBJECT
public:
    explicit MechanismRunner(QObject* parent = nullptr);
    ~MechanismRunner() override;

    // Returns the request's id; an older request not yet started is dropped.
    quint64 request(MechanismRequest request);
    quint64 latestRequest() const { return m_latest; }
    bool busy() const;

Q_SIGNALS:
    // On the GUI thread, for the latest request only (an older result is dropped).
    void finished(const std::shared_ptr<const attnlab::ui::MechanismResult>& result);

private:
    void work();
    std::shared_ptr<MechanismResult> run(quint64 id, const MechanismRequest& request);
    const Seq2Seq<float>& ownCopy(const ModelSnapshot& snapshot);

    quint64 m_latest = 0; // GUI thread only
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<std::pair<quint64, MechanismRequest>> m_pending; // guarded by m_mutex
    bool m_working = false;                                        // guarded by m_mutex
    bool m_quit = false;                                           // guarded by m_mutex
    // The worker thread's own: its copy of the weights, and the snapshot they came from.
    std::unique_ptr<Seq2Seq<float>> m_copy;
    ModelSnapshot m_copyOf;
    std::thread m_thread;
};

} // namespace attnlab::ui
