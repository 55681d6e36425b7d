// Datasets of the label kinds (issue 15): classification (text -> one label word, evidence links
// i-0) and entailment (premise | hypothesis -> label, links premise word i - hypothesis word j),
// read from TSV and CSV, detected or chosen, and the errors of their lines.
#include "DataTestSupport.h"

#include "core/data/DatasetReader.h"
#include "core/data/PremiseHypothesis.h"
#include "core/data/TaskComment.h"

#include <QtTest>

#include <sstream>

using namespace attnlab;

namespace {

Dataset readText(const std::string& text, const DatasetOptions& options = {},
                 const std::string& name = "t.tsv") {
    std::istringstream in(text);
    return readDataset(in, DatasetSource{"t", {}, name, static_cast<std::int64_t>(text.size())}, options);
}

// The message of the DatasetError reading `text` raises; "(accepted)" when it loads.
std::string errorOf(const std::string& text, const DatasetOptions& options = {},
                    const std::string& name = "t.tsv") {
    try {
        readText(text, options, name);
    } catch (const DatasetError& e) {
        return e.what();
    }
    return "(accepted)";
}

DatasetOptions withTask(TaskKind task) {
    DatasetOptions options;
    options.task = task;
    return options;
}

} // namespace

class TestLabelDatasets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void classificationTsv();
    void entailmentTsv();
    void classificationCsv();
    void reviewColumnCsv();
    void entailmentCsv();
    void detection_data();
    void detection();
    void explicitTaskWins();
    void taskComment();
    void labelIsOneWord();
    void entailmentLineErrors_data();
    void entailmentLineErrors();
    void evidenceLinksEndInZero();
    void reverseRefused();
    void splitter();
    void pairsFilesUnchanged();
};

void TestLabelDatasets::classificationTsv() {
    const Dataset d = loadDataset(testDataset("label_reviews.tsv"));
    QCOMPARE(d.task(), TaskKind::Classification);
    QCOMPARE(d.size(), 3);
    QCOMPARE(d.options().sourceTokens, Tokenization::Char); // the file's choice, as for pairs
    QCOMPARE(d.options().targetTokens, Tokenization::Word); // forced: the label is one word
    QCOMPARE(d.source(0), std::string_view("the plot was not good"));
    QCOMPARE(d.target(0), std::string_view("negative"));
    QCOMPARE(d.targetTokens(0), std::vector<std::string>{"negative"});
    QCOMPARE(d.premiseLength(0), -1);
    QCOMPARE(d.report().commentLines, std::int64_t(2));
    QCOMPARE(d.report().blankLines, std::int64_t(1));
    QCOMPARE(d.lineNumber(2), std::int64_t(6));
    // Word links on a char-tokenised source are char positions: loaded with word tokens they mean words.
    DatasetOptions words;
    words.sourceTokens = Tokenization::Word;
    const Dataset w = loadDataset(testDataset("label_reviews.tsv"), words);
    QCOMPARE(links(w, 0), (Alignment{{3, 0, true}, {4, 0, true}}));
    QCOMPARE(w.sourceTokens(2)[5], std::string("but"));
    QCOMPARE(links(w, 2), (Alignment{{5, 0, true}, {9, 0, true}}));
}

void TestLabelDatasets::entailmentTsv() {
    const Dataset d = loadDataset(testDataset("label_entailment.tsv"));
    QCOMPARE(d.task(), TaskKind::Entailment);
    QCOMPARE(d.size(), 3);
    QCOMPARE(d.options().sourceTokens, Tokenization::Word);
    QCOMPARE(d.options().targetTokens, Tokenization::Word);
    QCOMPARE(d.source(0), std::string_view("a dog runs in the park | an animal runs in the park"));
    QCOMPARE(d.target(0), std::string_view("entailment"));
    QCOMPARE(d.premiseLength(0), 6);
    QCOMPARE(d.sourceTokens(0)[6], std::string(kPremiseSeparator));
    QCOMPARE(links(d, 1), (Alignment{{0, 3, true}, {1, 4, true}, {2, 2, true}, {3, 0, true}, {4, 1, true}}));
    // Each sentence is trimmed before the join.
    QCOMPARE(d.source(2), std::string_view("a cat sleeps | a cat does not sleep"));
    QCOMPARE(d.premiseLength(2), 3);
    QCOMPARE(links(d, 2), (Alignment{{2, 2, true}, {2, 3, true}, {2, 4, true}}));
    QCOMPARE(d.pair(2).target, std::string("contradiction"));
}

