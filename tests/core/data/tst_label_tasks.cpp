// The generators of the label kinds (issue 15): sentiment (classification) and entailment.
// Deterministic per seed (with the other tasks in tst_task_generators), balanced labels, lengths
// and vocabulary as documented, evidence that holds the deciding words, and a TSV that reads back
// as the right kind.
#include "DataTestSupport.h"

#include "core/data/DatasetReader.h"
#include "core/data/PremiseHypothesis.h"
#include "core/data/TaskGenerators.h"
#include "core/data/Tokenization.h"
#include "core/data/tasks/EntailmentTask.h"
#include "core/data/tasks/SentimentTask.h"

#include <QtTest>

#include <map>
#include <set>
#include <sstream>

using namespace attnlab;

namespace {

constexpr int Count = 3000;

std::vector<std::string> words(const std::string& text) {
    return tokenize(text, Tokenization::Word);
}

// Every label's share is within 10% of an equal share.
bool balanced(const std::map<std::string, int>& counts, int total, std::string* detail) {
    const double fair = static_cast<double>(total) / static_cast<double>(counts.size());
    bool ok = true;
    for (const auto& [label, n] : counts) {
        *detail += label + "=" + std::to_string(n) + " ";
        ok = ok && std::abs(n - fair) <= 0.1 * fair;
    }
    return ok;
}

} // namespace

class TestLabelTasks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kinds();
    void deterministic_data();
    void deterministic();
    void sentimentShape();
    void sentimentNegationEvidence();
    void sentimentContrastEvidence();
    void entailmentShape();
    void entailmentLinks();
    void entailmentTemplates();
    void tsvReadsBackAsItsKind_data();
    void tsvReadsBackAsItsKind();
};

void TestLabelTasks::kinds() {
    QCOMPARE(generatedTaskKind("sentiment"), TaskKind::Classification);
    QCOMPARE(generatedTaskKind("entailment"), TaskKind::Entailment);
    QCOMPARE(generatedTaskKind("headlines"), TaskKind::Pairs);
    QCOMPARE(generatedTaskKind("unknown"), TaskKind::Pairs);
    QVERIFY(isTaskName("sentiment") && isTaskName("entailment"));
}

void TestLabelTasks::deterministic_data() {
    QTest::addColumn<QString>("task");
    QTest::newRow("sentiment") << "sentiment";
    QTest::newRow("entailment") << "entailment";
}

void TestLabelTasks::deterministic() {
    QFETCH(QString, task);
    const std::vector<TextPair> a = generateTask(task.toStdString(), 500, 7);
    QVERIFY(a == generateTask(task.toStdString(), 500, 7));
    const std::vector<TextPair> other = generateTask(task.toStdString(), 500, 8);
    int same = 0;
    for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == other[i];
    QVERIFY2(same < 25, qPrintable(QString::number(same))); // another seed, other pairs
    // The sampler alone is a pure function of the random stream too.
    Random r1(3), r2(3);
    QCOMPARE(tasks::sampleSentiment(r1), tasks::sampleSentiment(r2));
    QCOMPARE(tasks::sampleEntailment(r1), tasks::sampleEntailment(r2));
}

void TestLabelTasks::sentimentShape() {
    std::map<std::string, int> labels;
    int negations = 0, contrasts = 0;
    std::set<std::string> vocabulary;
    for (const TextPair& p : generateTask("sentiment", Count, 1)) {
        QVERIFY2(p.target == "positive" || p.target == "negative", p.target.c_str());
        ++labels[p.target];
        const std::vector<std::string> w = words(p.source);
        QVERIFY2(w.size() >= 5 && w.size() <= 14, p.source.c_str());
        vocabulary.insert(w.begin(), w.end());
        QVERIFY2(!p.alignment.empty(), p.source.c_str());
        for (const AlignmentLink& link : p.alignment) {
            QVERIFY(link.source >= 0 && link.source < static_cast<int>(w.size()));
            QCOMPARE(link.target, 0);
        }
        negations += std::find_if(w.begin(), w.end(),
                                  [](const std::string& x) { return x == "not" || x == "never"; }) != w.end();
        contrasts += std::find(w.begin(), w.end(), "but") != w.end();
    }
    std::string detail;
    QVERIFY2(balanced(labels, Count, &detail), detail.c_str());
    // About 25% negations and 20% contrasts (sentimentTask.h).
    QVERIFY2(negations > Count * 0.20 && negations < Count * 0.30, qPrintable(QString::number(negations)));
    QVERIFY2(contrasts > Count * 0.15 && contrasts < Count * 0.25, qPrintable(QString::number(contrasts)));
    QVERIFY(vocabulary.size() < 150);
}

