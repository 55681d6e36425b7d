// Issue 17, item 5: the window vanished (a general protection fault in libQt6Gui) after a session
// with the sort dataset, the additive scorer, learning rate 5 and a logarithmic loss axis. This
// drives the loss plot with every value a diverging run can produce (0, negatives, NaN, ±inf, 1e30,
// 1e300) on both axis scales, with real painting (grab) after each change, then the whole window
// through the reported sequence several times. Build it under the asan preset to check our code.
#include "ui/MainWindow.h"
#include "ui/panels/DatasetPanel.h"
#include "ui/panels/InspectPanel.h"
#include "ui/panels/SettingsPanel.h"
#include "ui/panels/TrainingControls.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/ClampedGraph.h"
#include "ui/plots/LossPlot.h"

#include <qcustomplot.h>

#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace attnlab;
using namespace attnlab::ui;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Losses a diverging run can report, in a fixed cycle; i picks one.
double hostileLoss(int i) {
    static const double values[] = {
        2.3,    0.0, -1.0, kNaN, kInf, -kInf, 1e30, 1e300, 1e-300, 0.7, std::numeric_limits<double>::max(),
        5e-324, 1.5};
    return values[i % int(std::size(values))];
}

bool isValidRange(const QCPRange& range, bool logarithmic) {
    return std::isfinite(range.lower) && std::isfinite(range.upper) && range.lower < range.upper &&
           (!logarithmic || range.lower > 0.0) && QCPRange::validRange(range.lower, range.upper);
}

// Painted for real: grab() renders the widget (QCustomPlot paints its buffers) into a pixmap.
void paint(LossPlot& plot) {
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QPixmap pixmap = plot.grab();
    QVERIFY(!pixmap.isNull());
    QCOMPARE(pixmap.size(), plot.size());
}

QAction* logScaleAction(MainWindow& window) {
    for (QAction* action : window.findChildren<QAction*>())
        if (action->isCheckable() && action->text().contains(QStringLiteral("Logarithmic"))) return action;
    return nullptr;
}

} // namespace

class TestPlotStress : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void clipPolylineKeepsCoordinatesPaintable();
    void fittedRangesAreAlwaysAccepted_data();
    void fittedRangesAreAlwaysAccepted();
    void hostileLossesOnBothScales();
    void zoomedInViewWithHugeLosses();
    void windowSequenceWithLogAxis();
};

void TestPlotStress::initTestCase() {
    QCoreApplication::setOrganizationName("AttnLabTest"); // keep the user's window layout out of it
}

void TestPlotStress::clipPolylineKeepsCoordinatesPaintable() {
    const QRectF rect(10, 20, 300, 200); // right 310, bottom 220; grown by the margin
    const double m = ClampedGraph::kMargin;
    // Inside: unchanged.
    QCOMPARE(ClampedGraph::clipPolyline({QPointF(50, 60), QPointF(100, 80)}, rect),
             (QVector<QPointF>{QPointF(50, 60), QPointF(100, 80)}));
    // 1e29 pixels above: the segment ends on the grown top edge with its direction kept (the far
    // vertex is first brought to 1e7 pixels, which moves x here by 50 * 68 / 1e7 of a pixel).
    const QVector<QPointF> up = ClampedGraph::clipPolyline({QPointF(50, 60), QPointF(100, -1e29)}, rect);
    QCOMPARE(up.size(), 2);
    QCOMPARE(up[0], QPointF(50, 60));
    QCOMPARE(up[1].y(), 20 - m);
    QVERIFY(std::abs(up[1].x() - 50) < 1e-3);
    // Out and back in: two pieces with a NaN gap between them.
    const QVector<QPointF> spike =
        ClampedGraph::clipPolyline({QPointF(50, 60), QPointF(60, 1e300), QPointF(70, 60)}, rect);
    QCOMPARE(spike.size(), 5);
    QVERIFY(std::isnan(spike[2].y()));
    QVERIFY(std::abs(spike[1].y() - (220 + m)) < 1e-6);
    QVERIFY(std::abs(spike[3].y() - (220 + m)) < 1e-6);
    QCOMPARE(spike[4], QPointF(70, 60));
    // Infinite and NaN vertices: the infinite one counts as very far, the NaN one is a gap.
    const QVector<QPointF> odd = ClampedGraph::clipPolyline(
        {QPointF(50, 60), QPointF(50, kInf), QPointF(kNaN, 3), QPointF(60, 70)}, rect);
    QCOMPARE(odd.size(), 2);
    QVERIFY(std::abs(odd[1].x() - 50) < 1e-6 && std::abs(odd[1].y() - (220 + m)) < 1e-6);
    const QRectF grown = rect.adjusted(-m - 1e-6, -m - 1e-6, m + 1e-6, m + 1e-6);
    for (const QPointF& p : spike) QVERIFY(std::isnan(p.y()) || grown.contains(p));
    // Entirely outside: nothing to draw.
    QVERIFY(ClampedGraph::clipPolyline({QPointF(-1e30, 60), QPointF(-1e29, 70)}, rect).isEmpty());
}

