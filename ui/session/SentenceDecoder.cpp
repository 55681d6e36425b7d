#include "ui/session/SentenceDecoder.h"

#include "core/infer/BeamSearch.h"

#include <QCoreApplication>

#include <algorithm>
#include <exception>

namespace attnlab::ui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("attnlab::ui::SentenceDecoder", text);
}
} // namespace

QString SentenceDecoding::outputText(Tokenization tokenization) const {
    std::vector<std::string> words = outputTokens;
    if (finished && !words.empty()) words.pop_back(); // the </s> row
    return QString::fromStdString(joinTokens(words, tokenization));
}

SentenceDecoding SentenceDecoder::decode(const InferenceModel& model, const QString& text) const {
    if (!model.ready()) {
        SentenceDecoding result;
        result.error = tr("There is no model yet: train one or open one first.");
        return result;
    }
    return decode(model, tokenize(text.toStdString(), model.sourceTokens));
}

SentenceDecoding SentenceDecoder::decode(const InferenceModel& model,
                                         const std::vector<std::string>& sourceTokens) const {
    SentenceDecoding result;
    result.sourceTokens = sourceTokens;
    if (!model.ready()) {
        result.error = tr("There is no model yet: train one or open one first.");
        return result;
    }
    if (sourceTokens.empty()) {
        result.error = tr("Type a sentence first.");
        return result;
    }
    const Vocabulary& sourceVocabulary = *model.sourceVocabulary;
    // encode() also maps a typed special ("</s>") to <unk>: it is text, not a control token.
    const std::vector<int> ids = sourceVocabulary.encode(sourceTokens);
    for (size_t i = 0; i < ids.size(); ++i) {
        const std::string& token = sourceTokens[i];
        if (ids[i] == UnknownId && std::find(result.unknownTokens.begin(), result.unknownTokens.end(),
                                             token) == result.unknownTokens.end())
            result.unknownTokens.push_back(token);
    }

    DecodeOptions options;
    options.beamWidth = m_beamWidth;
    DecodeResult decoded;
    try {
        decoded = attnlab::decode(*model.model, ids, options);
    } catch (const std::exception& e) {
        // e.g. a location model refuses sources longer than the positions it was built for.
        result.error = tr("Could not decode this sentence: %1").arg(QString::fromStdString(e.what()));
        return result;
    }
    const Vocabulary& targetVocabulary = *model.targetVocabulary;
    for (int id : decoded.tokens) result.outputTokens.push_back(targetVocabulary.token(id));
    if (decoded.finished) result.outputTokens.push_back(targetVocabulary.token(EndId));
    result.attention = decoded.attention;
    result.logProb = decoded.logProb;
    result.finished = decoded.finished;
    return result;
}

} // namespace attnlab::ui
