#include "core/nn/Encoder.h"

#include <stdexcept>

namespace attnlab {

template <class T>
void cellsToRows(const ConstMatrixRef<T>& cells, int gridRows, int gridColumns, int batch, Matrix<T>& rows) {
    rows.resize(cells.rows(), cells.cols());
    for (int r = 0; r < gridRows; ++r)
        for (int c = 0; c < gridColumns; ++c)
            rows.middleCols((static_cast<Eigen::Index>(c) * gridRows + r) * batch, batch) =
                cells.middleCols((static_cast<Eigen::Index>(r) * gridColumns + c) * batch, batch);
}

template <class T>
void rowsToCells(const ConstMatrixRef<T>& rows, int gridRows, int gridColumns, int batch, Matrix<T>& cells) {
    cells.resize(rows.rows(), rows.cols());
    for (int r = 0; r < gridRows; ++r)
        for (int c = 0; c < gridColumns; ++c)
            cells.middleCols((static_cast<Eigen::Index>(r) * gridColumns + c) * batch, batch) =
                rows.middleCols((static_cast<Eigen::Index>(c) * gridRows + r) * batch, batch);
}

template <class T>
Encoder<T>::Encoder(const ModelConfig& config) : m_input(config.input), m_hidden(config.hidden) {
    const int e = config.embedding;
    switch (m_input.kind) {
    case InputKind::Tokens:
        m_embedding = std::make_unique<Embedding<T>>("src_embedding", config.sourceVocabulary, e);
        m_stack = std::make_unique<RecurrentStack<T>>(e, m_hidden, config.bidirectional, 0);
        break;
    case InputKind::Frames:
        m_projection = std::make_unique<InputProjection<T>>(m_input.featureSize(), e, 0);
        m_stack =
            std::make_unique<RecurrentStack<T>>(e, m_hidden, config.bidirectional, m_input.frameReduction);
        break;
    case InputKind::Image:
        if (m_input.rowEncoder) {
            m_projection =
                std::make_unique<InputProjection<T>>(m_input.featureSize(), e, m_input.gridCells());
            m_stack = std::make_unique<RecurrentStack<T>>(e, m_hidden, true, 0);
        } else {
            m_projection =
                std::make_unique<InputProjection<T>>(m_input.featureSize(), m_hidden, m_input.gridCells());
        }
        break;
    }
}

template <class T>
Encoder<T>::Encoder(int vocabularySize, int embeddingSize, int hiddenSize, bool bidirectional)
    : m_hidden(hiddenSize),
      m_embedding(std::make_unique<Embedding<T>>("src_embedding", vocabularySize, embeddingSize)),
      m_stack(std::make_unique<RecurrentStack<T>>(embeddingSize, hiddenSize, bidirectional, 0)) {}

template <class T> void Encoder<T>::initialize(const InitSeed& seed) {
    if (m_embedding) m_embedding->initialize(seed);
    if (m_projection) m_projection->initialize(seed);
    if (m_stack) m_stack->initialize(seed);
}

template <class T> void Encoder<T>::frontEnd(const SequenceBatch& batch, EncoderCache<T>& cache) const {
    const Eigen::Index columns = static_cast<Eigen::Index>(cache.steps) * cache.batch;
    if (m_embedding) {
        if (static_cast<Eigen::Index>(batch.source.size()) != columns)
            throw std::invalid_argument("Encoder: batch source is not S x B");
        cache.features.resize(0, 0);
        cache.embedded.resize(m_embedding->dimension(), columns);
        m_embedding->forward(batch.source.data(), static_cast<int>(columns), cache.embedded);
        return;
    }
    const int d = m_input.featureSize();
    if (batch.featureSize != d || static_cast<Eigen::Index>(batch.features.size()) != d * columns)
        throw std::invalid_argument("Encoder: the batch has " + std::to_string(batch.featureSize) +
                                    "-value inputs, the model reads " + std::to_string(d));
    cache.features = Eigen::Map<const Matrix<float>>(batch.features.data(), d, columns).template cast<T>();
    cache.embedded.resize(m_projection->outputs(), columns);
    m_projection->forward(cache.features, cache.batch, cache.embedded);
}

template <class T> void Encoder<T>::encodeImage(EncoderCache<T>& cache) const {
    const int b = cache.batch;
    const int gr = m_input.gridRows();
    const int gc = m_input.gridColumns();
    const int n = gr * gc;
    if (m_stack) {
        cellsToRows<T>(cache.embedded, gr, gc, b, cache.rows);
        const std::vector<int> rowLengths(static_cast<size_t>(gr) * b, gc);
        Matrix<T> unusedHidden, unusedCell; // rows have no order among themselves: no final state
        m_stack->forward(cache.rows, rowLengths, gc, cache.stack, cache.rowKeys, unusedHidden, unusedCell);
        rowsToCells<T>(cache.rowKeys, gr, gc, b, cache.keys);
    } else {
        cache.keys = cache.embedded;
    }
    // h_0 = mean over the cells of the keys; c_0 = 0.
    cache.finalHidden.setZero(m_hidden, b);
    for (int cell = 0; cell < n; ++cell)
        cache.finalHidden += cache.keys.middleCols(static_cast<Eigen::Index>(cell) * b, b);
    cache.finalHidden /= static_cast<T>(n);
    cache.finalCell.setZero(m_hidden, b);
}

template <class T>
void Encoder<T>::forward(const SequenceBatch& batch, EncoderCache<T>& cache,
                         const DropoutSettings& dropout) const {
    const int steps = batch.sourceLength;
    const int b = batch.batchSize;
    if (static_cast<int>(batch.sourceLengths.size()) != b)
        throw std::invalid_argument("Encoder: lengths are not B");
    if (m_input.kind == InputKind::Image)
        for (int length : batch.sourceLengths)
            if (length != m_input.gridCells() || steps != length)
                throw std::invalid_argument("Encoder: an image has " + std::to_string(m_input.gridCells()) +
                                            " cells, got " + std::to_string(length));
    cache.steps = steps;
    cache.batch = b;
    cache.lengths = batch.sourceLengths;
    cache.keySteps = m_input.keyLength(steps);
    cache.keyLengths.resize(b);
    for (int i = 0; i < b; ++i) cache.keyLengths[i] = m_input.keyLength(batch.sourceLengths[i]);
    frontEnd(batch, cache);
    cache.dropoutMask.resize(0, 0);
    if (dropout.active()) {
        fillDropoutMask(cache.dropoutMask, cache.embedded.rows(), cache.embedded.cols(), dropout);
        cache.embedded.array() *= cache.dropoutMask.array();
    }
    if (m_input.kind == InputKind::Image) {
        encodeImage(cache);
        return;
    }
    m_stack->forward(cache.embedded, cache.lengths, steps, cache.stack, cache.keys, cache.finalHidden,
                     cache.finalCell);
}

template <class T>
void Encoder<T>::backImage(const EncoderCache<T>& cache, const ConstMatrixRef<T>& dKeys,
                           const ConstMatrixRef<T>& dhFinal) {
    const int b = cache.batch;
    const int gr = m_input.gridRows();
    const int gc = m_input.gridColumns();
    const int n = gr * gc;
    // keys feed the attention (dKeys) and the mean that starts the decoder (dhFinal / N each).
    Matrix<T> dCells = dKeys;
    for (int cell = 0; cell < n; ++cell)
        dCells.middleCols(static_cast<Eigen::Index>(cell) * b, b) += dhFinal / static_cast<T>(n);
    if (!m_stack) {
        m_dx = std::move(dCells);
        return;
    }
    cellsToRows<T>(dCells, gr, gc, b, m_dRowKeys);
    const Matrix<T> none = Matrix<T>::Zero(m_hidden, static_cast<Eigen::Index>(gr) * b);
    m_stack->backward(cache.rows, cache.stack, m_dRowKeys, none, none, m_dRows);
    rowsToCells<T>(m_dRows, gr, gc, b, m_dx);
}

template <class T>
void Encoder<T>::backward(const SequenceBatch& batch, const EncoderCache<T>& cache,
                          const ConstMatrixRef<T>& dKeys, const ConstMatrixRef<T>& dhFinal,
                          const ConstMatrixRef<T>& dcFinal) {
    if (m_input.kind == InputKind::Image)
        backImage(cache, dKeys, dhFinal); // c_0 is zero: dcFinal reaches nothing
    else
        m_stack->backward(cache.embedded, cache.stack, dKeys, dhFinal, dcFinal, m_dx);
    if (cache.dropoutMask.size() > 0) m_dx.array() *= cache.dropoutMask.array();
    if (m_embedding)
        m_embedding->backward(batch.source.data(), static_cast<int>(m_dx.cols()), m_dx);
    else
        m_projection->backward(cache.features, cache.batch, m_dx);
}

template <class T> ParameterList<T> Encoder<T>::parameters() {
    ParameterList<T> list;
    if (m_embedding) list = m_embedding->parameters();
    if (m_projection) list = m_projection->parameters();
    if (m_stack)
        for (auto* p : m_stack->parameters()) list.push_back(p);
    return list;
}

template class Encoder<float>;
template class Encoder<double>;
template void cellsToRows<float>(const ConstMatrixRef<float>&, int, int, int, Matrix<float>&);
template void cellsToRows<double>(const ConstMatrixRef<double>&, int, int, int, Matrix<double>&);
template void rowsToCells<float>(const ConstMatrixRef<float>&, int, int, int, Matrix<float>&);
template void rowsToCells<double>(const ConstMatrixRef<double>&, int, int, int, Matrix<double>&);

} // namespace attnlab
