#pragma once
// The sentiment task (word -> label, issue 15's classification): short film reviews of 5 to 14
// words built from a lexicon, labelled "positive" or "negative", the classic case for attention
// pooling (Yang et al. 2016): the weights should fall on the few words that decide.
//   plain      "honestly , the acting was really great"            -> positive
//   negation   "the plot was not bad at all" ("not"/"never" flips)  -> positive
//   contrast   "the music was lovely , but the ending was awful"   -> negative (after "but" decides)
// plus neutral filler ("i saw it last night", "overall ,"). About 25% of reviews hold a negation
// and 20% a contrast; labels are drawn with equal chances.
// Gold evidence, links "i-0" (source word i decides the label): the deciding adjective or noun,
// with its negator when negated; for a contrast, "but" and what decides the clause after it.
#include "core/data/Dataset.h"
#include "core/util/Random.h"

namespace attnlab::tasks {

TextPair sampleSentiment(Random& rng);

} // namespace attnlab::tasks
