// `attnlab-cli eval` and `align` of a forecaster: errors on the validation windows, and one
// window's forecast with the past steps each forecast step attended to.
#include "app/cli/CommandGuard.h"
#include "app/cli/Format.h"
#include "app/cli/forecast/ForecastCommands.h"
#include "app/cli/forecast/ForecastJson.h"
#include "app/cli/forecast/ForecastSummary.h"
#include "core/train/CheckpointError.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <numeric>

namespace attnlab::cli {
namespace {

ForecastModelBundle openForecaster(const std::string& path) {
    try {
        return loadForecastModel(path);
    } catch (const CheckpointError& e) {
        throw InputError(e.what());
    }
}

ForecastEvaluation evaluation(const ForecastModelBundle& bundle, const ForecastData& data, int period) {
    try {
        return evaluationFor(bundle, data, period);
    } catch (const std::invalid_argument& e) {
        throw InputError(data.name + ": " + e.what());
    }
}

// A forecaster reads series; anything else named by --data is refused before it is opened.
ForecastData openFor(const std::string& modelPath, const std::string& dataName) {
    if (dataName != kSeasonalName && !isForecastData(dataName) &&
        std::filesystem::is_regular_file(dataName) == false)
        throw InputError(modelPath +
                         " is a forecaster: --data must be series (seasonal, or a CSV/TSV of numbers), "
                         "not " +
                         dataName);
    return openSeries(dataName);
}

int eval(const std::string& modelPath, const std::string& dataName, const ForecastOptions& options,
         bool json) {
    const ForecastModelBundle bundle = openForecaster(modelPath);
    const ForecastData data = openFor(modelPath, dataName);
    const ForecastEvaluation e = evaluation(bundle, data, options.period);
    const ForecastMetrics metrics = e.evaluator->evaluate(*bundle.model);
    if (json) {
        const Json output = {
            {"command", "eval"},
            {"task", "forecast"},
            {"model", modelPath},
            {"config", forecastModelJson(bundle)},
            {"data", forecastDataJson(data, e.windows.get())},
            {"metrics", forecastMetricsJson(metrics, bundle.series, e.evaluator->periods())}};
        std::cout << jsonText(output) << std::endl;
        return ExitOk;
    }
    std::cout << "model: forecaster, " << describeForecaster(bundle) << ", trained on " << bundle.dataset
              << '\n'
              << describeSeries(data, *e.windows) << '\n';
    printForecastMetrics(std::cout, metrics, bundle, &e.evaluator->periods());
    return ExitOk;
}

// "t+3", "t", "t-9": a step relative to the window's last observed step t.
std::string relative(int offset) {
    if (offset == 0) return "t";
    return offset > 0 ? "t+" + std::to_string(offset) : "t\u2212" + std::to_string(-offset);
}

int align(const std::string& modelPath, const ForecastOptions& options, bool json) {
    const ForecastModelBundle bundle = openForecaster(modelPath);
    std::string dataName = options.data;
    if (dataName.empty()) {
        if (bundle.dataset != kSeasonalName)
            throw InputError("--data: give the series to forecast (a CSV or seasonal)");
        dataName = bundle.dataset;
    }
    const ForecastData data = openFor(modelPath, dataName);
    const ForecastEvaluation e = evaluation(bundle, data, 0);
    const std::vector<int>& starts = e.evaluator->starts();
    if (options.index >= static_cast<int>(starts.size()))
        throw InputError("--index " + std::to_string(options.index) + ": " + data.name + " has " +
                         std::to_string(starts.size()) + " validation windows (0 to " +
                         std::to_string(starts.size() - 1) + ")");
    const int start = starts[options.index];
    const ForecastWindows& windows = *e.windows;
    const int w = windows.past(), k = windows.horizon(), d = windows.seriesCount();
    const WindowForecast f = forecastWindows(*bundle.model, windows, {start}, bundle.normalization).front();
    const std::vector<float> truth = windows.futureValues(start); // (D x K)
    const std::vector<float> past = windows.pastValues(start);    // (D x W)
    const Alignment gold = windowGoldUnion(data.gold, start, w, k);
    const auto isGold = [&](int source, int target) {
        return std::any_of(gold.begin(), gold.end(),
                           [&](const AlignmentLink& l) { return l.source == source && l.target == target; });
    };
    constexpr int kTop = 3;
    // Past positions of row `step`, by weight
    const auto topOf = [&](int step) {
        std::vector<int> order(w);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return f.attention(step, a) > f.attention(step, b); });
        order.resize(std::min(kTop, w));
        return order;
    };
    if (json) {
        const auto columns = [&](const std::vector<float>& values, int steps) {
            Json rows = Json::array();
            for (int t = 0; t < steps; ++t) {
                Json row = Json::array();
                for (int s = 0; s < d; ++s) row.push_back(values[static_cast<std::size_t>(t) * d + s]);
                rows.push_back(row);
            }
            return rows;
        };
        Json forecast = Json::array(), variance = Json::array(), attention = Json::array(),
             top = Json::array();
        for (int step = 0; step < k; ++step) {
            Json row = Json::array(), vrow = Json::array(), arow = Json::array(), trow = Json::array();
            for (int s = 0; s < d; ++s) {
                row.push_back(f.means(s, step));
                if (f.variances.size() > 0) vrow.push_back(f.variances(s, step));
            }
            for (int p = 0; p < w; ++p) arow.push_back(weight(f.attention(step, p)));
            for (int p : topOf(step))
                trow.push_back({{"position", p},
                                {"lag", step + 1 + (w - 1 - p)},
                                {"weight", weight(f.attention(step, p))},
                                {"gold", isGold(p, step)}});
            forecast.push_back(row);
            variance.push_back(vrow);
            attention.push_back(arow);
            top.push_back(trow);
        }
        Json goldLinks = Json::array();
        for (const AlignmentLink& l : gold) goldLinks.push_back({l.source, l.target});
        Json output = {{"command", "align"},
                       {"task", "forecast"},
                       {"model", modelPath},
                       {"data", forecastDataJson(data, &windows)},
                       {"index", options.index},
                       {"start", start},
                       {"window", w},
                       {"horizon", k},
                       {"series", bundle.series},
                       {"past", columns(past, w)},
                       {"truth", columns(truth, k)},
                       {"forecast", forecast},
                       {"attention", attention},
                       {"top", top},
                       {"gold", goldLinks}};
        if (f.variances.size() > 0) output["variance"] = variance;
        std::cout << jsonText(output) << std::endl;
        return ExitOk;
    }
    std::cout << "model: forecaster, " << describeForecaster(bundle) << '\n'
              << "window " << options.index << " of " << starts.size() << ": steps " << start << ".."
              << start + w - 1 << " (t = " << start + w - 1 << ") forecast " << start + w << ".."
              << start + w + k - 1 << (gold.empty() ? "" : "; * marks gold evidence") << '\n';
    for (int step = 0; step < k; ++step) {
        std::string line = padRight(relative(step + 1), 5);
        for (int s = 0; s < d; ++s)
            line += "  " + (d > 1 ? bundle.series[s] + " " : std::string()) + fixed(f.means(s, step), 3) +
                    " (truth " + fixed(truth[static_cast<std::size_t>(step) * d + s], 3) + ")";
        line += "  looks at ";
        const std::vector<int> top = topOf(step);
        for (std::size_t i = 0; i < top.size(); ++i) {
            const int p = top[i];
            line += (i ? ", " : "") + relative(p - (w - 1)) + (isGold(p, step) ? "*" : "") + " (" +
                    fixed(f.attention(step, p), 2) + ")";
        }
        std::cout << line << '\n';
    }
    return ExitOk;
}

} // namespace

int runForecastEval(const std::string& model, const std::string& data, const ForecastOptions& options,
                    bool json) {
    return runGuarded("eval", [&] { return eval(model, data, options, json); });
}

int runForecastAlign(const std::string& model, const ForecastOptions& options, bool json) {
    return runGuarded("align", [&] { return align(model, options, json); });
}

} // namespace attnlab::cli
