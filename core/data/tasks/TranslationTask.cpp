#include "core/data/tasks/TranslationTask.h"

#include "core/data/PharaohAlignment.h"
#include "core/data/tasks/TaskUtil.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace attnlab::tasks {
namespace {

enum class Kind { Person, Animal, Thing };

struct Noun {
    const char* english;
    const char* englishPlural;
    const char* french;
    const char* frenchPlural;
    bool feminine;
    Kind kind;
};

// Only nouns that start with a consonant, so French never elides (l', cet, bel).
const std::vector<Noun> Nouns = {
    {"car", "cars", "voiture", "voitures", true, Kind::Thing},
    {"house", "houses", "maison", "maisons", true, Kind::Thing},
    {"book", "books", "livre", "livres", false, Kind::Thing},
    {"table", "tables", "table", "tables", true, Kind::Thing},
    {"chair", "chairs", "chaise", "chaises", true, Kind::Thing},
    {"bike", "bikes", "vélo", "vélos", false, Kind::Thing},
    {"flower", "flowers", "fleur", "fleurs", true, Kind::Thing},
    {"pen", "pens", "stylo", "stylos", false, Kind::Thing},
    {"cup", "cups", "tasse", "tasses", true, Kind::Thing},
    {"hat", "hats", "chapeau", "chapeaux", false, Kind::Thing},
    {"door", "doors", "porte", "portes", true, Kind::Thing},
    {"cat", "cats", "chat", "chats", false, Kind::Animal},
    {"dog", "dogs", "chien", "chiens", false, Kind::Animal},
    {"horse", "horses", "cheval", "chevaux", false, Kind::Animal},
    {"mouse", "mice", "souris", "souris", true, Kind::Animal},
    {"cow", "cows", "vache", "vaches", true, Kind::Animal},
    {"boy", "boys", "garçon", "garçons", false, Kind::Person},
    {"girl", "girls", "fille", "filles", true, Kind::Person},
    {"woman", "women", "femme", "femmes", true, Kind::Person},
};

struct Adjective {
    const char* english;
    const char* forms[4]; // masculine, feminine, masculine plural, feminine plural
    bool beforeNoun;      // its place in French
    bool things, animate; // what it may describe
    bool englishFirst;    // leads the other adjective in English (opinion before size)
};

const std::vector<Adjective> Adjectives = {
    {"small", {"petit", "petite", "petits", "petites"}, true, true, true, false},
    {"big", {"grand", "grande", "grands", "grandes"}, true, true, true, false},
    {"pretty", {"joli", "jolie", "jolis", "jolies"}, true, true, true, false},
    {"old", {"vieux", "vieille", "vieux", "vieilles"}, true, true, true, false},
    {"new", {"nouveau", "nouvelle", "nouveaux", "nouvelles"}, true, true, false, false},
    {"red", {"rouge", "rouge", "rouges", "rouges"}, false, true, false, false},
    {"blue", {"bleu", "bleue", "bleus", "bleues"}, false, true, false, false},
    {"green", {"vert", "verte", "verts", "vertes"}, false, true, false, false},
    {"black", {"noir", "noire", "noirs", "noires"}, false, true, true, false},
    {"white", {"blanc", "blanche", "blancs", "blanches"}, false, true, true, false},
    {"yellow", {"jaune", "jaune", "jaunes", "jaunes"}, false, true, false, false},
    {"happy", {"heureux", "heureuse", "heureux", "heureuses"}, false, false, true, true},
    {"tired", {"fatigué", "fatiguée", "fatigués", "fatiguées"}, false, false, true, true},
};

struct Determiner {
    const char* english;
    const char* englishPlural;
    const char* forms[3]; // masculine, feminine, plural
};

const std::vector<Determiner> Determiners = {
    {"the", "the", {"le", "la", "les"}},
    {"a", "some", {"un", "une", "des"}},
    {"my", "my", {"mon", "ma", "mes"}},
    {"this", "these", {"ce", "cette", "ces"}},
};

struct Verb {
    const char* english; // base form
    const char* englishSingular;
    const char* englishPlural;
    const char* french; // third person singular and plural
    const char* frenchPlural;
};

const std::vector<Verb> Verbs = {
    {"see", "sees", "see", "voit", "voient"},
    {"like", "likes", "like", "aime", "aiment"},
    {"want", "wants", "want", "veut", "veulent"},
    {"find", "finds", "find", "trouve", "trouvent"},
    {"have", "has", "have", "a", "ont"},
    {"watch", "watches", "watch", "regarde", "regardent"},
    {"draw", "draws", "draw", "dessine", "dessinent"},
    {"be", "is", "are", "est", "sont"},
};

template <class T> const T& lookup(const std::vector<T>& items, const std::string& word, const char* what) {
    const auto it =
        std::find_if(items.begin(), items.end(), [&](const T& item) { return word == item.english; });
    if (it == items.end())
        throw std::invalid_argument(std::string("translation: unknown ") + what + " '" + word + "'");
    return *it;
}

int formIndex(const Noun& noun, bool plural) {
    return (plural ? 2 : 0) + (noun.feminine ? 1 : 0);
}

// Appends words to both sides and the sure links between them.
class PairWriter {
public:
    void add(const std::string& english, const std::string& french) {
        m_english.push_back(english);
        m_french.push_back(french);
        m_links.push_back(
            {static_cast<int>(m_english.size()) - 1, static_cast<int>(m_french.size()) - 1, true});
    }
    // The noun phrase: English det [before] [after] noun ("the small red car"; a state
    // adjective leads in English: "the happy small dog"), French det [before] noun [after]
    // ("la petite voiture rouge"). Words are linked through their slot.
    const Noun& nounPhrase(const ToyNounPhrase& phrase) {
        const Noun& noun = lookup(Nouns, phrase.noun, "noun");
        const Determiner& det = lookup(Determiners, phrase.determiner, "determiner");
        const int form = formIndex(noun, phrase.plural);
        const Adjective* before = adjective(phrase.adjectiveBefore, true);
        const Adjective* after = adjective(phrase.adjectiveAfter, false);
        // Plural "des" becomes "de" before an adjective ("de petites voitures").
        const bool de = phrase.plural && before && std::string_view(det.english) == "a";
        enum Slot { SlotDet, SlotBefore, SlotAfter, SlotNoun };
        std::vector<std::pair<Slot, std::string>> english, french;
        english.push_back({SlotDet, phrase.plural ? det.englishPlural : det.english});
        french.push_back({SlotDet, de ? "de" : det.forms[phrase.plural ? 2 : (noun.feminine ? 1 : 0)]});
        if (after && after->englishFirst) english.push_back({SlotAfter, after->english});
        if (before) {
            english.push_back({SlotBefore, before->english});
            french.push_back({SlotBefore, before->forms[form]});
        }
        if (after && !after->englishFirst) english.push_back({SlotAfter, after->english});
        english.push_back({SlotNoun, phrase.plural ? noun.englishPlural : noun.english});
        french.push_back({SlotNoun, phrase.plural ? noun.frenchPlural : noun.french});
        if (after) french.push_back({SlotAfter, after->forms[form]});

        const int e0 = static_cast<int>(m_english.size()), f0 = static_cast<int>(m_french.size());
        for (const auto& word : english) m_english.push_back(word.second);
        for (const auto& word : french) m_french.push_back(word.second);
        for (std::size_t e = 0; e < english.size(); ++e)
            for (std::size_t f = 0; f < french.size(); ++f)
                if (english[e].first == french[f].first)
                    m_links.push_back({e0 + static_cast<int>(e), f0 + static_cast<int>(f), true});
        return noun;
    }
    TextPair finish() {
        TextPair pair;
        for (const std::string& w : m_english) pair.source += (pair.source.empty() ? "" : " ") + w;
        for (const std::string& w : m_french) pair.target += (pair.target.empty() ? "" : " ") + w;
        pair.alignment = m_links;
        sortAlignment(pair.alignment);
        return pair;
    }

private:
    static const Adjective* adjective(const std::string& word, bool beforeNoun) {
        if (word.empty()) return nullptr;
        const Adjective& a = lookup(Adjectives, word, "adjective");
        if (a.beforeNoun != beforeNoun)
            throw std::invalid_argument("translation: '" + word + "' goes " +
                                        (a.beforeNoun ? "before" : "after") + " the noun in French");
        return &a;
    }

