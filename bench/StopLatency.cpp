#include "bench/StopLatency.h"

#include "core/train/Trainer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace attnlab::bench {

namespace {
using Clock = std::chrono::steady_clock;

// Counts the validation's checks for Stop (one per batch, or per pair with beam search).
struct ValidationWatch : TrainingObserver {
    std::atomic<int> done{0};
    std::atomic<int> steps{0};
    void onValidationProgress(int pairsDone, int) override {
        done = pairsDone;
        ++steps;
    }
};
} // namespace

StopLatency measureStopLatency(const Workload& workload, int beamWidth, int threads,
                               const std::vector<double>& fractions) {
    // One training batch, then every pair of the workload as the validation split.
    TrainingData data;
    data.sourceVocabulary = workload.data->data->sourceVocabulary;
    data.targetVocabulary = workload.data->data->targetVocabulary;
    data.validation = workload.data->data->train;
    data.train.pairs.assign(workload.data->data->train.pairs.begin(),
                            workload.data->data->train.pairs.begin() + 64);
    Seq2Seq<float> model(workload.config);
    model.initialize(1);
    TrainingSettings settings;
    settings.batchSize = 64;
    settings.epochs = 1;
    settings.threads = threads;
    settings.beamWidth = beamWidth;

    StopLatency out;
    out.validationPairs = static_cast<int>(data.validation.pairs.size());
    out.beamWidth = beamWidth;
    double stepSeconds = 0;
    int measuredSteps = 0;
    for (double fraction : fractions) {
        Trainer trainer(model, data, settings);
        TrainingControl control;
        ValidationWatch watch;
        std::thread worker([&] { trainer.run(watch, control); });
        const int target = std::max(1, static_cast<int>(fraction * out.validationPairs));
        while (watch.done == 0) std::this_thread::sleep_for(std::chrono::microseconds(100));
        const auto validating = Clock::now();
        const int firstSteps = watch.steps;
        while (watch.done < target) std::this_thread::sleep_for(std::chrono::microseconds(100));
        const int stepsAtStop = watch.steps;
        const auto requested = Clock::now();
        control.requestStop();
        worker.join();
        const auto returned = Clock::now();
        out.milliseconds.push_back(std::chrono::duration<double, std::milli>(returned - requested).count());
        out.mostStepsAfterStop = std::max(out.mostStepsAfterStop, watch.steps - stepsAtStop);
        stepSeconds += std::chrono::duration<double>(requested - validating).count();
        measuredSteps += stepsAtStop - firstSteps;
    }
    std::vector<double> sorted = out.milliseconds;
    std::sort(sorted.begin(), sorted.end());
    out.medianMilliseconds = sorted[sorted.size() / 2];
    out.worstMilliseconds = sorted.back();
    out.validationStepMilliseconds = measuredSteps > 0 ? 1000.0 * stepSeconds / measuredSteps : 0.0;
    return out;
}

} // namespace attnlab::bench
