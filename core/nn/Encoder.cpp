#include "core/nn/Encoder.h"

namespace attnlab {

namespace {
int directionSize(int hidden, bool bidirectional) {
    if (bidirectional && hidden % 2 != 0)
        throw std::invalid_argument("a bidirectional encoder needs an even hidden size, got " +
                                    std::to_string(hidden));
    return bidirectional ? hidden / 2 : hidden;
}
} // namespace

template <class T>
Encoder<T>::Encoder(int vocabularySize, int embeddingSize, int hiddenSize, bool bidirectional)
    : m_hidden(hiddenSize), m_directionHidden(directionSize(hiddenSize, bidirectional)),
      m_embedding("src_embedding", vocabularySize, embeddingSize),
      m_forward("encoder.", "_l0", embeddingSize, m_directionHidden, false) {
    if (bidirectional)
        m_reverse =
            std::make_unique<LstmLayer<T>>("encoder.", "_l0_reverse", embeddingSize, m_directionHidden, true);
}

template <class T> void Encoder<T>::initialize(const InitSeed& seed) {
    m_embedding.initialize(seed);
    m_forward.initialize(seed);
    if (m_reverse) m_reverse->initialize(seed);
}

template <class T>
void Encoder<T>::forward(const SequenceBatch& batch, EncoderCache<T>& cache,
                         const DropoutSettings& dropout) const {
    const int steps = batch.sourceLength;
    const int b = batch.batchSize;
    const int columns = steps * b;
    if (static_cast<int>(batch.source.size()) != columns || static_cast<int>(batch.sourceLengths.size()) != b)
        throw std::invalid_argument("Encoder: batch source is not S x B");
    cache.steps = steps;
    cache.batch = b;
    cache.lengths = batch.sourceLengths;
    cache.embedded.resize(m_embedding.dimension(), columns);
    m_embedding.forward(batch.source.data(), columns, cache.embedded);
    cache.dropoutMask.resize(0, 0);
    if (dropout.active()) {
        fillDropoutMask(cache.dropoutMask, cache.embedded.rows(), columns, dropout);
        cache.embedded.array() *= cache.dropoutMask.array();
    }

    // Each direction writes its outputs straight into its rows of the keys.
    const int h = m_directionHidden;
    cache.keys.resize(m_hidden, columns);
    m_forward.forward(cache.embedded, cache.lengths, steps, cache.forward, cache.keys.topRows(h));
    if (!m_reverse) {
        cache.finalHidden = m_forward.finalHidden(cache.forward, steps);
        cache.finalCell = m_forward.finalCell(cache.forward, steps);
        return;
    }
    m_reverse->forward(cache.embedded, cache.lengths, steps, cache.reverse, cache.keys.bottomRows(h));
    cache.finalHidden.resize(m_hidden, b);
    cache.finalCell.resize(m_hidden, b);
    cache.finalHidden.topRows(h) = m_forward.finalHidden(cache.forward, steps);
    cache.finalHidden.bottomRows(h) = m_reverse->finalHidden(cache.reverse, steps);
    cache.finalCell.topRows(h) = m_forward.finalCell(cache.forward, steps);
    cache.finalCell.bottomRows(h) = m_reverse->finalCell(cache.reverse, steps);
}

template <class T>
void Encoder<T>::backward(const SequenceBatch& batch, const EncoderCache<T>& cache,
                          const ConstMatrixRef<T>& dKeys, const ConstMatrixRef<T>& dhFinal,
                          const ConstMatrixRef<T>& dcFinal) {
    const int steps = cache.steps;
    const int columns = steps * cache.batch;
    const int h = m_directionHidden;
    m_dx.resize(m_embedding.dimension(), columns);
    m_forward.backward(cache.embedded, cache.lengths, steps, cache.forward, dKeys.topRows(h),
                       dhFinal.topRows(h), dcFinal.topRows(h), m_dx);
    if (m_reverse) {
        m_dxReverse.resize(m_embedding.dimension(), columns);
        m_reverse->backward(cache.embedded, cache.lengths, steps, cache.reverse, dKeys.bottomRows(h),
                            dhFinal.bottomRows(h), dcFinal.bottomRows(h), m_dxReverse);
        m_dx += m_dxReverse;
    }
    if (cache.dropoutMask.size() > 0) m_dx.array() *= cache.dropoutMask.array();
    m_embedding.backward(batch.source.data(), columns, m_dx);
}

template <class T> ParameterList<T> Encoder<T>::parameters() {
    ParameterList<T> list = m_embedding.parameters();
    for (auto* p : m_forward.parameters()) list.push_back(p);
    if (m_reverse)
        for (auto* p : m_reverse->parameters()) list.push_back(p);
    return list;
}

template class Encoder<float>;
template class Encoder<double>;

} // namespace attnlab
