// The heatmap's zoom and pan arithmetic on its own, with values worked out by hand: the fit keeps
// cells at most twice as wide as tall, zoom keeps the anchor cell where it was, the view stays in
// the matrix, zoom stops at 8 cells along the longer side, and a row scrolls into view.
#include "ui/plots/HeatmapViewport.h"

#include <QtTest>

using attnlab::ui::CellSpan;
using attnlab::ui::HeatmapViewport;

namespace {

void compareSpan(const CellSpan& span, double lower, double upper) {
    QVERIFY2(
        std::abs(span.lower - lower) < 1e-9 && std::abs(span.upper - upper) < 1e-9,
        qPrintable(
            QString("[%1, %2], expected [%3, %4]").arg(span.lower).arg(span.upper).arg(lower).arg(upper)));
}

} // namespace

class TestHeatmapViewport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fitFillsWhenCellsAreSquareish();
    void fitCapsTheCellAspect();
    void oneRowOrColumnIsNotCapped();
    void zoomKeepsTheAnchor();
    void panClampsToTheMatrix();
    void zoomStopsAtEightCells();
    void smallMatrixDoesNotZoom();
    void showRowScrollsTheLeastNeeded();
    void resizeKeepsZoomAndClamps();
    void pinPutsACellUnderAPixel();
};

void TestHeatmapViewport::fitFillsWhenCellsAreSquareish() {
    HeatmapViewport view;
    view.setMatrix(100, 100);
    view.setPixelSize(QSizeF(900, 460)); // cells 9 x 4.6: under twice as wide as tall
    QCOMPARE(view.cellWidth(), 9.0);
    QCOMPARE(view.cellHeight(), 4.6);
    compareSpan(view.columnSpan(), -0.5, 99.5);
    compareSpan(view.rowSpan(), -0.5, 99.5);
    QVERIFY(view.isFit());
}

void TestHeatmapViewport::fitCapsTheCellAspect() {
    HeatmapViewport view;
    view.setMatrix(100, 100);
    view.setPixelSize(QSizeF(1000, 400)); // 10 x 4 would be 2.5 times as wide: 8 x 4
    QCOMPARE(view.cellWidth(), 8.0);
    QCOMPARE(view.cellHeight(), 4.0);
    compareSpan(view.columnSpan(), -0.5, 124.5); // room past the last column, right of the map
    compareSpan(view.rowSpan(), -0.5, 99.5);
    view.setPixelSize(QSizeF(300, 900)); // tall cells keep their height: 3 x 9, the whole space
    QCOMPARE(view.cellWidth(), 3.0);
    QCOMPARE(view.cellHeight(), 9.0);
    compareSpan(view.columnSpan(), -0.5, 99.5);
    compareSpan(view.rowSpan(), -0.5, 99.5);
}

void TestHeatmapViewport::oneRowOrColumnIsNotCapped() {
    HeatmapViewport view;
    view.setMatrix(5, 1);
    view.setPixelSize(QSizeF(800, 500));
    QCOMPARE(view.cellWidth(), 160.0);
    QCOMPARE(view.cellHeight(), 500.0);
    compareSpan(view.columnSpan(), -0.5, 4.5);
    compareSpan(view.rowSpan(), -0.5, 0.5);
}

void TestHeatmapViewport::zoomKeepsTheAnchor() {
    HeatmapViewport view;
    view.setMatrix(100, 100);
    view.setPixelSize(QSizeF(1000, 400));
    QVERIFY(view.zoomBy(2.0, QPointF(50, 50)));
    QCOMPARE(view.zoom(), 2.0);
    // 62.5 columns and 50 rows visible; cell 50 stays at the same fraction of the view.
    compareSpan(view.columnSpan(), 24.75, 87.25);
    compareSpan(view.rowSpan(), 24.75, 74.75);
    QVERIFY(!view.isFit());
    QVERIFY(view.zoomBy(0.5, QPointF(50, 50)));
    QVERIFY(view.isFit());
    compareSpan(view.columnSpan(), -0.5, 124.5);
    QVERIFY(!view.zoomBy(0.5, QPointF(50, 50))); // already whole
}