void TestLabelTasks::sentimentNegationEvidence() {
    // A negated review's evidence holds the negator and the word it negates; the word alone would
    // give the opposite label.
    const std::set<std::string> negators = {"not", "never"};
    int negated = 0;
    for (const TextPair& p : generateTask("sentiment", Count, 2)) {
        const std::vector<std::string> w = words(p.source);
        if (std::find(w.begin(), w.end(), "but") != w.end()) continue; // contrasts: below
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (!negators.contains(w[i])) continue;
            ++negated;
            const auto linked = [&](std::size_t at) {
                return std::find(p.alignment.begin(), p.alignment.end(),
                                 AlignmentLink{static_cast<int>(at), 0, true}) != p.alignment.end();
            };
            QVERIFY2(linked(i), p.source.c_str());
            // The negated word: the next linked word after the negator.
            std::size_t j = i + 1;
            while (j < w.size() && !linked(j)) ++j;
            QVERIFY2(j < w.size(), p.source.c_str());
        }
    }
    QVERIFY(negated > Count / 10);
    // Hand-checked pairs from the shipped seed: "not"/"never" flip the adjective.
    bool flipped = false;
    for (const TextPair& p : generateTask("sentiment", 200, 1))
        if (p.source == "the script was never tedious") {
            QCOMPARE(p.target, std::string("positive"));
            QCOMPARE(p.alignment, (Alignment{{3, 0, true}, {4, 0, true}}));
            flipped = true;
        }
    QVERIFY(flipped);
}

void TestLabelTasks::sentimentContrastEvidence() {
    int contrasts = 0;
    for (const TextPair& p : generateTask("sentiment", Count, 3)) {
        const std::vector<std::string> w = words(p.source);
        const auto but = std::find(w.begin(), w.end(), "but");
        if (but == w.end()) continue;
        ++contrasts;
        const int at = static_cast<int>(but - w.begin());
        // "but" and only words after it decide.
        QVERIFY2(std::find(p.alignment.begin(), p.alignment.end(), AlignmentLink{at, 0, true}) !=
                     p.alignment.end(),
                 p.source.c_str());
        QVERIFY2(p.alignment.size() >= 2, p.source.c_str());
        for (const AlignmentLink& link : p.alignment) QVERIFY2(link.source >= at, p.source.c_str());
    }
    QVERIFY(contrasts > Count / 10);
}

void TestLabelTasks::entailmentShape() {
    std::map<std::string, int> labels;
    std::set<std::string> vocabulary;
    for (const TextPair& p : generateTask("entailment", Count, 1)) {
        ++labels[p.target];
        const std::vector<std::string> tokens = words(p.source);
        const PremiseHypothesisTokens parts = splitPremiseHypothesis(tokens);
        QVERIFY2(parts.premise.size() >= 4 && parts.premise.size() <= 10, p.source.c_str());
        QVERIFY2(parts.hypothesis.size() >= 4 && parts.hypothesis.size() <= 10, p.source.c_str());
        QCOMPARE(std::count(tokens.begin(), tokens.end(), std::string(kPremiseSeparator)), 1);
        vocabulary.insert(tokens.begin(), tokens.end());
    }
    QCOMPARE(labels.size(), std::size_t(3));
    QVERIFY(labels.contains("entailment") && labels.contains("contradiction") && labels.contains("neutral"));
    std::string detail;
    QVERIFY2(balanced(labels, Count, &detail), detail.c_str());
    QVERIFY2(vocabulary.size() <= 150, qPrintable(QString::number(vocabulary.size())));
}

void TestLabelTasks::entailmentLinks() {
    for (const TextPair& p : generateTask("entailment", Count, 4)) {
        const PremiseHypothesisTokens parts = splitPremiseHypothesis(words(p.source));
        QVERIFY2(!p.alignment.empty(), p.source.c_str());
        Alignment sorted = p.alignment;
        sortAlignment(sorted);
        QCOMPARE(p.alignment, sorted);
        for (const AlignmentLink& link : p.alignment) {
            QVERIFY(link.source >= 0 && link.source < static_cast<int>(parts.premise.size()));
            QVERIFY(link.target >= 0 && link.target < static_cast<int>(parts.hypothesis.size()));
        }
        // A negation links the negated verb to "not".
        const auto hypothesisNot = std::find(parts.hypothesis.begin(), parts.hypothesis.end(), "not");
        const auto premiseNot = std::find(parts.premise.begin(), parts.premise.end(), "not");
        if (hypothesisNot != parts.hypothesis.end() && premiseNot == parts.premise.end()) {
            QCOMPARE(p.target, std::string("contradiction"));
            const int j = static_cast<int>(hypothesisNot - parts.hypothesis.begin());
            QVERIFY2(std::any_of(p.alignment.begin(), p.alignment.end(),
                                 [&](const AlignmentLink& l) { return l.target == j; }),
                     p.source.c_str());
        }
        if (premiseNot != parts.premise.end() && hypothesisNot == parts.hypothesis.end()) {
            const int i = static_cast<int>(premiseNot - parts.premise.begin());
            QVERIFY2(std::any_of(p.alignment.begin(), p.alignment.end(),
                                 [&](const AlignmentLink& l) { return l.source == i; }),
                     p.source.c_str());
        }
    }
}

