// The seasonal task (issue 15, item 6): deterministic per seed, one or two periods per series,
// spikes echoed one period later, and gold evidence that points at valid earlier steps: one period
// back, or the spike an echo repeats.
#include "core/data/forecast/SeasonalTask.h"

#include <QtTest>

#include <cmath>
#include <numbers>

using namespace attnlab;

class TestSeasonalTask : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deterministic();
    void shapes();
    void goldIsValid();
    void noiselessValuesRepeat();
    void echoesRepeatTheirSpike();
    void refusesBadSettings();
};

void TestSeasonalTask::deterministic() {
    SeasonalSettings settings;
    const SeasonalData a = generateSeasonal(settings);
    const SeasonalData b = generateSeasonal(settings);
    QCOMPARE(a.series.size(), b.series.size());
    for (std::size_t d = 0; d < a.series.size(); ++d) {
        QCOMPARE(a.series[d].values, b.series[d].values);
        QCOMPARE(a.series[d].gold, b.series[d].gold);
    }
    settings.seed = 16;
    const SeasonalData c = generateSeasonal(settings);
    QVERIFY(c.series[0].values != a.series[0].values);
}

void TestSeasonalTask::shapes() {
    SeasonalSettings settings;
    settings.series = 6;
    settings.length = 300;
    const SeasonalData data = generateSeasonal(settings);
    QCOMPARE(int(data.series.size()), 6);
    int twoComponents = 0, spikes = 0;
    for (const SeasonalSeries& s : data.series) {
        QCOMPARE(int(s.values.size()), 300);
        QCOMPARE(int(s.gold.size()), 300);
        QVERIFY(s.components.size() == 1 || s.components.size() == 2);
        QVERIFY(s.echoPeriod() == 12 || s.echoPeriod() == 7);
        if (s.components.size() == 2) QVERIFY(s.components[0].period != s.components[1].period);
        twoComponents += s.components.size() == 2;
        spikes += static_cast<int>(s.spikes.size());
    }
    // Both kinds occur, and spikes at a rate of 1 %: about 3 per series of 300 steps.
    QVERIFY(twoComponents > 0 && twoComponents < 6);
    QVERIFY2(spikes >= 6 && spikes <= 40, qPrintable(QString::number(spikes)));
    const SeriesTable table = data.table();
    QCOMPARE(table.seriesCount(), 6);
    QCOMPARE(table.names()[2], std::string("series 3"));
    QCOMPARE(table.series(4), data.series[4].values);
}

void TestSeasonalTask::goldIsValid() {
    SeasonalSettings settings;
    settings.series = 4;
    const SeasonalData data = generateSeasonal(settings);
    for (const SeasonalSeries& s : data.series) {
        int echoes = 0;
        for (int t = 0; t < settings.length; ++t) {
            const std::vector<int>& gold = s.gold[t];
            QVERIFY(std::is_sorted(gold.begin(), gold.end()));
            for (int position : gold) QVERIFY(position >= 0 && position < t);
            const int spike = s.spikeEchoedAt(t);
            if (spike >= 0) {
                ++echoes;
                QCOMPARE(gold, std::vector<int>{s.spikes[spike].position});
                continue;
            }
            // One period back for every component whose period fits before t.
            std::vector<int> expected;
            for (const SeasonalComponent& c : s.components)
                if (t >= c.period) expected.push_back(t - c.period);
            std::sort(expected.begin(), expected.end());
            QCOMPARE(gold, expected);
        }
        QCOMPARE(echoes, int(s.spikes.size())); // every spike's echo lies inside the series
    }
}

void TestSeasonalTask::noiselessValuesRepeat() {
    SeasonalSettings settings;
    settings.series = 5;
    settings.noise = 0;
    settings.spikeRate = 0;
    const SeasonalData data = generateSeasonal(settings);
    for (const SeasonalSeries& s : data.series) {
        QVERIFY(s.spikes.empty());
        // The sum of the components repeats every lcm of the periods (12, 7, or 84).
        const int period = s.components.size() == 1 ? s.echoPeriod() : 84;
        for (int t = period; t < settings.length; ++t)
            QVERIFY(std::abs(s.values[t] - s.values[t - period]) < 1e-9);
        // The value is level + Σ a sin(2π t / p + φ).
        double expected = s.level;
        for (const SeasonalComponent& c : s.components)
            expected += c.amplitude * std::sin(2 * std::numbers::pi * 5 / c.period + c.phase);
        QVERIFY(std::abs(s.values[5] - expected) < 1e-12);
    }
}

void TestSeasonalTask::echoesRepeatTheirSpike() {
    SeasonalSettings settings;
    settings.series = 3;
    settings.noise = 0;
    settings.spikeRate = 0.03;
    const SeasonalData data = generateSeasonal(settings);
    int checked = 0;
    for (std::size_t d = 0; d < data.series.size(); ++d) {
        const SeasonalSeries& s = data.series[d];
        // Without noise a value is its components plus the spike or echo on it, if any.
        std::vector<double> base(settings.length);
        for (int t = 0; t < settings.length; ++t) {
            base[t] = s.level;
            for (const SeasonalComponent& c : s.components)
                base[t] += c.amplitude * std::sin(2 * std::numbers::pi * t / c.period + c.phase);
        }
        for (const SeasonalSpike& spike : s.spikes) {
            QVERIFY(std::abs(spike.height) >= 2.0 && std::abs(spike.height) <= 3.5);
            const int echo = spike.position + s.echoPeriod();
            QVERIFY(std::abs(s.values[spike.position] - base[spike.position] - spike.height) < 1e-9);
            QVERIFY(std::abs(s.values[echo] - base[echo] - spike.height) < 1e-9);
            ++checked;
        }
    }
    QVERIFY(checked >= 10);
}

void TestSeasonalTask::refusesBadSettings() {
    SeasonalSettings settings;
    settings.length = 20; // fewer than two periods of 12
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateSeasonal(settings));
    settings.length = 100;
    settings.series = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateSeasonal(settings));
}

QTEST_APPLESS_MAIN(TestSeasonalTask)
#include "tst_seasonal_task.moc"
