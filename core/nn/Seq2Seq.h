#pragma once
// B batch, S source length, T target length, H hidden size, V target vocabulary, C classes.
// The whole model: encoder, then the head ModelConfig::kind names: the attention decoder and its
// readout (seq2seq), attention pooling (classifier) or word-by-word attention of the hypothesis
// over the premise (entailment); masked cross-entropy over target tokens or over the one label. Not
// thread-safe: one object per thread (training shards and inference snapshots each own a copy; copyValuesFrom
// refreshes one from another).
#include "core/nn/AttentionPooling.h"
#include "core/nn/CrossEntropy.h"
#include "core/nn/Decoder.h"
#include "core/nn/Encoder.h"
#include "core/nn/PremiseHypothesisBatch.h"

#include <cstdint>
#include <optional>

namespace attnlab {

template <class T> struct Seq2SeqCache {
    EncoderCache<T> encoder;
    AttentionKeys<T> keys;
    DecoderCache<T> decoder; // after lossAndGradients, decoder.logits() holds dL/dlogits (V x T·B)
    KeyGradients<T> keyGradients;
    Matrix<T> dInitialHidden; // (H x B)
    Matrix<T> dInitialCell;   // (H x B)
    // Label kinds (classifier, entailment): the batch's label of each column is its first target.
    PoolingCache<T> pooling;      // classifier
    PremiseHypothesisBatch split; // entailment: the premises (encoded) and hypotheses (decoded)
    Matrix<T> labelLogits;        // (C x B) each column's label logits; after lossAndGradients dL/dlogits
    Matrix<T> dDecoderLogits;     // (C x T·B) entailment: dL/dlogits, nonzero at each last step only
};

// An encoded source, ready for step-by-step decoding. keys.keys points into encoder.keys, so it
// is neither copied nor moved.
template <class T> struct EncodedSource {
    EncodedSource() = default;
    EncodedSource(const EncodedSource&) = delete;
    EncodedSource& operator=(const EncodedSource&) = delete;
    EncoderCache<T> encoder;
    AttentionKeys<T> keys;
};

template <class T> class Seq2Seq {
public:
    explicit Seq2Seq(const ModelConfig& config);

    const ModelConfig& config() const { return m_config; }
    void initialize(std::uint64_t seed);
    ParameterList<T> parameters();
    void copyValuesFrom(const Seq2Seq<T>& other); // same configuration required

    // Forward and backward on one batch: returns the summed token loss; parameter gradients
    // accumulate (+=) scaled by gradScale (e.g. 1 / tokens of the whole batch). With dropout,
    // masks are drawn from dropout.random for the embeddings and the readout.
    T lossAndGradients(const SequenceBatch& batch, const std::vector<char>& useGold, T gradScale,
                       Seq2SeqCache<T>& cache, const DropoutSettings& dropout = {});
    // Forward only: the summed token loss with full teacher forcing.
    T loss(const SequenceBatch& batch, Seq2SeqCache<T>& cache) const;
    // Label kinds: forward only, no target read; cache.labelLogits holds each column's logits.
    void classify(const SequenceBatch& batch, Seq2SeqCache<T>& cache) const;
    // Column b's attention after loss, lossAndGradients or classify. Seq2seq: one row per target
    // token, </s> left out, over the keys (T_b − 1 x K_b); classifier: the pooling weights
    // (1 x S_b); entailment: one row per hypothesis word over the premise (N_b x P_b).
    Matrix<T> attentionOf(const Seq2SeqCache<T>& cache, const SequenceBatch& batch, int b) const;

    // Step-by-step decoding (greedy, beam search), seq2seq only (label kinds throw
    // std::logic_error; they classify): reads only source / sourceLengths of batch.
    void encode(const SequenceBatch& batch, EncodedSource<T>& encoded) const;
    void startDecoding(const EncodedSource<T>& encoded, DecoderState<T>& state) const;
    void decodeStep(const std::vector<int>& tokens, const EncodedSource<T>& encoded, DecoderState<T>& state,
                    Matrix<T>& logits, Matrix<T>& alignment) const;
    // Inspection (issue 12): decodeStep for one sentence, reporting the step's internals.
    void inspectStep(int token, const EncodedSource<T>& encoded, DecoderState<T>& state,
                     DecoderStepProbe<T>& probe) const;
    // A parameter by its file name ("attention.key.weight"), read only; throws
    // std::invalid_argument when the model has none of that name.
    const Parameter<T>& parameter(const std::string& name) const;

private:
    void forward(const SequenceBatch& batch, const std::vector<char>& useGold, Seq2SeqCache<T>& cache,
                 const DropoutSettings& dropout) const;
    void bindKeys(const EncoderCache<T>& encoder, AttentionKeys<T>& keys) const;
    // Label kinds: cross-entropy of cache.labelLogits against each column's first target; with
    // gradScale ≠ 0 the logits become gradScale · dL/dlogits.
    T labelLoss(const SequenceBatch& batch, Seq2SeqCache<T>& cache, T gradScale, bool withGradient) const;
    const Decoder<T>& decoder() const;

    ModelConfig m_config;
    Encoder<T> m_encoder;
    std::optional<Decoder<T>> m_decoder;          // seq2seq, entailment
    std::optional<AttentionPooling<T>> m_pooling; // classifier
};

// Whether each decoder step t is fed the gold token (probability ratio; step 0 always is).
std::vector<char> teacherForcingSchedule(int steps, double ratio, Random& random);

} // namespace attnlab
