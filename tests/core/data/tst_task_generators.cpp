// The generated tasks: deterministic per seed, valid alignments for every pair, and the exact
// content of hand-checked examples.
#include "DataTestSupport.h"

#include "core/data/PremiseHypothesis.h"
#include "core/data/ShippedDatasets.h"
#include "core/data/TaskGenerators.h"
#include "core/data/Tokenization.h"
#include "core/data/tasks/DatesTask.h"
#include "core/data/tasks/NumbersTask.h"
#include "core/data/tasks/StringTasks.h"
#include "core/data/tasks/TranslationTask.h"

#include <QtTest>

#include <cctype>
#include <set>

using namespace attnlab;
using namespace attnlab::tasks;

class TestTaskGenerators : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deterministic_data();
    void deterministic();
    void alignmentsValid_data();
    void alignmentsValid();
    void unknownTask();
    void stringTasks();
    void sortedIsAPermutation();
    void copyLongSpansLengths();
    void calendar();
    void dateFormats_data();
    void dateFormats();
    void datesAreCorrect();
    void numbers_data();
    void numbers();
    void translation_data();
    void translation();
    void translationLinksAreOneToOne();
    void headerRoundTrip();
    void headlinesLinkEveryWord();
};

void TestTaskGenerators::deterministic_data() {
    QTest::addColumn<QString>("task");
    for (const std::string& name : taskNames()) QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TestTaskGenerators::deterministic() {
    QFETCH(QString, task);
    const std::vector<TextPair> a = generateTask(task.toStdString(), 300, 17);
    const std::vector<TextPair> b = generateTask(task.toStdString(), 300, 17);
    const std::vector<TextPair> c = generateTask(task.toStdString(), 300, 18);
    QCOMPARE(a.size(), std::size_t(300));
    QVERIFY(a == b);
    QVERIFY(a != c);
    // A longer run starts with the same pairs.
    const std::vector<TextPair> longer = generateTask(task.toStdString(), 400, 17);
    QVERIFY(std::equal(a.begin(), a.end(), longer.begin()));
    // Sources are distinct while the task can still produce new ones.
    std::set<std::string> sources;
    for (const TextPair& p : a) sources.insert(p.source);
    QCOMPARE(sources.size(), a.size());
}

void TestTaskGenerators::alignmentsValid_data() {
    deterministic_data();
}

void TestTaskGenerators::alignmentsValid() {
    QFETCH(QString, task);
    const ShippedDataset* shipped = findShippedDataset(task.toStdString());
    QVERIFY(shipped);
    for (const TextPair& p : generateTask(task.toStdString(), 2000, 5)) {
        int sourceCount = tokenCount(p.source, shipped->sourceTokens);
        int targetCount = tokenCount(p.target, shipped->targetTokens);
        if (shipped->task == TaskKind::Entailment) { // links join premise and hypothesis words
            const PremiseHypothesisTokens parts =
                splitPremiseHypothesis(tokenize(p.source, Tokenization::Word));
            QCOMPARE(targetCount, 1);
            sourceCount = static_cast<int>(parts.premise.size());
            targetCount = static_cast<int>(parts.hypothesis.size());
        }
        QVERIFY2(sourceCount > 0 && targetCount > 0, p.source.c_str());
        QVERIFY2(!p.alignment.empty(), p.source.c_str());
        QVERIFY2(p.source.find_first_of("\t\n\r") == std::string::npos, p.source.c_str());
        QVERIFY2(p.target.find_first_of("\t\n\r") == std::string::npos, p.target.c_str());
        Alignment sorted = p.alignment;
        sortAlignment(sorted);
        QCOMPARE(p.alignment, sorted); // canonical order
        std::set<std::pair<int, int>> seen;
        for (const AlignmentLink& l : p.alignment) {
            QVERIFY2(l.source >= 0 && l.source < sourceCount, p.source.c_str());
            QVERIFY2(l.target >= 0 && l.target < targetCount, p.target.c_str());
            QVERIFY2(seen.insert({l.source, l.target}).second, "duplicate link");
        }
        // Written and read back, the alignment is the same.
        QCOMPARE(parseAlignment(formatAlignment(p.alignment)), p.alignment);
    }
}

void TestTaskGenerators::unknownTask() {
    try {
        generateTask("parity", 10, 1);
        QFAIL("accepted");
    } catch (const std::invalid_argument& e) {
        QCOMPARE(std::string(e.what()), std::string("unknown task 'parity' (known: dates, reverse, sort, "
                                                    "copy_long, numbers, translation, headlines, sentiment, "
                                                    "entailment)"));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateTask("dates", -1, 1));
    QVERIFY(generateTask("dates", 0, 1).empty());
}

void TestTaskGenerators::stringTasks() {
    QCOMPARE(reversePair("abcd"),
             (TextPair{"abcd", "dcba", {{0, 3, true}, {1, 2, true}, {2, 1, true}, {3, 0, true}}}));
    QCOMPARE(copyPair("xyz"), (TextPair{"xyz", "xyz", {{0, 0, true}, {1, 1, true}, {2, 2, true}}}));
    // 3 1 4 1 -> 1 1 3 4: the first 1 (pos 1) goes to 0, the second (pos 3) to 1.
    QCOMPARE(sortPair("3141"),
             (TextPair{"3141", "1134", {{0, 2, true}, {1, 0, true}, {2, 3, true}, {3, 1, true}}}));
    for (const TextPair& p : generateTask("reverse", 200, 2)) {
        QCOMPARE(p.target, std::string(p.source.rbegin(), p.source.rend()));
        QVERIFY(p.source.size() >= 4 && p.source.size() <= 16);
    }
}

void TestTaskGenerators::sortedIsAPermutation() {
    for (const TextPair& p : generateTask("sort", 500, 3)) {
        QVERIFY(std::is_sorted(p.target.begin(), p.target.end()));
        QCOMPARE(p.alignment.size(), p.source.size());
        std::set<int> targets;
        for (const AlignmentLink& l : p.alignment) {
            QVERIFY(l.sure);
            QCOMPARE(p.source[static_cast<std::size_t>(l.source)],
                     p.target[static_cast<std::size_t>(l.target)]);
            targets.insert(l.target);
        }
        QCOMPARE(targets.size(), p.source.size()); // each target position exactly once
    }
}

void TestTaskGenerators::copyLongSpansLengths() {
    std::size_t shortest = 1000, longest = 0;
    for (const TextPair& p : generateTask("copy_long", 1000, 4)) {
        QCOMPARE(p.target, p.source);
        shortest = std::min(shortest, p.source.size());
        longest = std::max(longest, p.source.size());
    }
    QCOMPARE(shortest, std::size_t(5));
    QCOMPARE(longest, std::size_t(60));
}

void TestTaskGenerators::calendar() {
    QCOMPARE(daysFromCivil({1970, 1, 1}), 0L);
    QCOMPARE(daysFromCivil({2000, 3, 1}), 11017L);
    QCOMPARE(dayOfWeek({1970, 1, 1}), 3);  // Thursday
    QCOMPARE(dayOfWeek({2015, 3, 3}), 1);  // Tuesday
    QCOMPARE(dayOfWeek({2000, 2, 29}), 1); // Tuesday
    QCOMPARE(dayOfWeek({1969, 7, 20}), 6); // Sunday
    for (long d = daysFromCivil({1950, 1, 1}); d <= daysFromCivil({2049, 12, 31}); d += 37) {
        const CalendarDate date = civilFromDays(d);
        QCOMPARE(daysFromCivil(date), d);
    }
}

void TestTaskGenerators::dateFormats_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("alignment");
    // 2015-03-07 was a Saturday. Target "2015-03-07": year 0-3, month 5-6, day 8-9.
    QTest::newRow("0 long")
        << 0 << "saturday, march 7 2015"
        << "10?5 10?6 11?5 11?6 12?5 12?6 13?5 13?6 14?5 14?6 16?8 16-9 18-0 19-1 20-2 21-3";
    QTest::newRow("1 M/d/yy") << 1 << "3/7/15"
                              << "0?5 0-6 2?8 2-9 4?0 4?1 4-2 5?0 5?1 5-3";
    QTest::newRow("2 dd MMM yyyy") << 2 << "07 mar 2015"
                                   << "0-8 1-9 3?5 3?6 4?5 4?6 5?5 5?6 7-0 8-1 9-2 10-3";
    QTest::newRow("5 dd.MM.yy") << 5 << "07.03.15"
                                << "0-8 1-9 3-5 4-6 6?0 6?1 6-2 7?0 7?1 7-3";
    QTest::newRow("6 yyyy/MM/dd") << 6 << "2015/03/07"
                                  << "0-0 1-1 2-2 3-3 5-5 6-6 8-8 9-9";
    QTest::newRow("8 ordinal") << 8 << "mar 7th, 2015"
                               << "0?5 0?6 1?5 1?6 2?5 2?6 4?8 4-9 9-0 10-1 11-2 12-3";
    QTest::newRow("10 the ... of")
        << 10 << "the 7th of march 2015"
        << "4?8 4-9 11?5 11?6 12?5 12?6 13?5 13?6 14?5 14?6 15?5 15?6 17-0 18-1 19-2 20-3";
    QTest::newRow("13 short weekday") << 13 << "sat, mar 7, 15"
                                      << "5?5 5?6 6?5 6?6 7?5 7?6 9?8 9-9 12?0 12?1 12-2 13?0 13?1 13-3";
}

