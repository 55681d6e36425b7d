// Pinned validation pairs with a real model trained on the reversal task: the first three are
// pinned by default, rows show ✓ once the model reverses them, the selected row's heatmap carries
// the gold markers, pins survive new candidate lists that still hold them, and refreshes from
// fast snapshots are throttled to one a second without losing the latest one.
#include "core/train/Trainer.h"
#include "support/ReversalInference.h"
#include "ui/panels/PinnedPairsPanel.h"
#include "ui/plots/AlignmentHeatmap.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QtTest>

#include <memory>

using namespace attnlab;
using namespace attnlab::ui;

namespace {

// Validation pairs as the window offers them; the gold alignment of a reversal links source
// position i to target position n-1-i, all sure.
std::vector<PinCandidate> candidates(const TrainingData& data, int count, int firstIndex = 0) {
    std::vector<PinCandidate> list;
    for (int k = firstIndex; k < firstIndex + count; ++k) {
        const EncodedPair& pair = data.validation.pairs.at(size_t(k));
        PinCandidate c;
        c.index = k;
        c.sourceTokens = data.sourceVocabulary.decode(pair.source);
        c.referenceTokens = data.targetVocabulary.decode(pair.target);
        c.source = QString::fromStdString(joinTokens(c.sourceTokens, Tokenization::Char));
        c.reference = QString::fromStdString(joinTokens(c.referenceTokens, Tokenization::Char));
        const int n = int(pair.source.size());
        for (int i = 0; i < n; ++i) c.gold.push_back({i, n - 1 - i, true});
        list.push_back(c);
    }
    return list;
}

} // namespace

class TestPinnedPairs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void firstThreeArePinnedByDefault();
    void rowsShowCheckAfterTraining();
    void selectedRowShowsGoldMarkers();
    void pinAndUnpinFromTheControls();
    void pinsSurviveNewCandidates();
    void unpinnedAllStaysEmpty();
    void refreshesAreThrottled();

private:
    TrainingData m_data;
    InferenceModel m_untrained;
    InferenceModel m_trained;
};

void TestPinnedPairs::initTestCase() {
    m_data = test::reversalTrainingData(640, 64, 1);
    Seq2Seq<float> model(test::reversalConfig());
    model.initialize(1);
    m_untrained = test::inferenceModel(model, m_data);
    QCOMPARE(test::trainReversal(model, m_data).outcome, TrainingOutcome::Completed);
    m_trained = test::inferenceModel(model, m_data);
}

void TestPinnedPairs::firstThreeArePinnedByDefault() {
    PinnedPairsPanel panel;
    panel.show();
    QVERIFY(panel.hintVisible());
    QVERIFY(panel.findChild<QLabel*>("pinnedHintLabel")->text().contains("Press Train"));
    QSignalSpy changed(&panel, &PinnedPairsPanel::pinnedChanged);
    panel.setCandidates(candidates(m_data, 10));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(panel.pinned(), std::vector<int>({0, 1, 2}));
    QCOMPARE(panel.rowCount(), 3);
    QCOMPARE(panel.findChild<QComboBox*>("pinCombo")->count(), 7); // the pinned ones are not offered again
    // No model yet: rows show the source and wait; the hint says what to do.
    const QString source0 = candidates(m_data, 1).front().source;
    QCOMPARE(panel.rowText(0), QString("·  %1 → …").arg(source0));
    QCOMPARE(panel.rowOutput(0), QString());
    QVERIFY(!panel.rowCorrect(0));
    QVERIFY(panel.hintVisible());
    QVERIFY(panel.findChild<QLabel*>("pinnedHintLabel")->text().contains("Train a model or open one"));
}

