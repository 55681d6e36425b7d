#include "ui/forecast/ForecastWorker.h"

#include <QElapsedTimer>

#include <stdexcept>

namespace attnlab::ui {

// The trainer's observer on the training thread: gathers the steps and lets them go at most
// every 100 ms (and at the run's last step), and copies the weights at every epoch's end.
class ForecastWorker::Relay : public ForecastObserver {
public:
    static constexpr qint64 kIntervalMs = 100;
    static constexpr qint64 kModelIntervalMs = 1000;

    Relay(ForecastWorker& worker, int run, ForecastModelBundle& bundle, long long planned)
        : m_worker(worker), m_bundle(bundle) {
        m_chunk.run = run;
        m_chunk.totalSteps = planned;
        m_clock.start();
    }

    void onStep(const StepProgress& step) override {
        m_chunk.steps.push_back(step.step);
        m_chunk.losses.push_back(step.loss);
        if (m_clock.elapsed() >= kIntervalMs || step.step >= m_chunk.totalSteps) flush();
    }

    void onEpoch(const ForecastEpochReport& report) override {
        flush(); // the epoch's steps reach the plot before its validation point
        // Weights at most every second (seasonal's epochs take a fifth of one); the run's last
        // weights follow in runFinished anyway.
        ForecastModel model;
        if (!m_sinceModel.isValid() || m_sinceModel.elapsed() >= kModelIntervalMs) {
            model = copyForecastModel(m_bundle);
            m_sinceModel.start();
        }
        Q_EMIT m_worker.epochDone(ForecastEpoch{m_chunk.run, report, std::move(model)});
    }

    void onMessage(const std::string& text) override {
        Q_EMIT m_worker.message(QString::fromStdString(text));
    }

    void flush() {
        if (m_chunk.steps.empty()) return;
        Q_EMIT m_worker.stepsDone(m_chunk);
        m_chunk.steps.clear();
        m_chunk.losses.clear();
        m_clock.restart();
    }

private:
    ForecastWorker& m_worker;
    ForecastModelBundle& m_bundle;
    ForecastSteps m_chunk;
    QElapsedTimer m_clock;
    QElapsedTimer m_sinceModel; // invalid until the first copy: the first epoch always sends one
};

ForecastWorker::ForecastWorker(ForecastJob job, QObject* parent) : QObject(parent), m_job(std::move(job)) {
    registerForecastMetaTypes();
}

void ForecastWorker::run() {
    for (int i = 0; i < static_cast<int>(m_job.specs.size()) && !m_control.stopRequested(); ++i) {
        const ForecastRunSpec& spec = m_job.specs[static_cast<std::size_t>(i)];
        std::unique_ptr<ForecastRun> run;
        try {
            run = std::make_unique<ForecastRun>(*m_job.data, spec);
        } catch (const std::exception& e) {
            Q_EMIT failed(i, QString::fromStdString(e.what()));
            continue;
        }
        Q_EMIT runStarted(i, QString::fromStdString(spec.name), run->plannedSteps());
        Relay relay(*this, i, run->bundle(), run->plannedSteps());
        ForecastRunEnd end;
        end.run = i;
        end.name = QString::fromStdString(spec.name);
        try {
            end.result = run->train(relay, m_control);
        } catch (const std::exception& e) {
            end.result.outcome = TrainingOutcome::Failed;
            end.result.message = e.what();
        }
        relay.flush();
        // The trainer put back the last good weights after a divergence: those are the ones kept.
        if (end.result.steps > 0) end.model = copyForecastModel(run->bundle());
        Q_EMIT runFinished(end);
    }
    Q_EMIT finished();
}

} // namespace attnlab::ui
