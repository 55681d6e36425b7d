// The Gates tab with real models of the reversal task: every cell the heatmaps show is the core's
// traceGates value for the same sentence (encoder forward and backward, decoder; i, f, o, c), the
// tooltip names unit, token and value, sorting by variance orders the rows by decreasing variance
// of what they show, clicking a row (or ↑ ↓ on a map) fills the trace plot with that unit's four
// quantities, and without a model (or a readable sentence) a hint replaces the maps.
#include "core/infer/GateTrace.h"
#include "core/infer/SourceInput.h"
#include "support/ReversalInference.h"
#include "ui/gates/GateHeatmap.h"
#include "ui/gates/GateTracePlot.h"
#include "ui/gates/GatesWorkspace.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

namespace {

using Side = GatesWorkspace::Side;
constexpr GateQuantity kQuantities[] = {GateQuantity::Input, GateQuantity::Forget, GateQuantity::Output,
                                        GateQuantity::Cell};

// The core's trace of text, read as the window reads typed text.
GateTrace coreTrace(const InferenceModel& model, const QString& text) {
    const SourceInput source =
        readSourceInput(text.toStdString(), model.sourceReading(), *model.sourceVocabulary);
    return traceGates(*model.model, source.ids);
}

// The pixel centre of a shown cell.
QPointF cellCentre(const GateHeatmap& map, int row, int column) {
    // The maps were hidden behind the hint until now: lay them out, then the axes at that size.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    map.plot()->replot();
    return {map.plot()->xAxis->coordToPixel(column), map.plot()->yAxis->coordToPixel(row)};
}

void typeSentence(GatesWorkspace& workspace, const QString& text) {
    QLineEdit& edit = workspace.sentence();
    edit.clear();
    QTest::keyClicks(&edit, text);
    QTest::keyClick(&edit, Qt::Key_Return);
}

// Every shown cell of side's four maps against the core's matrices (exactly: the same floats).
void compareMaps(const GatesWorkspace& workspace, Side side, const GateActivations& expected) {
    for (GateQuantity quantity : kQuantities) {
        const GateHeatmap& map = workspace.heatmap(side, quantity);
        const Matrix<float>& values = expected.of(quantity); // (H x N)
        QCOMPARE(map.unitCount(), int(values.rows()));
        QCOMPARE(map.stepCount(), int(values.cols()));
        for (int r = 0; r < map.unitCount(); ++r)
            for (int c = 0; c < map.stepCount(); ++c)
                QCOMPARE(map.shownValue(r, c), double(values(map.unitAtRow(r), c)));
    }
}

} // namespace

class TestGatesView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noModelShowsTheHint();
    void shownValuesAreTheCoreTrace();
    void backwardDirectionIsShown();
    void hoverNamesUnitTokenAndValue();
    void scalesFollowTheValues();
    void sortingOrdersRowsByDecreasingVariance();
    void clickingARowFillsTheTracePlot();
    void unreadableSentenceShowsWhy();

private:
    TrainingData m_data;
    InferenceModel m_trained;       // unidirectional, reverses its input
    InferenceModel m_bidirectional; // randomly initialised
};

void TestGatesView::initTestCase() {
    m_data = test::reversalTrainingData(640, 64, 1);
    Seq2Seq<float> model(test::reversalConfig());
    model.initialize(2); // the seed tst_inspect_panel trains to > 95% exact match in 12 epochs
    const TrainingResult result = test::trainReversal(model, m_data);
    QCOMPARE(result.outcome, TrainingOutcome::Completed);
    m_trained = test::inferenceModel(model, m_data);
    ModelConfig config = test::reversalConfig();
    config.bidirectional = true;
    Seq2Seq<float> both(config);
    both.initialize(5);
    m_bidirectional = test::inferenceModel(both, m_data);
}

