#include "core/nn/Seq2Seq.h"

#include "core/nn/InitSeed.h"

#include <stdexcept>

namespace attnlab {

template <class T>
Seq2Seq<T>::Seq2Seq(const ModelConfig& config) : m_config((config.validate(), config)), m_encoder(config) {
    if (config.kind == ModelKind::Classifier)
        m_pooling.emplace(config);
    else
        m_decoder.emplace(config);
}

template <class T> void Seq2Seq<T>::initialize(std::uint64_t seed) {
    const InitSeed streams(seed);
    m_encoder.initialize(streams);
    if (m_decoder) m_decoder->initialize(streams);
    if (m_pooling) m_pooling->initialize(streams);
}

template <class T> ParameterList<T> Seq2Seq<T>::parameters() {
    ParameterList<T> list = m_encoder.parameters();
    const ParameterList<T> head = m_decoder ? m_decoder->parameters() : m_pooling->parameters();
    list.insert(list.end(), head.begin(), head.end());
    return list;
}

template <class T> void Seq2Seq<T>::copyValuesFrom(const Seq2Seq<T>& other) {
    const ParameterList<T> mine = parameters();
    // parameters() hands out mutable pointers; other's values are only read here.
    const ParameterList<T> theirs = const_cast<Seq2Seq<T>&>(other).parameters();
    if (mine.size() != theirs.size()) throw std::invalid_argument("copyValuesFrom: different architectures");
    for (size_t i = 0; i < mine.size(); ++i) {
        requireShape(theirs[i]->value, mine[i]->value.rows(), mine[i]->value.cols(), mine[i]->name.c_str());
        mine[i]->value = theirs[i]->value;
    }
}

template <class T> const Decoder<T>& Seq2Seq<T>::decoder() const {
    if (m_config.predictsLabel())
        throw std::logic_error("a " + modelKindName(m_config.kind) +
                               " model has no decoder steps: it classifies");
    return *m_decoder;
}

template <class T> void Seq2Seq<T>::bindKeys(const EncoderCache<T>& encoder, AttentionKeys<T>& keys) const {
    keys.steps = encoder.keySteps;
    keys.batch = encoder.batch;
    keys.lengths = encoder.keyLengths;
    keys.keys = &encoder.keys;
    if (m_pooling)
        m_pooling->prepareKeys(keys);
    else
        m_decoder->attention().prepareKeys(keys);
}

template <class T>
void Seq2Seq<T>::forward(const SequenceBatch& batch, const std::vector<char>& useGold, Seq2SeqCache<T>& cache,
                         const DropoutSettings& dropout) const {
    switch (m_config.kind) {
    case ModelKind::Seq2Seq:
        if (static_cast<int>(batch.target.size()) != batch.targetLength * batch.batchSize ||
            static_cast<int>(batch.targetLengths.size()) != batch.batchSize)
            throw std::invalid_argument("Seq2Seq: batch target is not T x B");
        m_encoder.forward(batch, cache.encoder, dropout);
        bindKeys(cache.encoder, cache.keys);
        m_decoder->forward(batch.target, batch.targetLength, useGold, cache.keys, cache.encoder.finalHidden,
                           cache.encoder.finalCell, cache.decoder, dropout);
        return;
    case ModelKind::Classifier:
        m_encoder.forward(batch, cache.encoder, dropout);
        bindKeys(cache.encoder, cache.keys);
        m_pooling->forward(cache.keys, cache.pooling);
        cache.labelLogits = cache.pooling.logits;
        return;
    case ModelKind::Entailment: {
        splitPremiseHypothesis(batch, m_config.separatorId, cache.split);
        m_encoder.forward(cache.split.premise, cache.encoder, dropout);
        bindKeys(cache.encoder, cache.keys);
        // The hypothesis is read, never predicted: every step is fed its word.
        const std::vector<char> everyWord(cache.split.steps, 1);
        m_decoder->forward(cache.split.hypothesis, cache.split.steps, everyWord, cache.keys,
                           cache.encoder.finalHidden, cache.encoder.finalCell, cache.decoder, dropout);
        // The label is read after the last word: step N_b (its input is word N_b), column N_b·B + b.
        const auto logits = cache.decoder.logits();
        const int b = batch.batchSize;
        cache.labelLogits.resize(logits.rows(), b);
        for (int k = 0; k < b; ++k)
            cache.labelLogits.col(k) = logits.col(cache.split.hypothesisLengths[k] * b + k);
        return;
    }
    }
}

template <class T>
T Seq2Seq<T>::labelLoss(const SequenceBatch& batch, Seq2SeqCache<T>& cache, T gradScale,
                        bool withGradient) const {
    const int b = batch.batchSize;
    if (batch.targetLength < 1 || static_cast<int>(batch.target.size()) < b)
        throw std::invalid_argument("Seq2Seq: a label batch needs one target (the label) per column");
    const std::vector<int> labels(batch.target.begin(), batch.target.begin() + b); // row 0: the labels
    const std::vector<int> one(b, 1);
    if (!withGradient) return maskedCrossEntropy<T>(cache.labelLogits, labels, one, T(1), nullptr);
    return maskedCrossEntropyInPlace<T>(cache.labelLogits, labels, one, gradScale);
}

template <class T>
T Seq2Seq<T>::lossAndGradients(const SequenceBatch& batch, const std::vector<char>& useGold, T gradScale,
                               Seq2SeqCache<T>& cache, const DropoutSettings& dropout) {
    forward(batch, useGold, cache, dropout);
    cache.keyGradients.keys.setZero(cache.encoder.keys.rows(), cache.encoder.keys.cols());
    cache.keyGradients.projected.setZero(cache.keys.projected.rows(), cache.keys.projected.cols());
    T total = 0;
    switch (m_config.kind) {
    case ModelKind::Seq2Seq:
        // The loss and dL/dlogits in one pass, written over the logits: at V = 8,000 a separate
        // gradient matrix costs as much memory traffic as the loss itself.
        total = maskedCrossEntropyInPlace<T>(cache.decoder.logits(), batch.target, batch.targetLengths,
                                             gradScale);
        m_decoder->backward(cache.decoder, cache.decoder.logits(), cache.keys, cache.keyGradients,
                            cache.dInitialHidden, cache.dInitialCell);
        m_encoder.backward(batch, cache.encoder, cache.keyGradients.keys, cache.dInitialHidden,
                           cache.dInitialCell);
        return total;
    case ModelKind::Classifier:
        total = labelLoss(batch, cache, gradScale, true);
        m_pooling->backward(cache.pooling, cache.labelLogits, cache.keys, cache.keyGradients);
        // The pooled states are the only way out: nothing flows into the final state.
        cache.dInitialHidden.setZero(cache.encoder.finalHidden.rows(), cache.encoder.finalHidden.cols());
        cache.dInitialCell.setZero(cache.encoder.finalCell.rows(), cache.encoder.finalCell.cols());
        m_encoder.backward(batch, cache.encoder, cache.keyGradients.keys, cache.dInitialHidden,
                           cache.dInitialCell);
        return total;
    case ModelKind::Entailment: {
        total = labelLoss(batch, cache, gradScale, true);
        const int b = batch.batchSize;
        cache.dDecoderLogits.setZero(cache.labelLogits.rows(),
                                     static_cast<Eigen::Index>(cache.split.steps) * b);
        for (int k = 0; k < b; ++k)
            cache.dDecoderLogits.col(cache.split.hypothesisLengths[k] * b + k) = cache.labelLogits.col(k);
        m_decoder->backward(cache.decoder, cache.dDecoderLogits, cache.keys, cache.keyGradients,
                            cache.dInitialHidden, cache.dInitialCell);
        m_encoder.backward(cache.split.premise, cache.encoder, cache.keyGradients.keys, cache.dInitialHidden,
                           cache.dInitialCell);
        return total;
    }
    }
    return total;
}

template <class T> T Seq2Seq<T>::loss(const SequenceBatch& batch, Seq2SeqCache<T>& cache) const {
    if (m_config.predictsLabel()) {
        classify(batch, cache);
        return labelLoss(batch, cache, T(1), false);
    }
    forward(batch, std::vector<char>(batch.targetLength, 1), cache, {});
    return maskedCrossEntropy<T>(cache.decoder.logits(), batch.target, batch.targetLengths, T(1), nullptr);
}

template <class T> void Seq2Seq<T>::classify(const SequenceBatch& batch, Seq2SeqCache<T>& cache) const {
    if (!m_config.predictsLabel()) throw std::logic_error("a seq2seq model decodes; it does not classify");
    forward(batch, {}, cache, {});
}

template <class T>
Matrix<T> Seq2Seq<T>::attentionOf(const Seq2SeqCache<T>& cache, const SequenceBatch& batch, int b) const {
    const int columns = batch.batchSize;
    switch (m_config.kind) {
    case ModelKind::Seq2Seq: {
        const int rows = batch.targetLengths[b] - 1;
        const int keys = m_config.input.keyLength(batch.sourceLengths[b]);
        Matrix<T> attention(rows, keys);
        // alignments block t+1 holds α_t
        for (int t = 0; t < rows; ++t)
            attention.row(t) = cache.decoder.alignments.col((t + 1) * columns + b).head(keys).transpose();
        return attention;
    }
    case ModelKind::Classifier:
        return cache.pooling.alignment.col(b).head(batch.sourceLengths[b]).transpose();
    case ModelKind::Entailment: {
        const int words = cache.split.hypothesisLengths[b];
        const int premise = cache.split.premise.sourceLengths[b];
        Matrix<T> attention(words, premise);
        // hypothesis word j is step j+1's input; α_{j+1} is in block j+2
        for (int j = 0; j < words; ++j)
            attention.row(j) = cache.decoder.alignments.col((j + 2) * columns + b).head(premise).transpose();
        return attention;
    }
    }
    return {};
}

template <class T> void Seq2Seq<T>::encode(const SequenceBatch& batch, EncodedSource<T>& encoded) const {
    decoder(); // label kinds throw here
    m_encoder.forward(batch, encoded.encoder);
    bindKeys(encoded.encoder, encoded.keys);
}

template <class T>
void Seq2Seq<T>::startDecoding(const EncodedSource<T>& encoded, DecoderState<T>& state) const {
    decoder().initialState(encoded.keys, encoded.encoder.finalHidden, encoded.encoder.finalCell, state);
}

template <class T>
void Seq2Seq<T>::decodeStep(const std::vector<int>& tokens, const EncodedSource<T>& encoded,
                            DecoderState<T>& state, Matrix<T>& logits, Matrix<T>& alignment) const {
    decoder().step(tokens, encoded.keys, state, logits, alignment);
}

template <class T>
void Seq2Seq<T>::inspectStep(int token, const EncodedSource<T>& encoded, DecoderState<T>& state,
                             DecoderStepProbe<T>& probe) const {
    decoder().inspectStep(token, encoded.keys, state, probe);
}

template <class T> const Parameter<T>& Seq2Seq<T>::parameter(const std::string& name) const {
    // parameters() hands out mutable pointers; the one found is returned read only.
    for (const Parameter<T>* p : const_cast<Seq2Seq<T>&>(*this).parameters())
        if (p->name == name) return *p;
    throw std::invalid_argument("the model has no parameter named " + name);
}

std::vector<char> teacherForcingSchedule(int steps, double ratio, Random& random) {
    std::vector<char> useGold(steps, 1);
    if (ratio >= 1.0) return useGold;
    for (int t = 1; t < steps; ++t) useGold[t] = random.uniform() < ratio ? 1 : 0;
    return useGold;
}

template class Seq2Seq<float>;
template class Seq2Seq<double>;

} // namespace attnlab
