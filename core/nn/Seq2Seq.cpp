#include "core/nn/Seq2Seq.h"

#include "core/nn/InitSeed.h"

namespace attnlab {

template <class T>
Seq2Seq<T>::Seq2Seq(const ModelConfig& config)
    : m_config((config.validate(), config)),
      m_encoder(config),
      m_decoder(config) {}

template <class T> void Seq2Seq<T>::initialize(std::uint64_t seed) {
    const InitSeed streams(seed);
    m_encoder.initialize(streams);
    m_decoder.initialize(streams);
}

template <class T> ParameterList<T> Seq2Seq<T>::parameters() {
    ParameterList<T> list = m_encoder.parameters();
    for (auto* p : m_decoder.parameters()) list.push_back(p);
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

template <class T> void Seq2Seq<T>::bindKeys(const EncoderCache<T>& encoder, AttentionKeys<T>& keys) const {
    keys.steps = encoder.keySteps;
    keys.batch = encoder.batch;
    keys.lengths = encoder.keyLengths;
    keys.keys = &encoder.keys;
    m_decoder.attention().prepareKeys(keys);
}

template <class T>
void Seq2Seq<T>::forward(const SequenceBatch& batch, const std::vector<char>& useGold, Seq2SeqCache<T>& cache,
                         const DropoutSettings& dropout) const {
    if (static_cast<int>(batch.target.size()) != batch.targetLength * batch.batchSize ||
        static_cast<int>(batch.targetLengths.size()) != batch.batchSize)
        throw std::invalid_argument("Seq2Seq: batch target is not T x B");
    m_encoder.forward(batch, cache.encoder, dropout);
    bindKeys(cache.encoder, cache.keys);
    m_decoder.forward(batch.target, batch.targetLength, useGold, cache.keys, cache.encoder.finalHidden,
                      cache.encoder.finalCell, cache.decoder, dropout);
}

template <class T>
T Seq2Seq<T>::lossAndGradients(const SequenceBatch& batch, const std::vector<char>& useGold, T gradScale,
                               Seq2SeqCache<T>& cache, const DropoutSettings& dropout) {
    forward(batch, useGold, cache, dropout);
    // The loss and dL/dlogits in one pass, written over the logits: at V = 8,000 a separate
    // gradient matrix costs as much memory traffic as the loss itself.
    const T total =
        maskedCrossEntropyInPlace<T>(cache.decoder.logits(), batch.target, batch.targetLengths, gradScale);
    cache.keyGradients.keys.setZero(cache.encoder.keys.rows(), cache.encoder.keys.cols());
    cache.keyGradients.projected.setZero(cache.keys.projected.rows(), cache.keys.projected.cols());
    m_decoder.backward(cache.decoder, cache.decoder.logits(), cache.keys, cache.keyGradients,
                       cache.dInitialHidden, cache.dInitialCell);
    m_encoder.backward(batch, cache.encoder, cache.keyGradients.keys, cache.dInitialHidden,
                       cache.dInitialCell);
    return total;
}

template <class T> T Seq2Seq<T>::loss(const SequenceBatch& batch, Seq2SeqCache<T>& cache) const {
    forward(batch, std::vector<char>(batch.targetLength, 1), cache, {});
    return maskedCrossEntropy<T>(cache.decoder.logits(), batch.target, batch.targetLengths, T(1), nullptr);
}

template <class T> void Seq2Seq<T>::encode(const SequenceBatch& batch, EncodedSource<T>& encoded) const {
    m_encoder.forward(batch, encoded.encoder);
    bindKeys(encoded.encoder, encoded.keys);
}

template <class T>
void Seq2Seq<T>::startDecoding(const EncodedSource<T>& encoded, DecoderState<T>& state) const {
    m_decoder.initialState(encoded.keys, encoded.encoder.finalHidden, encoded.encoder.finalCell, state);
}

template <class T>
void Seq2Seq<T>::decodeStep(const std::vector<int>& tokens, const EncodedSource<T>& encoded,
                            DecoderState<T>& state, Matrix<T>& logits, Matrix<T>& alignment) const {
    m_decoder.step(tokens, encoded.keys, state, logits, alignment);
}

template <class T>
void Seq2Seq<T>::inspectStep(int token, const EncodedSource<T>& encoded, DecoderState<T>& state,
                             DecoderStepProbe<T>& probe) const {
    m_decoder.inspectStep(token, encoded.keys, state, probe);
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