void TestLabelTasks::entailmentTemplates() {
    // Hand-checked pairs of the shipped seed, one per family the header names.
    std::map<std::string, TextPair> bySource;
    for (TextPair& p : generateTask("entailment", 6000, 1)) bySource.emplace(p.source, std::move(p));
    const auto expect = [&](const char* source, const char* label, const Alignment& links) {
        const auto found = bySource.find(source);
        QVERIFY2(found != bySource.end(), source);
        QCOMPARE(found->second.target, std::string(label));
        QCOMPARE(found->second.alignment, links);
    };
    expect(
        "a fast animal runs in the yard | a fast dog runs in the yard", "neutral",
        {{0, 0, true}, {1, 1, true}, {2, 2, true}, {3, 3, true}, {4, 4, true}, {5, 5, true}, {6, 6, true}});
    std::map<std::string, int> kinds;
    for (const auto& [source, p] : bySource) {
        const PremiseHypothesisTokens parts = splitPremiseHypothesis(words(source));
        const auto& h = parts.hypothesis;
        const auto& pr = parts.premise;
        // Swapped roles: the same five words, agent and patient exchanged: always neutral.
        if (pr.size() >= 5 && h.size() == pr.size() && pr[0] == "the" && h[0] == "the" && pr[1] == h[4] &&
            pr[4] == h[1] && pr[2] == h[2]) {
            QCOMPARE(p.target, std::string("neutral"));
            ++kinds["swapped"];
        }
        // Quantifiers: no against some or all contradicts; all => some entails; some => all is neutral.
        if (pr[0] == "all" && h[0] == "some" && pr[1] == h[1]) QCOMPARE(p.target, std::string("entailment"));
        if ((pr[0] == "no") != (h[0] == "no") && (pr[0] == "all" || pr[0] == "some" || pr[0] == "no")) {
            QCOMPARE(p.target, std::string("contradiction"));
            ++kinds["quantifier"];
        }
        if (pr[0] == "some" && h[0] == "all") QCOMPARE(p.target, std::string("neutral"));
        // Hypernyms: "animal" or "person" only in the hypothesis entails, only in the premise is neutral.
        const auto has = [](const std::vector<std::string>& s, const char* w) {
            return std::find(s.begin(), s.end(), w) != s.end();
        };
        for (const char* general : {"animal", "person"}) {
            if (has(h, general) && !has(pr, general) && pr.size() == h.size()) {
                QCOMPARE(p.target, std::string("entailment"));
                ++kinds["hypernym"];
            }
        }
    }
    QVERIFY(kinds["swapped"] > 200 && kinds["quantifier"] > 100 && kinds["hypernym"] > 100);
}

void TestLabelTasks::tsvReadsBackAsItsKind_data() {
    deterministic_data();
}

void TestLabelTasks::tsvReadsBackAsItsKind() {
    QFETCH(QString, task);
    const std::string name = task.toStdString();
    std::ostringstream out;
    writeTaskTsv(out, name, 300, 5);
    const std::string text = out.str();
    QVERIFY(text.find("\n# task: " + taskKindName(generatedTaskKind(name)) + "\n") != std::string::npos);
    std::istringstream in(text);
    // Default options: the comment alone makes the kind (and forces word tokens where it must).
    DatasetOptions options;
    options.sourceTokens = Tokenization::Word;
    const Dataset d = readDataset(in, DatasetSource{name, {}, name, -1}, options);
    QCOMPARE(d.task(), generatedTaskKind(name));
    const std::vector<TextPair> pairs = generateTask(name, 300, 5);
    QCOMPARE(d.size(), 300);
    for (int i = 0; i < d.size(); ++i) QCOMPARE(d.pair(i), pairs[static_cast<std::size_t>(i)]);
    if (name == "entailment") {
        // The file's columns: premise, hypothesis, label, links.
        const std::string firstPair = text.substr(text.find("entailment\n") + 11);
        QCOMPARE(std::count(firstPair.begin(), firstPair.begin() + firstPair.find('\n'), '\t'), 3);
        QCOMPARE(d.premiseLength(0), premiseLength(words(pairs[0].source)));
    }
}

QTEST_APPLESS_MAIN(TestLabelTasks)
#include "tst_label_tasks.moc"
