#pragma once
// The toy translation task (word -> word): small English sentences from a grammar, translated
// into French with the two things attention has to learn beyond word-for-word lookup:
//  - reordering: colour and state adjectives follow the noun in French
//    ("the red car" -> "la voiture rouge"), size/age/beauty adjectives precede it
//    ("the small red car" -> "la petite voiture rouge");
//  - agreement: determiner, adjectives and verb agree with the noun's gender and number
//    ("the small red cars are new" -> "les petites voitures rouges sont nouvelles"), and
//    plural "des" turns into "de" before an adjective ("some small cars" -> "de petites voitures").
// Every English word has exactly one French counterpart, so every gold link is sure, and the
// alignment is non-monotonic wherever an adjective moves.
#include "core/data/Dataset.h"
#include "core/util/Random.h"

#include <string>

namespace attnlab::tasks {

struct ToyNounPhrase {
    std::string determiner = "the"; // the, a, my, this (plural: the, some, my, these)
    std::string noun;               // English singular, e.g. "car"
    bool plural = false;
    std::string adjectiveBefore; // "" or one French puts before the noun (small, big, old, ...)
    std::string adjectiveAfter;  // "" or one French puts after it (red, happy, ...)
};

struct ToySentence {
    ToyNounPhrase subject;
    // "" for the noun phrase alone; "be" for "subject is/are predicate"; else a verb's base
    // form ("see", "like", ...) for "subject verb object".
    std::string verb;
    ToyNounPhrase object;
    std::string predicate; // the adjective after "is"/"are"
};

// The English sentence, its French translation and their word alignment. Throws
// std::invalid_argument for a word outside the lexicon or an adjective in the wrong slot.
TextPair translateToySentence(const ToySentence& sentence);

// A sentence from the grammar: a noun phrase alone (1/4), subject-verb-object (1/2, an animate
// subject), or subject is/are adjective (1/4).
TextPair sampleTranslation(Random& rng);

} // namespace attnlab::tasks
