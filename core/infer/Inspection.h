#pragma once
// S source length, H hidden size (H' = H: a bidirectional encoder's keys have H too),
// V target vocabulary, F location filters.
// Inspection of one sentence's decoding (issue 12): for every output step the decoder's query,
// the raw scores e_{t,s}, the weights α_{t,s}, the context c_t, the attentional state h̃_t and the
// top-k next tokens, with the real numbers of the model. A path of its own beside greedyDecode and
// beamSearch (Decoder::inspectStep); it can also decode under a temperature, with forced tokens
// (what-if: another token at step t) and with forced attention (what-if: look elsewhere).
#include "core/infer/DecodeResult.h"
#include "core/nn/Seq2Seq.h"
#include "core/nn/SourceFeatures.h"

#include <map>
#include <vector>

namespace attnlab {

struct TokenChance {
    int token = 0;
    float probability = 0;
};

struct StepInspection {
    int step = 0;                   // t (0-based output position)
    int inputToken = 0;             // y_{t−1} fed at this step (<s> at t = 0)
    Vector<float> query;            // (H) h_t for Luong, s_{t−1} (= h_{t−1}) for Bahdanau
    Vector<float> scores;           // (S) raw e_{t,s}, before the temperature; empty without attention
    Vector<float> weights;          // (S) α_{t,s} as used (after temperature / override); empty without
    Vector<float> previousWeights;  // (S) α_{t−1} (location_aware, α_{−1} uniform); empty otherwise
    Matrix<float> locationFeatures; // (F x S) location_aware f_s = conv(α_{t−1}); empty otherwise
    Vector<float> context;          // (H) c_t = Σ_s α_s h̄_s; empty without attention
    Vector<float> attentional;      // (H) h̃_t = tanh(W_c [c_t; h_t])
    std::vector<TokenChance> top;   // the top-k next tokens by probability, best first
    int chosen = 0;                 // the token emitted at this step (EndId when it ends)
    float chosenLogProb = 0;        // its log-probability
    bool tokenForced = false;       // chosen came from InspectOptions::forcedTokens
    bool attentionForced = false;   // weights came from InspectOptions::attentionOverride
};

struct InspectOptions {
    double temperature = 1.0; // α = softmax(e / τ); τ = 1 is bit-identical to greedyDecode
    int topK = 5;             // candidates in StepInspection::top (at most V)
    int maxLength = 0;        // output steps at most, as DecodeOptions; 0 means 2·S + 10
    // An output prefix to force; decoding goes on greedily after it (what-if: a different token at
    // step forcedTokens.size() − 1). EndId in it ends the output there.
    std::vector<int> forcedTokens{};
    // step t -> α_t (S), non-negative, renormalised to sum 1 (one-hot = all attention on one
    // source token). Needs a model with attention.
    std::map<int, Vector<float>> attentionOverride{};
    // false: stop after the forced prefix, to inspect a given hypothesis exactly (append EndId to
    // inspect a finished one, e.g. a beam node's path).
    bool continueAfterForced = true;
};

struct Inspection {
    Matrix<float> keys;                // (S x H) encoder states h̄_s, one row per source position
    std::vector<StepInspection> steps; // one per output token, + one for </s> when finished
    // tokens, log-probs and attention (rows x S) exactly as greedyDecode's when nothing is forced
    // and τ = 1; attention row t is steps[t].weights (zero rows without attention).
    DecodeResult result;
};

// source: token ids of one sentence (no specials). Throws std::invalid_argument for an empty
// source, τ not finite and > 0, topK < 1, a forced token outside the target vocabulary, or an
// override of the wrong size, negative, not finite, all zero, or on a model without attention.
Inspection inspectDecode(const Seq2Seq<float>& model, const ModelSource& source,
                         const InspectOptions& options = {});

} // namespace attnlab