    std::vector<std::string> m_english, m_french;
    Alignment m_links;
};

bool fits(const Adjective& a, const Noun& noun) {
    return noun.kind == Kind::Thing ? a.things : a.animate;
}

std::string sampleAdjective(Random& rng, const Noun& noun, int slot) { // slot: 0 before, 1 after, 2 any
    std::vector<const Adjective*> choices;
    for (const Adjective& a : Adjectives)
        if (fits(a, noun) && (slot == 2 || a.beforeNoun == (slot == 0))) choices.push_back(&a);
    return pick(rng, choices)->english;
}

ToyNounPhrase samplePhrase(Random& rng, bool animate) {
    std::vector<const Noun*> nouns;
    for (const Noun& n : Nouns)
        if (!animate || n.kind != Kind::Thing) nouns.push_back(&n);
    const Noun& noun = *pick(rng, nouns);
    ToyNounPhrase phrase;
    phrase.noun = noun.english;
    phrase.determiner = pick(rng, Determiners).english;
    phrase.plural = rng.below(2) == 1;
    if (rng.uniform() < 0.4) phrase.adjectiveBefore = sampleAdjective(rng, noun, 0);
    if (rng.uniform() < 0.5) phrase.adjectiveAfter = sampleAdjective(rng, noun, 1);
    return phrase;
}

} // namespace

TextPair translateToySentence(const ToySentence& sentence) {
    PairWriter writer;
    const Noun& subject = writer.nounPhrase(sentence.subject);
    if (sentence.verb.empty()) return writer.finish();
    const Verb& verb = lookup(Verbs, sentence.verb, "verb");
    const bool plural = sentence.subject.plural;
    writer.add(plural ? verb.englishPlural : verb.englishSingular, plural ? verb.frenchPlural : verb.french);
    if (sentence.verb == "be") {
        const Adjective& a = lookup(Adjectives, sentence.predicate, "adjective");
        writer.add(a.english, a.forms[formIndex(subject, plural)]);
    } else {
        writer.nounPhrase(sentence.object);
    }
    return writer.finish();
}

TextPair sampleTranslation(Random& rng) {
    ToySentence sentence;
    const double form = rng.uniform();
    if (form < 0.25) {
        sentence.subject = samplePhrase(rng, false);
    } else if (form < 0.75) {
        sentence.subject = samplePhrase(rng, true);
        std::vector<const Verb*> verbs;
        for (const Verb& v : Verbs)
            if (std::string(v.english) != "be") verbs.push_back(&v);
        sentence.verb = pick(rng, verbs)->english;
        sentence.object = samplePhrase(rng, false);
    } else {
        sentence.subject = samplePhrase(rng, false);
        sentence.verb = "be";
        sentence.predicate = sampleAdjective(rng, lookup(Nouns, sentence.subject.noun, "noun"), 2);
    }
    return translateToySentence(sentence);
}

} // namespace attnlab::tasks