void TestLabelDatasets::classificationCsv() {
    DatasetOptions options;
    options.sourceTokens = Tokenization::Word;
    const Dataset d = loadDataset(testDataset("label_text.csv"), options);
    QCOMPARE(d.task(), TaskKind::Classification);
    QCOMPARE(d.size(), 2);
    QCOMPARE(d.source(0), std::string_view("the film was a gem , really"));
    QCOMPARE(d.target(1), std::string_view("negative"));
    QVERIFY(d.hasAlignments());
    QCOMPARE(links(d, 0), (Alignment{{4, 0, true}}));
    QCOMPARE(d.report().headerLines, std::int64_t(1));
}

void TestLabelDatasets::reviewColumnCsv() {
    const Dataset d = loadDataset(testDataset("label_review_column.csv"));
    QCOMPARE(d.task(), TaskKind::Classification);
    QCOMPARE(d.source(0), std::string_view("great fun, a gem"));
    QCOMPARE(d.target(0), std::string_view("positive"));
    QVERIFY(!d.hasAlignments());
}

void TestLabelDatasets::entailmentCsv() {
    const Dataset d = loadDataset(testDataset("label_entailment.csv"));
    QCOMPARE(d.task(), TaskKind::Entailment);
    QCOMPARE(d.size(), 2);
    QCOMPARE(d.source(1), std::string_view("a man, tall, sits | a man stands"));
    QCOMPARE(d.target(1), std::string_view("contradiction"));
    QCOMPARE(d.premiseLength(1), 4);
    // Explicit premise/hypothesis/label names read the same, with links.
    const Dataset named = readText(
        "premise,hypothesis,label,links\nthe dog sleeps,the animal sleeps,entailment,1-1\n", {}, "n.csv");
    QCOMPARE(named.task(), TaskKind::Entailment);
    QCOMPARE(links(named, 0), (Alignment{{1, 1, true}}));
}

void TestLabelDatasets::detection_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("task");
    QTest::newRow("tsv comment") << "label_reviews.tsv" << int(TaskKind::Classification);
    QTest::newRow("tsv comment entailment") << "label_entailment.tsv" << int(TaskKind::Entailment);
    QTest::newRow("tsv without comment") << "label_no_task_line.tsv" << int(TaskKind::Pairs);
    QTest::newRow("csv label") << "label_text.csv" << int(TaskKind::Classification);
    QTest::newRow("csv premise hypothesis label") << "label_entailment.csv" << int(TaskKind::Entailment);
    QTest::newRow("csv source target label") << "pairs_with_label.csv" << int(TaskKind::Pairs);
    QTest::newRow("csv pairs") << "pairs.csv" << int(TaskKind::Pairs);
    QTest::newRow("tsv pairs") << "basic.tsv" << int(TaskKind::Pairs);
}

void TestLabelDatasets::detection() {
    QFETCH(QString, file);
    QFETCH(int, task);
    QCOMPARE(loadDataset(testDataset(file.toStdString())).task(), static_cast<TaskKind>(task));
    // Without detection every file is pairs (a label file still loads, as text pairs).
    DatasetOptions pairs;
    pairs.detectTask = false;
    if (file != "label_text.csv" && file != "label_entailment.csv" && file != "label_entailment.tsv")
        QCOMPARE(loadDataset(testDataset(file.toStdString()), pairs).task(), TaskKind::Pairs);
}

