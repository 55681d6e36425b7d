#pragma once
// Steps and pairs per second over a sliding window of recent steps (about the last 3 seconds),
// so a rate shown to a person follows changes without jumping at every step.
#include <chrono>
#include <deque>

namespace attnlab {

class RateMeter {
public:
    // Marks the moment step 0 ended (the run's start, or a resume after a pause).
    void start(long long step);
    void record(long long step, int pairs);
    double stepsPerSecond() const;
    double pairsPerSecond() const;

private:
    struct Sample {
        std::chrono::steady_clock::time_point time;
        long long step;
        long long pairs; // cumulative
    };
    std::deque<Sample> m_samples;
    long long m_pairs = 0;
};

} // namespace attnlab
