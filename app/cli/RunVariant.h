#pragma once
// `compare --variant NAME:KEY=VALUE,...`: a run that differs from the shared options in some of its
// settings, e.g. "additive-h64:scorer=additive,hidden=64". Everything else (data, split, batch
// order, seed, optimiser) stays the experiment's. Keys: scorer, decoder, input_feeding,
// bidirectional, emb, hidden, attention_dim, dropout, and for speech and picture data
// frame_reduction (0-4) and row_encoder.
#include "app/cli/TrainingOptions.h"

#include <string>
#include <utility>
#include <vector>

namespace attnlab::cli {

struct RunVariant {
    std::string name;
    std::vector<std::pair<std::string, std::string>> settings; // key, value, in the order given
};

// Throws InputError naming the variant and what is wrong (no name, an unknown key, a bad value).
RunVariant parseVariant(const std::string& text);

// The shared options with the variant's settings applied (values checked as --options are).
TrainingArgs applyVariant(const TrainingArgs& shared, const RunVariant& variant);

// The keys a variant may set, for help and messages.
const std::vector<std::string>& variantKeys();

} // namespace attnlab::cli