void TestLabelDatasets::explicitTaskWins() {
    // A two-column file read as classification: no comment needed.
    const Dataset d = loadDataset(testDataset("label_no_task_line.tsv"), withTask(TaskKind::Classification));
    QCOMPARE(d.task(), TaskKind::Classification);
    QCOMPARE(d.target(1), std::string_view("negative"));
    // And the options' kind beats the file's comment.
    const std::string message =
        errorOf("# task: entailment\nthe film was good\tpositive\n", withTask(TaskKind::Classification));
    QCOMPARE(message, std::string("(accepted)"));
    // Pairs without detection ignore the comment: the entailment lines become pairs of their first two
    // columns.
    DatasetOptions pairs;
    pairs.detectTask = false;
    const Dataset asPairs = loadDataset(testDataset("label_entailment.tsv"), pairs);
    QCOMPARE(asPairs.task(), TaskKind::Pairs);
    QCOMPARE(asPairs.target(0), std::string_view("an animal runs in the park"));
}

void TestLabelDatasets::taskComment() {
    QCOMPARE(attnlab::taskComment(TaskKind::Classification), std::string("# task: classification"));
    QCOMPARE(parseTaskComment("# task: entailment"), std::optional<TaskKind>(TaskKind::Entailment));
    QCOMPARE(parseTaskComment("#task:Classification "), std::optional<TaskKind>(TaskKind::Classification));
    QCOMPARE(parseTaskComment("# task: reverse the letters"), std::optional<TaskKind>()); // prose
    QCOMPARE(parseTaskComment("# generator: sentiment"), std::optional<TaskKind>());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseTaskComment("# task: sentiment"));
    QCOMPARE(
        errorOf("# task: sentiment\na\tb\n"),
        std::string("t.tsv:1: the comment '# task: sentiment' names no task kind (pairs, classification, "
                    "entailment)"));
    // After the first pair a "# task:" line is an ordinary comment.
    const Dataset d = readText("a\tb\n# task: classification\nc d\te f\n");
    QCOMPARE(d.task(), TaskKind::Pairs);
    QCOMPARE(d.size(), 2);
}

void TestLabelDatasets::labelIsOneWord() {
    QCOMPARE(
        errorOf("# task: classification\nthe plot was good\tpositive\nthe plot was bad\tvery negative\n"),
        std::string("t.tsv:3: the label 'very negative' has 2 words: a label is one word"));
    QCOMPARE(errorOf("text,label\nthe plot was good,  \n", {}, "c.csv"),
             std::string("c.csv:2: empty label: only whitespace"));
    QCOMPARE(errorOf("# task: entailment\na b\tc d\tnot entailed\n"),
             std::string("t.tsv:2: the label 'not entailed' has 2 words: a label is one word"));
    // Surrounding whitespace is trimmed, so " positive " is one word.
    QCOMPARE(readText("# task: classification\ngood\t positive \n").target(0), std::string_view("positive"));
}

void TestLabelDatasets::entailmentLineErrors_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("two columns")
        << "a dog runs\tan animal runs"
        << "t.tsv:2: expected premise<TAB>hypothesis<TAB>label[<TAB>links], found 2 columns";
    QTest::newRow("one column")
        << "a dog runs"
        << "t.tsv:2: expected premise<TAB>hypothesis<TAB>label[<TAB>links], found 1 column";
    QTest::newRow("empty premise") << "  \tan animal runs\tentailment"
                                   << "t.tsv:2: empty premise";
    QTest::newRow("empty hypothesis") << "a dog runs\t\tentailment"
                                      << "t.tsv:2: empty hypothesis";
    QTest::newRow("empty label") << "a dog runs\tan animal runs\t "
                                 << "t.tsv:2: empty label";
    QTest::newRow("separator in premise") << "a dog | runs\tan animal runs\tentailment"
                                          << "t.tsv:2: the premise holds the word '|', which separates "
                                             "premise and hypothesis: remove it or join "
                                             "it to a word";
    QTest::newRow("separator in hypothesis") << "a dog runs\tan animal runs |\tentailment"
                                             << "t.tsv:2: the hypothesis holds the word '|'";
    QTest::newRow("premise index")
        << "a dog runs\tan animal runs\tentailment\t3-0"
        << "t.tsv:2: alignment link 3-0: premise index 3 is out of range (the premise has 3 words)";
    QTest::newRow("hypothesis index")
        << "a dog runs\tan animal runs\tentailment\t0-0 2-5"
        << "t.tsv:2: alignment link 2-5: hypothesis index 5 is out of range (the hypothesis has 3 words)";
    QTest::newRow("bad link") << "a dog runs\tan animal runs\tentailment\t0-0 1-x"
                              << "t.tsv:2: malformed alignment link '1-x'";
}

