#include "core/data/tasks/SentimentTask.h"

#include "core/data/PharaohAlignment.h"
#include "core/data/tasks/TaskUtil.h"

#include <algorithm>
#include <string>
#include <vector>

namespace attnlab::tasks {
namespace {

using Words = std::vector<std::string>;

const Words Aspects = {"acting", "plot",       "story",  "music",    "ending", "film",   "movie", "cast",
                       "script", "soundtrack", "pacing", "dialogue", "humour", "camera", "hero",  "villain"};
const Words GoodAdjectives = {"good",   "great",  "excellent", "wonderful", "brilliant", "superb",
                              "lovely", "moving", "clever",    "charming",  "beautiful", "enjoyable"};
const Words BadAdjectives = {"bad",  "awful", "terrible", "boring", "dull",  "weak",
                             "poor", "silly", "tedious",  "clumsy", "bland", "horrible"};
const Words GoodNouns = {"masterpiece", "gem", "joy", "delight", "triumph"};
const Words BadNouns = {"mess", "disaster", "bore", "failure", "letdown"};
const Words Intensifiers = {"very", "really", "truly", "quite", "so", "extremely"};
const Words Negators = {"not", "never"};
const Words Openers = {"honestly ,", "overall ,", "i think", "to be fair ,", "in short ,", "well ,"};
const Words Closers = {"last night", "at the cinema", "with my friends",
                       "this time",  "on sunday",     "in the end"};
const Words Asides = {"i saw it last week .", "we went on a friday .", "it runs two hours .",
                      "my friend chose it .", "the cinema was full ."};

// A review built word by word; the evidence words are marked as they are added.
class Review {
public:
    void add(const std::string& words, bool evidence = false) {
        std::size_t start = 0;
        for (;;) {
            const std::size_t space = words.find(' ', start);
            if (evidence) m_links.push_back({static_cast<int>(m_words.size()), 0, true});
            m_words.push_back(
                words.substr(start, space == std::string::npos ? std::string::npos : space - start));
            if (space == std::string::npos) break;
            start = space + 1;
        }
    }
    int size() const { return static_cast<int>(m_words.size()); }
    TextPair finish(bool positive) const {
        TextPair pair;
        for (const std::string& w : m_words) pair.source += (pair.source.empty() ? "" : " ") + w;
        pair.target = positive ? "positive" : "negative";
        pair.alignment = m_links;
        sortAlignment(pair.alignment);
        return pair;
    }

private:
    Words m_words;
    Alignment m_links;
};

// One clause whose polarity is `positive`: "the plot was [not] [very] good" or "it was [not] a
// gem". With `negated` the word carries the opposite polarity and a negator flips it. With
// `evidence`, the deciding words (negator, adjective or noun) are marked.
void clause(Random& rng, Review& review, bool positive, bool negated, bool evidence) {
    const bool wordPositive = negated ? !positive : positive;
    const bool noun = rng.below(5) == 0;
    if (noun) {
        review.add(rng.below(2) == 0 ? "it was" : "the " + pick(rng, Aspects) + " was");
        if (negated) review.add(pick(rng, Negators), evidence);
        review.add("a");
        review.add(pick(rng, wordPositive ? GoodNouns : BadNouns), evidence);
        return;
    }
    review.add("the " + pick(rng, Aspects) + " was");
    if (negated) review.add(pick(rng, Negators), evidence);
    if (rng.below(3) == 0) review.add(pick(rng, Intensifiers));
    review.add(pick(rng, wordPositive ? GoodAdjectives : BadAdjectives), evidence);
}

TextPair attempt(Random& rng) {
    const bool positive = rng.below(2) == 0;
    // 0-3 a contrast, 4-6 a negation; with the negated clauses of contrasts and the short plain
    // reviews drawn again, about 25% of reviews hold a negation and 20% a contrast.
    const int shape = static_cast<int>(rng.below(20));
    Review review;
    if (shape < 8 && rng.below(4) == 0)
        review.add(pick(rng, Asides));
    else if (rng.below(3) == 0)
        review.add(pick(rng, Openers));
    if (shape < 4) {
        // The first clause says the opposite; only the clause after "but" counts.
        clause(rng, review, !positive, rng.below(5) == 0, false);
        review.add(",");
        review.add("but", true);
        clause(rng, review, positive, rng.below(5) == 0, true);
    } else if (shape < 7) {
        clause(rng, review, positive, true, true);
    } else {
        clause(rng, review, positive, false, true);
        if (rng.below(4) == 0) { // a second clause that agrees: both decide
            review.add("and");
            clause(rng, review, positive, false, true);
        }
    }
    if (rng.below(3) == 0) review.add(pick(rng, Closers));
    return review.finish(positive);
}

} // namespace

TextPair sampleSentiment(Random& rng) {
    // Draws again until the review has 5 to 14 words; the stream stays a pure function of the seed.
    for (;;) {
        TextPair pair = attempt(rng);
        const auto words = 1 + std::count(pair.source.begin(), pair.source.end(), ' ');
        if (words >= 5 && words <= 14) return pair;
    }
}

} // namespace attnlab::tasks
