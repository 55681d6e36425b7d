#pragma once
// Runs one training job on a QThread. The GUI thread calls pause/resume/step/stop directly:
// they only set the job's atomic control flags (the worker's event loop is busy inside run()).
// Everything else leaves through signals carrying value snapshots, emitted at most every
// 100 ms (progress) or every second (model snapshots for inference while training).
#include "core/experiment/PreparedData.h"
#include "core/train/TrainingControl.h"
#include "ui/session/TrainingJob.h"
#include "ui/session/TrainingSnapshots.h"

#include <QObject>
#include <QString>

namespace attnlab::ui {

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(TrainingJob job, QObject* parent = nullptr);

    // Thread-safe: callable from any thread while run() is busy.
    void pause() { m_control.pause(); }
    void resume() { m_control.resume(); }
    void step() { m_control.step(); }
    void stop() { m_control.requestStop(); }
    bool isPaused() const { return m_control.paused(); }

    const TrainingJob& job() const { return m_job; }

public Q_SLOTS:
    // Trains until done, stopped or diverged; emits finished exactly once.
    void run();

Q_SIGNALS:
    // The data and the model are ready (emitted once, before the first step).
    void prepared(const std::shared_ptr<const attnlab::TrainingData>& data);
    void progressed(const attnlab::ui::ProgressChunk& chunk);
    void epochFinished(const attnlab::EpochReport& report);
    void attentionUpdated(const attnlab::AttentionSnapshot& snapshot);
    void snapshotReady(const attnlab::ui::ModelSnapshot& model);
    void message(const QString& text);
    // The loss looks unhealthy (core's LossWatch); the run goes on.
    void warning(const QString& text);
    void hintFound(const attnlab::HealthHint& hint); // a new health hint (core/train/HealthHints)
    // Attention of the followed sentences at a step (AttentionRecorder's schedule).
    void historyRecorded(const std::vector<attnlab::TrackFrame>& frames);
    void finished(const attnlab::TrainingResult& result);

private:
    class Relay;
    // The job's data, split and encoded (for a model's own vocabularies when it has one).
    std::shared_ptr<const PreparedData> prepare();
    TrainingJob m_job;
    TrainingControl m_control;
};

} // namespace attnlab::ui
