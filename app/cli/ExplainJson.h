#pragma once
// S source length, H hidden size, F location filters.
// `align --explain --json`: each decoding step's internals as JSON (README, "align"), for a
// notebook to plot: the query, the raw scores, the weights, the context, h̃, the top-k.
#include "app/cli/JsonOutput.h"
#include "core/infer/Inspection.h"

namespace attnlab::cli {

// The fields `--explain` adds to an input's object: scorer, decoder, temperature, top_k, keys
// (S rows of H) and steps (one per output token, + the </s> step when decoding finished).
Json explainJson(const ModelBundle& bundle, const Inspection& inspection, double temperature, int topK);

} // namespace attnlab::cli
