// A 100 x 100 alignment (a 100-word sentence, as the big model translates) stays readable: drawn
// labels never overlap and at least every 10th shows, wheel and keys zoom around the mouse, drags
// and the wheel pan within the matrix, tooltips name the cell under the mouse at any zoom, 0 and
// the Fit button go back to the whole matrix, a new sentence starts whole, and a small matrix
// looks as it always did.
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/AxisTokenLabels.h"
#include "ui/plots/CellOutline.h"
#include "ui/plots/DistributionStrip.h"
#include "ui/plots/HeatmapNavigator.h"

#include <qcustomplot.h>

#include <QNativeGestureEvent>
#include <QPointingDevice>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <cmath>

using attnlab::Alignment;
using attnlab::Matrix;
using attnlab::ui::AlignmentHeatmap;
using attnlab::ui::AxisTokenLabels;
using attnlab::ui::CellSpan;

namespace {

// A 100-word English sentence, its 99-word French translation and </s>: words of every length, a
// few long enough to be elided, and an alignment that is mostly diagonal with local swaps (as
// "red houses" -> "maisons rouges"), each row a softmax.
struct LongPair {
    std::vector<std::string> source, output;
    Matrix<float> weights; // (T x S)
    Alignment gold;
    explicit LongPair(const QString& prefix = {}) : weights(100, 100) {
        const QString english =
            "the committee on internationalisation met on tuesday morning to review a long list of "
            "proposals that members had sent in over the winter , and after three hours of discussion it "
            "agreed that the red houses near the old harbour should be repaired before the summer , that "
            "the library would open later on sundays , that every school would receive new books , and "
            "that the question of the bridge would wait until the next meeting , when the engineers could "
            "explain their report in detail and answer the questions that residents had asked about costs "
            "and safety .";
        const QString french =
            "le comité de l'internationalisation s'est réuni mardi matin pour examiner une longue liste "
            "de propositions que les membres avaient envoyées pendant l'hiver , et après trois heures de "
            "discussion il a convenu que les maisons rouges près du vieux port seraient réparées avant "
            "l'été , que la bibliothèque ouvrirait plus tard le dimanche , que chaque école recevrait de "
            "nouveaux livres , et que la question du pont attendrait la prochaine réunion , quand les "
            "ingénieurs pourraient expliquer leur rapport en détail et répondre aux nombreuses questions "
            "que les habitants avaient posées sur les coûts et la sécurité .";
        for (const QString& word : english.split(' ')) source.push_back((prefix + word).toStdString());
        for (const QString& word : french.split(' ')) output.push_back((prefix + word).toStdString());
        output.emplace_back("</s>");
        for (int t = 0; t < 100; ++t) {
            int focus = t;           // the two sentences run nearly word for word
            if (t == 34) focus = 35; // "maisons" looks at "houses"
            if (t == 35) focus = 34; // "rouges" at "red"
            Eigen::VectorXd scores(100);
            for (int s = 0; s < 100; ++s)
                scores(s) = 5.0 * std::exp(-0.5 * (s - focus) * (s - focus)) + 0.3 * std::sin(0.7 * s + t);
            const Eigen::VectorXd e = scores.array().exp();
            weights.row(t) = (e / e.sum()).cast<float>().transpose();
            if (t % 4 == 0) gold.push_back({std::min(focus, 99), t, t % 8 == 0});
        }
    }
};

QString weightText(float w) {
    return QString::number(double(w), 'f', 4);
}

void showAndLayout(AlignmentHeatmap& map, QSize size) {
    map.resize(size);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    map.plot()->replot(QCustomPlot::rpImmediateRefresh);
}

void replot(AlignmentHeatmap& map) {
    map.plot()->replot(QCustomPlot::rpImmediateRefresh);
}

CellSpan columns(const AlignmentHeatmap& map) {
    const QCPRange range = map.mapRect()->axis(QCPAxis::atBottom)->range();
    return {range.lower, range.upper};
}

CellSpan rows(const AlignmentHeatmap& map) {
    const QCPRange range = map.mapRect()->axis(QCPAxis::atLeft)->range();
    return {range.lower, range.upper};
}

// The pixel of cell coordinate (column, row), from the visible ranges and the map's rect alone: the
// range maps linearly onto the rect, row coordinates growing downwards. (QCustomPlot maps a
// vertical range onto top() - 1 .. bottom(), one pixel above a QRect's own top .. bottom + 1.)
QPointF pixelOf(const AlignmentHeatmap& map, double column, double row) {
    const QRect rect = map.mapRect()->rect();
    const CellSpan x = columns(map), y = rows(map);
    return {rect.left() + (column - x.lower) / x.size() * rect.width(),
            rect.top() - 1 + (row - y.lower) / y.size() * rect.height()};
}

void sendWheel(QWidget* target, QPointF pixel, QPoint angle, Qt::KeyboardModifiers modifiers) {
    QWheelEvent wheel(pixel, target->mapToGlobal(pixel), QPoint(), angle, Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &wheel);
}

void sendMouse(QWidget* target, QEvent::Type type, QPointF pixel, Qt::MouseButton button,
               Qt::MouseButtons buttons) {
    QMouseEvent event(type, pixel, target->mapToGlobal(pixel), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

// Pairs of drawn labels whose boxes share area, named for the failure message.
QStringList overlaps(const AxisTokenLabels& labels) {
    std::vector<std::pair<int, QRectF>> drawn;
    for (int i = 0; i < labels.count(); ++i)
        if (labels.isShown(i)) drawn.emplace_back(i, labels.drawnRect(i));
    QStringList found;
    for (size_t a = 0; a < drawn.size(); ++a)
        for (size_t b = a + 1; b < drawn.size(); ++b) {
            const QRectF common = drawn[a].second.intersected(drawn[b].second);
            if (common.width() > 0.01 && common.height() > 0.01)
                found << QString("%1 and %2").arg(drawn[a].first).arg(drawn[b].first);
        }
    return found;
}

int shownCount(const AxisTokenLabels& labels) {
    int shown = 0;
    for (int i = 0; i < labels.count(); ++i) shown += labels.isShown(i) ? 1 : 0;
    return shown;
}

} // namespace

class TestHeatmapZoom : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labelsOf100By100NeverOverlap_data();
    void labelsOf100By100NeverOverlap();
    void cellsStaySquareishAndUseTheSpace();
    void ctrlWheelZoomsAroundTheMouse();
    void tooltipAfterZoomNamesTheCell();
    void wheelAndDragPanWithinTheMatrix();
    void keysZoomAndFitRestores();
    void fitButtonShowsWhileZoomed();
    void newSentenceResetsSameSentenceKeeps();
    void highlightedAndHoveredLabelsShow();
    void outlineAndStripFollowTheView();
    void smallMatrixLooksAsBefore();
    void exportOf100By100IsThinned();
    void exportsKeepTheZoomedView();
    void screenshots();
};

void TestHeatmapZoom::labelsOf100By100NeverOverlap_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("compact");
    QTest::addColumn<int>("selectedRow");
    QTest::newRow("inspect panel 900x460") << QSize(900, 460) << false << -1;
    QTest::newRow("inspect panel, row followed") << QSize(900, 560) << false << 37;
    QTest::newRow("pinned dock 300x420") << QSize(300, 420) << false << 12;
    QTest::newRow("large 1400x900") << QSize(1400, 900) << false << 50;
    QTest::newRow("compact grid cell 360x280") << QSize(360, 280) << true << -1;
}