void TestGatesView::noModelShowsTheHint() {
    GatesWorkspace workspace;
    workspace.resize(1200, 900);
    workspace.show();
    QVERIFY(workspace.hint().isVisible());
    QVERIFY(workspace.hint().text().startsWith("Train or open a model"));
    QVERIFY(!workspace.content().isVisible());
    QVERIFY(!workspace.trace());

    workspace.setExampleSentence("abc"); // a sentence but still no model: the hint stays
    QCOMPARE(workspace.sentence().placeholderText(), QString("e.g. abc"));
    QVERIFY(workspace.hint().isVisible());

    workspace.setModel(m_trained); // the example is traced as soon as a model arrives
    QVERIFY(!workspace.hint().isVisible());
    QVERIFY(workspace.content().isVisible());
    QVERIFY(workspace.trace());
    QCOMPARE(workspace.sourceLabels(), QStringList({"a", "b", "c"}));
    QCOMPARE(workspace.outputLabels(), QStringList({"c", "b", "a", "</s>"}));

    workspace.setModel(InferenceModel{}); // reset: nothing stale stays on screen
    QVERIFY(workspace.hint().isVisible());
    QVERIFY(!workspace.content().isVisible());
    QVERIFY(!workspace.trace());
}

void TestGatesView::shownValuesAreTheCoreTrace() {
    GatesWorkspace workspace;
    workspace.resize(1200, 900);
    workspace.show();
    workspace.setModel(m_trained);
    typeSentence(workspace, "abcdef");
    const GateTrace expected = coreTrace(m_trained, "abcdef");
    QCOMPARE(expected.result.tokens.size(), size_t(6)); // the model writes the reversal...
    QCOMPARE(workspace.outputLabels(), QStringList({"f", "e", "d", "c", "b", "a", "</s>"})); // ...shown so
    QCOMPARE(workspace.trace()->stepTokens, expected.stepTokens);
    QCOMPARE(workspace.encoderChoice().count(), 1);
    QVERIFY(!workspace.encoderChoice().isEnabled());
    compareMaps(workspace, Side::Encoder, expected.encoder[0].gates);
    compareMaps(workspace, Side::Decoder, expected.decoder);
    for (GateQuantity quantity : kQuantities) {
        QCOMPARE(workspace.heatmap(Side::Encoder, quantity).tokens(), workspace.sourceLabels());
        QCOMPARE(workspace.heatmap(Side::Decoder, quantity).tokens(), workspace.outputLabels());
    }
    // a new snapshot (here: an untrained model) traces the same sentence again
    Seq2Seq<float> fresh(test::reversalConfig());
    fresh.initialize(9);
    const InferenceModel untrained = test::inferenceModel(fresh, m_data);
    workspace.setModel(untrained);
    compareMaps(workspace, Side::Encoder, coreTrace(untrained, "abcdef").encoder[0].gates);
    compareMaps(workspace, Side::Decoder, coreTrace(untrained, "abcdef").decoder);
}

void TestGatesView::backwardDirectionIsShown() {
    GatesWorkspace workspace;
    workspace.resize(1200, 900);
    workspace.show();
    workspace.setModel(m_bidirectional);
    typeSentence(workspace, "fedcba");
    const GateTrace expected = coreTrace(m_bidirectional, "fedcba");
    QCOMPARE(workspace.encoderChoice().count(), 2);
    QVERIFY(workspace.encoderChoice().isEnabled());
    QVERIFY(workspace.encoderChoice().itemText(1).contains("backward"));
    compareMaps(workspace, Side::Encoder, expected.encoder[0].gates);
    workspace.encoderChoice().setCurrentIndex(1);
    QCOMPARE(workspace.encoderPart(), 1);
    QCOMPARE(workspace.heatmap(Side::Encoder, GateQuantity::Input).unitCount(), 16); // H/2 per direction
    compareMaps(workspace, Side::Encoder, expected.encoder[1].gates);
    compareMaps(workspace, Side::Decoder, expected.decoder);
    // the two directions differ (else the choice would show nothing new)
    QVERIFY(expected.encoder[0].gates.cell != expected.encoder[1].gates.cell);
}

