#include "core/nn/Decoder.h"

#include "core/nn/SequenceBatch.h"

namespace attnlab {

template <class T> struct Decoder<T>::StepBuffers {
    ConstMatrixRef<T> previousAttentional; // (H x B) h̃_{t−1}
    ConstMatrixRef<T> hiddenPrevious;      // (H x B)
    ConstMatrixRef<T> cellPrevious;        // (H x B)
    ConstMatrixRef<T> alignmentPrevious;   // (S x B) α_{t−1}
    MatrixRef<T> input;       // ((I+H) x B) [x; h_{t−1}]; the caller wrote emb(y_{t−1}) on top
    MatrixRef<T> gates;       // (4H x B)
    MatrixRef<T> hidden;      // (H x B)
    MatrixRef<T> cell;        // (H x B)
    MatrixRef<T> alignment;   // (S x B)
    MatrixRef<T> combined;    // (2H x B) [c_t; h_t]
    MatrixRef<T> attentional; // (H x B)
    // DecodingStep (a few columns, weights that do not change): a big LSTM's product may use
    // stepProduct. Training keeps the plain product, within its own threads.
    StackedProduct product = StackedProduct::Plain;
};

template <class T>
Decoder<T>::Decoder(const ModelConfig& config)
    : m_config(config), m_embedding("tgt_embedding", config.decoderVocabulary(), config.embedding),
      m_cell("decoder.", "", config.decoderInputSize(), config.hidden), m_attention(config),
      m_combine("combine.weight", "", 2 * config.hidden, config.hidden),
      m_output("output.weight", "output.bias", config.hidden, config.targetVocabulary) {}

template <class T> void Decoder<T>::initialize(const InitSeed& seed) {
    m_embedding.initialize(seed);
    m_cell.initialize(seed);
    m_attention.initialize(seed);
    m_combine.initialize(seed);
    m_output.initialize(seed);
}

template <class T> ParameterList<T> Decoder<T>::parameters() {
    ParameterList<T> list = m_embedding.parameters();
    for (auto* p : m_cell.parameters()) list.push_back(p);
    for (auto* p : m_attention.parameters()) list.push_back(p);
    for (auto* p : m_combine.parameters()) list.push_back(p);
    for (auto* p : m_output.parameters()) list.push_back(p);
    return list;
}

template <class T>
void Decoder<T>::initialAlignment(const AttentionKeys<T>& keys, MatrixRef<T> alignment) const {
    if (m_attention.usesPreviousAlignment())
        uniformAlignment<T>(keys.lengths, alignment);
    else
        alignment.setZero();
}

template <class T>
template <class Attend>
void Decoder<T>::stepThrough(StepBuffers& io, Attend&& attend) const {
    const int h = m_config.hidden;
    const int e = m_config.embedding;
    const bool luong = m_config.decoder == DecoderStyle::Luong;
    auto context = io.combined.topRows(h);
    if (!luong) {
        attend(io.hiddenPrevious, io.alignment, context);
        io.input.middleRows(e, h) = context;
    } else if (m_config.inputFeeding) {
        io.input.middleRows(e, h) = io.previousAttentional;
    }
    // One product for the whole LSTM step: z = [W_ih | W_hh] [x; h_{t−1}] + b
    io.input.bottomRows(h) = io.hiddenPrevious;
    m_cell.stackedStep(io.input, io.cellPrevious, io.gates, io.hidden, io.cell, io.product);
    if (luong) attend(io.hidden, io.alignment, context);
    // h̃ = tanh(W_c [c; h]), one product
    io.combined.bottomRows(h) = io.hidden;
    io.attentional.noalias() = m_combine.weightValue() * io.combined;
    io.attentional.array() = io.attentional.array().tanh();
}

template <class T>
void Decoder<T>::stepForward(StepBuffers& io, const AttentionKeys<T>& keys, ScorerStepCache<T>& cache) const {
    stepThrough(io, [&](const ConstMatrixRef<T>& query, MatrixRef<T> alpha, MatrixRef<T> context) {
        m_attention.forward(query, keys, io.alignmentPrevious, cache, alpha, context);
    });
}

template <class T>
void Decoder<T>::forward(const std::vector<int>& gold, int steps, const std::vector<char>& useGold,
                         const AttentionKeys<T>& keys, const ConstMatrixRef<T>& initialHidden,
                         const ConstMatrixRef<T>& initialCell, DecoderCache<T>& cache,
                         const DropoutSettings& dropout) const {
    const int b = keys.batch;
    const int h = m_config.hidden;
    const int e = m_config.embedding;
    const int columns = steps * b;
    if (static_cast<int>(gold.size()) != columns || static_cast<int>(useGold.size()) != steps)
        throw std::invalid_argument("Decoder: targets are not T x B or teacher forcing is not T long");
    requireShape(initialHidden, h, b, "Decoder initial hidden state");
    cache.inputTokens.resize(columns);
    cache.start(m_config.decoderInputSize(), h, steps, keys, m_attention, initialHidden, initialCell);
    if (cache.logitsStorage.rows() != m_output.outputs() || cache.logitsStorage.cols() < columns)
        cache.logitsStorage.resize(m_output.outputs(), columns);
    cache.embeddingMask.resize(0, 0);
    cache.readoutMask.resize(0, 0);
    if (dropout.active()) {
        fillDropoutMask(cache.embeddingMask, e, columns, dropout);
        fillDropoutMask(cache.readoutMask, h, columns, dropout);
        cache.readout.resize(h, columns);
    }
    const bool dropEmbeddings = cache.embeddingMask.size() > 0;
    const bool dropReadout = cache.readoutMask.size() > 0;
    m_cell.stackWeights();
    // logits = W_o (h̃ ⊙ mask) + b_o for columns [first, first + count); h̃ block t+1 is step t.
    auto logits = cache.logits(); // (V x T·B)
    auto readout = [&](int first, int count) {
        const auto attentional = cache.attentional.middleCols(b + first, count);
        if (!dropReadout) return m_output.forward(attentional, logits.middleCols(first, count));
        cache.readout.middleCols(first, count) =
            attentional.cwiseProduct(cache.readoutMask.middleCols(first, count));
        m_output.forward(cache.readout.middleCols(first, count), logits.middleCols(first, count));
    };

    bool freeRunning = false;
    for (int t = 1; t < steps; ++t) freeRunning = freeRunning || !useGold[t];
    for (int t = 0; t < steps; ++t) {
        const int at = t * b;
        for (int k = 0; k < b; ++k) {
            int token = StartId;
            if (t > 0 && useGold[t]) token = gold[at - b + k];
            if (t > 0 && !useGold[t]) logits.col(at - b + k).maxCoeff(&token);
            cache.inputTokens[at + k] = token;
        }
        m_embedding.forward(&cache.inputTokens[at], b, cache.inputs.block(0, at, e, b));
        if (dropEmbeddings)
            cache.inputs.block(0, at, e, b).array() *= cache.embeddingMask.middleCols(at, b).array();
        StepBuffers io{cache.attentional.middleCols(at, b),    cache.hidden.middleCols(at, b),
                       cache.cells.middleCols(at, b),          cache.alignments.middleCols(at, b),
                       cache.inputs.middleCols(at, b),         cache.gates.middleCols(at, b),
                       cache.hidden.middleCols(at + b, b),     cache.cells.middleCols(at + b, b),
                       cache.alignments.middleCols(at + b, b), cache.combined.middleCols(at, b),
                       cache.attentional.middleCols(at + b, b)};
        stepForward(io, keys, cache.scorer[t]);
        if (freeRunning) readout(at, b); // the next step reads this step's argmax
    }
    if (!freeRunning) readout(0, columns); // teacher forcing: every step's readout in one product
}

template <class T>
void Decoder<T>::backward(const DecoderCache<T>& cache, const ConstMatrixRef<T>& dLogits,
                          const AttentionKeys<T>& keys, KeyGradients<T>& grads, Matrix<T>& dInitialHidden,
                          Matrix<T>& dInitialCell) {
    const int steps = cache.steps;
    const int b = cache.batch;
    const int h = m_config.hidden;
    const int e = m_config.embedding;
    const int columns = steps * b;
    const bool luong = m_config.decoder == DecoderStyle::Luong;
    const auto& combine = m_combine.weightValue();            // (H x 2H)
    const auto& inputWeights = m_cell.inputWeights();         // (4H x I)
    const int tailRows = m_config.decoderInputSize() - e + h; // [feed or context; h_{t−1}]

    // logits = W_o (h̃ ⊙ mask) + b_o over all steps at once
    if (cache.readoutMask.size() > 0) {
        m_output.backward(cache.readout, dLogits, &m_dAllAttentional);
        m_dAllAttentional.array() *= cache.readoutMask.array();
    } else {
        m_output.backward(cache.attentional.rightCols(columns), dLogits, &m_dAllAttentional);
    }
    m_dz.resize(4 * h, columns);
    m_dPre.resize(h, columns);
    m_dHidden.setZero(h, b);                 // dL/dh_t carried from step t+1
    m_dCell.setZero(h, b);                   // dL/dc_t carried from step t+1
    m_dFeed.setZero(h, b);                   // dL/dh̃_t from step t+1's input feeding
    m_dAlphaPrevious.setZero(keys.steps, b); // dL/dα_t from step t+1 (location-aware)
    m_dHiddenPrev.resize(h, b);
    m_dCombined.resize(2 * h, b);
    m_dTail.resize(tailRows, b);

    for (int t = steps - 1; t >= 0; --t) {
        const int at = t * b;
        const auto attentional = cache.attentional.middleCols(at + b, b);
        const auto hiddenNow = cache.hidden.middleCols(at + b, b);
        const auto hiddenPrevious = cache.hidden.middleCols(at, b);
        const auto alignment = cache.alignments.middleCols(at + b, b);
        const auto alignmentPrevious = cache.alignments.middleCols(at, b);
        auto dz = m_dz.middleCols(at, b);
        auto dPre = m_dPre.middleCols(at, b);

        // h̃ = tanh(W_c [c; h]):  dpre = dh̃ ⊙ (1 − h̃²);  [dc; dh] = W_cᵀ dpre (dW_c after the loop)
        m_dAttentional = m_dAllAttentional.middleCols(at, b) + m_dFeed;
        dPre.array() = m_dAttentional.array() * (T(1) - attentional.array().square());
        m_dCombined.noalias() = combine.transpose() * dPre;
        m_dContext = m_dCombined.topRows(h);
        m_dHidden += m_dCombined.bottomRows(h);
        m_dAlpha = m_dAlphaPrevious;
        m_dAlphaPrevious.setZero();

        if (luong) {
            // attention(h_t): its query gradient joins dh_t before the LSTM step
            m_attention.backward(m_dContext, m_dAlpha, hiddenNow, keys, alignmentPrevious, alignment,
                                 cache.scorer[t], m_dHidden, grads, m_dAlphaPrevious);
            m_cell.stepBackward(cache.gates.middleCols(at, b), cache.cells.middleCols(at, b),
                                cache.cells.middleCols(at + b, b), m_dHidden, m_dCell, dz);
            // [dfeed; dh_{t−1}] in one product: the feed part goes to step t−1's h̃
            m_cell.stackedBackward(dz, m_dTail);
            if (m_config.inputFeeding) m_dFeed = m_dTail.topRows(h);
            m_dHiddenPrev = m_dTail.bottomRows(h);
        } else {
            m_cell.stepBackward(cache.gates.middleCols(at, b), cache.cells.middleCols(at, b),
                                cache.cells.middleCols(at + b, b), m_dHidden, m_dCell, dz);
            // x_t = [emb; c_t], and attention's query is h_{t−1}: [dc; dh_{t−1}] in one product
            m_cell.stackedBackward(dz, m_dTail);
            m_dContext += m_dTail.topRows(h);
            m_dHiddenPrev = m_dTail.bottomRows(h);
            m_attention.backward(m_dContext, m_dAlpha, hiddenPrevious, keys, alignmentPrevious, alignment,
                                 cache.scorer[t], m_dHiddenPrev, grads, m_dAlphaPrevious);
        }
        m_dHidden.swap(m_dHiddenPrev);
    }
    dInitialHidden = m_dHidden;
    dInitialCell = m_dCell;
    // Weight gradients over every step in one product each; embeddings from dx's top rows.
    m_combine.weight().grad.noalias() += m_dPre * cache.combined.transpose();
    m_cell.weightsBackward(cache.inputs.topRows(m_config.decoderInputSize()), cache.hidden.leftCols(columns),
                           m_dz);
    m_dInputs.noalias() = inputWeights.leftCols(e).transpose() * m_dz; // (E x T·B)
    if (cache.embeddingMask.size() > 0) m_dInputs.array() *= cache.embeddingMask.array();
    m_embedding.backward(cache.inputTokens.data(), columns, m_dInputs);
    m_attention.finishBackward(keys, grads);
}

template <class T>
void Decoder<T>::initialState(const AttentionKeys<T>& keys, const ConstMatrixRef<T>& initialHidden,
                              const ConstMatrixRef<T>& initialCell, DecoderState<T>& state) const {
    state.hidden = initialHidden;
    state.cell = initialCell;
    state.attentional.setZero(m_config.hidden, keys.batch);
    state.alignment.resize(keys.steps, keys.batch);
    initialAlignment(keys, state.alignment);
    m_cell.stackWeights();
}

template <class T>
void Decoder<T>::step(const std::vector<int>& tokens, const AttentionKeys<T>& keys, DecoderState<T>& state,
                      Matrix<T>& logits, Matrix<T>& alignment) const {
    const int b = static_cast<int>(tokens.size());
    const int h = m_config.hidden;
    if (b != keys.batch) throw std::invalid_argument("Decoder::step: tokens and keys differ in batch size");
    m_stepInput.resize(m_config.decoderInputSize() + h, b);
    m_stepGates.resize(4 * h, b);
    m_stepHidden.resize(h, b);
    m_stepCell.resize(h, b);
    m_stepCombined.resize(2 * h, b);
    m_stepAttentional.resize(h, b);
    alignment.resize(keys.steps, b);
    m_embedding.forward(tokens.data(), b, m_stepInput.topRows(m_config.embedding));
    StepBuffers io{state.attentional, state.hidden,   state.cell,       state.alignment,
                   m_stepInput,       m_stepGates,    m_stepHidden,     m_stepCell,
                   alignment,         m_stepCombined, m_stepAttentional};
    io.product = StackedProduct::DecodingStep;
    stepForward(io, keys, m_stepCache);
    logits.resize(m_output.outputs(), b);
    m_output.forwardFewColumns(m_stepAttentional, logits);
    state.hidden.swap(m_stepHidden);
    state.cell.swap(m_stepCell);
    state.attentional.swap(m_stepAttentional);
    state.alignment = alignment;
}

template <class T>
void Decoder<T>::inspectStep(int token, const AttentionKeys<T>& keys, DecoderState<T>& state,
                             DecoderStepProbe<T>& probe) const {
    const int h = m_config.hidden;
    if (keys.batch != 1) throw std::invalid_argument("Decoder::inspectStep: inspects one sentence (B = 1)");
    if (probe.givenAlignment && probe.givenAlignment->size() != keys.steps)
        throw std::invalid_argument("Decoder::inspectStep: the given alignment has " +
                                    std::to_string(probe.givenAlignment->size()) + " weights, the source " +
                                    std::to_string(keys.steps) + " tokens");
    // Own buffers, shaped as step's: (I+H x 1) (4H x 1) (H x 1) (H x 1) (2H x 1) (H x 1) (S x 1)
    Matrix<T> input(m_config.decoderInputSize() + h, 1), gates(4 * h, 1), hidden(h, 1), cell(h, 1);
    Matrix<T> combined(2 * h, 1), attentional(h, 1), alignment(keys.steps, 1);
    ScorerStepCache<T> cache;
    m_embedding.forward(&token, 1, input.topRows(m_config.embedding));
    probe.previousAlignment = state.alignment;
    probe.scores.resize(m_attention.enabled() ? keys.steps : 0, 1);
    const bool asDecoding = probe.temperature == T(1) && !probe.givenAlignment;
    const auto attend = [&](const ConstMatrixRef<T>& query, MatrixRef<T> alpha, MatrixRef<T> context) {
        probe.query = query;
        m_attention.score(query, keys, state.alignment, cache, probe.scores);
        if (asDecoding || !m_attention.enabled()) {
            // The very call decoding makes: α and c bit for bit as step's.
            m_attention.forward(query, keys, state.alignment, cache, alpha, context);
        } else {
            if (probe.givenAlignment)
                alpha = *probe.givenAlignment;
            else
                maskedSoftmax<T>(probe.scores / probe.temperature, keys.lengths, alpha);
            m_attention.weightedSum(keys, alpha, context);
        }
    };
    StepBuffers io{state.attentional, state.hidden, state.cell, state.alignment, input, gates, hidden, cell,
                   alignment,         combined,     attentional};
    io.product = StackedProduct::DecodingStep;
    stepThrough(io, attend);
    probe.logits.resize(m_output.outputs(), 1);
    m_output.forwardFewColumns(attentional, probe.logits);
    probe.alignment = alignment;
    probe.features = cache.features;
    probe.context = combined.topRows(h);
    probe.attentional = attentional;
    state.hidden.swap(hidden);
    state.cell.swap(cell);
    state.attentional.swap(attentional);
    state.alignment = alignment;
}

template class Decoder<float>;
template class Decoder<double>;

} // namespace attnlab
