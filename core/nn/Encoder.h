#pragma once
// B batch, S input positions, K key positions, D feature size, E front-end size, H hidden size
// (keys), N grid cells, Gr x Gc the grid.
// Encoder: a source front end, then the LSTM (RecurrentStack). The front end is the model's input
// kind (InputConfig): tokens -> embedding; frames -> linear projection (then the stack, with its
// pyramidal levels, K = ceil(S / 2^R)); image -> patch projection + learned positions, then a
// bidirectional LSTM along each row of cells (or, without the row encoder, the projected cells
// themselves, projected to H). Outputs are the attention keys h̄_k (H x K·B), zero past each key
// length. The final state handed to the decoder is the LSTM's (uni: forward; bi: both directions'
// concatenated); for an image, whose keys have no order, it is the mean of the keys (h) and zero
// (c), as Show, Attend and Tell initialises from the mean annotation.
#include "core/nn/Dropout.h"
#include "core/nn/Embedding.h"
#include "core/nn/InputProjection.h"
#include "core/nn/ModelConfig.h"
#include "core/nn/RecurrentStack.h"
#include "core/nn/SequenceBatch.h"

#include <memory>

namespace attnlab {

template <class T> struct EncoderCache {
    int steps = 0;                // S, input positions
    int batch = 0;                // B
    std::vector<int> lengths;     // (B) input lengths
    int keySteps = 0;             // K
    std::vector<int> keyLengths;  // (B)
    Matrix<T> features;           // (D x S·B) frames / image patches; empty for tokens
    Matrix<T> embedded;           // (E x S·B) the front end's output, after dropout
    Matrix<T> dropoutMask;        // (E x S·B), empty without dropout
    Matrix<T> rows;               // (E x Gc·(Gr·B)) image cells as row sequences (row encoder)
    Matrix<T> rowKeys;            // (H x Gc·(Gr·B)) the row LSTM's outputs
    RecurrentStackCache<T> stack; // level 0 holds the first LSTM's gates (GateTrace reads them)
    Matrix<T> keys;               // (H x K·B) encoder outputs h̄
    Matrix<T> finalHidden;        // (H x B)
    Matrix<T> finalCell;          // (H x B)
};

template <class T> class Encoder {
public:
    explicit Encoder(const ModelConfig& config);
    // A token encoder (the gradient checks build one directly).
    Encoder(int vocabularySize, int embeddingSize, int hiddenSize, bool bidirectional);

    void initialize(const InitSeed& seed);

    // Reads batch.source (tokens) or batch.features, and sourceLengths; fills the cache, whose
    // keys and final state are the result.
    void forward(const SequenceBatch& batch, EncoderCache<T>& cache,
                 const DropoutSettings& dropout = {}) const;
    // dKeys: (H x K·B); dhFinal, dcFinal: (H x B). Accumulates parameter gradients.
    void backward(const SequenceBatch& batch, const EncoderCache<T>& cache, const ConstMatrixRef<T>& dKeys,
                  const ConstMatrixRef<T>& dhFinal, const ConstMatrixRef<T>& dcFinal);

    ParameterList<T> parameters();

private:
    void frontEnd(const SequenceBatch& batch, EncoderCache<T>& cache) const;
    void encodeImage(EncoderCache<T>& cache) const;
    void backImage(const EncoderCache<T>& cache, const ConstMatrixRef<T>& dKeys,
                   const ConstMatrixRef<T>& dhFinal);

    InputConfig m_input;
    int m_hidden;
    std::unique_ptr<Embedding<T>> m_embedding;        // tokens
    std::unique_ptr<InputProjection<T>> m_projection; // frames, image
    std::unique_ptr<RecurrentStack<T>> m_stack;       // absent for an image without row encoder
    Matrix<T> m_dx;                                   // (E x S·B) backward scratch
    Matrix<T> m_dRows;                                // (E x Gc·Gr·B)
    Matrix<T> m_dRowKeys;                             // (H x Gc·Gr·B)
};

// An image's cells between raster order (column n·B + b, n = r·Gc + c) and row sequences
// (column c·(Gr·B) + r·B + b: Gr·B sequences of Gc steps), and back.
template <class T>
void cellsToRows(const ConstMatrixRef<T>& cells, int gridRows, int gridColumns, int batch, Matrix<T>& rows);
template <class T>
void rowsToCells(const ConstMatrixRef<T>& rows, int gridRows, int gridColumns, int batch, Matrix<T>& cells);

} // namespace attnlab