void TestHeatmapZoom::labelsOf100By100NeverOverlap() {
    QFETCH(QSize, size);
    QFETCH(bool, compact);
    QFETCH(int, selectedRow);
    const LongPair pair;
    AlignmentHeatmap map;
    if (compact) map.setCompact();
    map.setAlignment(pair.source, pair.output, pair.weights, pair.gold);
    map.highlightRow(selectedRow);
    showAndLayout(map, size);
    const QRect plotRect = map.plot()->rect();
    for (const AxisTokenLabels* labels : {&map.sourceAxisLabels(), &map.outputAxisLabels()}) {
        const QStringList found = overlaps(*labels);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(", ")));
        // At least every 10th label, on round positions, and never the whole crowd.
        QVERIFY2(labels->step() <= 10, qPrintable(QString::number(labels->step())));
        QVERIFY(QList<int>({1, 2, 5, 10}).contains(labels->step()));
        for (int i = 0; i < 100; i += 10)
            if (std::abs(i - selectedRow) >= labels->step() || labels == &map.sourceAxisLabels())
                QVERIFY2(labels->isShown(i), qPrintable(QString::number(i)));
        // (A followed row's label takes the place of its two round neighbours.)
        QVERIFY(shownCount(*labels) >= (selectedRow >= 0 && labels == &map.outputAxisLabels() ? 9 : 10));
        // Every drawn label lies inside the widget, and none is longer than the cap.
        for (int i = 0; i < labels->count(); ++i)
            if (labels->isShown(i))
                QVERIFY2(QRectF(plotRect).adjusted(-0.5, -0.5, 0.5, 0.5).contains(labels->drawnRect(i)),
                         qPrintable(QString("%1: %2,%3 %4x%5")
                                        .arg(i)
                                        .arg(labels->drawnRect(i).x())
                                        .arg(labels->drawnRect(i).y())
                                        .arg(labels->drawnRect(i).width())
                                        .arg(labels->drawnRect(i).height())));
    }
    if (selectedRow >= 0) {
        QVERIFY(map.outputAxisLabels().isShown(selectedRow));
        // The strip's tokens are thinned the same way: one tick per step, spaced wider than a line.
        const auto ticker =
            map.stripRect()->axis(QCPAxis::atBottom)->ticker().dynamicCast<QCPAxisTickerText>();
        QVERIFY(ticker);
        const int step = int(
            ticker->ticks().size() > 1 ? ticker->ticks().keys().at(1) - ticker->ticks().keys().at(0) : 100);
        QVERIFY2(step <= 10, qPrintable(QString::number(step)));
        QCOMPARE(ticker->ticks().size(), (100 + step - 1) / step);
        const QFontMetrics metrics(map.stripRect()->axis(QCPAxis::atBottom)->tickLabelFont());
        const double cellWidth = map.shownCells().width() / 100.0;
        QVERIFY2(step * cellWidth > metrics.height(),
                 qPrintable(QString("%1 x %2 <= %3").arg(step).arg(cellWidth).arg(metrics.height())));
    }
}

