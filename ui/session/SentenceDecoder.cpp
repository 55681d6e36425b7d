#include "ui/session/SentenceDecoder.h"

#include "core/data/PremiseHypothesis.h"
#include "core/infer/AttentionAxes.h"

#include "core/infer/BeamSearch.h"

#include <QCoreApplication>

#include <exception>

namespace attnlab::ui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("attnlab::ui::SentenceDecoder", text);
}

QString noModel() {
    return tr("There is no model yet: train one or open one first.");
}

// Why a sentence is not decoded, in the window's words.
QString problemText(const SourceInput& source) {
    switch (source.problem) {
    case SourceProblem::None:
        break;
    case SourceProblem::InvalidUtf8:
        return tr("This sentence is not valid text (UTF-8).");
    case SourceProblem::Empty:
        return tr("Type a sentence first.");
    case SourceProblem::TooLong:
        if (source.limit.positional)
            return tr("This model (location scorer) reads sources up to %1 tokens; this one has %2. "
                      "Shorten it to decode it.")
                .arg(source.limit.tokens)
                .arg(source.length);
        return tr("This sentence has %1 tokens; this model takes typed sentences of up to %2 tokens. "
                  "Shorten it to decode it.")
            .arg(source.length)
            .arg(source.limit.tokens);
    }
    return QString();
}
} // namespace

std::vector<std::string> SentenceDecoding::writtenTokens() const {
    if (!label.empty()) return {label};
    std::vector<std::string> words = outputTokens;
    if (finished && !words.empty()) words.pop_back(); // the </s> row
    return words;
}

QString SentenceDecoding::outputText(Tokenization tokenization) const {
    if (!label.empty()) return QString::fromStdString(label);
    std::vector<std::string> words = outputTokens;
    if (finished && !words.empty()) words.pop_back(); // the </s> row
    return QString::fromStdString(joinTokens(words, tokenization));
}

SentenceDecoding SentenceDecoder::decode(const InferenceModel& model, const QString& text) const {
    if (!model.ready()) {
        SentenceDecoding result;
        result.error = noModel();
        return result;
    }
    return decode(model, readSourceInput(text.toStdString(), model.sourceReading(), *model.sourceVocabulary));
}

SentenceDecoding SentenceDecoder::decode(const InferenceModel& model,
                                         const std::vector<std::string>& sourceTokens) const {
    if (!model.ready()) {
        SentenceDecoding result;
        result.sourceTokens = sourceTokens;
        result.error = noModel();
        return result;
    }
    return decode(model, encodeSourceTokens(sourceTokens, *model.sourceVocabulary));
}

SentenceDecoding SentenceDecoder::decode(const InferenceModel& model, const SourceInput& source) const {
    SentenceDecoding result;
    result.sourceTokens = source.tokens;
    result.unknownTokens = source.unknown;
    result.unknownCount = source.unknownCount;
    result.sourceLength = source.length;
    if (!source.ok()) {
        result.error = problemText(source);
        return result;
    }
    decodeInto(model, source.ids, result);
    return result;
}

SentenceDecoding SentenceDecoder::decodeFeatures(const InferenceModel& model,
                                                 const ModelSource& source) const {
    SentenceDecoding result;
    result.sourceLength = source.length();
    if (!model.ready()) {
        result.error = noModel();
        return result;
    }
    decodeInto(model, source, result);
    return result;
}

void SentenceDecoder::decodeInto(const InferenceModel& model, const ModelSource& source,
                                 SentenceDecoding& result) const {
    if (model.model->config().kind == ModelKind::Entailment) try { // both sentences, before decoding
            splitPremiseHypothesis(result.sourceTokens);
        } catch (const std::invalid_argument& e) {
            result.error = tr("Type a premise and a hypothesis as \"premise | hypothesis\": %1")
                               .arg(QString::fromUtf8(e.what()));
            return;
        }
    DecodeOptions options;
    options.beamWidth = m_beamWidth;
    DecodeResult decoded;
    try {
        decoded = attnlab::decode(*model.model, source, options);
    } catch (const std::exception& e) {
        // e.g. a location model refuses a dataset pair longer than the positions it was built for.
        result.error = tr("Could not decode this sentence: %1").arg(QString::fromStdString(e.what()));
        return;
    }
    const Vocabulary& targetVocabulary = *model.targetVocabulary;
    result.logProb = decoded.logProb;
    result.finished = decoded.finished;
    const ModelConfig& config = model.model->config();
    if (config.predictsLabel()) {
        result.label = targetVocabulary.token(decoded.tokens.front());
        result.classProbabilities = decoded.classProbabilities;
        result.outputTokens = attentionAxes(config, decoded, result.sourceTokens, targetVocabulary).rows;
        result.attention =
            attentionOverSource(decoded.attention, static_cast<int>(result.sourceTokens.size()));
        return;
    }
    for (int id : decoded.tokens) result.outputTokens.push_back(targetVocabulary.token(id));
    if (decoded.finished) result.outputTokens.push_back(targetVocabulary.token(EndId));
    result.attention = decoded.attention;
}

} // namespace attnlab::ui
