#pragma once
// A model far larger than AttnLab trains (issue 16: H 1024, E 512, 32,000-word vocabularies on
// both sides, the general scorer), as a model trained elsewhere (torchrun) would arrive: how long
// it takes to save, to open (read, checksum, checks, weights in place: what the window's File >
// Open Model does before it draws) and to decode a 100-word sentence into 100 words greedily and
// with beam 5.
#include <nlohmann/json.hpp>

namespace attnlab::bench {

// Every time is the fastest of `trials`; the model file goes to the system's temporary directory.
nlohmann::json measureBigModel(int trials);
void printBigModel(const nlohmann::json& figures);

} // namespace attnlab::bench
