// Token labels: invisible characters get visible stand-ins, reserved tokens stay verbatim and
// are flagged special.
#include "ui/plots/TokenLabels.h"

#include <QtTest>

using attnlab::ui::tokenLabel;

class TestTokenLabels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void visibleForm_data();
    void visibleForm();
    void specialsAreExactlyTheFourReservedTokens_data();
    void specialsAreExactlyTheFourReservedTokens();
    void listsKeepOrder();
    void standInsAreFlagged();
};

void TestTokenLabels::visibleForm_data() {
    QTest::addColumn<QByteArray>("token"); // UTF-8
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("special");
    QTest::newRow("letter") << QByteArray("a") << QStringLiteral("a") << false;
    QTest::newRow("word") << QByteArray("march") << QStringLiteral("march") << false;
    QTest::newRow("space") << QByteArray(" ") << QStringLiteral("\u2423") << false;
    QTest::newRow("tab") << QByteArray("\t") << QStringLiteral("\u21E5") << false;
    QTest::newRow("newline") << QByteArray("\n") << QStringLiteral("\u21B5") << false;
    QTest::newRow("carriage return") << QByteArray("\r") << QStringLiteral("\u240D") << false;
    QTest::newRow("no-break space") << QByteArray("\xC2\xA0") << QStringLiteral("\u237D") << false;
    QTest::newRow("NUL") << QByteArray("\0", 1) << QStringLiteral("\u2400") << false;
    QTest::newRow("escape") << QByteArray("\x1B") << QStringLiteral("\u241B") << false;
    QTest::newRow("zero-width space")
        << QByteArray("\xE2\x80\x8B") << QStringLiteral("\u27E8U+200B\u27E9") << false;
    QTest::newRow("mixed word") << QByteArray("a b\tc") << QStringLiteral("a\u2423b\u21E5c") << false;
    QTest::newRow("accented") << QByteArray("\xC3\xA9t\xC3\xA9") << QStringLiteral("\u00E9t\u00E9") << false;
    QTest::newRow("outside the BMP") << QByteArray("\xF0\x9F\x98\x80")
                                     << QString::fromUtf8("\xF0\x9F\x98\x80") << false;
    QTest::newRow("empty") << QByteArray() << QStringLiteral("\u27E8empty\u27E9") << false;
    QTest::newRow("end of sentence") << QByteArray("</s>") << QStringLiteral("</s>") << true;
    QTest::newRow("start") << QByteArray("<s>") << QStringLiteral("<s>") << true;
    QTest::newRow("unknown") << QByteArray("<unk>") << QStringLiteral("<unk>") << true;
    QTest::newRow("padding") << QByteArray("<pad>") << QStringLiteral("<pad>") << true;
}

void TestTokenLabels::visibleForm() {
    QFETCH(QByteArray, token);
    QFETCH(QString, expected);
    QFETCH(bool, special);
    const attnlab::ui::TokenLabel label =
        tokenLabel(std::string_view(token.constData(), size_t(token.size())));
    QCOMPARE(label.text, expected);
    QCOMPARE(label.special, special);
}

void TestTokenLabels::specialsAreExactlyTheFourReservedTokens_data() {
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("special");
    QTest::newRow("</s>") << "</s>" << true;
    QTest::newRow("<S> (case)") << "<S>" << false;
    QTest::newRow("</s> with space") << "</s> " << false;
    QTest::newRow("<eos>") << "<eos>" << false;
    QTest::newRow("<") << "<" << false;
}

void TestTokenLabels::specialsAreExactlyTheFourReservedTokens() {
    QFETCH(QString, token);
    QFETCH(bool, special);
    QCOMPARE(attnlab::ui::isSpecialToken(token.toStdString()), special);
}

void TestTokenLabels::listsKeepOrder() {
    const std::vector<std::string> tokens{"2", " ", "</s>"};
    QCOMPARE(attnlab::ui::tokenLabelTexts(tokens), (QStringList{"2", "\u2423", "</s>"}));
    const auto labels = attnlab::ui::tokenLabels(tokens);
    QCOMPARE(labels.size(), size_t(3));
    QVERIFY(!labels[0].special && !labels[1].special && labels[2].special);
}

void TestTokenLabels::standInsAreFlagged() {
    QVERIFY(tokenLabel(" ").standIn);
    QVERIFY(tokenLabel("a\tb").standIn);
    QVERIFY(tokenLabel("").standIn);
    QVERIFY(!tokenLabel("ab").standIn);
    QVERIFY(!tokenLabel("</s>").standIn);
    QVERIFY(!tokenLabel("\xC3\xA9").standIn);
}

QTEST_APPLESS_MAIN(TestTokenLabels)
#include "tst_token_labels.moc"
