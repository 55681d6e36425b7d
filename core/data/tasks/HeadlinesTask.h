#pragma once
// The headlines task (word -> word, issue 15's summarization): templated news sentences of about
// 20 words and their short headlines, in headline style (no articles, present tense, "to" for the
// future), as Rush et al. 2015 summarise a lead sentence. Most of the sentence is left out, so
// attention skips whole phrases and some headline words come from a word with another form
// ("rose" -> "rise", "will" -> "to", "hit" -> "in"). Gold links: each headline word to the source
// word it copies or rewrites (sure); headline punctuation ("-", ":") to the word it stands for.
#include "core/data/Dataset.h"
#include "core/util/Random.h"

namespace attnlab::tasks {

TextPair sampleHeadline(Random& rng);

} // namespace attnlab::tasks