void TestTaskGenerators::dateFormats() {
    QFETCH(int, format);
    QFETCH(QString, source);
    QFETCH(QString, alignment);
    const TextPair p = formatDatePair({2015, 3, 7}, format);
    QCOMPARE(QString::fromStdString(p.source), source);
    QCOMPARE(p.target, std::string("2015-03-07"));
    QCOMPARE(QString::fromStdString(formatAlignment(p.alignment)), alignment);
}

void TestTaskGenerators::datesAreCorrect() {
    QCOMPARE(dateFormatCount(), 15);
    QCOMPARE(formatDatePair({2001, 11, 22}, 14).source, std::string("thursday 22nd november 2001"));
    QCOMPARE(formatDatePair({1999, 12, 31}, 1).source, std::string("12/31/99"));
    QCOMPARE(formatDatePair({2011, 1, 11}, 9).source, std::string("tue 11 jan 2011"));
    QCOMPARE(formatDatePair({2023, 8, 13}, 10).source, std::string("the 13th of august 2023"));
    QCOMPARE(formatDatePair({2023, 8, 1}, 12).source, std::string("1.8.2023"));
    std::set<std::string> shapes;
    for (const TextPair& p : generateTask("dates", 1000, 6)) {
        QCOMPARE(p.target.size(), std::size_t(10));
        const CalendarDate date{std::stoi(p.target.substr(0, 4)), std::stoi(p.target.substr(5, 2)),
                                std::stoi(p.target.substr(8, 2))};
        QVERIFY(date.year >= 1950 && date.year <= 2049);
        QCOMPARE(civilFromDays(daysFromCivil(date)).day, date.day); // a real calendar day
        // The year appears in the source in full or as its last two digits.
        QVERIFY2(p.source.find(p.target.substr(0, 4)) != std::string::npos ||
                     p.source.find(p.target.substr(2, 2)) != std::string::npos,
                 p.source.c_str());
        std::string shape = p.source;
        for (char& c : shape)
            c = std::isdigit(static_cast<unsigned char>(c))   ? '9'
                : std::isalpha(static_cast<unsigned char>(c)) ? 'a'
                                                              : c;
        shapes.insert(shape.substr(0, 3));
    }
    QVERIFY(shapes.size() >= 6); // many formats show up
}

