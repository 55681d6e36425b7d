#pragma once
// S source length, T output rows (output tokens, then </s> when finished).
// Decodes one sentence a person typed (or one dataset pair) with an inference snapshot: reads it
// with readSourceInput (core/infer/SourceInput.h) exactly as `attnlab-cli align` does (normalised
// and tokenised as the model's training data were, held to the typed-input limit), then decodes
// greedily or with beam search. Tokens the vocabulary does not know are never replaced silently:
// they are decoded as <unk>, counted and listed in the result for a warning. A sentence longer
// than the model takes is refused with a message, never cut. Runs on the GUI thread (about a
// millisecond for the small models AttnLab trains; the limit keeps the worst case well under a
// second).
#include "core/infer/SourceInput.h"
#include "core/nn/SourceFeatures.h"
#include "core/nn/Tensor.h"
#include "ui/session/InferenceModel.h"

#include <QString>

#include <string>
#include <vector>

namespace attnlab::ui {

struct SentenceDecoding {
    std::vector<std::string> sourceTokens; // (S) as the model reads them, unknown ones as typed
    std::vector<std::string> outputTokens; // (T) "</s>" last when finished
    Matrix<float> attention;               // (T x S) row t: the weights behind output token t
    // Label models (classifier, entailment): the predicted label and every target id's
    // probability (C); outputTokens are then the attention's rows (the label, or the hypothesis
    // words) and attention's columns the whole source (an entailment's separator and hypothesis
    // columns hold no weight), so every heatmap of a decoding reads it as it reads any other.
    std::string label;
    std::vector<float> classProbabilities;
    double logProb = 0.0;                   // log p of the output (and of </s> when finished)
    bool finished = false;                  // false: stopped at the length limit
    std::vector<std::string> unknownTokens; // distinct, in order of first appearance
    int unknownCount = 0;                   // source tokens read as <unk>, repeats included
    int sourceLength = 0;                   // tokens the sentence has (also when refused as too long)
    QString error;                          // empty on success; then the rest is meaningless

    bool ok() const { return error.isEmpty(); }
    // The output tokens without </s>, joined as the target side's tokenisation writes them; a
    // label model's label.
    QString outputText(Tokenization tokenization) const;
    // What the model wrote, to compare with a reference: the output tokens without </s>, or the label.
    std::vector<std::string> writtenTokens() const;
};

class SentenceDecoder {
public:
    explicit SentenceDecoder(int beamWidth = 1) { setBeamWidth(beamWidth); }

    // 1 is greedy decoding; larger is beam search of that width.
    void setBeamWidth(int width) { m_beamWidth = width < 1 ? 1 : width; }
    int beamWidth() const { return m_beamWidth; }

    // Reads `text` as the model reads a person's text (InferenceModel::sourceReading), then decodes.
    SentenceDecoding decode(const InferenceModel& model, const QString& text) const;
    // Source tokens already split (a dataset pair).
    SentenceDecoding decode(const InferenceModel& model, const std::vector<std::string>& sourceTokens) const;
    // A frames or image model's source (MediaSource::modelSource(), a dataset pair's features):
    // nothing to read, no unknown tokens; sourceLength is its frames or cells.
    SentenceDecoding decodeFeatures(const InferenceModel& model, const ModelSource& source) const;

private:
    SentenceDecoding decode(const InferenceModel& model, const SourceInput& source) const;
    // Decodes a source already checked and fills the outputs (error set when decoding throws).
    void decodeInto(const InferenceModel& model, const ModelSource& source, SentenceDecoding& result) const;

    int m_beamWidth = 1;
};

} // namespace attnlab::ui
