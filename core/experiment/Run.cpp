#include "core/experiment/Run.h"

#include "core/data/TaskKind.h"
#include "core/data/TextNormalization.h"
#include "core/experiment/RunRecorder.h"
#include "core/train/Trainer.h"

#include <algorithm>

namespace attnlab {

namespace {
std::shared_ptr<ModelBundle> bundleFor(const RunSpec& spec) {
    auto bundle = std::make_shared<ModelBundle>();
    bundle->config = spec.config;
    return bundle;
}
} // namespace

Run::Run(std::shared_ptr<const PreparedData> data, RunSpec spec)
    : Run(std::move(data), bundleFor(spec), spec.settings, spec.name) {}

Run::Run(std::shared_ptr<const PreparedData> data, std::shared_ptr<ModelBundle> bundle,
         TrainingSettings settings, std::string name)
    : m_data(std::move(data)), m_bundle(std::move(bundle)), m_name(std::move(name)) {
    ModelBundle& b = *m_bundle;
    const TrainingData& encoded = *m_data->data;
    if (!b.model) {
        b.config.sourceVocabulary = encoded.sourceVocabulary.size();
        b.config.targetVocabulary = encoded.targetVocabulary.size();
        // The data decides what the source is; the model's own choices (frame reduction, row
        // encoder) stay when the spec made them for this kind of input.
        const InputConfig dataInput = m_data->dataset ? m_data->dataset->input() : InputConfig{};
        if (b.config.input.kind != dataInput.kind)
            b.config.input = dataInput;
        else if (!dataInput.tokens()) {
            InputConfig input = dataInput;
            input.frameReduction = b.config.input.frameReduction;
            input.rowEncoder = b.config.input.rowEncoder;
            b.config.input = input;
        }
        // The data's task decides the head: a label task gets a classifier or an entailment model.
        const TaskKind task = m_data->dataset ? m_data->dataset->task() : TaskKind::Pairs;
        b.config.kind = modelKindFor(task);
        if (b.config.kind == ModelKind::Entailment)
            b.config.separatorId = encoded.sourceVocabulary.id(std::string(kPremiseSeparator));
        // The location scorer cannot read past its maximum: room for every source of the data.
        b.config.maxSourceLength =
            std::max(b.config.maxSourceLength, b.config.input.keyLength(m_data->longestSource));
        b.config.validate();
        b.sourceVocabulary = encoded.sourceVocabulary;
        b.targetVocabulary = encoded.targetVocabulary;
        if (m_data->dataset) {
            b.sourceTokens = m_data->dataset->options().sourceTokens;
            b.targetTokens = m_data->dataset->options().targetTokens;
            b.text = textNormalization(m_data->dataset->options());
        }
        b.dataset = m_data->label;
        b.model = std::make_unique<Seq2Seq<float>>(b.config);
        b.model->initialize(settings.seed);
    } else if (m_data->dataset && modelKindFor(m_data->dataset->task()) != b.config.kind) {
        throw std::invalid_argument("the model is a " + modelKindName(b.config.kind) +
                                    ", the data's task is " + taskKindName(m_data->dataset->task()));
    } else if (m_data->dataset && m_data->dataset->input().kind != b.config.input.kind) {
        throw std::invalid_argument("the model reads " + inputKindName(b.config.input.kind) +
                                    " sources, the data has " + inputKindName(m_data->dataset->input().kind));
    } else if (b.sourceVocabulary.size() != encoded.sourceVocabulary.size() ||
               b.targetVocabulary.size() != encoded.targetVocabulary.size()) {
        throw std::invalid_argument(
            "the model's vocabularies are not the data's: encode the data with them first");
    }
    setSettings(settings);
}

Run::~Run() = default;

void Run::setSettings(const TrainingSettings& settings) {
    // The Trainer validates the settings; the bundle keeps them for the model file.
    m_trainer = std::make_unique<Trainer>(*m_bundle->model, *m_data->data, settings, m_data->dataset.get());
    m_bundle->training = settings;
}

long long Run::parameterCount() const {
    return attnlab::parameterCount(m_bundle->model->parameters());
}

long long Run::plannedSteps() const {
    return m_trainer->plannedSteps();
}

int Run::batchesPerEpoch() const {
    const long long pairs = static_cast<long long>(m_data->data->train.pairs.size());
    const long long batch = m_bundle->training.batchSize;
    return static_cast<int>((pairs + batch - 1) / batch);
}

int Run::plannedEpochs() const {
    const long long perEpoch = std::max(1, batchesPerEpoch());
    return static_cast<int>((plannedSteps() + perEpoch - 1) / perEpoch);
}

const RunRecord& Run::train(TrainingObserver& observer, TrainingControl& control) {
    m_record = {};
    RunRecorder recorder(m_record, observer);
    m_record.result = m_trainer->run(recorder, control);
    m_record.trainingSeconds = std::max(0.0, m_record.result.seconds - recorder.validationSeconds());
    return m_record;
}

void Run::recordFailure(const std::string& message) {
    m_record.result.outcome = TrainingOutcome::Failed;
    m_record.result.message = message;
}

} // namespace attnlab
