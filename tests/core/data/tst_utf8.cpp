// UTF-8 validation, whitespace, trimming and the simple lowercase mapping.
#include "core/data/Utf8.h"

#include <QtTest>

#include <string>

using namespace attnlab;

class TestUtf8 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findInvalid_data();
    void findInvalid();
    void codePoints();
    void whitespace();
    void trim_data();
    void trim();
    void lowercase_data();
    void lowercase();
    void normalize();
};

void TestUtf8::findInvalid_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qlonglong>("offset"); // -1 = valid
    QTest::newRow("ascii") << QByteArray("hello") << -1LL;
    QTest::newRow("two-byte é") << QByteArray("caf\xc3\xa9") << -1LL;
    QTest::newRow("four-byte emoji") << QByteArray("a\xf0\x9f\x98\x80") << -1LL;
    QTest::newRow("0xff") << QByteArray("ab\xff") << 2LL;
    QTest::newRow("stray continuation") << QByteArray("abc\x80") << 3LL;
    QTest::newRow("truncated euro sign") << QByteArray("x\xe2\x82") << 1LL;
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << 0LL;
    QTest::newRow("surrogate") << QByteArray("ok\xed\xa0\x80") << 2LL;
    QTest::newRow("beyond U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << 0LL;
}

void TestUtf8::findInvalid() {
    QFETCH(QByteArray, bytes);
    QFETCH(qlonglong, offset);
    const std::size_t found =
        findInvalidUtf8(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    QCOMPARE(found == std::string_view::npos ? -1LL : static_cast<qlonglong>(found), offset);
}

void TestUtf8::codePoints() {
    QCOMPARE(codePointCount(""), std::size_t(0));
    QCOMPARE(codePointCount("caf\xc3\xa9"), std::size_t(4)); // café
    QCOMPARE(codePointCount("stra\xc3\x9f"
                            "e"),
             std::size_t(6));                                             // straße
    QCOMPARE(codePointCount("\xe6\x97\xa5\xe6\x9c\xac"), std::size_t(2)); // 日本
    QCOMPARE(codePointCount("a\xf0\x9f\x98\x80"
                            "b"),
             std::size_t(3));
}

void TestUtf8::whitespace() {
    for (char32_t c : {U' ', U'\t', U'\n', U'\r', U'\v', U'\f', char32_t(0x85), char32_t(0xA0),
                       char32_t(0x2003), char32_t(0x202F), char32_t(0x3000)})
        QVERIFY2(isUnicodeWhitespace(c), qPrintable(QString::number(static_cast<uint>(c), 16)));
    for (char32_t c : {U'a', U'0', U'_', char32_t(0xE9), char32_t(0x200B), char32_t(0xFEFF)})
        QVERIFY2(!isUnicodeWhitespace(c), qPrintable(QString::number(static_cast<uint>(c), 16)));
}

void TestUtf8::trim_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("trimmed");
    QTest::newRow("none") << QByteArray("a b") << QByteArray("a b");
    QTest::newRow("ascii") << QByteArray(" \t a b \r") << QByteArray("a b");
    QTest::newRow("no-break and ideographic space")
        << QByteArray("\xc2\xa0x y\xe3\x80\x80") << QByteArray("x y");
    QTest::newRow("only blanks") << QByteArray(" \xc2\xa0 ") << QByteArray("");
    QTest::newRow("multi-byte edge kept")
        << QByteArray(" \xc3\xa9t\xc3\xa9 ") << QByteArray("\xc3\xa9t\xc3\xa9");
}

void TestUtf8::trim() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, trimmed);
    QCOMPARE(QByteArray::fromStdString(std::string(trimUnicodeWhitespace(text.toStdString()))), trimmed);
}

void TestUtf8::lowercase_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("lowered");
    QTest::newRow("ascii") << QByteArray("Hello WORLD 42") << QByteArray("hello world 42");
    QTest::newRow("latin-1 ÉTÉ") << QByteArray("\xc3\x89T\xc3\x89") << QByteArray("\xc3\xa9t\xc3\xa9");
    QTest::newRow("× unchanged") << QByteArray("\xc3\x97") << QByteArray("\xc3\x97");
    QTest::newRow("ß stays") << QByteArray("STRA\xc3\x9f"
                                           "E")
                             << QByteArray("stra\xc3\x9f"
                                           "e");
    QTest::newRow("capital ẞ to ß") << QByteArray("\xe1\xba\x9e") << QByteArray("\xc3\x9f");
    QTest::newRow("Ÿ to ÿ") << QByteArray("\xc5\xb8") << QByteArray("\xc3\xbf");
    QTest::newRow("dotted İ to i") << QByteArray("\xc4\xb0") << QByteArray("i");
    QTest::newRow("Ł to ł (odd pair)") << QByteArray("\xc5\x81") << QByteArray("\xc5\x82");
    QTest::newRow("Ő to ő (even pair)") << QByteArray("\xc5\x90") << QByteArray("\xc5\x91");
    QTest::newRow("greek ΣΑ") << QByteArray("\xce\xa3\xce\x91") << QByteArray("\xcf\x83\xce\xb1");
    QTest::newRow("cyrillic ДОМ Ё") << QByteArray("\xd0\x94\xd0\x9e\xd0\x9c \xd0\x81")
                                    << QByteArray("\xd0\xb4\xd0\xbe\xd0\xbc \xd1\x91");
    QTest::newRow("vietnamese Ạ") << QByteArray("\xe1\xba\xa0") << QByteArray("\xe1\xba\xa1");
    QTest::newRow("full-width Ａ") << QByteArray("\xef\xbc\xa1") << QByteArray("\xef\xbd\x81");
    QTest::newRow("CJK unchanged") << QByteArray("\xe6\x97\xa5\xe6\x9c\xac")
                                   << QByteArray("\xe6\x97\xa5\xe6\x9c\xac");
}

void TestUtf8::lowercase() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, lowered);
    const std::string out = lowercaseUtf8(text.toStdString());
    QCOMPARE(QByteArray::fromStdString(out), lowered);
    // One code point to one: character positions (and gold alignments) survive lowercasing.
    QCOMPARE(codePointCount(out), codePointCount(text.toStdString()));
}

void TestUtf8::normalize() {
    QCOMPARE(normalizeText("  The CAT\t", true, true), std::string("the cat"));
    QCOMPARE(normalizeText("  The CAT\t", false, true), std::string("The CAT"));
    QCOMPARE(normalizeText("  The CAT\t", true, false), std::string("  the cat\t"));
}

QTEST_APPLESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
