#pragma once
// Trains a comparison on a QThread: every run at once (Schedule::Together), each on its own
// thread. The GUI thread calls the controls directly: they only set the runs' atomic flags.
// Everything else leaves through signals carrying value snapshots and the run's index, emitted
// from the thread training that run (so they arrive queued on the GUI thread), at most every
// 100 ms per run for progress and every second for a run's model snapshot.
#include "core/experiment/ExperimentSummary.h"
#include "core/experiment/PreparedData.h"
#include "core/train/TrainingControl.h"
#include "ui/session/ExperimentJob.h"
#include "ui/session/InferenceModel.h"
#include "ui/session/TrainingSnapshots.h"

#include <QObject>
#include <QString>

namespace attnlab::ui {

class ExperimentWorker : public QObject {
    Q_OBJECT
public:
    ExperimentWorker(ExperimentJob job, QObject* parent = nullptr);
    ~ExperimentWorker() override;

    // Thread-safe: callable from any thread while run() is busy.
    void pause();
    void resume();
    void step();
    void stop();
    void stopRun(int run);

public Q_SLOTS:
    // Prepares (or continues) the experiment and trains every run; emits finished exactly once.
    void run();

Q_SIGNALS:
    // The data is prepared and every run's model built (emitted once, before any step): the
    // experiment as it starts (empty records for a new one) and each run's vocabularies,
    // tokenisation and normalisation for decoding its snapshots (models still null).
    void prepared(const std::shared_ptr<attnlab::Experiment>& experiment,
                  const attnlab::ExperimentSummary& start,
                  const std::vector<attnlab::ui::InferenceModel>& readers);
    void progressed(int run, const attnlab::ui::ProgressChunk& chunk);
    void epochFinished(int run, const attnlab::EpochReport& report);
    void snapshotReady(int run, const attnlab::ui::ModelSnapshot& model);
    void runFinished(int run, const attnlab::TrainingResult& result, double trainingSeconds);
    void warning(int run, const QString& text);
    // Every run has ended; `problem` is set when the experiment could not be prepared at all.
    void finished(const QString& problem);

private:
    class Relay;
    ExperimentJob m_job;
    std::vector<std::unique_ptr<TrainingControl>> m_controls; // one per run
};

} // namespace attnlab::ui
