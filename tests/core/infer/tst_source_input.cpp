// A person's text as a model's source (issue 11, defect 2 and the typed-input entries of the
// catalogue): normalised exactly as training normalised the data, held to the typed-input limit
// (refused whole, never cut), and with every token the vocabulary lacks counted and listed.
#include "core/data/Utf8.h"
#include "core/infer/SourceInput.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace attnlab;

namespace {
// A lowercase source vocabulary: a..e, é, a space, and the words "the", "cat".
Vocabulary vocabulary() {
    return Vocabulary::build(
        std::vector<std::vector<std::string>>{{"a", "b", "c", "d", "e", "\xC3\xA9", " ", "the", "cat"}});
}

QStringList toQt(const std::vector<std::string>& tokens) {
    QStringList list;
    for (const std::string& token : tokens) list << QString::fromStdString(token);
    return list;
}
} // namespace

class TestSourceInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsAsTrainingRead_data();
    void readsAsTrainingRead();
    void lowercaseModelReadsCapitalsAsLowercase();
    void tenThousandCharactersAreRefusedQuickly();
    void typedLimit_data();
    void typedLimit();
    void datasetTokensAreEncodedWithoutALimit();
};

void TestSourceInput::readsAsTrainingRead_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("lowercase");
    QTest::addColumn<bool>("trim");
    QTest::addColumn<bool>("words");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("problem");
    QTest::addColumn<int>("length");
    QTest::addColumn<QStringList>("tokens");
    QTest::addColumn<int>("unknownCount");
    QTest::addColumn<QStringList>("unknown");
    const int ok = int(SourceProblem::None);
    const int empty = int(SourceProblem::Empty);
    const int tooLong = int(SourceProblem::TooLong);
    const QStringList none;
    QTest::newRow("plain") << QByteArray("abc") << false << true << false << 256 << ok << 3
                           << QStringList{"a", "b", "c"} << 0 << none;
    QTest::newRow("capitals, lowercase model") << QByteArray("ABC") << true << true << false << 256 << ok << 3
                                               << QStringList{"a", "b", "c"} << 0 << none;
    QTest::newRow("capitals, plain model") << QByteArray("ABC") << false << true << false << 256 << ok << 3
                                           << QStringList{"A", "B", "C"} << 3 << QStringList{"A", "B", "C"};
    QTest::newRow("accented capital, lowercase model")
        << QByteArray("\xC3\x89"
                      "a")
        << true << true << false << 256 << ok << 2 << QStringList{QString::fromUtf8("\xC3\xA9"), "a"} << 0
        << none;
    QTest::newRow("trimmed") << QByteArray("  ab\t\n") << false << true << false << 256 << ok << 2
                             << QStringList{"a", "b"} << 0 << none;
    QTest::newRow("Unicode spaces trimmed")
        << QByteArray("\xC2\xA0"
                      "ab\xE2\x80\x83")
        << false << true << false << 256 << ok << 2 << QStringList{"a", "b"} << 0 << none;
    QTest::newRow("untrimmed model keeps the spaces")
        << QByteArray(" ab ") << false << false << false << 256 << ok << 4 << QStringList{" ", "a", "b", " "}
        << 0 << none;
    QTest::newRow("untrimmed tab is unknown") << QByteArray("\tab") << false << false << false << 256 << ok
                                              << 3 << QStringList{"\t", "a", "b"} << 1 << QStringList{"\t"};
    QTest::newRow("words, lowercase model") << QByteArray("  The   CAT ") << true << true << true << 256 << ok
                                            << 2 << QStringList{"the", "cat"} << 0 << none;
    QTest::newRow("words, plain model") << QByteArray("The cat") << false << true << true << 256 << ok << 2
                                        << QStringList{"The", "cat"} << 1 << QStringList{"The"};
    QTest::newRow("empty") << QByteArray("") << false << true << false << 256 << empty << 0 << none << 0
                           << none;
    QTest::newRow("only spaces") << QByteArray(" \t ") << false << true << false << 256 << empty << 0 << none
                                 << 0 << none;
    QTest::newRow("only spaces, words, untrimmed")
        << QByteArray("   ") << false << false << true << 256 << empty << 0 << none << 0 << none;
    QTest::newRow("never seen, counted and listed once")
        << QByteArray("zaz\xE2\x98\x83") << false << true << false << 256 << ok << 4
        << QStringList{"z", "a", "z", QString::fromUtf8("\xE2\x98\x83")} << 3
        << QStringList{"z", QString::fromUtf8("\xE2\x98\x83")};
    QTest::newRow("a typed special is text") << QByteArray("</s>") << false << true << true << 256 << ok << 1
                                             << QStringList{"</s>"} << 1 << QStringList{"</s>"};
    QTest::newRow("at the limit") << QByteArray(8, 'a') << false << true << false << 8 << ok << 8
                                  << QStringList(8, "a") << 0 << none;
    QTest::newRow("one past the limit")
        << QByteArray(9, 'a') << false << true << false << 8 << tooLong << 9 << none << 0 << none;
    QTest::newRow("limit counts tokens after trimming")
        << QByteArray("   aaaaaaaa   ") << false << true << false << 8 << ok << 8 << QStringList(8, "a") << 0
        << none;
    QTest::newRow("limit counts words") << QByteArray("the cat the cat the") << false << true << true << 4
                                        << tooLong << 5 << none << 0 << none;
    QTest::newRow("10,000 characters")
        << QByteArray(10000, 'a') << false << true << false << 256 << tooLong << 10000 << none << 0 << none;
    QTest::newRow("no limit") << QByteArray(300, 'b') << false << true << false << 0 << ok << 300
                              << QStringList(300, "b") << 0 << none;
}

