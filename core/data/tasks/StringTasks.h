#pragma once
// The three string tasks on characters (char -> char), each with its exact gold alignment:
//  reverse:   "abc" -> "cba", anti-diagonal links i-(n-1-i);
//  sort:      "3141" -> "1134", a permutation (equal digits keep their order);
//  copy_long: "abc" -> "abc" for lengths 5..60, the diagonal; Bahdanau et al. (2015, Fig. 2)
//             show a fixed-vector encoder-decoder failing on it as sentences grow.
#include "core/data/Dataset.h"
#include "core/util/Random.h"

#include <string_view>

namespace attnlab::tasks {

TextPair reversePair(std::string_view text);
TextPair sortPair(std::string_view digits);
TextPair copyPair(std::string_view text);

TextPair sampleReverse(Random& rng);  // a-z, length 4..16
TextPair sampleSort(Random& rng);     // digits, length 3..12
TextPair sampleCopyLong(Random& rng); // a-z, length 5..60

} // namespace attnlab::tasks