void TestGatesView::hoverNamesUnitTokenAndValue() {
    GatesWorkspace workspace;
    workspace.resize(1200, 900);
    workspace.show();
    workspace.setModel(m_trained);
    typeSentence(workspace, "abcd");
    const GateTrace expected = coreTrace(m_trained, "abcd");
    const GateHeatmap& forget = workspace.heatmap(Side::Encoder, GateQuantity::Forget);
    const QPointF pixel = cellCentre(forget, 5, 2);
    QCOMPARE(forget.rowAt(pixel), 5);
    QCOMPARE(forget.columnAt(pixel), 2);
    QCOMPARE(forget.toolTipAt(pixel), QString("unit 6 of 32, token 3 of 4 'c': %1")
                                          .arg(double(expected.encoder[0].gates.forget(5, 2)), 0, 'f', 4));
    const GateHeatmap& cell = workspace.heatmap(Side::Decoder, GateQuantity::Cell);
    const QPointF last = cellCentre(cell, 31, 4);
    QCOMPARE(cell.toolTipAt(last), QString("unit 32 of 32, token 5 of 5 '</s>': %1")
                                       .arg(double(expected.decoder.cell(31, 4)), 0, 'f', 4));
    QCOMPARE(forget.toolTipAt(QPointF(-5, -5)), QString());
}

void TestGatesView::scalesFollowTheValues() {
    GatesWorkspace workspace;
    workspace.resize(1200, 900);
    workspace.show();
    workspace.setModel(m_trained);
    typeSentence(workspace, "abcde");
    const GateTrace expected = coreTrace(m_trained, "abcde");
    for (Side side : {Side::Encoder, Side::Decoder}) {
        for (GateQuantity gate : {GateQuantity::Input, GateQuantity::Forget, GateQuantity::Output}) {
            QCOMPARE(workspace.heatmap(side, gate).lowerLimit(), 0.0);
            QCOMPARE(workspace.heatmap(side, gate).upperLimit(), 1.0);
        }
    }
    // the cell state: symmetric about zero, out to the largest |c| shown
    const double largest = expected.decoder.cell.cwiseAbs().maxCoeff();
    const GateHeatmap& cell = workspace.heatmap(Side::Decoder, GateQuantity::Cell);
    QCOMPARE(cell.upperLimit(), largest);
    QCOMPARE(cell.lowerLimit(), -largest);
}

void TestGatesView::sortingOrdersRowsByDecreasingVariance() {
    GatesWorkspace workspace;
    workspace.resize(1200, 900);
    workspace.show();
    workspace.setModel(m_trained);
    typeSentence(workspace, "abcdef");
    const GateTrace expected = coreTrace(m_trained, "abcdef");
    workspace.sortByVariance().click();
    QVERIFY(workspace.sortByVariance().isChecked());
    for (Side side : {Side::Encoder, Side::Decoder}) {
        const GateActivations& gates = side == Side::Encoder ? expected.encoder[0].gates : expected.decoder;
        for (GateQuantity quantity : kQuantities) {
            const GateHeatmap& map = workspace.heatmap(side, quantity);
            QVERIFY(map.sortedByVariance());
            // the rows are a permutation of the units...
            std::vector<int> units = map.rowOrder();
            std::sort(units.begin(), units.end());
            for (int u = 0; u < map.unitCount(); ++u) QCOMPARE(units[size_t(u)], u);
            // ...whose variance over the sentence (of the values shown) never rises down the map
            double previous = std::numeric_limits<double>::infinity();
            bool someDiffer = false;
            for (int r = 0; r < map.unitCount(); ++r) {
                double mean = 0, variance = 0;
                for (int c = 0; c < map.stepCount(); ++c) mean += map.shownValue(r, c) / map.stepCount();
                for (int c = 0; c < map.stepCount(); ++c)
                    variance += std::pow(map.shownValue(r, c) - mean, 2) / map.stepCount();
                QVERIFY2(variance <= previous + 1e-12, qPrintable(QString("row %1").arg(r)));
                someDiffer = someDiffer || (r > 0 && variance < previous - 1e-9);
                previous = variance;
            }
            QVERIFY(someDiffer);
        }
        compareMaps(workspace, side, gates); // each row still shows its own unit's values
    }
    workspace.sortByVariance().click(); // back to the units in order
    for (int r = 0; r < 32; ++r)
        QCOMPARE(workspace.heatmap(Side::Encoder, GateQuantity::Cell).unitAtRow(r), r);
}

