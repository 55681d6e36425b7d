// The live loss plot: points land in the right graphs, the log toggle, reference runs, following
// the data until the user zooms, hover read-out, and the CSV/PNG exports.
#include "ui/plots/LossPlot.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using attnlab::ui::LossPlot;
using attnlab::ui::LossSeries;

namespace {

void showAndLayout(LossPlot& plot) {
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
}

// Three training steps and two validations of an imaginary run.
void feed(LossPlot& plot) {
    plot.addTrainingLoss(100, 2.0);
    plot.addTrainingLoss(200, 1.0);
    plot.addValidation(200, 1, 1.5, 0.25);
    plot.addTrainingLoss(300, 0.5);
    plot.addValidation(300, 2, 0.75, 0.5);
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestLossPlot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pointsLandInTheRightGraphs();
    void smoothedCurveUsesTheSmoothingWeight();
    void logToggleChangesTheScaleType();
    void keepCurrentAsPreviousMovesTheCurves();
    void atMostThreePreviousRunsAreKept();
    void clearRemovesEverything();
    void followsDataUntilTheUserZooms();
    void hoverReadsTheNearestPoint();
    void csvExportIsExact();
    void pngExport();
    void exactMatchLegendLeavesTheLastEpochsVisible();
    void divergenceIsMarkedNotDropped();
    void droppedRunsLeaveNoLegendEntries();
    void rendersARealisticRun();
};

void TestLossPlot::pointsLandInTheRightGraphs() {
    LossPlot plot;
    feed(plot);
    QCOMPARE(plot.pointCount(LossSeries::TrainingLoss), 3);
    QCOMPARE(plot.pointCount(LossSeries::SmoothedTrainingLoss), 3);
    QCOMPARE(plot.pointCount(LossSeries::ValidationLoss), 2);
    QCOMPARE(plot.pointCount(LossSeries::ExactMatch), 2);
    QCPGraph* training = plot.graph(LossSeries::TrainingLoss);
    QCOMPARE(training->data()->at(1)->key, 200.0);
    QCOMPARE(training->data()->at(1)->value, 1.0);
    QCPGraph* validation = plot.graph(LossSeries::ValidationLoss);
    QCOMPARE(validation->data()->at(0)->key, 200.0); // against step
    QCOMPARE(validation->data()->at(0)->value, 1.5);
    QCPGraph* exact = plot.graph(LossSeries::ExactMatch);
    QCOMPARE(exact->data()->at(1)->key, 2.0); // against epoch
    QCOMPARE(exact->data()->at(1)->value, 0.5);
    // Losses share the top panel, exact match has the bottom one to itself.
    QCOMPARE(training->keyAxis()->axisRect(), plot.lossRect());
    QCOMPARE(validation->keyAxis()->axisRect(), plot.lossRect());
    QCOMPARE(exact->keyAxis()->axisRect(), plot.accuracyRect());
    // A diverged step is kept in the history but not drawn.
    plot.addTrainingLoss(400, std::nan(""));
    QCOMPARE(plot.pointCount(LossSeries::TrainingLoss), 3);
    QCOMPARE(plot.history().current().trainingLoss.size(), size_t(4));
}

void TestLossPlot::smoothedCurveUsesTheSmoothingWeight() {
    LossPlot plot;
    plot.setSmoothing(0.5);
    plot.addTrainingLoss(1, 1.0);
    plot.addTrainingLoss(2, 0.0);
    QCPGraph* smoothed = plot.graph(LossSeries::SmoothedTrainingLoss);
    QCOMPARE(smoothed->data()->at(0)->value, 1.0);
    QVERIFY(std::abs(smoothed->data()->at(1)->value - 1.0 / 3.0) < 1e-12);
    plot.setSmoothing(0.0); // no smoothing: the raw values
    QCOMPARE(smoothed->data()->at(1)->value, 0.0);
    QCOMPARE(smoothed->dataCount(), 2);
}

void TestLossPlot::logToggleChangesTheScaleType() {
    LossPlot plot;
    feed(plot);
    QCOMPARE(plot.lossScaleType(), QCPAxis::stLinear);
    plot.setLogScale(true);
    QCOMPARE(plot.lossScaleType(), QCPAxis::stLogarithmic);
    QVERIFY(plot.lossRect()->axis(QCPAxis::atLeft)->ticker().dynamicCast<QCPAxisTickerLog>());
    plot.plot()->replot();
    const QCPRange range = plot.lossRect()->axis(QCPAxis::atLeft)->range();
    QVERIFY2(range.lower > 0 && range.lower <= 0.5 && range.upper >= 2.0,
             qPrintable(QString("%1..%2").arg(range.lower).arg(range.upper)));
    // Exact match keeps its linear axis.
    QCOMPARE(plot.accuracyRect()->axis(QCPAxis::atLeft)->scaleType(), QCPAxis::stLinear);
    plot.setLogScale(false);
    QCOMPARE(plot.lossScaleType(), QCPAxis::stLinear);
    QVERIFY(!plot.lossRect()->axis(QCPAxis::atLeft)->ticker().dynamicCast<QCPAxisTickerLog>());
}

void TestLossPlot::keepCurrentAsPreviousMovesTheCurves() {
    LossPlot plot;
    feed(plot);
    const double lastSmoothed = plot.graph(LossSeries::SmoothedTrainingLoss)->data()->at(2)->value;
    plot.keepCurrentAsPrevious("dot");
    QCOMPARE(plot.previousRunLabels(), QStringList{"dot"});
    for (LossSeries series : {LossSeries::TrainingLoss, LossSeries::SmoothedTrainingLoss,
                              LossSeries::ValidationLoss, LossSeries::ExactMatch})
        QCOMPARE(plot.pointCount(series), 0);
    QCOMPARE(plot.previousPointCount(0, LossSeries::TrainingLoss), 3);
    QCOMPARE(plot.previousPointCount(0, LossSeries::ValidationLoss), 2);
    QCOMPARE(plot.previousGraph(0, LossSeries::SmoothedTrainingLoss)->dataCount(), 3);
    QCOMPARE(plot.previousGraph(0, LossSeries::SmoothedTrainingLoss)->data()->at(2)->value, lastSmoothed);
    QCOMPARE(plot.previousGraph(0, LossSeries::ValidationLoss)->data()->at(1)->value, 0.75);
    QCOMPARE(plot.previousGraph(0, LossSeries::ExactMatch)->data()->at(0)->key, 1.0);
    QCOMPARE(plot.previousGraph(0, LossSeries::TrainingLoss), nullptr);
    // Reference curves are grey and dashed, and drawn beneath the live ones.
    QCPGraph* reference = plot.previousGraph(0, LossSeries::SmoothedTrainingLoss);
    QCOMPARE(reference->pen().color().saturation(), 0);
    QCOMPARE(reference->pen().style(), Qt::DashLine);
    QVERIFY(reference->layer()->index() < plot.graph(LossSeries::SmoothedTrainingLoss)->layer()->index());
    QCOMPARE(reference->name(), QString("dot"));
    // New points go to the new current run only.
    plot.addTrainingLoss(10, 3.0);
    QCOMPARE(plot.pointCount(LossSeries::TrainingLoss), 1);
    QCOMPARE(plot.graph(LossSeries::SmoothedTrainingLoss)->data()->at(0)->value, 3.0);
    QCOMPARE(plot.previousGraph(0, LossSeries::SmoothedTrainingLoss)->dataCount(), 3);
}

void TestLossPlot::atMostThreePreviousRunsAreKept() {
    LossPlot plot;
    const int graphsAlone = plot.plot()->graphCount();
    for (const char* label : {"a", "b", "c", "d"}) {
        feed(plot);
        plot.keepCurrentAsPrevious(label);
    }
    QCOMPARE(plot.previousRunLabels(), (QStringList{"b", "c", "d"}));
    QCOMPARE(plot.plot()->graphCount(), graphsAlone + 3 * 3); // smoothed, validation, exact match
    // The newest reference is the darkest.
    QVERIFY(plot.previousGraph(2, LossSeries::SmoothedTrainingLoss)->pen().color().lightness() <
            plot.previousGraph(0, LossSeries::SmoothedTrainingLoss)->pen().color().lightness());
    plot.clearPreviousRuns();
    QVERIFY(plot.previousRunLabels().isEmpty());
    QCOMPARE(plot.plot()->graphCount(), graphsAlone);
}

void TestLossPlot::clearRemovesEverything() {
    LossPlot plot;
    feed(plot);
    plot.keepCurrentAsPrevious("a");
    feed(plot);
    plot.clear();
    QVERIFY(plot.previousRunLabels().isEmpty());
    QCOMPARE(plot.pointCount(LossSeries::TrainingLoss), 0);
    QCOMPARE(plot.pointCount(LossSeries::ExactMatch), 0);
    QVERIFY(plot.history().current().validationLoss.empty());
}

void TestLossPlot::followsDataUntilTheUserZooms() {
    LossPlot plot;
    showAndLayout(plot);
    feed(plot);
    plot.plot()->replot();
    QCPAxis* steps = plot.lossRect()->axis(QCPAxis::atBottom);
    QCPAxis* losses = plot.lossRect()->axis(QCPAxis::atLeft);
    QVERIFY(steps->range().contains(100) && steps->range().contains(300));
    QVERIFY(losses->range().contains(0.5) && losses->range().contains(2.0));
    QVERIFY(plot.accuracyRect()->axis(QCPAxis::atBottom)->range().contains(2.0));
    // The wheel over the loss panel zooms it, and it stops following; the other panel still does.
    const QPointF centre = plot.lossRect()->rect().center();
    QWheelEvent wheel(centre, plot.plot()->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot.plot(), &wheel);
    QVERIFY(!plot.followsData(0));
    QVERIFY(plot.followsData(1));
    const QCPRange zoomed = steps->range();
    QVERIFY(zoomed.size() < 300);
    plot.addTrainingLoss(5000, 0.1);
    plot.addValidation(5000, 9, 0.2, 0.9);
    plot.plot()->replot();
    QCOMPARE(steps->range(), zoomed); // left where the user put it
    QVERIFY(plot.accuracyRect()->axis(QCPAxis::atBottom)->range().contains(9.0));
    // Double-click gives the following back.
    QTest::mouseDClick(plot.plot(), Qt::LeftButton, {}, centre.toPoint());
    QVERIFY(plot.followsData(0));
    plot.plot()->replot();
    QVERIFY(steps->range().contains(5000));
    QVERIFY(losses->range().contains(0.1));
}

void TestLossPlot::hoverReadsTheNearestPoint() {
    LossPlot plot;
    showAndLayout(plot);
    feed(plot);
    plot.plot()->replot();
    QCPGraph* validation = plot.graph(LossSeries::ValidationLoss);
    const QPointF onPoint = validation->coordsToPixels(300, 0.75) + QPointF(3, -2);
    QCOMPARE(plot.hoverTextAt(onPoint), QStringLiteral("validation loss\nstep 300: 0.75"));
    QCPGraph* exact = plot.graph(LossSeries::ExactMatch);
    QCOMPARE(plot.hoverTextAt(exact->coordsToPixels(1, 0.25)), QStringLiteral("exact match\nepoch 1: 0.25"));
    QCOMPARE(plot.hoverTextAt(QPointF(2, 2)), QString()); // outside both panels
    // Moving the mouse there shows the tracer on that point.
    QMouseEvent move(QEvent::MouseMove, onPoint, plot.plot()->mapToGlobal(onPoint), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(plot.plot(), &move);
    QCPItemTracer* tracer = nullptr;
    for (int i = 0; i < plot.plot()->itemCount(); ++i)
        if (auto* t = qobject_cast<QCPItemTracer*>(plot.plot()->item(i))) tracer = t;
    QVERIFY(tracer);
    QVERIFY(tracer->visible());
    QCOMPARE(tracer->position->coords(), QPointF(300, 0.75));
    plot.keepCurrentAsPrevious("run 1");
    plot.plot()->replot();
    // The raw training curve is not kept, so the fitted range (and the point's pixel) moved.
    const QPointF kept = plot.previousGraph(0, LossSeries::ValidationLoss)->coordsToPixels(300, 0.75);
    QCOMPARE(plot.hoverTextAt(kept), QStringLiteral("run 1: validation loss\nstep 300: 0.75"));
}

void TestLossPlot::csvExportIsExact() {
    LossPlot plot;
    plot.addTrainingLoss(1, 2.5);
    plot.addValidation(1, 0, 2.25, 0.0);
    plot.keepCurrentAsPrevious("general");
    plot.addTrainingLoss(1, 1.0 / 3.0);
    plot.addValidation(2, 1, 0.125, 0.75);
    QTemporaryDir dir;
    const QString path = dir.filePath("loss.csv");
    QString error;
    QVERIFY2(plot.exportCsv(path, &error), qPrintable(error));
    QCOMPARE(readFile(path), QByteArray("run,series,step,epoch,value\r\n"
                                        "general,train_loss,1,,2.5\r\n"
                                        "general,validation_loss,1,0,2.25\r\n"
                                        "general,exact_match,1,0,0\r\n"
                                        "current,train_loss,1,,0.3333333333333333\r\n"
                                        "current,validation_loss,2,1,0.125\r\n"
                                        "current,exact_match,2,1,0.75\r\n"));
}

void TestLossPlot::pngExport() {
    LossPlot plot;
    showAndLayout(plot);
    feed(plot);
    QTemporaryDir dir;
    for (const char* name : {"loss.png", "loss.svg", "loss.pdf"}) {
        const QString path = dir.filePath(name);
        QString error;
        QVERIFY2(plot.exportImage(path, &error), qPrintable(error));
        const QByteArray bytes = readFile(path);
        QVERIFY(bytes.size() > 1000);
        const QByteArray magic = QByteArray(name).endsWith("png")   ? QByteArray("\x89PNG")
                                 : QByteArray(name).endsWith("svg") ? QByteArray("<?xml")
                                                                    : QByteArray("%PDF-");
        QVERIFY2(bytes.startsWith(magic), name);
    }
}

// Issue 17, item 10: exact match climbs to the panel's top right and starts at its bottom; the
// legend sat in the bottom-right corner over the last epochs. It now has a row of its own.
void TestLossPlot::exactMatchLegendLeavesTheLastEpochsVisible() {
    LossPlot plot;
    showAndLayout(plot);
    for (int epoch = 1; epoch <= 20; ++epoch)
        plot.addValidation(epoch * 100, epoch, 2.0 / epoch, epoch <= 10 ? 0.0 : (epoch - 10) / 10.0);
    plot.keepCurrentAsPrevious("run 1"); // a reference run adds a legend entry
    for (int epoch = 1; epoch <= 20; ++epoch)
        plot.addValidation(epoch * 100, epoch, 1.5 / epoch, std::min(1.0, epoch / 12.0));
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QRect legend = plot.accuracyLegend()->outerRect();
    QVERIFY(legend.height() > 5);
    QVERIFY2(!legend.intersects(plot.accuracyRect()->rect()), qPrintable(QString("legend %1,%2 %3x%4")
                                                                             .arg(legend.x())
                                                                             .arg(legend.y())
                                                                             .arg(legend.width())
                                                                             .arg(legend.height())));
    QCPGraph* exactMatch = plot.graph(LossSeries::ExactMatch);
    for (int epoch = 1; epoch <= 20; ++epoch) {
        const QPointF at = exactMatch->coordsToPixels(epoch, std::min(1.0, epoch / 12.0));
        QVERIFY2(plot.accuracyRect()->rect().contains(at.toPoint()), qPrintable(QString::number(epoch)));
        QVERIFY2(!legend.adjusted(-4, -4, 4, 4).contains(at.toPoint()), qPrintable(QString::number(epoch)));
    }
    // The PDF of the plot carries a document title.
    QTemporaryDir dir;
    const QString path = dir.filePath("loss.pdf");
    QVERIFY(plot.exportImage(path));
    QByteArray utf16;
    for (QChar c : QStringLiteral("Training curves"))
        utf16.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    QVERIFY(readFile(path).contains(utf16));
    const QString png = dir.filePath("loss.png");
    QVERIFY(plot.exportImage(png));
    QCOMPARE(QImage(png).size(), plot.plot()->size() * 2);
    if (!qEnvironmentVariableIsEmpty("ATTNLAB_SCREENSHOT_DIR"))
        QFile::copy(png, qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR") + "/loss-export.png");
}

// A NaN or infinite loss cannot be a point of a curve; it becomes a mark at the top edge of the loss
// panel, at its step, and hovering it says what happened.
void TestLossPlot::divergenceIsMarkedNotDropped() {
    LossPlot plot;
    showAndLayout(plot);
    plot.setLogScale(true);
    plot.addTrainingLoss(1, 2.0);
    plot.addTrainingLoss(2, 1.0);
    plot.addTrainingLoss(3, std::numeric_limits<double>::infinity());
    plot.addTrainingLoss(4, std::numeric_limits<double>::quiet_NaN());
    plot.addValidation(4, 1, std::numeric_limits<double>::quiet_NaN(), 0.0);
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(plot.pointCount(LossSeries::TrainingLoss), 2);
    QCOMPARE(plot.divergenceCount(), 3);
    QCOMPARE(plot.history().current().trainingLoss.size(), size_t(4)); // the CSV keeps the values
    const QCPGraph* marks = plot.divergenceGraph();
    const QPointF mark = marks->coordsToPixels(3, marks->data()->constBegin()->value);
    QVERIFY(std::abs(mark.y() - (plot.lossRect()->top() + 7)) < 1.5);
    QCOMPARE(plot.hoverTextAt(mark), QStringLiteral("loss not finite (diverged)\nstep 3"));
    QVERIFY(plot.plot()->legend->hasItemWithPlottable(marks));
    plot.clear();
    QCOMPARE(plot.divergenceCount(), 0);
    QVERIFY(!plot.plot()->legend->hasItemWithPlottable(marks));
}

// The crash of issue 17, item 5: a dropped reference run's exact-match graph was deleted while the
// exact-match legend still listed it, and the next replot drew the freed graph's legend entry.
void TestLossPlot::droppedRunsLeaveNoLegendEntries() {
    LossPlot plot;
    showAndLayout(plot);
    auto legendIsConsistent = [&plot] {
        for (QCPLegend* legend : {plot.plot()->legend, plot.accuracyLegend()})
            for (int i = 0; i < legend->itemCount(); ++i) {
                auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i));
                if (item && !plot.plot()->hasPlottable(item->plottable())) return false;
            }
        return true;
    };
    // A legend that wraps is a grid: itemCount() counts its empty cells too.
    auto entries = [](QCPLegend* legend) {
        int count = 0;
        for (int i = 0; i < legend->itemCount(); ++i) count += legend->item(i) != nullptr;
        return count;
    };
    for (int run = 1; run <= 5; ++run) { // the fourth and fifth drop the oldest (three are kept)
        for (int epoch = 1; epoch <= 3; ++epoch) {
            plot.addTrainingLoss(epoch * 10, 1.0 / epoch);
            plot.addValidation(epoch * 10, epoch, 1.0 / epoch, epoch / 3.0);
        }
        plot.keepCurrentAsPrevious(QStringLiteral("run %1").arg(run));
        plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(legendIsConsistent());
    }
    QCOMPARE(plot.previousRunLabels(), (QStringList{"run 3", "run 4", "run 5"}));
    QCOMPARE(entries(plot.accuracyLegend()), 1 + 3); // exact match + one per kept run
    plot.clearPreviousRuns();
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(legendIsConsistent());
    QCOMPARE(entries(plot.accuracyLegend()), 1);
    QCOMPARE(entries(plot.plot()->legend), 3); // training, smoothed, validation
    QVERIFY(!plot.grab().isNull());
}

// A run that learns, with a kept reference run below it, grabbed as the user sees it. With
// ATTNLAB_SCREENSHOT_DIR set the grab is saved there as loss-plot-widget.png.
void TestLossPlot::rendersARealisticRun() {
    LossPlot plot;
    auto run = [&plot](double floor, double speed, unsigned seed) {
        std::uint32_t state = seed;
        auto noise = [&state] { // a small LCG: the picture must not change between runs
            state = state * 1664525u + 1013904223u;
            return double(state >> 8) / double(1u << 24) - 0.5;
        };
        for (int step = 1; step <= 3000; step += 5) {
            const double clean = floor + 3.2 * std::exp(-speed * step);
            plot.addTrainingLoss(step, clean * (1.0 + 0.35 * noise()));
            if (step % 300 == 1 && step > 1) {
                const int epoch = step / 300;
                plot.addValidation(step, epoch, clean * 1.08 + 0.02,
                                   1.0 - std::exp(-speed * 200 * epoch) * 0.98);
            }
        }
    };
    run(0.25, 0.0012, 7);
    plot.keepCurrentAsPrevious("dot");
    run(0.08, 0.002, 11);
    showAndLayout(plot);
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(plot.pointCount(LossSeries::TrainingLoss), 600);
    QCOMPARE(plot.pointCount(LossSeries::ExactMatch), 9);
    QVERIFY(plot.lossRect()->axis(QCPAxis::atBottom)->range().contains(2996));
    const QImage image = plot.grab().toImage();
    QCOMPARE(image.size(), plot.size());
    const QString dir = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) QVERIFY(image.save(dir + "/loss-plot-widget.png"));
}

QTEST_MAIN(TestLossPlot)
#include "tst_loss_plot.moc"