void TestPinnedPairs::rowsShowCheckAfterTraining() {
    PinnedPairsPanel panel;
    panel.show();
    const std::vector<PinCandidate> list = candidates(m_data, 10);
    panel.setCandidates(list);
    panel.setModel(m_trained);
    QVERIFY(!panel.hintVisible());
    auto* widget = panel.findChild<QListWidget*>("pinnedList");
    QCOMPARE(widget->count(), 3);
    for (int row = 0; row < 3; ++row) {
        QVERIFY2(panel.rowCorrect(row), qPrintable(panel.rowText(row)));
        QCOMPARE(panel.rowOutput(row), list[size_t(row)].reference);
        QCOMPARE(panel.rowText(row),
                 QString("✓  %1 → %2").arg(list[size_t(row)].source, list[size_t(row)].reference));
        QCOMPARE(widget->item(row)->text(), panel.rowText(row));
    }
    // The untrained model's outputs are wrong: the rows say so and show what was expected.
    panel.setModel(InferenceModel{}); // a reset, applied at once
    QTest::qWait(PinnedPairsPanel::kRefreshIntervalMs + 50);
    panel.setModel(m_untrained);
    QVERIFY(!panel.rowCorrect(0));
    QVERIFY(panel.rowText(0).startsWith("✗  " + list[0].source + " → "));
    QVERIFY(panel.rowText(0).endsWith("(expected " + list[0].reference + ")"));
}

void TestPinnedPairs::selectedRowShowsGoldMarkers() {
    PinnedPairsPanel panel;
    panel.show();
    const std::vector<PinCandidate> list = candidates(m_data, 10);
    panel.setCandidates(list);
    panel.setModel(m_trained);
    QCOMPARE(panel.selectedRow(), 0); // the first row is shown without a click
    for (int row : {1, 2, 0}) {
        panel.selectRow(row);
        const PinCandidate& c = list[size_t(row)];
        const AlignmentHeatmap& map = *panel.heatmap();
        QVERIFY(map.isVisible());
        QCOMPARE(map.sourceCount(), int(c.sourceTokens.size()));
        QCOMPARE(map.outputCount(), int(c.referenceTokens.size()) + 1); // + </s>
        QCOMPARE(map.goldMarkerCount(), int(c.gold.size()));
        QCOMPARE(map.sureMarkerCount(), int(c.gold.size()));
        QCOMPARE(map.possibleMarkerCount(), 0);
        QVERIFY(panel.findChild<QLabel*>("goldLegendLabel")->isVisible());
    }
    // Issue 17: a model at full exact match whose attention sits one column right of the dots
    // (AER 0.40 on dates) needs a word of explanation beside the heatmap.
    const QLabel* legend = panel.findChild<QLabel*>("goldLegendLabel");
    QVERIFY(legend->text().contains("filled: sure, ring: possible"));
    QVERIFY(legend->text().contains("one step right"));
    QVERIFY(legend->wordWrap()); // wraps in a narrow dock instead of widening it
    QVERIFY(legend->toolTip().contains("y_{t-1}"));
    QVERIFY(legend->toolTip().contains("AER"));
    // Clicking a row in the list selects it too.
    auto* widget = panel.findChild<QListWidget*>("pinnedList");
    const QRect second = widget->visualItemRect(widget->item(1));
    QTest::mouseClick(widget->viewport(), Qt::LeftButton, {}, second.center());
    QCOMPARE(panel.selectedRow(), 1);
    QCOMPARE(panel.heatmap()->sourceCount(), int(list[1].sourceTokens.size()));
}

