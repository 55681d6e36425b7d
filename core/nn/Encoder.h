#pragma once
// B batch, S source length, E embedding size, H hidden size (keys), H' = H or H/2 per direction.
// Encoder: embedding -> LSTM over the source, unidirectional or bidirectional. Outputs are the
// attention keys h̄_s (H x S·B), zero past each source length; bidirectional outputs are
// [forward; reverse] (H/2 each). The final state handed to the decoder is the forward direction's
// (uni) or both directions' final states concatenated (bi).
#include "core/nn/Dropout.h"
#include "core/nn/Embedding.h"
#include "core/nn/LstmLayer.h"
#include "core/nn/SequenceBatch.h"

#include <memory>

namespace attnlab {

template <class T> struct EncoderCache {
    int steps = 0;             // S
    int batch = 0;             // B
    std::vector<int> lengths;  // (B)
    Matrix<T> embedded;        // (E x S·B), after dropout
    Matrix<T> dropoutMask;     // (E x S·B), empty without dropout
    LstmLayerCache<T> forward; // H' units
    LstmLayerCache<T> reverse; // H' units, bidirectional only
    Matrix<T> keys;            // (H x S·B) encoder outputs h̄: [forward; reverse] rows (H' each)
    Matrix<T> finalHidden;     // (H x B)
    Matrix<T> finalCell;       // (H x B)
};

template <class T> class Encoder {
public:
    Encoder(int vocabularySize, int embeddingSize, int hiddenSize, bool bidirectional);

    void initialize(const InitSeed& seed);

    // Reads batch.source / sourceLengths; fills the cache, whose keys and final state are the result.
    void forward(const SequenceBatch& batch, EncoderCache<T>& cache,
                 const DropoutSettings& dropout = {}) const;
    // dKeys: (H x S·B); dhFinal, dcFinal: (H x B). Accumulates parameter gradients.
    void backward(const SequenceBatch& batch, const EncoderCache<T>& cache, const ConstMatrixRef<T>& dKeys,
                  const ConstMatrixRef<T>& dhFinal, const ConstMatrixRef<T>& dcFinal);

    ParameterList<T> parameters();

private:
    int m_hidden;
    int m_directionHidden; // H'
    Embedding<T> m_embedding;
    LstmLayer<T> m_forward;
    std::unique_ptr<LstmLayer<T>> m_reverse;
    Matrix<T> m_dx;        // (E x S·B) backward scratch
    Matrix<T> m_dxReverse; // (E x S·B)
};

} // namespace attnlab