void TestLabelDatasets::entailmentLineErrors() {
    QFETCH(QString, line);
    QFETCH(QString, message);
    const std::string error = errorOf("# task: entailment\n" + line.toStdString() + "\n");
    QVERIFY2(error.starts_with(message.toStdString()), error.c_str());
    // A "|" inside a word is no separator.
    const Dataset d = readText("# task: entailment\na|b runs\tc runs\tneutral\n");
    QCOMPARE(d.premiseLength(0), 2);
}

void TestLabelDatasets::evidenceLinksEndInZero() {
    DatasetOptions words = withTask(TaskKind::Classification);
    words.sourceTokens = Tokenization::Word;
    QCOMPARE(
        errorOf("the plot was good\tpositive\t3-1\n", words),
        std::string("t.tsv:1: alignment link 3-1: an evidence link is i-0 (source token i decides the label, "
                    "token 0 of the target)"));
    QCOMPARE(errorOf("the plot was good\tpositive\t4-0\n", words),
             std::string("t.tsv:1: alignment link 4-0: source index 4 is out of range (the source has 4 word "
                         "tokens)"));
}

void TestLabelDatasets::reverseRefused() {
    DatasetOptions reverse = withTask(TaskKind::Classification);
    reverse.reverse = true;
    QCOMPARE(errorOf("good\tpositive\n", reverse),
             std::string(
                 "t.tsv: the reverse option cannot apply to a classification dataset: its target is a label, "
                 "not a text to read"));
    reverse.task = TaskKind::Pairs; // detected from the comment: named by its line
    QCOMPARE(errorOf("# task: entailment\na b\tc d\tneutral\n", reverse),
             std::string(
                 "t.tsv:1: the reverse option cannot apply to an entailment dataset: its target is a label, "
                 "not a text to read"));
}

void TestLabelDatasets::splitter() {
    const std::vector<std::string> tokens = {"a", "dog", "runs", "|", "an", "animal", "runs"};
    QCOMPARE(premiseLength(tokens), 3);
    const PremiseHypothesisTokens parts = splitPremiseHypothesis(tokens);
    QCOMPARE(parts.premise, (std::vector<std::string>{"a", "dog", "runs"}));
    QCOMPARE(parts.hypothesis, (std::vector<std::string>{"an", "animal", "runs"}));
    QCOMPARE(premiseLength(std::vector<std::string>{"no", "separator"}), -1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             splitPremiseHypothesis(std::vector<std::string>{"a", "b"}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             splitPremiseHypothesis(std::vector<std::string>{"|", "b"}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             splitPremiseHypothesis(std::vector<std::string>{"a", "|"}));
    const std::string joined = joinPremiseHypothesis("a dog", "the animal");
    const PremiseHypothesisText text = splitPremiseHypothesisText(joined);
    QCOMPARE(text.premise, std::string_view("a dog"));
    QCOMPARE(text.hypothesis, std::string_view("the animal"));
    QVERIFY(hasSeparatorWord("x | y"));
    QVERIFY(!hasSeparatorWord("x|y"));
}

void TestLabelDatasets::pairsFilesUnchanged() {
    // A file with no label column and no comment reads exactly as before issue 15.
    const Dataset d = loadDataset(testDataset("aligned.tsv"));
    QCOMPARE(d.task(), TaskKind::Pairs);
    QCOMPARE(d.premiseLength(0), -1);
    QCOMPARE(d.options().targetTokens, Tokenization::Char);
    const Dataset two = readText("the plot was good\tvery positive\n");
    QCOMPARE(two.target(0), std::string_view("very positive"));
}

QTEST_APPLESS_MAIN(TestLabelDatasets)
#include "tst_label_datasets.moc"
