#pragma once
// The second reference workload (issue 16): word level, 8,000-id vocabularies on both sides
// (Zipf-distributed synthetic words, core/data/ZipfWordPairs.h), embedding 128, hidden 256,
// unidirectional encoder, Luong decoder with input feeding, general scorer, batch 64, Adam,
// clipping 5. The pairs go through a TSV (the text bench/torch_peer.py --word-level reads) and
// AttnLab's own reader with word tokenisation, so both sides train on the very same data.
#include "bench/Workload.h"

#include <string>

namespace attnlab::bench {

// `pairs` pairs generated with `seed`. When tsvPath is not empty the TSV is written there and the
// dataset read back from that file; otherwise read from the same text in memory.
Workload wordWorkload(int pairs, std::uint64_t seed, const std::string& tsvPath = {});

} // namespace attnlab::bench