void TestPinnedPairs::pinAndUnpinFromTheControls() {
    PinnedPairsPanel panel;
    panel.show();
    panel.setCandidates(candidates(m_data, 6));
    panel.setModel(m_trained);
    auto* combo = panel.findChild<QComboBox*>("pinCombo");
    QCOMPARE(combo->count(), 3);
    combo->setCurrentIndex(1); // candidate 4
    QCOMPARE(combo->currentData().toInt(), 4);
    QTest::mouseClick(panel.findChild<QPushButton*>("pinButton"), Qt::LeftButton);
    QCOMPARE(panel.pinned(), std::vector<int>({0, 1, 2, 4}));
    QCOMPARE(panel.selectedRow(), 3); // the new pin is shown
    QVERIFY(panel.rowCorrect(3));
    QCOMPARE(combo->count(), 2);

    panel.selectRow(1);
    QTest::mouseClick(panel.findChild<QPushButton*>("unpinButton"), Qt::LeftButton);
    QCOMPARE(panel.pinned(), std::vector<int>({0, 2, 4}));
    QCOMPARE(panel.selectedRow(), 1);
    QCOMPARE(combo->count(), 3);
    panel.pin(4);  // already pinned: nothing happens
    panel.pin(99); // not a candidate
    QCOMPARE(panel.pinned(), std::vector<int>({0, 2, 4}));
}

void TestPinnedPairs::pinsSurviveNewCandidates() {
    PinnedPairsPanel panel;
    panel.setCandidates(candidates(m_data, 10));
    panel.pin(7);
    panel.unpin(0);
    QCOMPARE(panel.pinned(), std::vector<int>({1, 2, 7}));

    // A new list (e.g. after the split was recomputed) that still holds 1 and 7 but not 2.
    std::vector<PinCandidate> next = candidates(m_data, 10);
    next.erase(next.begin() + 2);
    panel.setCandidates(next);
    QCOMPARE(panel.pinned(), std::vector<int>({1, 7}));

    // Other pairs under the same indices (another dataset): nothing survives, the defaults return.
    std::vector<PinCandidate> other = candidates(m_data, 5, 20);
    for (int i = 0; i < 5; ++i) other[size_t(i)].index = i;
    panel.setCandidates(other);
    QCOMPARE(panel.pinned(), std::vector<int>({0, 1, 2}));
    QCOMPARE(panel.rowText(0), QString("·  %1 → …").arg(other[0].source));

    panel.setCandidates({});
    QCOMPARE(panel.rowCount(), 0);
    QVERIFY(panel.findChild<QLabel*>("pinnedHintLabel")->text().contains("Press Train"));
}

void TestPinnedPairs::unpinnedAllStaysEmpty() {
    PinnedPairsPanel panel;
    panel.setModel(m_trained);
    const std::vector<PinCandidate> list = candidates(m_data, 5);
    panel.setCandidates(list);
    for (int index : {0, 1, 2}) panel.unpin(index);
    QCOMPARE(panel.rowCount(), 0);
    QVERIFY(panel.hintVisible());
    QVERIFY(panel.findChild<QLabel*>("pinnedHintLabel")->text().contains("Pin a validation pair"));
    panel.setCandidates(list); // the same pairs again: the user's empty list is respected
    QCOMPARE(panel.rowCount(), 0);
    panel.setCandidates(candidates(m_data, 5, 10)); // new pairs: defaults
    QCOMPARE(panel.pinned(), std::vector<int>({10, 11, 12}));
}

void TestPinnedPairs::refreshesAreThrottled() {
    PinnedPairsPanel panel;
    panel.setCandidates(candidates(m_data, 5));
    panel.setModel(m_untrained); // the first snapshot applies at once
    QVERIFY(!panel.rowCorrect(0) || !panel.rowCorrect(1) || !panel.rowCorrect(2));
    const QString untrainedText = panel.rowText(0);
    QElapsedTimer timer;
    timer.start();
    panel.setModel(m_trained); // too soon: waits for the interval
    panel.setModel(m_trained);
    QCOMPARE(panel.rowText(0), untrainedText);
    QTRY_VERIFY_WITH_TIMEOUT(panel.rowCorrect(0) && panel.rowCorrect(1) && panel.rowCorrect(2), 3000);
    QVERIFY2(timer.elapsed() >= PinnedPairsPanel::kRefreshIntervalMs - 100,
             qPrintable(QString::number(timer.elapsed())));
    QVERIFY(panel.rowText(0).startsWith("✓"));
}

QTEST_MAIN(TestPinnedPairs)
#include "tst_pinned_pairs.moc"
