#include "core/data/tasks/EntailmentTask.h"

#include "core/data/PharaohAlignment.h"
#include "core/data/TaskKind.h"
#include "core/data/tasks/TaskUtil.h"

#include <algorithm>
#include <string>
#include <vector>

namespace attnlab::tasks {
namespace {

using Words = std::vector<std::string>;

struct Noun {
    std::string one, many;   // "dog", "dogs"
    std::string kind, kinds; // the hypernym: "animal", "animals"
};
struct Verb {
    std::string third, base;         // "runs", "run"
    std::string kindThird, kindBase; // the hypernym ("moves"), empty when none is offered
};

const std::vector<Noun> Nouns = {
    {"dog", "dogs", "animal", "animals"},      {"cat", "cats", "animal", "animals"},
    {"horse", "horses", "animal", "animals"},  {"bird", "birds", "animal", "animals"},
    {"man", "men", "person", "people"},        {"woman", "women", "person", "people"},
    {"boy", "boys", "person", "people"},       {"girl", "girls", "person", "people"},
    {"child", "children", "person", "people"},
};
const std::vector<Verb> Verbs = {
    {"runs", "run", "moves", "move"},   {"walks", "walk", "moves", "move"},
    {"jumps", "jump", "moves", "move"}, {"sleeps", "sleep", "rests", "rest"},
    {"sits", "sit", "rests", "rest"},   {"eats", "eat", "", ""},
    {"plays", "play", "", ""},          {"waits", "wait", "", ""},
};
const std::vector<Verb> Transitive = {
    {"sees", "see", "", ""},      {"follows", "follow", "", ""}, {"helps", "help", "", ""},
    {"watches", "watch", "", ""}, {"calls", "call", "", ""},     {"pushes", "push", "", ""},
};
const Words Places = {"park", "garden",  "street", "field", "forest",
                      "yard", "kitchen", "house",  "room",  "city"};
// Antonym pairs: an attribute and its opposite.
const std::vector<std::pair<std::string, std::string>> Antonyms = {
    {"big", "small"}, {"young", "old"}, {"happy", "sad"}, {"tall", "short"}, {"fast", "slow"}};
const Words Unrelated = {"hungry", "tired", "alone", "friendly"}; // never an attribute in a premise

// Slots: words of premise and hypothesis in the same slot stand for the same thing and are linked.
enum Slot { None = -1, Det, Adj, Subject, Verb_, In, PlaceDet, Place, ObjDet, Object, Quant };

class Sentence {
public:
    void add(const std::string& word, int slot = None) {
        m_words.push_back(word);
        m_slots.push_back(slot);
    }
    std::string text() const {
        std::string s;
        for (const std::string& w : m_words) s += (s.empty() ? "" : " ") + w;
        return s;
    }
    int size() const { return static_cast<int>(m_words.size()); }
    int slot(int i) const { return m_slots[static_cast<std::size_t>(i)]; }

private:
    Words m_words;
    std::vector<int> m_slots;
};

TextPair finish(const Sentence& premise, const Sentence& hypothesis, const char* label) {
    TextPair pair{joinPremiseHypothesis(premise.text(), hypothesis.text()), label, {}};
    for (int i = 0; i < premise.size(); ++i)
        for (int j = 0; j < hypothesis.size(); ++j)
            if (premise.slot(i) != None && premise.slot(i) == hypothesis.slot(j))
                pair.alignment.push_back({i, j, true});
    sortAlignment(pair.alignment);
    return pair;
}

std::string article(const std::string& word) {
    return word.find_first_of("aeiou") == 0 ? "an" : "a";
}

// "a [adjective] noun verb [in the place]", the verb negated ("does not run") when asked.
struct Scene {
    std::string noun, adjective, place;
    const Verb* verb = nullptr;
};
void describe(Sentence& s, const Scene& scene, bool negated, bool withVerbKind = false) {
    const std::string& first = scene.adjective.empty() ? scene.noun : scene.adjective;
    s.add(article(first), Det);
    if (!scene.adjective.empty()) s.add(scene.adjective, Adj);
    s.add(scene.noun, Subject);
    if (negated) {
        s.add("does", Verb_);
        s.add("not", Verb_);
        s.add(withVerbKind ? scene.verb->kindBase : scene.verb->base, Verb_);
    } else {
        s.add(withVerbKind ? scene.verb->kindThird : scene.verb->third, Verb_);
    }
    if (!scene.place.empty()) {
        s.add("in", In);
        s.add("the", PlaceDet);
        s.add(scene.place, Place);
    }
}

Scene randomScene(Random& rng, bool adjective, bool place) {
    Scene scene;
    scene.noun = pick(rng, Nouns).one;
    scene.verb = &pick(rng, Verbs);
    if (adjective) {
        const auto& pair = pick(rng, Antonyms);
        scene.adjective = rng.below(2) == 0 ? pair.first : pair.second;
    }
    if (place) scene.place = pick(rng, Places);
    return scene;
}

std::string antonymOf(const std::string& adjective) {
    for (const auto& [a, b] : Antonyms) {
        if (a == adjective) return b;
        if (b == adjective) return a;
    }
    return adjective;
}

const Noun& nounNamed(const std::string& one) {
    for (const Noun& noun : Nouns)
        if (noun.one == one) return noun;
    return Nouns.front();
}

// "the dog is happy"
void predicate(Sentence& s, const std::string& noun, const std::string& adjective, int adjectiveSlot) {
    s.add("the", Det);
    s.add(noun, Subject);
    s.add("is");
    s.add(adjective, adjectiveSlot);
}

// "the man sees the woman [in the park]" (roles swapped: "the woman sees the man").
void transitive(Sentence& s, const std::string& agent, const std::string& patient, const Verb& verb,
                bool negated, bool swapped, const std::string& place) {
    s.add(agent == "person" || agent == "animal" ? article(agent) : "the", swapped ? ObjDet : Det);
    s.add(agent, swapped ? Object : Subject);
    if (negated) {
        s.add("does", Verb_);
        s.add("not", Verb_);
        s.add(verb.base, Verb_);
    } else {
        s.add(verb.third, Verb_);
    }
    s.add(patient == "person" || patient == "animal" ? article(patient) : "the", swapped ? Det : ObjDet);
    s.add(patient, swapped ? Subject : Object);
    if (!place.empty()) {
        s.add("in", In);
        s.add("the", PlaceDet);
        s.add(place, Place);
    }
}

// A place for two sentence pairs in three, else none (without, there are only 432 of each kind).
std::string somePlace(Random& rng) {
    return rng.below(3) != 0 ? pick(rng, Places) : std::string();
}

// "all [big] dogs run in the park"
void quantified(Sentence& s, const std::string& quantifier, const std::string& nouns, const Verb& verb,
                const std::string& place, const std::string& adjective) {
    s.add(quantifier, Quant);
    if (!adjective.empty()) s.add(adjective, Adj);
    s.add(nouns, Subject);
    s.add(verb.base, Verb_);
    s.add("in", In);
    s.add("the", PlaceDet);
    s.add(place, Place);
}

// An attribute for one quantified pair in two, else none.
std::string someAdjective(Random& rng) {
    if (rng.below(2) == 0) return {};
    const auto& pair = pick(rng, Antonyms);
    return rng.below(2) == 0 ? pair.first : pair.second;
}

TextPair entailment(Random& rng) {
    Sentence p, h;
    switch (rng.below(6)) {
    case 0: { // hypernym of the subject
        Scene scene = randomScene(rng, rng.below(2) == 0, true);
        describe(p, scene, false);
        scene.noun = nounNamed(scene.noun).kind;
        describe(h, scene, false);
        break;
    }
    case 1: { // hypernym of the verb
        Scene scene = randomScene(rng, rng.below(2) == 0, true);
        while (scene.verb->kindThird.empty()) scene.verb = &pick(rng, Verbs);
        describe(p, scene, false);
        describe(h, scene, false, true);
        break;
    }
    case 2: { // a modifier or the place dropped
        Scene scene = randomScene(rng, true, true);
        describe(p, scene, false);
        if (rng.below(2) == 0)
            scene.adjective.clear();
        else
            scene.place.clear();
        describe(h, scene, false);
        break;
    }
    case 3: { // an attribute restated
        const Scene scene = randomScene(rng, true, rng.below(2) == 0);
        describe(p, scene, false);
        predicate(h, scene.noun, scene.adjective, Adj);
        break;
    }
    case 4: { // a role by its hypernym
        const Noun& a = pick(rng, Nouns);
        const Noun* b = &pick(rng, Nouns);
        while (b->one == a.one) b = &pick(rng, Nouns);
        const Verb& verb = pick(rng, Transitive);
        const std::string place = somePlace(rng);
        transitive(p, a.one, b->one, verb, false, false, place);
        const bool agent = rng.below(2) == 0;
        transitive(h, agent ? a.kind : a.one, agent ? b->one : b->kind, verb, false, false, place);
        break;
    }
    default: { // all => some; some X => some hypernym of X
        const Noun& noun = pick(rng, Nouns);
        const Verb& verb = pick(rng, Verbs);
        const std::string place = pick(rng, Places);
        const std::string adjective = someAdjective(rng);
        if (rng.below(2) == 0) {
            quantified(p, "all", noun.many, verb, place, adjective);
            quantified(h, "some", noun.many, verb, place, adjective);
        } else {
            quantified(p, "some", noun.many, verb, place, adjective);
            quantified(h, "some", noun.kinds, verb, place, adjective);
        }
    }
    }
    return finish(p, h, "entailment");
}

TextPair contradiction(Random& rng) {
    Sentence p, h;
    switch (rng.below(5)) {
    case 0: { // negation, in the hypothesis or the premise
        const Scene scene = randomScene(rng, rng.below(2) == 0, rng.below(4) != 0);
        const bool premiseNegated = rng.below(2) == 0;
        describe(p, scene, premiseNegated);
        describe(h, scene, !premiseNegated);
        break;
    }
    case 1: { // an antonym attribute
        Scene scene = randomScene(rng, true, rng.below(3) != 0);
        describe(p, scene, false);
        scene.adjective = antonymOf(scene.adjective);
        describe(h, scene, false);
        break;
    }
    case 2: { // an antonym predicate
        const Scene scene = randomScene(rng, true, rng.below(2) == 0);
        describe(p, scene, false);
        predicate(h, scene.noun, antonymOf(scene.adjective), Adj);
        break;
    }
    case 3: { // a negated action between two
        const Noun& a = pick(rng, Nouns);
        const Noun* b = &pick(rng, Nouns);
        while (b->one == a.one) b = &pick(rng, Nouns);
        const Verb& verb = pick(rng, Transitive);
        const bool premiseNegated = rng.below(2) == 0;
        const std::string place = somePlace(rng);
        transitive(p, a.one, b->one, verb, premiseNegated, false, place);
        transitive(h, a.one, b->one, verb, !premiseNegated, false, place);
        break;
    }
    default: { // no versus some or all
        static const std::vector<std::pair<std::string, std::string>> Clashes = {
            {"no", "some"}, {"no", "all"}, {"some", "no"}, {"all", "no"}};
        const auto& [first, second] = pick(rng, Clashes);
        const Noun& noun = pick(rng, Nouns);
        const Verb& verb = pick(rng, Verbs);
        const std::string place = pick(rng, Places);
        const std::string adjective = someAdjective(rng);
        quantified(p, first, noun.many, verb, place, adjective);
        quantified(h, second, noun.many, verb, place, adjective);
    }
    }
    return finish(p, h, "contradiction");
}

TextPair neutral(Random& rng) {
    Sentence p, h;
    switch (rng.below(6)) {
    case 0: { // the hypernym the wrong way round (subject or verb)
        Scene scene = randomScene(rng, rng.below(2) == 0, true);
        Scene general = scene;
        if (rng.below(2) == 0) {
            general.noun = nounNamed(scene.noun).kind;
            describe(p, general, false);
            describe(h, scene, false);
        } else {
            while (scene.verb->kindThird.empty()) scene.verb = &pick(rng, Verbs);
            describe(p, scene, false, true);
            describe(h, scene, false);
        }
        break;
    }
    case 1: { // an added modifier or place
        Scene scene = randomScene(rng, true, true);
        Scene less = scene;
        if (rng.below(2) == 0)
            less.adjective.clear();
        else
            less.place.clear();
        describe(p, less, false);
        describe(h, scene, false);
        break;
    }
    case 2: { // an unrelated predicate
        const bool adjective = rng.below(2) == 0;
        const Scene scene = randomScene(rng, adjective, !adjective || rng.below(2) == 0); // 4+ words
        describe(p, scene, false);
        predicate(h, scene.noun, pick(rng, Unrelated), None);
        break;
    }
    case 3:
    case 4: { // swapped roles
        const Noun& a = pick(rng, Nouns);
        const Noun* b = &pick(rng, Nouns);
        while (b->one == a.one) b = &pick(rng, Nouns);
        const Verb& verb = pick(rng, Transitive);
        const std::string place = somePlace(rng);
        transitive(p, a.one, b->one, verb, false, false, place);
        transitive(h, b->one, a.one, verb, false, true, place);
        break;
    }
    default: { // some => all
        const Noun& noun = pick(rng, Nouns);
        const Verb& verb = pick(rng, Verbs);
        const std::string place = pick(rng, Places);
        const std::string adjective = someAdjective(rng);
        quantified(p, "some", noun.many, verb, place, adjective);
        quantified(h, "all", noun.many, verb, place, adjective);
    }
    }
    return finish(p, h, "neutral");
}

} // namespace

TextPair sampleEntailment(Random& rng) {
    // Draws again until both sentences have 4 to 10 words ("a dog runs" is too short); the label
    // is drawn each time, so the three stay equally likely.
    for (;;) {
        const std::uint64_t label = rng.below(3);
        TextPair pair = label == 0 ? entailment(rng) : label == 1 ? contradiction(rng) : neutral(rng);
        const std::size_t bar = pair.source.find(" | ");
        const auto premiseWords = 1 + std::count(pair.source.begin(), pair.source.begin() + bar, ' ');
        const auto hypothesisWords = 1 + std::count(pair.source.begin() + bar + 3, pair.source.end(), ' ');
        if (premiseWords >= 4 && premiseWords <= 10 && hypothesisWords >= 4 && hypothesisWords <= 10)
            return pair;
    }
}

} // namespace attnlab::tasks