void TestPlotStress::fittedRangesAreAlwaysAccepted_data() {
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    QTest::addColumn<double>("expectedLogLower");
    QTest::addColumn<double>("expectedLogUpper");
    QTest::newRow("ordinary") << 0.5 << 2.0 << 0.5 / 1.3 << 2.6;
    QTest::newRow("1e-300..1e300") << 1e-300 << 1e300 << 1e100 << 1e200;
    QTest::newRow("1e30 alone") << 1e30 << 1e30 << 1e30 / 1.3 << 1.3e30;
    QTest::newRow("denormal") << 5e-324 << 1.0 << 1.3e-100 << 1.3;
}

void TestPlotStress::fittedRangesAreAlwaysAccepted() {
    QFETCH(double, lower);
    QFETCH(double, upper);
    QFETCH(double, expectedLogLower);
    QFETCH(double, expectedLogUpper);
    const QCPRange log = LossPlot::fittedLogRange(QCPRange(lower, upper));
    QVERIFY(isValidRange(log, true));
    QVERIFY(qFuzzyCompare(log.lower, expectedLogLower));
    QVERIFY(qFuzzyCompare(log.upper, expectedLogUpper));
    const QCPRange linear = LossPlot::fittedLinearRange(QCPRange(-upper, upper));
    QVERIFY(isValidRange(linear, false));
    QVERIFY(linear.upper >= std::min(upper, 1e200));
}

void TestPlotStress::hostileLossesOnBothScales() {
    LossPlot plot;
    plot.resize(700, 450);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    int step = 0;
    int finite = 0, notFinite = 0; // of the current run
    const QRegularExpression nonFiniteNumber(QStringLiteral("\\b(nan|inf)\\b"));
    for (int round = 0; round < 12; ++round) {
        const bool logarithmic = round % 3 != 2;
        plot.setLogScale(logarithmic);
        for (int i = 0; i < 600; ++i, ++step) {
            const double loss = hostileLoss(i + round);
            plot.addTrainingLoss(step, loss);
            (std::isfinite(loss) ? finite : notFinite) += 1;
            if (i % 100 == 99) {
                const double validation = hostileLoss(i / 100 + round * 7);
                plot.addValidation(step, i / 100, validation, std::isfinite(validation) ? 0.5 : kNaN);
                notFinite += std::isfinite(validation) ? 0 : 1;
            }
            if (i % 150 == 0) paint(plot);
        }
        paint(plot);
        QCOMPARE(plot.pointCount(LossSeries::TrainingLoss), finite);
        QCOMPARE(plot.divergenceCount(), notFinite);
        QVERIFY(isValidRange(plot.lossRect()->axis(QCPAxis::atLeft)->range(), logarithmic));
        // The divergence marks sit just inside the top edge of the loss panel.
        const QCPGraph* marks = plot.divergenceGraph();
        if (marks->dataCount() > 0) {
            const double y = marks->valueAxis()->coordToPixel(marks->data()->constBegin()->value);
            QVERIFY(std::abs(y - (plot.lossRect()->top() + 7)) < 2.0);
        }
        // Hover over every corner and the middle: the read-out never names a non-finite value.
        for (const QPointF at :
             {QPointF(plot.lossRect()->rect().center()), QPointF(plot.lossRect()->rect().topRight()),
              QPointF(plot.lossRect()->rect().bottomLeft())}) {
            const QString text = plot.hoverTextAt(at);
            QVERIFY2(!text.contains(nonFiniteNumber), qPrintable(text));
        }
        switch (round % 4) {
        case 0:
            plot.keepCurrentAsPrevious(QStringLiteral("run %1").arg(round));
            QCOMPARE(plot.divergenceCount(), 0);
            finite = notFinite = 0;
            break;
        case 1:
            plot.resetView();
            break;
        case 2:
            plot.setSmoothing(round % 8 == 2 ? 0.0 : 0.99);
            break;
        case 3:
            plot.clear();
            QCOMPARE(plot.pointCount(LossSeries::TrainingLoss), 0);
            QCOMPARE(plot.divergenceCount(), 0);
            finite = notFinite = 0;
            break;
        }
        paint(plot);
    }
}

