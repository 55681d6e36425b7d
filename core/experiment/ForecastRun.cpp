#include "core/experiment/ForecastRun.h"

#include <algorithm>
#include <stdexcept>

namespace attnlab {

ForecastRunSpec defaultForecastSpec() {
    ForecastRunSpec spec;
    // dot over a bidirectional encoder: its backward half tells each key how far it lies from the
    // window's end, which lets a forecast step find the point one period back (gold mass ~3x
    // uniform on seasonal, where general and location stayed near uniform).
    spec.config.scorer = ScorerKind::Dot;
    spec.config.bidirectional = true;
    spec.config.embedding = 16;
    spec.config.hidden = 64;
    spec.windows.past = 48;
    spec.windows.horizon = 12;
    spec.forecast.horizon = 12;
    spec.training.learningRate = 3e-3;
    spec.training.batchSize = 32;
    spec.training.epochs = 15;
    spec.training.teacherForcing = 0.0;
    spec.training.validationFraction = 0.2;
    return spec;
}

ForecastRun::ForecastRun(const ForecastData& data, ForecastRunSpec spec) : m_spec(std::move(spec)) {
    const int d = data.table.seriesCount();
    m_spec.windows.horizon = m_spec.forecast.horizon;
    m_spec.windows.validationFraction = m_spec.training.validationFraction;
    m_windows = std::make_unique<ForecastWindows>(data.table, m_spec.windows);
    ModelConfig& c = m_spec.config;
    c.input = InputConfig{};
    c.input.kind = InputKind::Frames;
    c.input.melBands = d;
    c.input.frameReduction = 0;
    c.sourceVocabulary = c.targetVocabulary = 1;
    c.maxSourceLength = m_spec.windows.past;
    c.decoder = DecoderStyle::Luong;

    m_bundle.config = c;
    m_bundle.forecast = m_spec.forecast;
    m_bundle.window = m_spec.windows.past;
    m_bundle.stride = m_spec.windows.stride;
    m_bundle.training = m_spec.training;
    m_bundle.series = data.table.names();
    m_bundle.normalization = m_windows->trainingNormalization();
    m_bundle.dataset = data.name;
    m_bundle.periods = seriesPeriods(data.table, m_windows->splitPoint(), m_spec.windows.past, m_spec.period);
    m_bundle.model = std::make_unique<Forecaster<float>>(c, m_spec.forecast);
    m_bundle.model->initialize(m_spec.training.seed);
    if (!m_windows->validationStarts().empty())
        m_validation = std::make_unique<ForecastEvaluator>(
            *m_windows, m_windows->validationStarts(), m_bundle.normalization, m_bundle.periods, data.gold);
    m_trainer = std::make_unique<ForecastTrainer>(*m_bundle.model, *m_windows, m_bundle.normalization,
                                                  m_validation.get(), m_spec.training);
}

long long ForecastRun::parameterCount() const {
    return attnlab::parameterCount(m_bundle.model->parameters());
}

ForecastTrainingResult ForecastRun::train(ForecastObserver& observer, TrainingControl& control) {
    return m_trainer->run(observer, control);
}

ForecastEvaluation evaluationFor(const ForecastModelBundle& bundle, const ForecastData& data, int period) {
    if (data.table.seriesCount() != bundle.model->seriesCount())
        throw std::invalid_argument("the data has " + std::to_string(data.table.seriesCount()) +
                                    " series, the model forecasts " +
                                    std::to_string(bundle.model->seriesCount()));
    ForecastWindowSettings settings;
    settings.past = bundle.window;
    settings.horizon = bundle.forecast.horizon;
    settings.validationFraction = bundle.training.validationFraction;
    ForecastEvaluation evaluation;
    evaluation.windows = std::make_unique<ForecastWindows>(data.table, settings);
    const ForecastWindows& windows = *evaluation.windows;
    std::vector<int> starts = windows.validationStarts();
    if (starts.empty()) starts = windows.trainingStarts();
    std::vector<int> periods = bundle.periods;
    if (period > 0 || static_cast<int>(periods.size()) != windows.seriesCount() ||
        std::find(periods.begin(), periods.end(), 0) != periods.end())
        periods = seriesPeriods(data.table, windows.splitPoint(), bundle.window, period);
    evaluation.evaluator = std::make_unique<ForecastEvaluator>(windows, std::move(starts),
                                                               bundle.normalization, periods, data.gold);
    return evaluation;
}

} // namespace attnlab
