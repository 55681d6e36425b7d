#pragma once
// Trains the forecasters of one job on its own QThread (issue 15, the Forecast tab): one run, or
// several one after another for "Compare scorers", each on the same data and windows. The GUI
// thread calls stop() directly: it only sets the job's atomic flag (the worker's event loop is
// busy inside run()). Everything else leaves through queued signals carrying value snapshots:
// steps at most every 100 ms, each epoch's report with a copy of the weights at most every second
// and the final weights at the end, so the GUI forecasts with its own model and never shares the
// one being trained.
#include "core/experiment/ForecastRun.h"
#include "core/train/TrainingControl.h"
#include "ui/forecast/ForecastSnapshots.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace attnlab::ui {

struct ForecastJob {
    std::shared_ptr<const ForecastData> data;
    std::vector<ForecastRunSpec> specs; // trained in order
};

class ForecastWorker : public QObject {
    Q_OBJECT
public:
    explicit ForecastWorker(ForecastJob job, QObject* parent = nullptr);

    // Thread-safe: callable from any thread while run() is busy. Ends the current run within a
    // batch and skips the runs after it.
    void stop() { m_control.requestStop(); }
    bool stopRequested() const { return m_control.stopRequested(); }

public Q_SLOTS:
    // Trains every spec; emits runFinished once per run that was built and finished exactly once.
    void run();

Q_SIGNALS:
    void runStarted(int run, const QString& name, long long plannedSteps);
    void stepsDone(const attnlab::ui::ForecastSteps& steps);
    void epochDone(const attnlab::ui::ForecastEpoch& epoch);
    void message(const QString& text); // the trainer's own sentences (divergence, ...)
    // A run could not be built (a window longer than the series, ...): the reason, as the CLI says.
    void failed(int run, const QString& reason);
    void runFinished(const attnlab::ui::ForecastRunEnd& end);
    void finished();

private:
    class Relay;
    ForecastJob m_job;
    TrainingControl m_control;
};

} // namespace attnlab::ui
