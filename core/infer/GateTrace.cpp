#include "core/infer/GateTrace.h"

#include "core/infer/GreedyDecoder.h"

namespace attnlab {

const Matrix<float>& GateActivations::of(GateQuantity quantity) const {
    switch (quantity) {
    case GateQuantity::Input:
        return input;
    case GateQuantity::Forget:
        return forget;
    case GateQuantity::Output:
        return output;
    case GateQuantity::Cell:
        break;
    }
    return cell;
}

namespace {

// gates: (4H x N) activated i, f, g, o of a batch of one; cells: (H x N) the state after each step.
GateActivations split(const Matrix<float>& gates, const Matrix<float>& cells) {
    const Eigen::Index h = gates.rows() / 4;
    GateActivations out;
    out.input = gates.topRows(h);
    out.forget = gates.middleRows(h, h);
    out.output = gates.bottomRows(h);
    out.cell = cells;
    return out;
}

// The cells after each step of one direction. cache.cells is (H' x (S+1)) for a batch of one:
// the forward direction starts at block 0 and leaves step s in block s+1; the reverse one starts
// at block S and leaves step s in block s (LstmLayerCache's layout).
EncoderGates directionGates(const LstmLayerCache<float>& cache, int steps, bool reverse) {
    EncoderGates direction;
    direction.reverse = reverse;
    const Matrix<float> cells = cache.cells.middleCols(reverse ? 0 : 1, steps); // (H' x S)
    direction.gates = split(cache.gates, cells);
    return direction;
}

} // namespace

GateTrace traceGates(const Seq2Seq<float>& model, const ModelSource& source, const DecodeOptions& options) {
    GateTrace trace;
    if (model.config().input.kind == InputKind::Image)
        throw std::invalid_argument(
            "gate traces follow an encoder over a sequence; an image's rows are not one");
    if (model.config().predictsLabel())
        throw std::invalid_argument("gate traces follow a decoder writing its output; a " +
                                    modelKindName(model.config().kind) + " model decides in one pass");
    trace.source = source.ids;
    trace.result = greedyDecode(model, source, {.maxLength = options.maxLength});
    trace.stepTokens = trace.result.tokens;
    if (trace.result.finished) trace.stepTokens.push_back(EndId);

    // The greedy output as the gold target: each step is fed what greedy decoding fed it.
    SequenceBatch batch = sourceBatch(source);
    batch.targetLength = static_cast<int>(trace.stepTokens.size());
    batch.target = trace.stepTokens;
    batch.targetLengths = {batch.targetLength};
    Seq2SeqCache<float> cache;
    model.loss(batch, cache);

    const int steps = batch.sourceLength;
    trace.encoder.push_back(directionGates(cache.encoder.stack.levels[0].forward, steps, false));
    if (model.config().bidirectional)
        trace.encoder.push_back(directionGates(cache.encoder.stack.levels[0].reverse, steps, true));
    const DecoderCache<float>& decoder = cache.decoder;
    trace.decoder = split(decoder.gates, decoder.cells.rightCols(decoder.steps)); // (H x T) after block 0
    return trace;
}

} // namespace attnlab
