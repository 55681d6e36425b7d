// Character error rate on hand-computed cases: Levenshtein distance in code points (not bytes),
// empty sides, corpus sums and the NaN of an empty corpus.
#include "core/eval/CharacterErrorRate.h"

#include <QtTest>

#include <cmath>

using namespace attnlab;

class TestCharacterErrorRate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void distance_data() {
        QTest::addColumn<QString>("hypothesis");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("edits");
        QTest::newRow("equal") << "three five"
                               << "three five" << 0;
        // k->s, e->i, insert g.
        QTest::newRow("kitten/sitting") << "kitten"
                                        << "sitting" << 3;
        QTest::newRow("empty hypothesis") << ""
                                          << "abc" << 3;
        QTest::newRow("empty reference") << "abc"
                                         << "" << 3;
        QTest::newRow("both empty") << ""
                                    << "" << 0;
        // f->n, v->n: the word differs in two characters, not one word.
        QTest::newRow("one word wrong") << "three five"
                                        << "three nine" << 2;
        // A dropped word and its space: 5 deletions.
        QTest::newRow("missing word") << "one two"
                                      << "one two four" << 5;
        // é is two bytes but one character: one substitution.
        QTest::newRow("utf-8") << QString::fromUtf8("h\u00e9llo") << "hello" << 1;
        QTest::newRow("swap") << "ab"
                              << "ba" << 2;
    }
    void distance() {
        QFETCH(QString, hypothesis);
        QFETCH(QString, reference);
        QFETCH(int, edits);
        const std::string h = hypothesis.toStdString(), r = reference.toStdString();
        QCOMPARE(characterEditDistance(h, r), edits);
        QCOMPARE(characterEditDistance(r, h), edits); // insertions and deletions cost the same
    }

    void corpusSumsBeforeDividing() {
        CharacterErrorRate cer;
        cer.add("kitten", "sitting"); // 3 edits over 7 characters
        cer.add("abc", "abc");        // 0 over 3
        QCOMPARE(cer.edits(), 3L);
        QCOMPARE(cer.referenceCharacters(), 10L);
        QCOMPARE(cer.examples(), 2L);
        QCOMPARE(cer.rate(), 0.3); // not the mean of 3/7 and 0
    }

    void rateCanExceedOne() {
        CharacterErrorRate cer;
        cer.add("abcdef", "a"); // 5 insertions over 1 character
        QCOMPARE(cer.rate(), 5.0);
    }

    void referenceCharactersAreCodePoints() {
        CharacterErrorRate cer;
        cer.add("", "\u00e9t\u00e9"); // 3 characters, 5 bytes
        QCOMPARE(cer.referenceCharacters(), 3L);
        QCOMPARE(cer.rate(), 1.0);
    }

    void emptyCorpusIsNaN() {
        CharacterErrorRate cer;
        QVERIFY(std::isnan(cer.rate()));
        cer.add("x", "");
        QVERIFY(std::isnan(cer.rate())); // no reference characters to divide by
        QCOMPARE(cer.edits(), 1L);
    }
};

QTEST_APPLESS_MAIN(TestCharacterErrorRate)
#include "tst_character_error_rate.moc"
