// `attnlab-cli generate seasonal`: the forecasting task's series as CSV, and beside the file a
// README (datasets/seasonal.md) saying what the series and their gold evidence are.
#include "app/cli/forecast/GenerateSeasonal.h"

#include "app/cli/GenerateGuard.h"
#include "core/data/TaskGenerators.h"
#include "core/data/forecast/ForecastData.h"
#include "core/util/AtomicFile.h"

#include <filesystem>
#include <iostream>
#include <sstream>

namespace attnlab::cli {
namespace {

std::string readme(const SeasonalSettings& s, const SeasonalData& data, const std::string& csvName) {
    std::ostringstream text;
    text << "# seasonal\n\n"
         << "Forecasting task of AttnLab (issue 15): `" << csvName << "` holds " << s.series << " series of "
         << s.length << " steps, one column per series (header: their names), one row per "
         << "step, oldest first. Written by `attnlab-cli generate seasonal --out " << csvName << "` (seed "
         << s.seed << "); the same settings give the same file.\n\n"
         << "License: CC0 1.0 (public domain dedication). The values are synthetic.\n\n"
         << "## What the series are\n\n"
         << "Each series is `y_t = level + sum_c a_c sin(2 pi t / p_c + phi_c) + noise + spikes`: one or two "
         << "periodic components (periods 12 and 7 steps), Gaussian noise (standard deviation " << s.noise
         << ") and occasional spikes (a step starts one with probability " << s.spikeRate
         << "). A spike recurs as an echo of the same height one period (the series' first period) later, "
         << "so only the spike itself tells that the echo is coming.\n\n";
    for (const SeasonalSeries& series : data.series) {
        text << "- " << series.name << ": periods";
        for (const SeasonalComponent& c : series.components) text << ' ' << c.period;
        text << ", " << series.spikes.size() << " spikes\n";
    }
    text
        << "\n## Gold evidence\n\n"
        << "The past steps a forecast of step t should look at: one period back (t - p for each component "
        << "of the series); for a spike's echo, the spike's own step instead. The evidence is not stored in "
        << "the CSV: AttnLab regenerates it from the seed when it opens `--data seasonal`, and keeps it only "
        << "while the file holds the generator's values. `attnlab-cli eval` reports the attention mass on it "
        << "(gold mass) next to what uniform attention would put there.\n\n"
        << "## Use\n\n"
        << "    attnlab-cli train --data seasonal --out seasonal.safetensors\n"
        << "    attnlab-cli eval --model seasonal.safetensors --data seasonal\n"
        << "    attnlab-cli align --model seasonal.safetensors --data seasonal --index 5\n";
    return text.str();
}

} // namespace

std::vector<std::string> generateTaskNames() {
    std::vector<std::string> names = taskNames();
    names.push_back(kSeasonalTask);
    return names;
}

int runGenerateSeasonal(const std::string& out, int length, std::uint64_t seed, bool seedGiven) {
    SeasonalSettings settings = shippedSeasonalSettings();
    if (length >= 0) settings.length = length;
    if (seedGiven) settings.seed = seed;
    return guardGenerate([&] {
        const SeasonalData data = generateSeasonal(settings);
        std::ostringstream csv;
        data.table().writeCsv(csv);
        if (out.empty()) {
            std::cout << csv.str();
            flushStandardOutput();
            return 0;
        }
        writeFileAtomically(out, csv.str());
        const std::filesystem::path notes = std::filesystem::path(out).replace_extension(".md");
        writeFileAtomically(notes.string(),
                            readme(settings, data, std::filesystem::path(out).filename().string()));
        std::cout << "wrote " << settings.series << " series of " << settings.length << " steps (seed "
                  << settings.seed << ") to " << out << " and its README to " << notes.string() << '\n';
        return 0;
    });
}

} // namespace attnlab::cli
