#pragma once
// The entailment task (issue 15; Rocktäschel et al. 2016): a premise and a hypothesis of 4 to 10
// words from templates over about 90 words, labelled entailment, contradiction or neutral (each
// drawn with equal chances). The source is joinPremiseHypothesis(premise, hypothesis).
//   entailment     hypernyms ("a dog runs in the park" => "an animal runs in the park", runs =>
//                  moves), a dropped modifier or place, an attribute restated ("a happy dog ..."
//                  => "the dog is happy"), quantifiers (all => some)
//   contradiction  negation ("... does not run ...", either side), antonyms (big / small, happy
//                  / sad), quantifiers (no versus some or all)
//   neutral        the hypernym the wrong way round, an added modifier or place, an unrelated
//                  predicate ("the dog is hungry"), swapped roles ("the man sees the woman" / "the
//                  woman sees the man"), some => all
// Gold links "i-j", premise word i to hypothesis word j: words that stand for the same thing
// (identical words, a word and its hypernym, an adjective and its antonym, a verb and "does not
// run", the quantifiers, the article of the same noun).
#include "core/data/Dataset.h"
#include "core/util/Random.h"

namespace attnlab::tasks {

TextPair sampleEntailment(Random& rng);

} // namespace attnlab::tasks
