#include "core/data/forecast/SeasonalTask.h"

#include "core/util/Random.h"

#include <algorithm>
#include <numbers>
#include <stdexcept>

namespace attnlab {
namespace {

constexpr int kPeriods[2] = {12, 7};

// The series' shape: level, one or two components, the first period chosen per series.
SeasonalSeries drawShape(int index, Random& random) {
    SeasonalSeries series;
    series.name = "series " + std::to_string(index + 1);
    series.level = random.uniform(-1.0, 1.0);
    const int first = static_cast<int>(random.below(2));
    const int count = 1 + static_cast<int>(random.below(2));
    for (int c = 0; c < count; ++c) {
        SeasonalComponent component;
        component.period = kPeriods[(first + c) % 2];
        component.amplitude = random.uniform(0.5, 1.5);
        component.phase = random.uniform(0.0, 2.0 * std::numbers::pi);
        series.components.push_back(component);
    }
    return series;
}

// Spikes where both the spike and its echo land on free steps inside the series.
void drawSpikes(SeasonalSeries& series, int length, double rate, Random& random) {
    const int period = series.echoPeriod();
    std::vector<char> taken(length, 0);
    for (int s = 0; s + period < length; ++s) {
        const bool spike = random.uniform() < rate; // drawn at every step: the stream stays aligned
        const double height = random.uniform(2.0, 3.5) * (random.uniform() < 0.5 ? -1.0 : 1.0);
        if (!spike || taken[s] || taken[s + period]) continue;
        taken[s] = taken[s + period] = 1;
        series.spikes.push_back({s, height});
    }
}

} // namespace

int SeasonalSeries::spikeEchoedAt(int t) const {
    for (std::size_t i = 0; i < spikes.size(); ++i)
        if (spikes[i].position + echoPeriod() == t) return static_cast<int>(i);
    return -1;
}

SeriesTable SeasonalData::table() const {
    std::vector<std::string> names;
    std::vector<std::vector<double>> values;
    for (const SeasonalSeries& s : series) {
        names.push_back(s.name);
        values.push_back(s.values);
    }
    return SeriesTable(std::move(names), std::move(values));
}

SeasonalData generateSeasonal(const SeasonalSettings& settings) {
    if (settings.series < 1)
        throw std::invalid_argument("seasonal: at least one series, got " + std::to_string(settings.series));
    const int longest = *std::max_element(std::begin(kPeriods), std::end(kPeriods));
    if (settings.length < 2 * longest)
        throw std::invalid_argument("seasonal: a length of at least " + std::to_string(2 * longest) +
                                    " steps (two periods), got " + std::to_string(settings.length));
    if (settings.noise < 0 || settings.spikeRate < 0 || settings.spikeRate > 1)
        throw std::invalid_argument("seasonal: the noise must be >= 0 and the spike rate within [0, 1]");
    Random random(settings.seed);
    const int n = settings.length;
    SeasonalData data;
    for (int d = 0; d < settings.series; ++d) {
        SeasonalSeries series = drawShape(d, random);
        drawSpikes(series, n, settings.spikeRate, random);
        series.values.resize(n);
        series.gold.resize(n);
        for (int t = 0; t < n; ++t) {
            double value = series.level;
            for (const SeasonalComponent& c : series.components)
                value += c.amplitude * std::sin(2.0 * std::numbers::pi * t / c.period + c.phase);
            series.values[t] = value + settings.noise * random.normal();
        }
        for (const SeasonalSpike& spike : series.spikes) {
            series.values[spike.position] += spike.height;
            series.values[spike.position + series.echoPeriod()] += spike.height;
        }
        for (int t = 0; t < n; ++t) {
            std::vector<int>& gold = series.gold[t];
            const int echoOf = series.spikeEchoedAt(t);
            if (echoOf >= 0) {
                gold.push_back(series.spikes[echoOf].position);
                continue;
            }
            for (const SeasonalComponent& c : series.components)
                if (t - c.period >= 0) gold.push_back(t - c.period);
            std::sort(gold.begin(), gold.end());
        }
        data.series.push_back(std::move(series));
    }
    return data;
}

} // namespace attnlab
