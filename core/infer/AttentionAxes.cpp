#include "core/infer/AttentionAxes.h"

#include "core/data/PremiseHypothesis.h"
#include "core/nn/SequenceBatch.h"

namespace attnlab {

Matrix<float> attentionOverSource(const Matrix<float>& attention, int sourceLength) {
    // (rows x max(C, S)): the given columns first, zero after
    Matrix<float> wide =
        Matrix<float>::Zero(attention.rows(), std::max<Eigen::Index>(sourceLength, attention.cols()));
    wide.leftCols(attention.cols()) = attention;
    return wide;
}

AttentionAxes attentionAxes(const ModelConfig& config, const DecodeResult& decoded,
                            const std::vector<std::string>& sourceTokens,
                            const Vocabulary& targetVocabulary) {
    AttentionAxes axes;
    switch (config.kind) {
    case ModelKind::Seq2Seq:
        axes.rows = targetVocabulary.decode(decoded.tokens);
        if (decoded.finished) axes.rows.push_back(targetVocabulary.token(EndId));
        axes.columns = sourceTokens;
        break;
    case ModelKind::Classifier:
        axes.rows = targetVocabulary.decode(decoded.tokens);
        axes.columns = sourceTokens;
        break;
    case ModelKind::Entailment: {
        PremiseHypothesisTokens parts = splitPremiseHypothesis(sourceTokens);
        axes.rows = std::move(parts.hypothesis);
        axes.columns = std::move(parts.premise);
        break;
    }
    }
    return axes;
}

} // namespace attnlab
