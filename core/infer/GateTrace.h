#pragma once
// S source length, T output steps, H hidden size, H' = H or H/2 per encoder direction.
// The LSTM gates of one sentence (issue 13): for every encoder direction and for the decoder, the
// activated input, forget and output gates and the cell state of each step, read from the caches
// the forward pass fills (LstmLayerCache, DecoderCache), not computed again. The decoder's steps
// are those of greedy decoding: the greedy output is fed back with teacher forcing, which runs the
// same equations on the same inputs, so every step's gates are the ones that produced the output.
#include "core/infer/DecodeResult.h"
#include "core/nn/Seq2Seq.h"
#include "core/nn/SourceFeatures.h"

#include <vector>

namespace attnlab {

enum class GateQuantity { Input, Forget, Output, Cell };

// One LSTM's activations over N steps (N = S for the encoder, T for the decoder); column n is the
// step that read time position n.
struct GateActivations {
    Matrix<float> input;  // (H' x N) i = σ(z_i)
    Matrix<float> forget; // (H' x N) f = σ(z_f)
    Matrix<float> output; // (H' x N) o = σ(z_o)
    Matrix<float> cell;   // (H' x N) c after the step, c = f ⊙ c_prev + i ⊙ g

    const Matrix<float>& of(GateQuantity quantity) const;
    int units() const { return static_cast<int>(input.rows()); }
    int steps() const { return static_cast<int>(input.cols()); }
};

struct EncoderGates {
    int layer = 0;         // 0-based; the encoder has one layer so far
    bool reverse = false;  // the backward direction of a bidirectional encoder
    GateActivations gates; // (H' x S) each; column s read source token s
};

struct GateTrace {
    std::vector<int> source;           // (S) the source ids
    DecodeResult result;               // the greedy decoding (tokens, attention)
    std::vector<int> stepTokens;       // (T) the token emitted at each step: result.tokens + </s> if finished
    std::vector<EncoderGates> encoder; // forward, then reverse (bidirectional)
    GateActivations decoder;           // (H x T) each; column t emitted stepTokens[t]
};

// source: token ids of one sentence (no specials); throws std::invalid_argument when empty.
// options.maxLength limits the output as for greedyDecode (beamWidth is ignored).
GateTrace traceGates(const Seq2Seq<float>& model, const ModelSource& source,
                     const DecodeOptions& options = {});

} // namespace attnlab