// The user zoomed into 0..1 before the run diverged: the view stays where they put it and the huge
// values are drawn as lines leaving the panel, not as points billions of pixels away.
void TestPlotStress::zoomedInViewWithHugeLosses() {
    LossPlot plot;
    plot.resize(600, 400);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    for (int step = 0; step < 50; ++step) plot.addTrainingLoss(step, 1.0 / (step + 1));
    paint(plot);
    QCPAxis* y = plot.lossRect()->axis(QCPAxis::atLeft);
    for (const bool logarithmic : {false, true}) {
        plot.setLogScale(logarithmic);
        paint(plot);
        y->setRange(logarithmic ? QCPRange(0.1, 1.0) : QCPRange(0.0, 1.0)); // as a wheel zoom does
        QVERIFY(!plot.followsData(0));
        for (int step = 50; step < 400; ++step)
            plot.addTrainingLoss(step, step % 2 ? 1e30 * step : (step % 3 ? 1e300 : 1e-300));
        paint(plot);
        QCOMPARE(y->range().upper, 1.0);
    }
}

void TestPlotStress::windowSequenceWithLogAxis() {
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(window.datasetPanel(), &DatasetPanel::datasetLoaded);
    window.openDataset(QStringLiteral("sort"));
    QVERIFY(loaded.wait(20000));

    ModelConfig config;
    config.scorer = ScorerKind::Additive;
    config.embedding = 16;
    config.hidden = 32;
    TrainingSettings settings;
    settings.learningRate = 5.0; // as reported: diverges within a few steps
    settings.batchSize = 32;
    window.settingsPanel()->setFromModel(config, settings);
    QAction* logAxis = logScaleAction(window);
    QVERIFY(logAxis != nullptr);
    logAxis->setChecked(true);
    QCOMPARE(window.lossPlot()->lossScaleType(), QCPAxis::stLogarithmic);

    TrainingControls* controls = window.trainingControls();
    for (int round = 0; round < 5; ++round) { // from the fourth fresh run on, the oldest kept run is dropped
        QSignalSpy finished(window.session(), &TrainingSession::finished);
        QSignalSpy progressed(window.session(), &TrainingSession::progressed);
        QVERIFY(controls->trainAction()->isEnabled());
        controls->trainAction()->trigger();
        QCOMPARE(window.session()->state(), TrainingSession::State::Running);
        // Points on the plot before the frames, however slow preparing the data is on this machine.
        QVERIFY(progressed.wait(60000) || finished.count() > 0);
        for (int frame = 0; frame < 8; ++frame) {
            QTest::qWait(200);
            // A followed row makes the distribution strip draw the (possibly NaN) weights too.
            window.inspectPanel()->heatmap()->highlightRow(0);
            QVERIFY(!window.grab().isNull());
            if (frame == 4) logAxis->setChecked(round % 2 == 0); // toggled while points arrive
        }
        controls->stopAction()->trigger();
        QVERIFY(finished.count() > 0 || finished.wait(20000));
        QVERIFY(window.lossPlot()->pointCount(LossSeries::TrainingLoss) +
                    window.lossPlot()->divergenceCount() >
                0);
        QVERIFY(!window.grab().isNull());
        QVERIFY(controls->resetAction()->isEnabled());
        controls->resetAction()->trigger();
        logAxis->setChecked(true);
        QVERIFY(!window.grab().isNull());
    }
    QCOMPARE(window.lossPlot()->previousRunLabels().size(), 3);
}

QTEST_MAIN(TestPlotStress)
#include "tst_plot_stress.moc"
