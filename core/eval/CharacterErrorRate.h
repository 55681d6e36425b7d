#pragma once
// The character error rate of transcripts (speech recognition's usual figure): the Levenshtein
// distance between the hypothesis and the reference, counted in Unicode code points (a
// substitution, an insertion or a deletion costs 1), summed over a corpus and divided by the
// reference's code points. Word outputs are compared as the joined transcript ("three five"), so
// the spaces between words count as characters too. Invalid UTF-8 bytes count one each.
#include <string_view>

namespace attnlab {

// Edits turning `hypothesis` into `reference`, in code points.
long characterEditDistance(std::string_view hypothesis, std::string_view reference);

class CharacterErrorRate {
public:
    // Counts one transcript pair.
    void add(std::string_view hypothesis, std::string_view reference);

    long edits() const { return m_edits; }
    long referenceCharacters() const { return m_referenceCharacters; }
    long examples() const { return m_examples; }
    // edits / referenceCharacters; can exceed 1 (a long wrong hypothesis); NaN with no reference
    // characters.
    double rate() const;

private:
    long m_edits = 0;
    long m_referenceCharacters = 0;
    long m_examples = 0;
};

} // namespace attnlab