void TestSourceInput::readsAsTrainingRead() {
    QFETCH(QByteArray, text);
    QFETCH(bool, lowercase);
    QFETCH(bool, trim);
    QFETCH(bool, words);
    QFETCH(int, limit);
    QFETCH(int, problem);
    QFETCH(int, length);
    QFETCH(QStringList, tokens);
    QFETCH(int, unknownCount);
    QFETCH(QStringList, unknown);
    const SourceReading reading{.normalization = {.lowercase = lowercase, .trim = trim},
                                .tokenization = words ? Tokenization::Word : Tokenization::Char,
                                .limit = {.tokens = limit}};
    const Vocabulary vocab = vocabulary();
    const SourceInput input = readSourceInput(text.toStdString(), reading, vocab);
    QCOMPARE(int(input.problem), problem);
    QCOMPARE(input.ok(), problem == int(SourceProblem::None));
    QCOMPARE(input.length, length);
    QCOMPARE(toQt(input.tokens), tokens);
    QCOMPARE(input.ids.size(), input.tokens.size());
    for (size_t i = 0; i < input.ids.size(); ++i) // a typed special ("</s>") is text: <unk>
        QCOMPARE(input.ids[i], vocab.encode({input.tokens[i]})[0]);
    QCOMPARE(input.unknownCount, unknownCount);
    QCOMPARE(toQt(input.unknown), unknown);
    QCOMPARE(input.limit.tokens, limit);
    // The tokens are the training path's: modelTokens of the same text (when not refused).
    if (input.ok())
        QCOMPARE(toQt(modelTokens(text.toStdString(), reading.normalization, reading.tokenization)), tokens);
    QCOMPARE(input.problemText().empty(), input.ok());
}

