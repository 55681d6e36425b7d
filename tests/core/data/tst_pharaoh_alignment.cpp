// Pharaoh alignment text: parsing, errors, formatting, transposition.
#include "core/data/PharaohAlignment.h"

#include <QtTest>

using namespace attnlab;

class TestPharaohAlignment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesSureAndPossible();
    void emptyIsNoLinks();
    void malformed_data();
    void malformed();
    void duplicates();
    void formatRoundTrip();
    void looksLike();
    void transpose();
};

void TestPharaohAlignment::parsesSureAndPossible() {
    const Alignment links = parseAlignment("0-0 1-2  2?1\t10-3");
    const Alignment expected = {{0, 0, true}, {1, 2, true}, {2, 1, false}, {10, 3, true}};
    QCOMPARE(links, expected);
}

void TestPharaohAlignment::emptyIsNoLinks() {
    QVERIFY(parseAlignment("").empty());
    QVERIFY(parseAlignment("   ").empty());
}

void TestPharaohAlignment::malformed_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("missing target") << "0-0 1-"
                                    << "malformed alignment link '1-'";
    QTest::newRow("missing source") << "-1"
                                    << "malformed alignment link '-1'";
    QTest::newRow("letters") << "a-b"
                             << "malformed alignment link 'a-b'";
    QTest::newRow("three parts") << "1-2-3"
                                 << "malformed alignment link '1-2-3'";
    QTest::newRow("no separator") << "12"
                                  << "malformed alignment link '12'";
    QTest::newRow("comma list") << "0-0,1-1"
                                << "malformed alignment link '0-0,1-1'";
    QTest::newRow("too large") << "99999999999-1"
                               << "index too large";
}

void TestPharaohAlignment::malformed() {
    QFETCH(QString, text);
    QFETCH(QString, fragment);
    try {
        parseAlignment(text.toStdString());
        QFAIL("no error");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains(fragment), e.what());
    }
}

void TestPharaohAlignment::duplicates() {
    try {
        parseAlignment("0-0 1-1 1?1");
        QFAIL("no error");
    } catch (const std::invalid_argument& e) {
        QCOMPARE(QString(e.what()), QString("duplicate alignment link between source 1 and target 1"));
    }
}

void TestPharaohAlignment::formatRoundTrip() {
    const Alignment links = {{0, 0, true}, {1, 2, false}, {2, 1, true}};
    QCOMPARE(formatAlignment(links), std::string("0-0 1?2 2-1"));
    QCOMPARE(parseAlignment(formatAlignment(links)), links);
    QCOMPARE(formatAlignment({}), std::string());
}

void TestPharaohAlignment::looksLike() {
    QVERIFY(looksLikeAlignment("0-0 1?2"));
    QVERIFY(looksLikeAlignment(""));
    QVERIFY(!looksLikeAlignment("CC-BY 2.0 (France) Attribution: tatoeba.org #2877272"));
    QVERIFY(looksLikeAlignment("   "));
    // Mostly links: an alignment with a typo, which the reader reports instead of ignoring.
    QVERIFY(looksLikeAlignment("0-2 1-x"));
    QVERIFY(looksLikeAlignment("0-0, 1-1"));
    QVERIFY(!looksLikeAlignment("0-0 x y"));
    QVERIFY(!looksLikeAlignment("2-3"
                                " 2020-2021 season, see notes"));
    QVERIFY(!looksLikeAlignment("- ?"));
}

void TestPharaohAlignment::transpose() {
    const Alignment links = {{0, 2, true}, {1, 0, false}, {2, 1, true}};
    const Alignment expected = {{0, 1, false}, {1, 2, true}, {2, 0, true}};
    QCOMPARE(transposeAlignment(links), expected);
}

QTEST_APPLESS_MAIN(TestPharaohAlignment)
#include "tst_pharaoh_alignment.moc"