// In the inspect panel's wide, low space the map is as tall as the space and cells are at most twice
// as wide as tall; in the pinned dock's narrow, tall one it fills the space both ways.
void TestHeatmapZoom::cellsStaySquareishAndUseTheSpace() {
    const LongPair pair;
    QCOMPARE(pair.source.size(), size_t(100));
    QCOMPARE(pair.output.size(), size_t(100));
    QCOMPARE(pair.source[34], std::string("red"));
    QCOMPARE(pair.output[34], std::string("maisons"));
    for (const QSize size : {QSize(1200, 420), QSize(300, 600)}) {
        AlignmentHeatmap map;
        map.setAlignment(pair.source, pair.output, pair.weights);
        showAndLayout(map, size);
        const QRectF cells = map.shownCells();
        const QRect area = map.mapRect()->rect();
        const double aspect = (cells.width() / 100) / (cells.height() / 100);
        QVERIFY2(aspect <= 2.02, qPrintable(QString::number(aspect))); // 2, give or take a pixel's rounding
        const bool fillsHeight = std::abs(cells.height() - area.height()) <= 1.0;
        const bool fillsWidth = std::abs(cells.width() - area.width()) <= 1.0;
        QVERIFY(fillsHeight);
        if (size.width() > size.height())
            QVERIFY(aspect >= 1.98 && cells.width() < area.width() - 20); // capped: room on the right
        else
            QVERIFY(fillsWidth);
        // The map itself takes most of the widget: labels are capped, not 110 pixels each way.
        QVERIFY2(area.height() > size.height() * 0.6, qPrintable(QString::number(area.height())));
    }
}