void TestSourceInput::lowercaseModelReadsCapitalsAsLowercase() {
    const Vocabulary vocab = vocabulary();
    SourceReading reading{.normalization = {.lowercase = true}, .tokenization = Tokenization::Char};
    const SourceInput upper = readSourceInput(" ABC ", reading, vocab);
    const SourceInput lower = readSourceInput("abc", reading, vocab);
    QVERIFY(upper.ok());
    QCOMPARE(upper.ids, lower.ids);
    QCOMPARE(upper.tokens, lower.tokens);
    QCOMPARE(upper.unknownCount, 0);

    reading.normalization.lowercase = false; // a model trained on text as written
    const SourceInput plain = readSourceInput("ABC", reading, vocab);
    QCOMPARE(plain.ids, std::vector<int>(3, UnknownId));
    QVERIFY(plain.ids != lower.ids);
}

void TestSourceInput::tenThousandCharactersAreRefusedQuickly() {
    const std::string text(10000, 'a');
    const SourceReading reading{.limit = {.tokens = 256}};
    QElapsedTimer timer;
    timer.start();
    const SourceInput input = readSourceInput(text, reading, vocabulary());
    QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(input.problem, SourceProblem::TooLong);
    QCOMPARE(input.tokens.size(), size_t(0)); // refused whole: nothing for a heatmap to draw
    QCOMPARE(
        input.problemText(),
        std::string("the input has 10000 tokens; this model takes at most 256 typed tokens (longer input is "
                    "refused, never cut)"));
    const SourceInput positional =
        readSourceInput(text, SourceReading{.limit = {.tokens = 64, .positional = true}}, vocabulary());
    QCOMPARE(positional.problemText(),
             std::string("the input has 10000 tokens; this model (location scorer) reads at most 64"));
    QCOMPARE(readSourceInput("", reading, vocabulary()).problemText(), std::string("the input is empty"));
    const SourceInput invalid = readSourceInput("ab\xFF", reading, vocabulary());
    QCOMPARE(invalid.problem, SourceProblem::InvalidUtf8);
    QCOMPARE(invalid.problemText(), std::string("the input is not valid UTF-8 (byte 2)"));
}

void TestSourceInput::typedLimit_data() {
    QTest::addColumn<int>("scorer");
    QTest::addColumn<int>("maxSourceLength");
    QTest::addColumn<int>("tokens");
    QTest::addColumn<bool>("positional");
    QTest::newRow("location: its positions") << int(ScorerKind::Location) << 64 << 64 << true;
    QTest::newRow("location, more positions") << int(ScorerKind::Location) << 500 << 500 << true;
    QTest::newRow("location past the ceiling")
        << int(ScorerKind::Location) << 5000 << kTypedSourceCeiling << false;
    QTest::newRow("dot: at least the floor") << int(ScorerKind::Dot) << 64 << kTypedSourceFloor << false;
    QTest::newRow("general: trained longer") << int(ScorerKind::General) << 300 << 300 << false;
    QTest::newRow("additive: a file claiming a million")
        << int(ScorerKind::Additive) << 1000000 << kTypedSourceCeiling << false;
    QTest::newRow("none") << int(ScorerKind::None) << 64 << kTypedSourceFloor << false;
}

void TestSourceInput::typedLimit() {
    QFETCH(int, scorer);
    QFETCH(int, maxSourceLength);
    QFETCH(int, tokens);
    QFETCH(bool, positional);
    ModelConfig config;
    config.scorer = static_cast<ScorerKind>(scorer);
    config.maxSourceLength = maxSourceLength;
    const SourceLimit limit = typedSourceLimit(config);
    QCOMPARE(limit.tokens, tokens);
    QCOMPARE(limit.positional, positional);
}

void TestSourceInput::datasetTokensAreEncodedWithoutALimit() {
    const SourceInput input = encodeSourceTokens(std::vector<std::string>(2000, "q"), vocabulary());
    QVERIFY(input.ok());
    QCOMPARE(input.length, 2000);
    QCOMPARE(input.unknownCount, 2000);
    QCOMPARE(toQt(input.unknown), QStringList{"q"});
    QCOMPARE(encodeSourceTokens({}, vocabulary()).problem, SourceProblem::Empty);
}

QTEST_APPLESS_MAIN(TestSourceInput)
#include "tst_source_input.moc"