void TestTaskGenerators::numbers_data() {
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("alignment");
    QTest::newRow("0") << 0 << "zero"
                       << "0-0";
    QTest::newRow("7") << 7 << "seven"
                       << "0-0";
    QTest::newRow("13") << 13 << "thirteen"
                        << "0?0 1?0";
    QTest::newRow("40") << 40 << "forty"
                        << "0-0";
    QTest::newRow("105") << 105 << "one hundred five"
                         << "0-0 0?1 2-2";
    QTest::newRow("1000") << 1000 << "one thousand"
                          << "0-0 0?1";
    QTest::newRow("12019") << 12019 << "twelve thousand nineteen"
                           << "0?0 0?1 1?0 1?1 3?2 4?2";
    QTest::newRow("123456") << 123456 << "one hundred twenty three thousand four hundred fifty six"
                            << "0-0 0?1 0?4 1-2 1?4 2-3 2?4 3-5 3?6 4-7 5-8";
    QTest::newRow("999999") << 999999 << "nine hundred ninety nine thousand nine hundred ninety nine"
                            << "0-0 0?1 0?4 1-2 1?4 2-3 2?4 3-5 3?6 4-7 5-8";
    QTest::newRow("700000") << 700000 << "seven hundred thousand"
                            << "0-0 0?1 0?2 1?2 2?2";
}