void TestGatesView::clickingARowFillsTheTracePlot() {
    GatesWorkspace workspace;
    workspace.resize(1200, 900);
    workspace.show();
    workspace.setModel(m_trained);
    typeSentence(workspace, "abcde");
    workspace.setSortedByVariance(true);
    const GateTrace expected = coreTrace(m_trained, "abcde");
    QVERIFY(workspace.tracePlot().isEmpty());

    GateHeatmap& output = workspace.heatmap(Side::Encoder, GateQuantity::Output);
    const int row = 3;
    const int unit = output.unitAtRow(row);
    QTest::mouseClick(output.plot(), Qt::LeftButton, Qt::NoModifier, cellCentre(output, row, 1).toPoint());
    QCOMPARE(workspace.selectedSide(), Side::Encoder);
    QCOMPARE(workspace.selectedUnit(), unit);
    QCOMPARE(workspace.tracePlot().unit(), unit);
    QVERIFY(workspace.tracePlot().title().contains(QString("unit %1 ").arg(unit + 1)));
    for (GateQuantity quantity : kQuantities) {
        QVector<double> row5;
        for (int t = 0; t < 5; ++t) row5 << double(expected.encoder[0].gates.of(quantity)(unit, t));
        QCOMPARE(workspace.tracePlot().values(quantity), row5);
        // the unit is outlined in every encoder map, in whichever row it sits there
        QCOMPARE(workspace.heatmap(Side::Encoder, quantity).highlightedUnit(), unit);
        QCOMPARE(workspace.heatmap(Side::Decoder, quantity).highlightedUnit(), -1);
    }

    GateHeatmap& decoderCell = workspace.heatmap(Side::Decoder, GateQuantity::Cell);
    const int decoderUnit = decoderCell.unitAtRow(0);
    QTest::mouseClick(decoderCell.plot(), Qt::LeftButton, Qt::NoModifier,
                      cellCentre(decoderCell, 0, 5).toPoint());
    QCOMPARE(workspace.selectedSide(), Side::Decoder);
    QCOMPARE(workspace.tracePlot().unit(), decoderUnit);
    QVERIFY(workspace.tracePlot().title().startsWith("Decoder"));
    for (GateQuantity quantity : kQuantities) {
        QVector<double> steps;
        for (int t = 0; t < 6; ++t) steps << double(expected.decoder.of(quantity)(decoderUnit, t));
        QCOMPARE(workspace.tracePlot().values(quantity), steps);
    }
    QCOMPARE(workspace.heatmap(Side::Encoder, GateQuantity::Input).highlightedUnit(), -1);

    // from the keyboard: ↓ follows the next row's unit, End the last row's
    decoderCell.setFocus();
    QTest::keyClick(&decoderCell, Qt::Key_Down);
    QCOMPARE(workspace.selectedUnit(), decoderCell.unitAtRow(1));
    QCOMPARE(workspace.tracePlot().values(GateQuantity::Cell).front(),
             double(expected.decoder.cell(decoderCell.unitAtRow(1), 0)));
    QTest::keyClick(&decoderCell, Qt::Key_End);
    QCOMPARE(workspace.selectedUnit(), decoderCell.unitAtRow(31));
    QCOMPARE(decoderCell.highlightedUnit(), decoderCell.unitAtRow(31));
}

void TestGatesView::unreadableSentenceShowsWhy() {
    GatesWorkspace workspace;
    workspace.resize(1200, 900);
    workspace.show();
    workspace.setModel(m_trained);
    typeSentence(workspace, "   "); // nothing typed and no example
    QVERIFY(workspace.hint().isVisible());
    QVERIFY(workspace.hint().text().startsWith("Type a sentence"));
    QVERIFY(!workspace.trace());
    typeSentence(workspace, QString(300, 'a')); // longer than typed input may be
    QVERIFY(workspace.hint().isVisible());
    QVERIFY2(workspace.hint().text().contains("300"), qPrintable(workspace.hint().text()));
    typeSentence(workspace, "ab"); // and back
    QVERIFY(!workspace.hint().isVisible());
    QCOMPARE(workspace.outputLabels(), QStringList({"b", "a", "</s>"}));
}

QTEST_MAIN(TestGatesView)
#include "tst_gates_view.moc"
