#include "core/data/tasks/HeadlinesTask.h"

#include "core/data/PharaohAlignment.h"
#include "core/data/tasks/TaskUtil.h"

#include <string>
#include <vector>

namespace attnlab::tasks {
namespace {

using Words = std::vector<std::string>;

const Words Days = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
const Words Places = {"springfield", "riverside", "oakland",  "fairview", "greenville",
                      "kingston",    "millbrook", "westport", "lakewood", "ashford"};
const Words Roles = {"mayor", "governor", "council", "minister", "chief"};
const Words Buildings = {"library", "hospital", "school", "bridge", "park", "museum", "station", "stadium"};
const Words BuildVerbs = {"open", "build", "close", "rebuild", "expand"};
const Words BuildAdjectives = {"new", "larger", "modern", "public", "second"};
const Words Whens = {"next year", "next month", "this summer", "by spring", "in the autumn"};
const Words Teams = {"lions", "tigers", "eagles", "sharks", "wolves", "bears", "hawks", "rangers"};
const Words Weather = {"snow", "rain", "wind", "storms", "fog"};
const Words Forecasters = {"forecasters", "officials", "meteorologists", "experts"};
const Words Companies = {"acme",  "globex",   "initech", "umbrella",
                         "hooli", "vandelay", "soylent", "cyberdyne"};
const Words Results = {"strong", "weak", "record", "disappointing", "higher", "lower"};
const Words Metrics = {"profits", "sales", "earnings", "revenue"};
const Words Quarters = {"first", "second", "third", "fourth"};

// Builds the pair word by word: source words, then headline words each linked to a source index.
class PairBuilder {
public:
    int add(const std::string& words) { // appends a (possibly multi-word) phrase; returns its first index
        const int first = static_cast<int>(m_source.size());
        std::size_t start = 0;
        while (start <= words.size()) {
            const std::size_t space = words.find(' ', start);
            m_source.push_back(
                words.substr(start, space == std::string::npos ? std::string::npos : space - start));
            if (space == std::string::npos) break;
            start = space + 1;
        }
        return first;
    }
    const std::string& word(int index) const { return m_source[static_cast<std::size_t>(index)]; }
    void headline(const std::string& word, int sourceIndex) {
        if (sourceIndex >= 0) m_links.push_back({sourceIndex, static_cast<int>(m_target.size()), true});
        m_target.push_back(word);
    }
    TextPair finish() const {
        TextPair pair;
        for (const std::string& w : m_source) pair.source += (pair.source.empty() ? "" : " ") + w;
        for (const std::string& w : m_target) pair.target += (pair.target.empty() ? "" : " ") + w;
        pair.alignment = m_links;
        sortAlignment(pair.alignment);
        return pair;
    }

private:
    Words m_source;
    Words m_target;
    Alignment m_links;
};

// "the mayor of springfield announced on friday that the city will open a new library next year ."
// -> "springfield to open new library"
TextPair announcement(Random& rng) {
    PairBuilder p;
    p.add("the");
    p.add(pick(rng, Roles));
    p.add("of");
    const int place = p.add(pick(rng, Places));
    p.add("announced on " + pick(rng, Days) + " that the city");
    const int will = p.add("will");
    const int verb = p.add(pick(rng, BuildVerbs));
    p.add("a");
    const int adjective = p.add(pick(rng, BuildAdjectives));
    const int building = p.add(pick(rng, Buildings));
    p.add(pick(rng, Whens) + " .");
    p.headline(p.word(place), place);
    p.headline("to", will);
    p.headline(p.word(verb), verb);
    p.headline(p.word(adjective), adjective);
    p.headline(p.word(building), building);
    return p.finish();
}

// "the lions beat the eagles 3 to 1 on sunday night in front of 4000 fans at riverside stadium ."
// -> "lions beat eagles 3 - 1"
TextPair match(Random& rng) {
    PairBuilder p;
    const std::string home = pick(rng, Teams);
    std::string away = pick(rng, Teams);
    while (away == home) away = pick(rng, Teams);
    const int winnerGoals = uniformInt(rng, 1, 6);
    const int loserGoals = uniformInt(rng, 0, winnerGoals - 1);
    p.add("the");
    const int winner = p.add(home);
    const int beat = p.add("beat");
    p.add("the");
    const int loser = p.add(away);
    const int first = p.add(std::to_string(winnerGoals));
    const int to = p.add("to");
    const int second = p.add(std::to_string(loserGoals));
    p.add("on " + pick(rng, Days) + " night in front of " + std::to_string(uniformInt(rng, 2, 60) * 500) +
          " fans at " + pick(rng, Places) + " stadium .");
    p.headline(home, winner);
    p.headline("beat", beat);
    p.headline(away, loser);
    p.headline(p.word(first), first);
    p.headline("-", to);
    p.headline(p.word(second), second);
    return p.finish();
}

// "forecasters said on monday that heavy snow is expected to hit kingston this weekend , and
// residents were asked to stay at home ." -> "heavy snow expected in kingston"
TextPair weather(Random& rng) {
    PairBuilder p;
    p.add(pick(rng, Forecasters) + " said on " + pick(rng, Days) + " that");
    const int heavy = p.add("heavy");
    const int kind = p.add(pick(rng, Weather));
    p.add("is");
    const int expected = p.add("expected");
    p.add("to");
    const int hit = p.add("hit");
    const int place = p.add(pick(rng, Places));
    p.add(pick(rng, Whens) + " , and residents were asked to stay at home .");
    p.headline("heavy", heavy);
    p.headline(p.word(kind), kind);
    p.headline("expected", expected);
    p.headline("in", hit);
    p.headline(p.word(place), place);
    return p.finish();
}

// "shares of acme rose 7 percent on tuesday after the company reported strong profits for the
// third quarter ." -> "acme shares rise after strong profits"
TextPair market(Random& rng) {
    PairBuilder p;
    const bool up = rng.below(2) == 0;
    const int shares = p.add("shares");
    p.add("of");
    const int company = p.add(pick(rng, Companies));
    const int moved = p.add(up ? "rose" : "fell");
    p.add(std::to_string(uniformInt(rng, 1, 30)) + " percent on " + pick(rng, Days));
    const int after = p.add("after");
    p.add("the company reported");
    const int result = p.add(pick(rng, Results));
    const int metric = p.add(pick(rng, Metrics));
    p.add("for the " + pick(rng, Quarters) + " quarter .");
    p.headline(p.word(company), company);
    p.headline("shares", shares);
    p.headline(up ? "rise" : "fall", moved);
    p.headline("after", after);
    p.headline(p.word(result), result);
    p.headline(p.word(metric), metric);
    return p.finish();
}

} // namespace

TextPair sampleHeadline(Random& rng) {
    switch (rng.below(4)) {
    case 0:
        return announcement(rng);
    case 1:
        return match(rng);
    case 2:
        return weather(rng);
    default:
        return market(rng);
    }
}

} // namespace attnlab::tasks