void TestHeatmapViewport::panClampsToTheMatrix() {
    HeatmapViewport view;
    view.setMatrix(100, 100);
    view.setPixelSize(QSizeF(1000, 400));
    QVERIFY(!view.panBy(10, 10)); // at fit there is nowhere to go
    view.zoomBy(2.0, QPointF(50, 50));
    QVERIFY(view.panBy(-5, 3));
    compareSpan(view.columnSpan(), 19.75, 82.25);
    compareSpan(view.rowSpan(), 27.75, 77.75);
    QVERIFY(view.panBy(-1000, -1000));
    compareSpan(view.columnSpan(), -0.5, 62.0);
    compareSpan(view.rowSpan(), -0.5, 49.5);
    QVERIFY(!view.panBy(-1, -1));
    QVERIFY(view.panBy(1000, 1000));
    compareSpan(view.columnSpan(), 37.0, 99.5);
    compareSpan(view.rowSpan(), 49.5, 99.5);
}

void TestHeatmapViewport::zoomStopsAtEightCells() {
    HeatmapViewport view;
    view.setMatrix(100, 100);
    view.setPixelSize(QSizeF(1000, 400));
    QCOMPARE(view.maxZoom(), 125.0 / 8.0);
    view.zoomBy(1000.0, QPointF(10, 10));
    QCOMPARE(view.zoom(), 125.0 / 8.0);
    QCOMPARE(view.columnSpan().size(), 8.0); // the longer side
    QCOMPARE(view.rowSpan().size(), 6.4);
    QVERIFY(!view.zoomBy(2.0, QPointF(10, 10)));
}

void TestHeatmapViewport::smallMatrixDoesNotZoom() {
    HeatmapViewport view;
    view.setMatrix(4, 3);
    view.setPixelSize(QSizeF(800, 600));
    QCOMPARE(view.maxZoom(), 1.0);
    QVERIFY(!view.zoomBy(2.0, QPointF(1, 1)));
    compareSpan(view.columnSpan(), -0.5, 3.5);
    compareSpan(view.rowSpan(), -0.5, 2.5);
}

void TestHeatmapViewport::showRowScrollsTheLeastNeeded() {
    HeatmapViewport view;
    view.setMatrix(100, 100);
    view.setPixelSize(QSizeF(1000, 400));
    QVERIFY(!view.showRow(80)); // at fit every row shows
    view.zoomBy(2.0, QPointF(50, 50));
    QVERIFY(!view.showRow(50));
    QVERIFY(view.showRow(80));
    compareSpan(view.rowSpan(), 30.5, 80.5);
    QVERIFY(view.showRow(10));
    compareSpan(view.rowSpan(), 9.5, 59.5);
    QVERIFY(!view.showRow(100)); // no such row
}

void TestHeatmapViewport::resizeKeepsZoomAndClamps() {
    HeatmapViewport view;
    view.setMatrix(100, 100);
    view.setPixelSize(QSizeF(1000, 400));
    view.zoomBy(2.0, QPointF(50, 50));
    view.panBy(1000, 1000);
    view.setPixelSize(QSizeF(1000, 800)); // taller: cells 10 x 8 at fit, 20 x 16 at zoom 2
    QCOMPARE(view.zoom(), 2.0);
    compareSpan(view.columnSpan(), 37.0, 87.0);
    compareSpan(view.rowSpan(), 49.5, 99.5);
    view.setMatrix(10, 10);
    QVERIFY(view.isFit());
}

void TestHeatmapViewport::pinPutsACellUnderAPixel() {
    HeatmapViewport view;
    view.setMatrix(100, 100);
    view.setPixelSize(QSizeF(1000, 400));
    view.zoomBy(2.0, QPointF(50, 50));           // cells 16 x 8
    view.pin(QPointF(40, 40), QPointF(160, 80)); // 10 cells right and down of the top-left
    compareSpan(view.columnSpan(), 30.0, 92.5);
    compareSpan(view.rowSpan(), 30.0, 80.0);
    view.pin(QPointF(95, 40), QPointF(160, 80)); // would leave the matrix: clamped
    compareSpan(view.columnSpan(), 37.0, 99.5);
}

QTEST_APPLESS_MAIN(TestHeatmapViewport)
#include "tst_heatmap_viewport.moc"
