#include "app/cli/forecast/ForecastOptions.h"

#include "app/cli/CommandGuard.h"
#include "core/train/ForecastModelFile.h"

#include <CLI/CLI.hpp>

namespace attnlab::cli {

std::shared_ptr<ForecastOptions> addForecastOptions(CLI::App& command, ForecastCommand which) {
    auto options = std::make_shared<ForecastOptions>();
    if (which == ForecastCommand::Train || which == ForecastCommand::Compare) {
        command.add_option("--window", options->window, "Forecasting: past steps the model reads")
            ->check(atLeast(1))
            ->capture_default_str();
        command.add_option("--horizon", options->horizon, "Forecasting: steps forecast after the window")
            ->check(atLeast(1))
            ->capture_default_str();
        command.add_option("--stride", options->stride, "Forecasting: steps between training windows")
            ->check(atLeast(1))
            ->capture_default_str();
        command.add_flag("--gaussian", options->gaussian,
                         "Forecasting: also predict a variance (Gaussian negative log-likelihood)");
        command.add_flag("--unidirectional", options->unidirectional,
                         "Forecasting: a one-way encoder (the default reads the window both ways)");
    }
    if (which != ForecastCommand::Align)
        command
            .add_option("--period", options->period,
                        "Forecasting: the seasonal-naive period MASE compares with (default: detected)")
            ->check(atLeast(1));
    if (which == ForecastCommand::Align) {
        command.add_option("--data", options->data,
                           "Forecasting: the series (seasonal or a CSV) to forecast");
        command.add_option("--index", options->index, "Forecasting: which validation window (0-based)")
            ->check(atLeast(0))
            ->capture_default_str();
    }
    return options;
}

bool forecastRequested(const ForecastOptions& options, const std::string& data, const std::string& model) {
    if (options.task == "forecast") return true;
    if (!model.empty() && isForecastModelFile(model)) return true;
    return !data.empty() && isForecastData(data);
}

ForecastRunSpec forecastSpec(const CLI::App& command, const TrainingArgs& args,
                             const ForecastOptions& options, ScorerKind scorer) {
    ForecastRunSpec spec = defaultForecastSpec();
    const auto given = [&](const char* name) { return command.count(name) > 0; };
    spec.name = scorerName(scorer);
    ModelConfig& c = spec.config;
    c.scorer = scorer;
    if (given("--emb")) c.embedding = args.embedding;
    if (given("--hidden")) c.hidden = args.hidden;
    if (given("--attention-dim")) c.attentionDim = args.attentionDim;
    if (given("--bidirectional")) c.bidirectional = args.bidirectional;
    if (options.unidirectional) c.bidirectional = false;
    if (given("--no-input-feeding")) c.inputFeeding = !args.noInputFeeding;
    if (given("--location-filters")) c.locationFilters = args.locationFilters;
    if (given("--location-kernel")) c.locationKernel = args.locationKernel;
    if (given("--decoder") && args.decoder != "luong")
        throw InputError("--decoder: a forecaster's decoder is luong (attention after the LSTM step)");
    if (given("--frame-reduction") || given("--no-row-encoder") || given("--tokens") || given("--lowercase"))
        throw InputError(
            "--frame-reduction, --no-row-encoder, --tokens and --lowercase do not apply to series");
    TrainingSettings& t = spec.training;
    if (given("--batch")) t.batchSize = args.batch;
    if (given("--epochs")) t.epochs = args.epochs;
    if (given("--max-steps")) t.maxSteps = args.maxSteps;
    if (given("--lr")) t.learningRate = args.learningRate;
    if (given("--optimizer")) t.optimizer = parseOptimizer(args.optimizer);
    if (given("--clip")) t.clipNorm = args.clip;
    if (given("--teacher-forcing")) t.teacherForcing = args.teacherForcing;
    if (given("--val-fraction")) t.validationFraction = args.validationFraction;
    if (given("--seed")) t.seed = args.seed;
    if (given("--dropout") && args.dropout > 0)
        throw InputError("--dropout: a forecaster trains without dropout");
    t.threads = 1;
    spec.windows.past = options.window;
    spec.windows.stride = options.stride;
    spec.forecast.horizon = options.horizon;
    spec.windows.horizon = options.horizon;
    spec.forecast.gaussian = options.gaussian;
    spec.period = options.period;
    try {
        t.validate();
        if (c.bidirectional && c.hidden % 2 != 0)
            throw std::invalid_argument("a bidirectional encoder needs an even hidden size, got " +
                                        std::to_string(c.hidden));
    } catch (const std::invalid_argument& e) {
        throw InputError(e.what());
    }
    return spec;
}

ForecastData openSeries(const std::string& data) {
    return openForecastData(data);
}

} // namespace attnlab::cli
