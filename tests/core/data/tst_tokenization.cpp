// Char and word tokenisation of multi-byte text.
#include "core/data/Tokenization.h"

#include <QtTest>

using namespace attnlab;

namespace {
QStringList toQt(const std::vector<std::string>& tokens) {
    QStringList list;
    for (const std::string& t : tokens) list << QString::fromStdString(t);
    return list;
}
} // namespace

class TestTokenization : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tokenize_data();
    void tokenize();
    void visitsViews();
    void join();
    void names();
};

void TestTokenization::tokenize_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("words");
    QTest::addColumn<QStringList>("tokens");
    QTest::newRow("char ascii") << "ab c" << false << QStringList{"a", "b", " ", "c"};
    QTest::newRow("char é is one token") << "café" << false << QStringList{"c", "a", "f", "é"};
    QTest::newRow("char ß is one token") << "straße" << false << QStringList{"s", "t", "r", "a", "ß", "e"};
    QTest::newRow("char CJK") << "日本語" << false << QStringList{"日", "本", "語"};
    QTest::newRow("char 4-byte emoji")
        << QString::fromUtf8("a\xf0\x9f\x98\x80"
                             "b")
        << false << QStringList{"a", QString::fromUtf8("\xf0\x9f\x98\x80"), "b"};
    QTest::newRow("char empty") << "" << false << QStringList{};
    QTest::newRow("word spaces and tabs") << "  the  red\tcar " << true << QStringList{"the", "red", "car"};
    QTest::newRow("word no-break space splits")
        << QString::fromUtf8("la\xc2\xa0voiture") << true << QStringList{"la", "voiture"};
    QTest::newRow("word accents") << "l'été fatiguée" << true << QStringList{"l'été", "fatiguée"};
    QTest::newRow("word only blanks") << " \t " << true << QStringList{};
}

void TestTokenization::tokenize() {
    QFETCH(QString, text);
    QFETCH(bool, words);
    QFETCH(QStringList, tokens);
    const Tokenization kind = words ? Tokenization::Word : Tokenization::Char;
    const std::string utf8 = text.toStdString();
    QCOMPARE(toQt(attnlab::tokenize(utf8, kind)), tokens);
    QCOMPARE(tokenCount(utf8, kind), static_cast<int>(tokens.size()));
}

void TestTokenization::visitsViews() {
    const std::string text = "ça va";
    std::vector<std::size_t> offsets;
    forEachToken(text, Tokenization::Char, [&](std::string_view token) {
        offsets.push_back(static_cast<std::size_t>(token.data() - text.data()));
    });
    // ç takes two bytes.
    QCOMPARE(offsets, (std::vector<std::size_t>{0, 2, 3, 4, 5}));
}

void TestTokenization::join() {
    QCOMPARE(joinTokens({"é", "t", "é"}, Tokenization::Char), std::string("été"));
    QCOMPARE(joinTokens({"la", "voiture", "rouge"}, Tokenization::Word), std::string("la voiture rouge"));
    QCOMPARE(joinTokens({}, Tokenization::Word), std::string());
}

void TestTokenization::names() {
    QCOMPARE(tokenizationName(Tokenization::Char), std::string_view("char"));
    QCOMPARE(tokenizationName(Tokenization::Word), std::string_view("word"));
    QCOMPARE(parseTokenization("word"), std::optional<Tokenization>(Tokenization::Word));
    QCOMPARE(parseTokenization("char"), std::optional<Tokenization>(Tokenization::Char));
    QVERIFY(!parseTokenization("bpe").has_value());
}

QTEST_APPLESS_MAIN(TestTokenization)
#include "tst_tokenization.moc"
