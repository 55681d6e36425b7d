#pragma once
// Synthetic word-level translation pairs for the second reference workload (issue 16): words drawn
// with Zipf frequencies (the word of rank r, 1-based, with probability ∝ r^−s), translated word by
// word through a fixed one-to-one dictionary, and locally reordered: a source "modifier" (every
// third rank) followed by a non-modifier swaps places with it in the target, as an English
// adjective before its noun comes after it in French. The target is thus a function of the source
// that needs both the dictionary and attention to learn. A pure function of (options, seed).
#include "core/data/Dataset.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace attnlab {

struct ZipfWordOptions {
    int count = 50000;     // pairs
    int words = 7996;      // word types per side: with the 4 specials, an 8,000-id vocabulary
    double exponent = 1.0; // Zipf's s
    int minLength = 5;     // words per sentence, uniform in [minLength, maxLength]
    int maxLength = 25;
};

// The spelling of word `rank` (0-based, 0 the most frequent) on one side: pronounceable
// syllables, distinct for distinct ranks, with no two sides sharing a word.
std::string zipfSourceWord(int rank);
std::string zipfTargetWord(int rank);

// The dictionary: the target rank a source rank translates to (a seeded permutation, fixed by
// `words` alone so that every seed's pairs speak the same language).
std::vector<int> zipfDictionary(int words);

// Whether a source word of this rank is a modifier (swaps with the word after it).
bool isZipfModifier(int rank);

// `options.count` pairs with their gold alignments (one link per word). Throws
// std::invalid_argument for counts, sizes or lengths that make no sense.
std::vector<TextPair> generateZipfWordPairs(const ZipfWordOptions& options, std::uint64_t seed);

// The pairs as a dataset file: a comment naming the generator, then source<TAB>target<TAB>links.
void writeZipfWordTsv(std::ostream& out, const std::vector<TextPair>& pairs, const ZipfWordOptions& options,
                      std::uint64_t seed);

} // namespace attnlab