void TestTaskGenerators::numbers() {
    QFETCH(int, number);
    QFETCH(QString, words);
    QFETCH(QString, alignment);
    const TextPair p = numberPair(number);
    QCOMPARE(p.source, std::to_string(number));
    QCOMPARE(QString::fromStdString(p.target), words);
    QCOMPARE(QString::fromStdString(formatAlignment(p.alignment)), alignment);
}

void TestTaskGenerators::translation_data() {
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("french");
    QTest::addColumn<QString>("alignment");
    QTest::addColumn<QString>("determiner");
    QTest::addColumn<QString>("noun");
    QTest::addColumn<bool>("plural");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QString>("predicate");
    QTest::newRow("the red car") << "the red car"
                                 << "la voiture rouge"
                                 << "0-0 1-2 2-1"
                                 << "the"
                                 << "car" << false << ""
                                 << "red"
                                 << ""
                                 << "";
    QTest::newRow("small red") << "the small red car"
                               << "la petite voiture rouge"
                               << "0-0 1-1 2-3 3-2"
                               << "the"
                               << "car" << false << "small"
                               << "red"
                               << ""
                               << "";
    QTest::newRow("plural agreement") << "some small white cats"
                                      << "de petits chats blancs"
                                      << "0-0 1-1 2-3 3-2"
                                      << "a"
                                      << "cat" << true << "small"
                                      << "white"
                                      << ""
                                      << "";
    QTest::newRow("state adjective leads") << "a happy old dog"
                                           << "un vieux chien heureux"
                                           << "0-0 1-3 2-1 3-2"
                                           << "a"
                                           << "dog" << false << "old"
                                           << "happy"
                                           << ""
                                           << "";
    QTest::newRow("predicate") << "these mice are tired"
                               << "ces souris sont fatiguées"
                               << "0-0 1-1 2-2 3-3"
                               << "this"
                               << "mouse" << true << ""
                               << ""
                               << "be"
                               << "tired";
    QTest::newRow("verb") << "my horse sees"
                          << "mon cheval voit"
                          << "0-0 1-1 2-2"
                          << "my"
                          << "horse" << false << ""
                          << ""
                          << "see"
                          << "";
}

