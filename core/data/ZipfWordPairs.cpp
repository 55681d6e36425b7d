#include "core/data/ZipfWordPairs.h"

#include "core/data/PharaohAlignment.h"
#include "core/util/Random.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace attnlab {

namespace {

// Base-k digits of rank + 1 as syllables (bijective numeration, so no two ranks share a spelling).
std::string spell(int rank, const char* consonants, const char* vowels) {
    const int c = static_cast<int>(std::char_traits<char>::length(consonants));
    const int v = static_cast<int>(std::char_traits<char>::length(vowels));
    const int syllables = c * v;
    std::string word;
    for (int n = rank + 1; n > 0; n = (n - 1) / syllables) {
        const int digit = (n - 1) % syllables;
        word.insert(word.begin(), {consonants[digit / v], vowels[digit % v]});
    }
    return word;
}

// Cumulative Zipf probabilities of ranks 0..words−1.
std::vector<double> zipfCumulative(int words, double exponent) {
    std::vector<double> cumulative(words);
    double total = 0.0;
    for (int r = 0; r < words; ++r) cumulative[r] = total += std::pow(r + 1.0, -exponent);
    for (double& c : cumulative) c /= total;
    return cumulative;
}

} // namespace

std::string zipfSourceWord(int rank) {
    return spell(rank, "bdgklmnprst", "aeiou");
}

std::string zipfTargetWord(int rank) {
    return spell(rank, "cfhjqvwxyz", "aeiouy") + "o";
}

bool isZipfModifier(int rank) {
    return rank % 3 == 2;
}

std::vector<int> zipfDictionary(int words) {
    std::vector<int> dictionary(words);
    std::iota(dictionary.begin(), dictionary.end(), 0);
    Random random(0x5A1Full + static_cast<std::uint64_t>(words));
    for (int i = words - 1; i > 0; --i) // Fisher–Yates
        std::swap(dictionary[i], dictionary[random.below(static_cast<std::uint64_t>(i) + 1)]);
    return dictionary;
}

std::vector<TextPair> generateZipfWordPairs(const ZipfWordOptions& options, std::uint64_t seed) {
    if (options.count < 0 || options.words < 2 || options.minLength < 1 ||
        options.maxLength < options.minLength || !(options.exponent > 0.0))
        throw std::invalid_argument("generateZipfWordPairs: count, words, lengths or exponent out of range");
    const std::vector<double> cumulative = zipfCumulative(options.words, options.exponent);
    const std::vector<int> dictionary = zipfDictionary(options.words);
    std::vector<std::string> sourceWords(options.words), targetWords(options.words);
    for (int r = 0; r < options.words; ++r) {
        sourceWords[r] = zipfSourceWord(r);
        targetWords[r] = zipfTargetWord(r);
    }
    Random random(seed);
    std::vector<TextPair> pairs(options.count);
    std::vector<int> ranks, order;
    for (TextPair& pair : pairs) {
        const int length =
            options.minLength + static_cast<int>(random.below(options.maxLength - options.minLength + 1));
        ranks.resize(length);
        for (int& r : ranks) {
            const auto at = std::upper_bound(cumulative.begin(), cumulative.end(), random.uniform());
            r = std::min(static_cast<int>(at - cumulative.begin()), options.words - 1);
        }
        // order[j]: the source position target word j translates.
        order.resize(length);
        std::iota(order.begin(), order.end(), 0);
        for (int i = 0; i + 1 < length; ++i)
            if (isZipfModifier(ranks[i]) && !isZipfModifier(ranks[i + 1])) {
                std::swap(order[i], order[i + 1]);
                ++i;
            }
        for (int i = 0; i < length; ++i) {
            if (i > 0) pair.source += ' ';
            pair.source += sourceWords[ranks[i]];
        }
        for (int j = 0; j < length; ++j) {
            if (j > 0) pair.target += ' ';
            pair.target += targetWords[dictionary[ranks[order[j]]]];
            pair.alignment.push_back({order[j], j, true});
        }
        sortAlignment(pair.alignment);
    }
    return pairs;
}

void writeZipfWordTsv(std::ostream& out, const std::vector<TextPair>& pairs, const ZipfWordOptions& options,
                      std::uint64_t seed) {
    out << "# zipf word pairs: count " << options.count << ", words " << options.words << ", exponent "
        << options.exponent << ", lengths " << options.minLength << "-" << options.maxLength << ", seed "
        << seed << '\n';
    for (const TextPair& pair : pairs)
        out << pair.source << '\t' << pair.target << '\t' << formatAlignment(pair.alignment) << '\n';
}

} // namespace attnlab