void TestHeatmapZoom::ctrlWheelZoomsAroundTheMouse() {
    const LongPair pair;
    AlignmentHeatmap map;
    map.setAlignment(pair.source, pair.output, pair.weights);
    showAndLayout(map, QSize(900, 560));
    QCOMPARE(columns(map).lower, -0.5);
    QVERIFY(columns(map).upper >= 99.5);
    QCOMPARE(rows(map).lower, -0.5);
    QVERIFY(rows(map).upper >= 99.5);
    QVERIFY(map.navigator().viewport().isFit());

    // Cell (row 30, column 70) under the mouse: three notches of Ctrl+wheel zoom in about it.
    const QPointF mouse = pixelOf(map, 70.0, 30.0);
    QCOMPARE(map.columnAt(mouse), 70);
    QCOMPARE(map.rowAt(mouse), 30);
    sendWheel(map.plot(), mouse, QPoint(0, 360), Qt::ControlModifier);
    replot(map);
    const double zoom = map.navigator().viewport().zoom();
    QVERIFY2(std::abs(zoom - std::pow(1.25, 3)) < 1e-9, qPrintable(QString::number(zoom)));
    // Both sides show about 1/zoom of what they did, and the same cell is still under the mouse.
    QVERIFY2(columns(map).size() < 101.0 / 1.9 && rows(map).size() < 101.0 / 1.9,
             qPrintable(QString("%1 x %2").arg(columns(map).size()).arg(rows(map).size())));
    QVERIFY(columns(map).contains(70) && rows(map).contains(30));
    QVERIFY2(std::abs(map.columnAt(mouse) - 70) <= 1 && std::abs(map.rowAt(mouse) - 30) <= 1,
             qPrintable(QString("%1, %2").arg(map.columnAt(mouse)).arg(map.rowAt(mouse))));
    // The labels grow with the cells: fewer are skipped.
    QVERIFY(map.sourceAxisLabels().step() <= 2);

    // Zooming in stops at about 8 cells along the longer side; zooming out stops at the whole matrix.
    for (int i = 0; i < 20; ++i) sendWheel(map.plot(), mouse, QPoint(0, 120), Qt::ControlModifier);
    replot(map);
    const double longer = std::max(columns(map).size(), rows(map).size());
    QVERIFY2(longer >= 7.9 && longer <= 8.6, qPrintable(QString::number(longer)));
    QVERIFY(map.sourceAxisLabels().step() == 1 && map.outputAxisLabels().step() == 1);
    for (int i = 0; i < 30; ++i) sendWheel(map.plot(), mouse, QPoint(0, -120), Qt::ControlModifier);
    replot(map);
    QVERIFY(map.navigator().viewport().isFit());
    QCOMPARE(columns(map).lower, -0.5);
    QCOMPARE(rows(map).lower, -0.5);

    // A touchpad pinch zooms the same way: +50% about the fingers.
    QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, mouse,
                              mouse, map.plot()->mapToGlobal(mouse), 0.5, QPointF());
    QApplication::sendEvent(map.plot(), &pinch);
    replot(map);
    QVERIFY(std::abs(map.navigator().viewport().zoom() - 1.5) < 1e-9);
    QVERIFY(std::abs(map.columnAt(mouse) - 70) <= 1 && std::abs(map.rowAt(mouse) - 30) <= 1);
}

void TestHeatmapZoom::tooltipAfterZoomNamesTheCell() {
    const LongPair pair;
    AlignmentHeatmap map;
    map.setAlignment(pair.source, pair.output, pair.weights);
    showAndLayout(map, QSize(900, 560));
    map.navigator().zoomBy(6.0, pixelOf(map, 71.0, 64.0));
    replot(map);
    QVERIFY(columns(map).size() < 30);
    for (auto [row, column] : {std::pair{64, 71}, std::pair{66, 68}}) {
        QVERIFY(columns(map).contains(column) && rows(map).contains(row));
        const QString expected = QString("output %1 of 100 '%2' \u2192 source %3 of 100 '%4': %5")
                                     .arg(row + 1)
                                     .arg(QString::fromStdString(pair.output[size_t(row)]))
                                     .arg(column + 1)
                                     .arg(QString::fromStdString(pair.source[size_t(column)]))
                                     .arg(weightText(pair.weights(row, column)));
        QCOMPARE(map.toolTipAt(pixelOf(map, column, row)), expected);
    }
    // The weight of cell (64, 71) is the diagonal's neighbour: small but not nothing.
    QVERIFY(pair.weights(64, 71) < 0.2f);
    // Over the source labels above the map, the column under the mouse, in view or not labelled.
    const QRect rect = map.mapRect()->rect();
    QCOMPARE(map.toolTipAt(QPointF(pixelOf(map, 69, 0).x(), rect.top() - 4)),
             QString("source 70 of 100 '%1'").arg(QString::fromStdString(pair.source[69])));
    // Past the cells in view nothing is named.
    QCOMPARE(map.toolTipAt(QPointF(rect.right() + 3, rect.center().y())), QString());
}

