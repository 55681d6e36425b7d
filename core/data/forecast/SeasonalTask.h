#pragma once
// D series, N steps.
// The `seasonal` task (issue 15, item 6): a seeded generator of a few series whose right past
// points are known. Each series is
//   y_t = level + Σ_c a_c sin(2π t / p_c + φ_c) + ε_t + spikes
// with one or two periodic components (periods 12 and 7 steps), Gaussian noise ε, and occasional
// spikes: a spike of height h at step s recurs as an echo of the same height one period later
// (s + p_1, p_1 the series' first period), so only the spike itself tells the echo is coming.
// Gold evidence for forecasting step t: the points one period back, t − p_c for each component
// (those that exist); for an echo, the spike's position instead. A spike has no evidence of its
// own beyond its periods (it is the noise the echo is forecast from). Same settings, same data.
#include "core/data/forecast/SeriesTable.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attnlab {

struct SeasonalSettings {
    int series = 3;          // D
    int length = 720;        // N
    double noise = 0.05;     // standard deviation of ε
    double spikeRate = 0.01; // chance that a step starts a spike (where it and its echo are free)
    std::uint64_t seed = 15;
};

struct SeasonalComponent {
    int period = 12; // p, steps
    double amplitude = 1.0;
    double phase = 0.0; // radians
};

struct SeasonalSpike {
    int position = 0; // s; its echo is at s + the series' first period
    double height = 0.0;
};

struct SeasonalSeries {
    std::string name;
    double level = 0.0;
    std::vector<SeasonalComponent> components; // 1 or 2, the first one's period carries the echoes
    std::vector<SeasonalSpike> spikes;         // by position
    std::vector<double> values;                // (N) y_t
    // (N) the past positions each step is forecast from, ascending, each in [0, t)
    std::vector<std::vector<int>> gold;

    int echoPeriod() const { return components.front().period; }
    // The spike whose echo falls at step t, or -1.
    int spikeEchoedAt(int t) const;
};

struct SeasonalData {
    std::vector<SeasonalSeries> series; // (D)

    // The values as a table (names and columns), as a user's file would give them.
    SeriesTable table() const;
};

// Throws std::invalid_argument for fewer than 1 series or a length too short for two periods.
SeasonalData generateSeasonal(const SeasonalSettings& settings);

} // namespace attnlab
