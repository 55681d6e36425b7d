#pragma once
// S source length, T output rows (output tokens, then </s> when finished).
// Decodes one sentence a person typed (or one dataset pair) with an inference snapshot: tokenises
// it the way the model's source side was tokenised, looks the tokens up in the source
// vocabulary, and decodes greedily or with beam search. Tokens the vocabulary does not know are
// never replaced silently: they are decoded as <unk> and listed in the result for a warning.
// Runs on the GUI thread (about a millisecond for the small models AttnLab trains).
#include "core/nn/Tensor.h"
#include "ui/session/InferenceModel.h"

#include <QString>

#include <string>
#include <vector>

namespace attnlab::ui {

struct SentenceDecoding {
    std::vector<std::string> sourceTokens;  // (S) as typed, unknown ones included
    std::vector<std::string> outputTokens;  // (T) "</s>" last when finished
    Matrix<float> attention;                // (T x S) row t: the weights behind output token t
    double logProb = 0.0;                   // log p of the output (and of </s> when finished)
    bool finished = false;                  // false: stopped at the length limit
    std::vector<std::string> unknownTokens; // distinct, in order of first appearance
    QString error;                          // empty on success; then the rest is meaningless

    bool ok() const { return error.isEmpty(); }
    // The output tokens without </s>, joined as the target side's tokenisation writes them.
    QString outputText(Tokenization tokenization) const;
};

class SentenceDecoder {
public:
    explicit SentenceDecoder(int beamWidth = 1) { setBeamWidth(beamWidth); }

    // 1 is greedy decoding; larger is beam search of that width.
    void setBeamWidth(int width) { m_beamWidth = width < 1 ? 1 : width; }
    int beamWidth() const { return m_beamWidth; }

    // Tokenises `text` with the model's source tokenisation, then as below.
    SentenceDecoding decode(const InferenceModel& model, const QString& text) const;
    // Source tokens already split (a dataset pair).
    SentenceDecoding decode(const InferenceModel& model, const std::vector<std::string>& sourceTokens) const;

private:
    int m_beamWidth = 1;
};

} // namespace attnlab::ui