void TestHeatmapZoom::wheelAndDragPanWithinTheMatrix() {
    const LongPair pair;
    AlignmentHeatmap map;
    map.setAlignment(pair.source, pair.output, pair.weights);
    showAndLayout(map, QSize(900, 560));
    // At fit the wheel has nothing to scroll.
    sendWheel(map.plot(), pixelOf(map, 50, 50), QPoint(0, -120), Qt::NoModifier);
    replot(map);
    QCOMPARE(rows(map).lower, -0.5);

    map.navigator().zoomBy(4.0, pixelOf(map, 50.0, 50.0));
    replot(map);
    const CellSpan before = rows(map);
    // One notch down scrolls three rows, Shift+wheel three columns.
    sendWheel(map.plot(), map.mapRect()->rect().center(), QPoint(0, -120), Qt::NoModifier);
    replot(map);
    QVERIFY2(std::abs(rows(map).lower - (before.lower + 3.0)) < 1e-6,
             qPrintable(QString::number(rows(map).lower)));
    const CellSpan columnsBefore = columns(map);
    sendWheel(map.plot(), map.mapRect()->rect().center(), QPoint(0, -120), Qt::ShiftModifier);
    replot(map);
    QVERIFY(std::abs(columns(map).lower - (columnsBefore.lower + 3.0)) < 1e-6);

    // Scrolling far up or left stops at the first row and column, far down or right at the last.
    for (int i = 0; i < 50; ++i) sendWheel(map.plot(), map.mapRect()->rect().center(), QPoint(0, 120), {});
    for (int i = 0; i < 50; ++i)
        sendWheel(map.plot(), map.mapRect()->rect().center(), QPoint(0, 120), Qt::ShiftModifier);
    replot(map);
    QCOMPARE(rows(map).lower, -0.5);
    QCOMPARE(columns(map).lower, -0.5);
    map.navigator().panBy(1000, 1000);
    replot(map);
    QCOMPARE(rows(map).upper, 99.5);
    QCOMPARE(columns(map).upper, 99.5);

    // A drag moves the cells with the pointer, and is not a click: no row gets selected.
    QSignalSpy selected(&map, &AlignmentHeatmap::rowSelected);
    const CellSpan x0 = columns(map), y0 = rows(map);
    const double cellWidth = map.navigator().viewport().cellWidth();
    const double cellHeight = map.navigator().viewport().cellHeight();
    const QPointF start = map.mapRect()->rect().center();
    const QPointF end = start + QPointF(8 * cellWidth, 5 * cellHeight);
    sendMouse(map.plot(), QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    sendMouse(map.plot(), QEvent::MouseMove, start + QPointF(3 * cellWidth, 2 * cellHeight), Qt::NoButton,
              Qt::LeftButton);
    QVERIFY(map.navigator().dragging());
    sendMouse(map.plot(), QEvent::MouseMove, end, Qt::NoButton, Qt::LeftButton);
    sendMouse(map.plot(), QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton);
    replot(map);
    QVERIFY(!map.navigator().dragging());
    QCOMPARE(selected.count(), 0);
    QVERIFY2(std::abs(columns(map).lower - (x0.lower - 8)) < 1e-6,
             qPrintable(QString::number(columns(map).lower)));
    QVERIFY(std::abs(rows(map).lower - (y0.lower - 5)) < 1e-6);
    // A drag past the first cell stops there.
    sendMouse(map.plot(), QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    sendMouse(map.plot(), QEvent::MouseMove, start + QPointF(5000, 5000), Qt::NoButton, Qt::LeftButton);
    sendMouse(map.plot(), QEvent::MouseButtonRelease, start + QPointF(5000, 5000), Qt::LeftButton,
              Qt::NoButton);
    replot(map);
    QCOMPARE(columns(map).lower, -0.5);
    QCOMPARE(rows(map).lower, -0.5);
    QVERIFY(columns(map).size() < 40); // still zoomed
}

void TestHeatmapZoom::keysZoomAndFitRestores() {
    const LongPair pair;
    AlignmentHeatmap map;
    map.setAlignment(pair.source, pair.output, pair.weights);
    showAndLayout(map, QSize(900, 560));
    const CellSpan whole = rows(map);
    QTest::keyClick(&map, Qt::Key_Plus);
    QTest::keyClick(&map, Qt::Key_Equal);
    replot(map);
    QVERIFY(std::abs(map.navigator().viewport().zoom() - 2.25) < 1e-9);
    QVERIFY(rows(map).size() < whole.size() / 2.0);
    QTest::keyClick(&map, Qt::Key_Minus);
    replot(map);
    QVERIFY(std::abs(map.navigator().viewport().zoom() - 1.5) < 1e-9);
    const double left = columns(map).lower;
    QTest::keyClick(&map, Qt::Key_Right); // scrolls columns when zoomed
    replot(map);
    QVERIFY(columns(map).lower > left);
    QTest::keyClick(&map, Qt::Key_0);
    replot(map);
    QVERIFY(map.navigator().viewport().isFit());
    QCOMPARE(rows(map).lower, whole.lower);
    QCOMPARE(rows(map).upper, whole.upper);
    QCOMPARE(columns(map).lower, -0.5);
    // Up and Down still follow rows, and scroll the followed row into view.
    map.navigator().zoomBy(5.0, pixelOf(map, 0, 0));
    replot(map);
    QVERIFY(!rows(map).contains(40));
    map.highlightRow(39);
    QTest::keyClick(&map, Qt::Key_Down);
    replot(map);
    QCOMPARE(map.highlightedRow(), 40);
    QVERIFY(rows(map).lower <= 39.5 && rows(map).upper >= 40.5);
}

void TestHeatmapZoom::fitButtonShowsWhileZoomed() {
    const LongPair pair;
    AlignmentHeatmap map;
    map.setAlignment(pair.source, pair.output, pair.weights);
    showAndLayout(map, QSize(900, 560));
    QToolButton* fit = map.navigator().fitButton();
    QVERIFY(fit->isHidden());
    map.navigator().zoomBy(3.0, pixelOf(map, 20, 20));
    replot(map);
    QVERIFY(fit->isVisible());
    QCOMPARE(fit->text(), QStringLiteral("Fit"));
    // In the corner left of the source labels and above the output labels, clear of the cells.
    const QRect rect = map.mapRect()->rect();
    QVERIFY2(fit->geometry().right() < rect.left() && fit->geometry().bottom() < rect.top(),
             qPrintable(QString("%1,%2 %3x%4 vs %5,%6")
                            .arg(fit->x())
                            .arg(fit->y())
                            .arg(fit->width())
                            .arg(fit->height())
                            .arg(rect.left())
                            .arg(rect.top())));
    QTest::mouseClick(fit, Qt::LeftButton);
    replot(map);
    QVERIFY(map.navigator().viewport().isFit());
    QVERIFY(fit->isHidden());
}

void TestHeatmapZoom::newSentenceResetsSameSentenceKeeps() {
    const LongPair pair;
    AlignmentHeatmap map;
    map.setAlignment(pair.source, pair.output, pair.weights);
    showAndLayout(map, QSize(900, 560));
    map.navigator().zoomBy(4.0, pixelOf(map, 60, 60));
    replot(map);
    const CellSpan zoomedColumns = columns(map);
    // The same pair with new weights (training goes on): the view stays.
    Matrix<float> later = pair.weights;
    later.row(0).setConstant(0.01f);
    map.setAlignment(pair.source, pair.output, later);
    replot(map);
    QCOMPARE(columns(map).lower, zoomedColumns.lower);
    QCOMPARE(map.cellValue(0, 0), double(0.01f));
    // Another sentence: the whole of it.
    const LongPair other(QStringLiteral("x"));
    map.setAlignment(other.source, other.output, other.weights);
    replot(map);
    QVERIFY(map.navigator().viewport().isFit());
    QCOMPARE(columns(map).lower, -0.5);
    QVERIFY(columns(map).upper >= 99.5 && rows(map).upper >= 99.5);
    // Cleared and refilled: whole again.
    map.navigator().zoomBy(4.0, pixelOf(map, 60, 60));
    map.clear();
    map.setAlignment(other.source, other.output, other.weights);
    replot(map);
    QVERIFY(map.navigator().viewport().isFit());
}

void TestHeatmapZoom::highlightedAndHoveredLabelsShow() {
    const LongPair pair;
    AlignmentHeatmap map;
    map.setAlignment(pair.source, pair.output, pair.weights);
    showAndLayout(map, QSize(900, 460));
    const AxisTokenLabels& left = map.outputAxisLabels();
    const AxisTokenLabels& top = map.sourceAxisLabels();
    QVERIFY2(left.step() >= 2, qPrintable(QString::number(left.step())));
    const int row = 10 * 3 + 7; // not on the step
    map.highlightRow(row);
    replot(map);
    QVERIFY(left.isShown(row));
    for (int i = row - left.step() + 1; i < row + left.step(); ++i)
        if (i != row) QVERIFY2(!left.isShown(i), qPrintable(QString::number(i)));
    // Hovering a cell shows its column's and row's labels too, boxed, without overlapping others.
    const QPointF mouse = pixelOf(map, 43, 81);
    sendMouse(map.plot(), QEvent::MouseMove, mouse, Qt::NoButton, Qt::NoButton);
    replot(map);
    QCOMPARE(top.hovered(), 43);
    QCOMPARE(left.hovered(), 81);
    QVERIFY(top.isShown(43) && left.isShown(81) && left.isShown(row));
    QVERIFY2(overlaps(left).isEmpty(), qPrintable(overlaps(left).join(", ")));
    QVERIFY2(overlaps(top).isEmpty(), qPrintable(overlaps(top).join(", ")));
    // Hovering next to the followed row: the hovered label wins, the outline still marks the row.
    sendMouse(map.plot(), QEvent::MouseMove, pixelOf(map, 43, row + 1), Qt::NoButton, Qt::NoButton);
    replot(map);
    QVERIFY(left.isShown(row + 1));
    QVERIFY(!left.isShown(row));
    QVERIFY(overlaps(left).isEmpty());
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(&map, &leave);
    QCOMPARE(left.hovered(), -1);
    QVERIFY(left.isShown(row));
}

void TestHeatmapZoom::outlineAndStripFollowTheView() {
    const LongPair pair;
    AlignmentHeatmap map;
    map.setAlignment(pair.source, pair.output, pair.weights, pair.gold);
    showAndLayout(map, QSize(900, 600));
    map.highlightRow(50);
    replot(map);
    const auto* outline = map.findChild<attnlab::ui::CellOutline*>();
    QVERIFY(outline);
    QCOMPARE(outline->shownRect(), QRectF(QPointF(-0.5, 49.5), QPointF(99.5, 50.5)));
    // Zoomed on the top-left corner the row is out of view: no outline drawn over other cells.
    map.navigator().zoomBy(8.0, pixelOf(map, 0, 0));
    replot(map);
    QVERIFY(!rows(map).contains(50));
    QVERIFY(outline->shownRect().isEmpty());
    for (const QCPItemRect* item : outline->items()) QVERIFY(!item->visible());
    // Scrolled to it, the outline spans the visible columns only.
    map.navigator().showRow(50);
    replot(map);
    const QRectF shown = outline->shownRect();
    QCOMPARE(shown.left(), columns(map).lower);
    QCOMPARE(shown.right(), columns(map).upper);
    QVERIFY(shown.width() < 20);
    QCOMPARE(shown.top(), 49.5);
    // The strip's bars stay under their columns: its axis shows the map's columns.
    const QCPRange strip = map.stripRect()->axis(QCPAxis::atBottom)->range();
    QCOMPARE(strip.lower, columns(map).lower);
    QCOMPARE(strip.upper, columns(map).upper);
    const QPointF bar(pixelOf(map, 3, 0).x(), map.stripRect()->rect().center().y());
    QCOMPARE(map.toolTipAt(bar), QString("output 51 of 100 '%1' \u2192 source 4 of 100 '%2': %3")
                                     .arg(QString::fromStdString(pair.output[50]))
                                     .arg(QString::fromStdString(pair.source[3]))
                                     .arg(weightText(pair.weights(50, 3))));
    // Only labels of cells in view are drawn.
    for (int i = 0; i < 100; ++i)
        if (!columns(map).contains(i))
            QVERIFY2(!map.sourceAxisLabels().isShown(i), qPrintable(QString::number(i)));
}

// A 10 x 12 alignment at the size the tests always used: the whole matrix fills the map, every label
// is shown at step 1, and there is no Fit button.
void TestHeatmapZoom::smallMatrixLooksAsBefore() {
    std::vector<std::string> source, output;
    for (int s = 0; s < 12; ++s) source.push_back(std::string(1, char('a' + s)));
    for (int t = 0; t < 10; ++t) output.push_back(std::to_string(t));
    Matrix<float> w = Matrix<float>::Constant(10, 12, 1.0f / 12);
    AlignmentHeatmap map;
    map.setAlignment(source, output, w);
    showAndLayout(map, QSize(800, 600));
    QCOMPARE(columns(map).lower, -0.5);
    QCOMPARE(columns(map).upper, 11.5);
    QCOMPARE(rows(map).lower, -0.5);
    QCOMPARE(rows(map).upper, 9.5);
    QVERIFY(std::abs(map.shownCells().width() - map.mapRect()->rect().width()) <= 1);
    QVERIFY(std::abs(map.shownCells().height() - map.mapRect()->rect().height()) <= 1);
    QCOMPARE(map.sourceAxisLabels().step(), 1);
    QCOMPARE(map.outputAxisLabels().step(), 1);
    QCOMPARE(shownCount(map.sourceAxisLabels()), 12);
    QCOMPARE(shownCount(map.outputAxisLabels()), 10);
    QVERIFY(map.navigator().fitButton()->isHidden());
    QVERIFY(overlaps(map.sourceAxisLabels()).isEmpty() && overlaps(map.outputAxisLabels()).isEmpty());
    // The compact grid's small maps keep every label too.
    AlignmentHeatmap compact;
    compact.setCompact();
    compact.setAlignment(source, output, w);
    showAndLayout(compact, QSize(360, 280));
    QCOMPARE(shownCount(compact.sourceAxisLabels()), 12);
    QCOMPARE(shownCount(compact.outputAxisLabels()), 10);
}

// An export of the 100 x 100 map at the widget's size holds the thinned labels, not all 200.
void TestHeatmapZoom::exportOf100By100IsThinned() {
    std::vector<std::string> source, output;
    for (int i = 0; i < 100; ++i) {
        source.push_back(QString("s%1").arg(i, 2, 10, QChar('0')).toStdString());
        output.push_back(QString("o%1").arg(i, 2, 10, QChar('0')).toStdString());
    }
    const LongPair pair;
    AlignmentHeatmap map;
    map.setAlignment(source, output, pair.weights);
    showAndLayout(map, QSize(900, 560));
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath("map.svg");
    QVERIFY2(map.exportImage(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    int sourceShown = 0, outputShown = 0;
    for (int i = 0; i < 100; ++i) {
        sourceShown += svg.contains(QString(">%1<").arg(QString::fromStdString(source[size_t(i)]))) ? 1 : 0;
        outputShown += svg.contains(QString(">%1<").arg(QString::fromStdString(output[size_t(i)]))) ? 1 : 0;
    }
    for (int shown : {sourceShown, outputShown})
        QVERIFY2(shown >= 10 && shown <= 50, qPrintable(QString::number(shown)));
    QVERIFY(svg.contains(">s00<") && svg.contains(">s90<") && svg.contains(">o90<"));
    // The image for an animation frame at another size lays its labels out for that size.
    const QImage frame = map.renderImage(QSize(1600, 1200));
    QCOMPARE(frame.size(), QSize(1600, 1200));
    replot(map);
    QVERIFY(overlaps(map.sourceAxisLabels()).isEmpty() && overlaps(map.outputAxisLabels()).isEmpty());
}

// Exporting lays the plot out at another size for a moment (a title row; an animation frame's
// size); the view on screen, zoomed and panned to the far right, comes back exactly.
void TestHeatmapZoom::exportsKeepTheZoomedView() {
    const LongPair pair;
    AlignmentHeatmap map;
    map.setAlignment(pair.source, pair.output, pair.weights);
    showAndLayout(map, QSize(900, 560));
    map.navigator().zoomBy(4.0);
    map.navigator().panBy(1000.0, 0.0); // clamped at the last column
    replot(map);
    const CellSpan before = columns(map), beforeRows = rows(map);
    QVERIFY2(before.upper > 99.0 && before.size() < 40.0, qPrintable(QString::number(before.upper)));

    QTemporaryDir dir;
    QString error;
    QVERIFY2(map.exportImage(dir.filePath("map.png"), &error), qPrintable(error));
    replot(map);
    QCOMPARE(columns(map).lower, before.lower);
    QCOMPARE(columns(map).upper, before.upper);
    QCOMPARE(rows(map).lower, beforeRows.lower);
    QCOMPARE(rows(map).upper, beforeRows.upper);

    const QImage small = map.renderImage(QSize(320, 240)); // too small for this zoom: clamped there
    QCOMPARE(small.size(), QSize(320, 240));
    replot(map);
    QCOMPARE(columns(map).lower, before.lower);
    QCOMPARE(columns(map).upper, before.upper);
    QCOMPARE(rows(map).upper, beforeRows.upper);
}

// Not a check: with ATTNLAB_SCREENSHOT_DIR set, saves the 100 x 100 map whole (a row followed) and
// zoomed in, as heatmap-100x100.png and heatmap-100x100-zoomed.png.
void TestHeatmapZoom::screenshots() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshots");
    const LongPair pair;
    AlignmentHeatmap map;
    map.setAlignment(pair.source, pair.output, pair.weights, pair.gold);
    map.highlightRow(34); // "maisons", which looks at "houses", one word right of the diagonal
    showAndLayout(map, QSize(900, 620));
    QVERIFY(map.grab().save(directory + "/heatmap-100x100.png"));
    map.navigator().zoomBy(5.0, pixelOf(map, 34, 34));
    replot(map);
    sendMouse(map.plot(), QEvent::MouseMove, pixelOf(map, 34, 35), Qt::NoButton, Qt::NoButton);
    replot(map);
    QVERIFY(map.grab().save(directory + "/heatmap-100x100-zoomed.png"));
}

QTEST_MAIN(TestHeatmapZoom)
#include "tst_heatmap_zoom.moc"