void TestTaskGenerators::translation() {
    QFETCH(QString, english);
    QFETCH(QString, french);
    QFETCH(QString, alignment);
    QFETCH(QString, determiner);
    QFETCH(QString, noun);
    QFETCH(bool, plural);
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, verb);
    QFETCH(QString, predicate);
    ToySentence s;
    s.subject = {determiner.toStdString(), noun.toStdString(), plural, before.toStdString(),
                 after.toStdString()};
    s.verb = verb.toStdString();
    s.predicate = predicate.toStdString();
    if (!s.verb.empty() && s.verb != "be") {
        // "my horse sees the green hat" -> "mon cheval voit le chapeau vert"
        s.object = {"the", "hat", false, "", "green"};
        english += " the green hat";
        french += " le chapeau vert";
        alignment += " 3-3 4-5 5-4";
    }
    const TextPair p = translateToySentence(s);
    QCOMPARE(QString::fromStdString(p.source), english);
    QCOMPARE(QString::fromStdString(p.target), french);
    QCOMPARE(QString::fromStdString(formatAlignment(p.alignment)), alignment);
}

void TestTaskGenerators::translationLinksAreOneToOne() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             translateToySentence({{"the", "spaceship", false, "", ""}, "", {}, ""}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             translateToySentence({{"the", "car", false, "red", ""}, "", {}, ""}));
    int reordered = 0;
    for (const TextPair& p : generateTask("translation", 1000, 8)) {
        const int n = tokenCount(p.source, Tokenization::Word);
        QCOMPARE(tokenCount(p.target, Tokenization::Word), n);
        QCOMPARE(static_cast<int>(p.alignment.size()), n);
        std::set<int> targets;
        bool monotonic = true;
        for (const AlignmentLink& l : p.alignment) {
            QVERIFY(l.sure);
            targets.insert(l.target);
            monotonic = monotonic && l.source == l.target;
        }
        QCOMPARE(static_cast<int>(targets.size()), n);
        reordered += !monotonic;
    }
    QVERIFY(reordered > 300); // adjectives move in a good share of the sentences
}

void TestTaskGenerators::headerRoundTrip() {
    const std::string header = taskHeader("copy_long", 3000, 12345678901234ull);
    const std::optional<TaskHeader> parsed = parseTaskHeader(header);
    QVERIFY(parsed);
    QCOMPARE(parsed->name, std::string("copy_long"));
    QCOMPARE(parsed->count, 3000);
    QCOMPARE(parsed->seed, 12345678901234ull);
    QVERIFY(!parseTaskHeader("# just a comment"));
    QVERIFY(!parseTaskHeader("abc\tdef"));
}

void TestTaskGenerators::headlinesLinkEveryWord() {
    // Each headline word links to exactly one source word: the same word, or one of the few
    // headline-style rewrites.
    const std::set<std::pair<std::string, std::string>> rewrites = {
        {"to", "will"}, {"-", "to"}, {"in", "hit"}, {"rise", "rose"}, {"fall", "fell"}};
    std::set<std::string> starts;
    for (const TextPair& p : generateTask("headlines", 1000, 3)) {
        const std::vector<std::string> source = tokenize(p.source, Tokenization::Word);
        const std::vector<std::string> target = tokenize(p.target, Tokenization::Word);
        QVERIFY(source.size() >= 18 && source.size() <= 25);
        QVERIFY(target.size() >= 5 && target.size() <= 6);
        QCOMPARE(p.alignment.size(), target.size());
        std::set<int> linked;
        for (const AlignmentLink& l : p.alignment) {
            QVERIFY(l.sure);
            linked.insert(l.target);
            const std::string& from = source[static_cast<std::size_t>(l.source)];
            const std::string& to = target[static_cast<std::size_t>(l.target)];
            QVERIFY2(from == to || rewrites.count({to, from}), (to + " <- " + from).c_str());
        }
        QCOMPARE(linked.size(), target.size());
        starts.insert(source.front());
    }
    QVERIFY(starts.size() >= 4); // every template appears
    QCOMPARE(generateTask("headlines", 1, 1).front().target,
             std::string("springfield to expand second park"));
}

QTEST_APPLESS_MAIN(TestTaskGenerators)
#include "tst_task_generators.moc"
