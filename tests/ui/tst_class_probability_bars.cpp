// The class-probability bars the classification and entailment views share: the numbers written
// are the probabilities rounded to whole percents, the bars' lengths are the probabilities, the
// headline says ✓ or ✗ against a known gold label, bad sizes and indices are refused with a
// message naming them, and a larger font grows the widget instead of clipping it.
#include "ui/label/ClassProbabilityBars.h"
#include "ui/plots/PlotTheme.h"

#include <QtTest>

#include <stdexcept>

using namespace attnlab::ui;

class TestClassProbabilityBars : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsShowRoundedPercents();
    void barLengthsAreTheProbabilities();
    void headlineJudgesAgainstGold();
    void refusesBadOutcomes_data();
    void refusesBadOutcomes();
    void largerFontGrowsTheRows();
};

namespace {
const std::vector<QString> kSentiment = {"negative", "neutral", "positive"};
} // namespace

void TestClassProbabilityBars::rowsShowRoundedPercents() {
    ClassProbabilityBars bars;
    bars.setOutcome(kSentiment, {0.046, 0.0245, 0.9295}, 2, 2);
    QCOMPARE(bars.count(), 3);
    QCOMPARE(bars.rowText(0), QStringLiteral("negative 5%"));
    QCOMPARE(bars.rowText(1), QStringLiteral("neutral 2%"));
    QCOMPARE(bars.rowText(2), QStringLiteral("positive 93%"));
    QCOMPARE(bars.predicted(), 2);
    QCOMPARE(bars.gold(), 2);
}

void TestClassProbabilityBars::barLengthsAreTheProbabilities() {
    ClassProbabilityBars bars;
    bars.resize(600, bars.sizeHint().height());
    bars.setOutcome(kSentiment, {0.25, 0.0, 0.75}, 2, -1);
    const int track = bars.trackRect(0).width();
    QVERIFY(track > 200);
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(bars.trackRect(k).width(), track); // one scale for every class
        QVERIFY(std::abs(bars.barRect(k).width() - bars.probability(k) * track) <= 1.0);
        QCOMPARE(bars.barRect(k).left(), bars.trackRect(k).left());
    }
    QCOMPARE(bars.barRect(1).width(), 0);
    // Rows one under the other, none overlapping.
    QVERIFY(bars.trackRect(1).top() > bars.trackRect(0).bottom());
    QVERIFY(bars.trackRect(2).top() > bars.trackRect(1).bottom());
    // The decision stands out from the other classes.
    QVERIFY(bars.barColour(2) != bars.barColour(0));
    QCOMPARE(bars.barColour(0), bars.barColour(1));
}

void TestClassProbabilityBars::headlineJudgesAgainstGold() {
    ClassProbabilityBars bars;
    bars.setOutcome(kSentiment, {0.07, 0.0, 0.93}, 2, 2);
    QCOMPARE(bars.headline(), QStringLiteral("Predicted: positive 93% \u2713 (gold: positive)"));
    bars.setOutcome(kSentiment, {0.61, 0.09, 0.30}, 0, 2);
    QCOMPARE(bars.headline(), QStringLiteral("Predicted: negative 61% \u2717 (gold: positive)"));
    bars.setOutcome(kSentiment, {0.61, 0.09, 0.30}, 0, -1);
    QCOMPARE(bars.headline(), QStringLiteral("Predicted: negative 61%"));
    bars.clear();
    QCOMPARE(bars.count(), 0);
    QCOMPARE(bars.predicted(), -1);
}

void TestClassProbabilityBars::refusesBadOutcomes_data() {
    QTest::addColumn<int>("classes");
    QTest::addColumn<std::vector<double>>("probabilities");
    QTest::addColumn<int>("predicted");
    QTest::addColumn<int>("gold");
    QTest::addColumn<QString>("message");
    QTest::newRow("no classes") << 0 << std::vector<double>{} << 0 << -1 << "no classes";
    QTest::newRow("fewer probabilities")
        << 3 << std::vector<double>{0.5, 0.5} << 0 << -1 << "2 probabilities for 3 classes";
    QTest::newRow("not a distribution")
        << 3 << std::vector<double>{0.5, 0.5, 0.5} << 0 << -1 << "sums to 1.5";
    QTest::newRow("negative") << 3 << std::vector<double>{1.5, -0.5, 0.0} << 0 << -1 << "entry 1 is -0.5";
    QTest::newRow("predicted outside")
        << 3 << std::vector<double>{0.2, 0.3, 0.5} << 3 << -1 << "predicted class 3 is outside 0..2";
    QTest::newRow("gold outside") << 3 << std::vector<double>{0.2, 0.3, 0.5} << 2 << -2
                                  << "gold class -2 is outside -1..2";
}

void TestClassProbabilityBars::refusesBadOutcomes() {
    QFETCH(int, classes);
    QFETCH(std::vector<double>, probabilities);
    QFETCH(int, predicted);
    QFETCH(int, gold);
    QFETCH(QString, message);
    ClassProbabilityBars bars;
    bars.setOutcome(kSentiment, {0.07, 0.0, 0.93}, 2, 2);
    const std::vector<QString> names(kSentiment.begin(), kSentiment.begin() + classes);
    try {
        bars.setOutcome(names, probabilities, predicted, gold);
        QFAIL("accepted a bad outcome");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
    }
    QCOMPARE(bars.rowText(2), QStringLiteral("positive 93%")); // what was shown stays
}

void TestClassProbabilityBars::largerFontGrowsTheRows() {
    ClassProbabilityBars bars;
    bars.setOutcome({"entailment", "contradiction", "neutral"}, {0.8, 0.15, 0.05}, 0, 1);
    const QSize normal = bars.sizeHint();
    bars.setFont(PlotTheme::scaledFont(bars.font(), 1.5));
    const QSize large = bars.sizeHint();
    QVERIFY2(large.height() >= normal.height() * 1.4,
             qPrintable(QStringLiteral("%1 -> %2").arg(normal.height()).arg(large.height())));
    QVERIFY(bars.minimumSizeHint().height() == large.height()); // rows are never squeezed
    // Name, number and mark keep their room at the larger font: the track starts past the longest name.
    bars.resize(900, large.height());
    QVERIFY(bars.trackRect(0).left() >= QFontMetrics(bars.font()).horizontalAdvance("contradiction"));
    QVERIFY(bars.trackRect(0).right() < 900 - QFontMetrics(bars.font()).horizontalAdvance("100%"));
}

QTEST_MAIN(TestClassProbabilityBars)
#include "tst_class_probability_bars.moc"
