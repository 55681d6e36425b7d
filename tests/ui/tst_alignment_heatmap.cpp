// The alignment heatmap shows the matrix it is given: cell values read back from the colour map,
// cell colours read back from the rendered widget, labels, tooltips, row selection by click,
// gold markers, and the CSV/PNG/SVG/PDF exports.
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/AxisTokenLabels.h"
#include "ui/plots/ColorGradients.h"
#include "ui/plots/DistributionStrip.h"

#include <qcustomplot.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using attnlab::Alignment;
using attnlab::Matrix;
using attnlab::ui::AlignmentHeatmap;

namespace {

// (3 x 4): rows are output tokens, columns source tokens; each row sums to 1.
Matrix<float> threeByFour() {
    Matrix<float> w(3, 4);
    w << 0.70f, 0.10f, 0.15f, 0.05f, //
        0.05f, 0.25f, 0.60f, 0.10f,  //
        0.00f, 0.80f, 0.05f, 0.15f;
    return w;
}

const std::vector<std::string> kSource{"a", " ", "b", "</s>"};
const std::vector<std::string> kOutput{"x", "y", "</s>"};

// The pixel centre of a cell, computed from the cells' area: at fit the whole matrix fills it, its
// columns and rows splitting it evenly.
QPoint cellCentre(const AlignmentHeatmap& map, int row, int column) {
    const QRectF cells = map.shownCells();
    return QPoint(int(cells.left() + (column + 0.5) * cells.width() / map.sourceCount()),
                  int(cells.top() + (row + 0.5) * cells.height() / map.outputCount()));
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A shown, laid-out widget: geometry exists only after a layout pass.
void showAndLayout(AlignmentHeatmap& map, QSize size = QSize(800, 600)) {
    map.resize(size);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    map.plot()->replot(QCustomPlot::rpImmediateRefresh);
}

} // namespace

class TestAlignmentHeatmap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cellsReadBack_data();
    void cellsReadBack();
    void renderedColoursFollowTheGradient_data();
    void renderedColoursFollowTheGradient();
    void labelsShowInvisibleAndSpecialTokens();
    void tooltipNamesTokensAndWeight();
    void clickOnARowSelectsIt();
    void clickOnAnOutputLabelSelectsItsRow();
    void keyboardMovesTheSelection();
    void goldLinksBecomeMarkers();
    void wrongShapeThrows();
    void clearEmptiesEverything();
    void csvExportIsExact();
    void imageExports_data();
    void imageExports();
    void unknownExtensionIsRefused();
    void manyLongTokensStayReadable();
    void everyLabelOf14By50IsShown_data();
    void everyLabelOf14By50IsShown();
    void stripShowsTokensAndHasRoom();
    void exportHoldsTitleAndLabelsButNoHint();
    void nonFiniteWeightsAreDrawnSafely();
    void rendersARealisticDateAlignment();
};

void TestAlignmentHeatmap::cellsReadBack_data() {
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::newRow("3x4") << 3 << 4;
    QTest::newRow("1x1") << 1 << 1;
    QTest::newRow("1x5") << 1 << 5;
    QTest::newRow("6x1") << 6 << 1;
    QTest::newRow("12x30") << 12 << 30;
}

void TestAlignmentHeatmap::cellsReadBack() {
    QFETCH(int, rows);
    QFETCH(int, columns);
    Matrix<float> w(rows, columns);
    for (int t = 0; t < rows; ++t)
        for (int s = 0; s < columns; ++s) w(t, s) = float(t * columns + s) / float(rows * columns);
    if (rows == 3 && columns == 4) w = threeByFour();
    std::vector<std::string> source, output;
    for (int s = 0; s < columns; ++s) source.push_back(std::string(1, char('a' + s % 26)));
    for (int t = 0; t < rows; ++t) output.push_back(std::to_string(t));
    AlignmentHeatmap map;
    map.setAlignment(source, output, w);
    QCOMPARE(map.outputCount(), rows);
    QCOMPARE(map.sourceCount(), columns);
    for (int t = 0; t < rows; ++t)
        for (int s = 0; s < columns; ++s) QCOMPARE(map.cellValue(t, s), double(w(t, s)));
    if (rows == 3 && columns == 4) { // literal spot checks of the hand-written matrix
        QCOMPARE(map.cellValue(0, 0), double(0.70f));
        QCOMPARE(map.cellValue(1, 2), double(0.60f));
        QCOMPARE(map.cellValue(2, 1), double(0.80f));
    }
    QVERIFY(std::isnan(map.cellValue(rows, 0)));
    QVERIFY(std::isnan(map.cellValue(0, columns)));
    QVERIFY(std::isnan(map.cellValue(-1, 0)));
}

void TestAlignmentHeatmap::renderedColoursFollowTheGradient_data() {
    cellsReadBack_data();
}

void TestAlignmentHeatmap::renderedColoursFollowTheGradient() {
    QFETCH(int, rows);
    QFETCH(int, columns);
    Matrix<float> w(rows, columns);
    for (int t = 0; t < rows; ++t)
        for (int s = 0; s < columns; ++s) w(t, s) = float((t * 7 + s * 3) % 11) / 10.0f;
    std::vector<std::string> source, output;
    for (int s = 0; s < columns; ++s) source.push_back(std::string(1, char('a' + s % 26)));
    for (int t = 0; t < rows; ++t) output.push_back(std::to_string(t));
    AlignmentHeatmap map;
    map.setAlignment(source, output, w);
    showAndLayout(map);
    const QImage image = map.plot()->toPixmap().toImage();
    for (int t = 0; t < rows; ++t)
        for (int s = 0; s < columns; ++s) {
            const QColor got = image.pixelColor(cellCentre(map, t, s));
            const QColor want = attnlab::ui::viridisColor(w(t, s));
            QVERIFY2(
                got == want,
                qPrintable(
                    QString("cell (%1,%2): %3, expected %4").arg(t).arg(s).arg(got.name(), want.name())));
        }
    // Discrete cells: just inside a cell's edge the colour is still that cell's (no interpolation),
    // and the cells cover the plot area edge to edge, top to bottom and left to right, except that
    // the map may stop short of the right edge so that no cell is more than twice as wide as tall
    // (a single row or column fills it both ways).
    const QRect rect = map.shownCells().toAlignedRect();
    const QRect area = map.mapRect()->rect();
    QVERIFY2(std::abs(rect.height() - area.height()) <= 1, qPrintable(QString("cells %1x%2 in %3x%4")
                                                                          .arg(rect.width())
                                                                          .arg(rect.height())
                                                                          .arg(area.width())
                                                                          .arg(area.height())));
    const double cellAspect = (double(rect.width()) / columns) / (double(rect.height()) / rows);
    if (rows > 1 && columns > 1)
        QVERIFY2(cellAspect <= 2.01 && (cellAspect >= 1.99 || std::abs(rect.width() - area.width()) <= 1),
                 qPrintable(QString::number(cellAspect)));
    else
        QVERIFY(std::abs(rect.width() - area.width()) <= 1 && std::abs(rect.height() - area.height()) <= 1);
    const int lastRow = rows - 1, lastColumn = columns - 1;
    QCOMPARE(image.pixelColor(rect.left() + 2, rect.top() + 2), attnlab::ui::viridisColor(w(0, 0)));
    QCOMPARE(image.pixelColor(rect.right() - 2, rect.bottom() - 2),
             attnlab::ui::viridisColor(w(lastRow, lastColumn)));
    if (columns > 1) {
        const QPoint nearEdge(int(rect.left() + 1.0 * rect.width() / columns - 3), cellCentre(map, 0, 0).y());
        QCOMPARE(image.pixelColor(nearEdge), attnlab::ui::viridisColor(w(0, 0)));
    }
}

void TestAlignmentHeatmap::labelsShowInvisibleAndSpecialTokens() {
    AlignmentHeatmap map;
    map.setAlignment(kSource, kOutput, threeByFour());
    QCOMPARE(map.sourceLabels(), (QStringList{"a", QStringLiteral("\u2423"), "b", "</s>"}));
    QCOMPARE(map.outputLabels(), (QStringList{"x", "y", "</s>"}));
    QVERIFY(!map.sourceLabel(1).special);
    QVERIFY(map.sourceLabel(3).special);
    QVERIFY(map.outputLabel(2).special);
    QVERIFY(!map.outputLabel(0).special);
}

void TestAlignmentHeatmap::tooltipNamesTokensAndWeight() {
    AlignmentHeatmap map;
    map.setAlignment(kSource, kOutput, threeByFour());
    showAndLayout(map);
    QCOMPARE(map.toolTipAt(cellCentre(map, 1, 2)),
             QStringLiteral("output 2 of 3 'y' \u2192 source 3 of 4 'b': 0.6000"));
    QCOMPARE(map.toolTipAt(cellCentre(map, 0, 1)),
             QStringLiteral("output 1 of 3 'x' \u2192 source 2 of 4 '\u2423': 0.1000"));
    QCOMPARE(map.toolTipAt(cellCentre(map, 2, 3)),
             QStringLiteral("output 3 of 3 '</s>' \u2192 source 4 of 4 '</s>': 0.1500"));
    QCOMPARE(map.toolTipAt(QPointF(2, 2)), QString()); // the corner, outside the map
    // Over the labels: the token alone.
    const QRect rect = map.mapRect()->rect();
    QCOMPARE(map.toolTipAt(QPointF(cellCentre(map, 0, 3).x(), rect.top() - 6)),
             QStringLiteral("source 4 of 4 '</s>'"));
    QCOMPARE(map.toolTipAt(QPointF(rect.left() - 6, cellCentre(map, 1, 0).y())),
             QStringLiteral("output 2 of 3 'y'"));
    // Over the strip, once a row is selected, a bar tells its weight too.
    map.highlightRow(2);
    map.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QRect strip = map.stripRect()->rect();
    QCOMPARE(map.toolTipAt(QPointF(cellCentre(map, 0, 1).x(), strip.center().y())),
             QStringLiteral("output 3 of 3 '</s>' \u2192 source 2 of 4 '\u2423': 0.8000"));
}

void TestAlignmentHeatmap::clickOnARowSelectsIt() {
    AlignmentHeatmap map;
    map.setAlignment(kSource, kOutput, threeByFour());
    showAndLayout(map);
    QSignalSpy selected(&map, &AlignmentHeatmap::rowSelected);
    QCOMPARE(map.highlightedRow(), -1);
    QVERIFY(map.highlightedDistribution().empty());
    QTest::mouseClick(map.plot(), Qt::LeftButton, {}, cellCentre(map, 2, 1));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toInt(), 2);
    QCOMPARE(map.highlightedRow(), 2);
    const std::vector<double> expected{0.00f, 0.80f, 0.05f, 0.15f};
    QCOMPARE(map.highlightedDistribution(), expected);
    // The outline is drawn: the pixel on the row's top edge is no longer the cell colour.
    map.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QImage image = map.plot()->toPixmap().toImage();
    const QRect rect = map.mapRect()->rect();
    // The edge falls between pixels when the row height is fractional: look one pixel either side.
    const int edgeY = int(rect.top() + 2.0 * rect.height() / 3);
    QStringList seen;
    bool outlined = false;
    for (int y = edgeY - 1; y <= edgeY + 1; ++y) {
        const QColor onEdge = image.pixelColor(cellCentre(map, 2, 1).x(), y);
        outlined = outlined || onEdge == QColor(Qt::white) || onEdge.lightness() < 40;
        seen << onEdge.name();
    }
    QVERIFY2(outlined, qPrintable(seen.join(' ')));

    QTest::mouseClick(map.plot(), Qt::LeftButton, {}, cellCentre(map, 0, 3));
    QCOMPARE(selected.count(), 2);
    QCOMPARE(selected.at(1).at(0).toInt(), 0);
    QCOMPARE(map.highlightedDistribution(), (std::vector<double>{0.70f, 0.10f, 0.15f, 0.05f}));
    map.highlightRow(-1);
    QCOMPARE(map.highlightedRow(), -1);
    QVERIFY(map.highlightedDistribution().empty());
}

void TestAlignmentHeatmap::clickOnAnOutputLabelSelectsItsRow() {
    AlignmentHeatmap map;
    map.setAlignment(kSource, kOutput, threeByFour());
    showAndLayout(map);
    QSignalSpy selected(&map, &AlignmentHeatmap::rowSelected);
    const QPoint onLabel(map.mapRect()->rect().left() - 8, cellCentre(map, 1, 0).y());
    QTest::mouseClick(map.plot(), Qt::LeftButton, {}, onLabel);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(map.highlightedRow(), 1);
    // A click above the map (on the source labels) selects nothing.
    QTest::mouseClick(map.plot(), Qt::LeftButton, {}, QPoint(cellCentre(map, 0, 0).x(), 3));
    QCOMPARE(selected.count(), 1);
}

void TestAlignmentHeatmap::keyboardMovesTheSelection() {
    AlignmentHeatmap map;
    map.setAlignment(kSource, kOutput, threeByFour());
    QSignalSpy selected(&map, &AlignmentHeatmap::rowSelected);
    QTest::keyClick(&map, Qt::Key_Down);
    QCOMPARE(map.highlightedRow(), 0);
    QTest::keyClick(&map, Qt::Key_Down);
    QTest::keyClick(&map, Qt::Key_Down);
    QTest::keyClick(&map, Qt::Key_Down); // stays on the last row
    QCOMPARE(map.highlightedRow(), 2);
    QTest::keyClick(&map, Qt::Key_Up);
    QCOMPARE(map.highlightedRow(), 1);
    QCOMPARE(selected.count(), 5);
    QTest::keyClick(&map, Qt::Key_Escape);
    QCOMPARE(map.highlightedRow(), -1);
}

void TestAlignmentHeatmap::goldLinksBecomeMarkers() {
    AlignmentHeatmap map;
    const Alignment gold{{0, 0, true}, {2, 1, true}, {1, 2, false}, {3, 2, false}, {9, 0, true}};
    map.setAlignment(kSource, kOutput, threeByFour(), gold);
    QCOMPARE(map.sureMarkerCount(), 2); // (9, 0) lies outside the 4 source columns
    QCOMPARE(map.possibleMarkerCount(), 2);
    QCOMPARE(map.goldMarkerCount(), 4);
    // The markers sit on the linked cells: key = source column, value = output row.
    QCPGraph* sure = nullptr;
    QCPGraph* possible = nullptr;
    for (int i = 0; i < map.plot()->graphCount(); ++i) {
        QCPGraph* graph = map.plot()->graph(i);
        if (graph->name() == "gold (sure)") sure = graph;
        if (graph->name() == "gold (possible)") possible = graph;
    }
    QVERIFY(sure && possible);
    QCOMPARE(sure->data()->at(0)->key, 0.0);
    QCOMPARE(sure->data()->at(0)->value, 0.0);
    QCOMPARE(sure->data()->at(1)->key, 2.0);
    QCOMPARE(sure->data()->at(1)->value, 1.0);
    QCOMPARE(possible->data()->at(0)->key, 1.0);
    QCOMPARE(possible->data()->at(1)->key, 3.0);
    QCOMPARE(possible->data()->at(1)->value, 2.0);
    QVERIFY(sure->scatterStyle().brush().style() != Qt::NoBrush);    // filled
    QCOMPARE(possible->scatterStyle().brush().style(), Qt::NoBrush); // hollow
    map.setAlignment(kSource, kOutput, threeByFour());               // no gold: the markers go
    QCOMPARE(map.goldMarkerCount(), 0);
}

void TestAlignmentHeatmap::wrongShapeThrows() {
    AlignmentHeatmap map;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, map.setAlignment(kOutput, kSource, threeByFour()));
    QCOMPARE(map.outputCount(), 0);
}

void TestAlignmentHeatmap::clearEmptiesEverything() {
    AlignmentHeatmap map;
    map.setAlignment(kSource, kOutput, threeByFour(), Alignment{{0, 0, true}});
    map.highlightRow(1);
    map.clear();
    QCOMPARE(map.sourceCount(), 0);
    QCOMPARE(map.outputCount(), 0);
    QVERIFY(map.sourceLabels().isEmpty());
    QCOMPARE(map.goldMarkerCount(), 0);
    QCOMPARE(map.highlightedRow(), -1);
    QVERIFY(std::isnan(map.cellValue(0, 0)));
}

void TestAlignmentHeatmap::csvExportIsExact() {
    AlignmentHeatmap map;
    Matrix<float> w(2, 3);
    w << 0.8731f, 0.1f, 0.0269f, //
        0.25f, 0.5f, 0.25f;
    map.setAlignment({"a", ",", " "}, {"\"q\"", "</s>"}, w);
    QTemporaryDir dir;
    const QString path = dir.filePath("attention.csv");
    QString error;
    QVERIFY2(map.exportCsv(path, &error), qPrintable(error));
    QCOMPARE(readFile(path), QByteArray("output/source,a,\",\",\" \"\r\n"
                                        "\"\"\"q\"\"\",0.8731,0.1,0.0269\r\n"
                                        "</s>,0.25,0.5,0.25\r\n"));
}

void TestAlignmentHeatmap::imageExports_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "heatmap.png" << QByteArray("\x89PNG\r\n\x1a\n");
    QTest::newRow("PNG upper case") << "heatmap.PNG" << QByteArray("\x89PNG\r\n\x1a\n");
    QTest::newRow("svg") << "heatmap.svg" << QByteArray("<?xml");
    QTest::newRow("pdf") << "heatmap.pdf" << QByteArray("%PDF-");
}

void TestAlignmentHeatmap::imageExports() {
    QFETCH(QString, name);
    QFETCH(QByteArray, magic);
    AlignmentHeatmap map;
    map.setAlignment(kSource, kOutput, threeByFour(), Alignment{{0, 0, true}});
    showAndLayout(map);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QString error;
    QVERIFY2(map.exportImage(path, &error), qPrintable(error));
    const QByteArray bytes = readFile(path);
    QVERIFY2(bytes.size() > 1000, qPrintable(QString::number(bytes.size())));
    QVERIFY2(bytes.startsWith(magic), bytes.left(16).toHex().constData());
    if (name.endsWith("svg")) {
        QVERIFY(bytes.contains("<svg"));
        QVERIFY(bytes.contains("</svg>"));
    }
    if (name.endsWith("pdf")) QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    if (name.endsWith("png", Qt::CaseInsensitive)) {
        const QImage image(path);
        QCOMPARE(image.size(), map.plot()->size() * 2); // exported at twice the screen resolution
    }
}

void TestAlignmentHeatmap::unknownExtensionIsRefused() {
    AlignmentHeatmap map;
    map.setAlignment(kSource, kOutput, threeByFour());
    QTemporaryDir dir;
    QString error;
    QVERIFY(!map.exportImage(dir.filePath("heatmap.bmp"), &error));
    QVERIFY2(error.contains(".png, .svg or .pdf"), qPrintable(error));
    QVERIFY(!QFile::exists(dir.filePath("heatmap.bmp")));
    QVERIFY(!map.exportImage("/nonexistent-dir/heatmap.png", &error));
    QVERIFY2(error.contains("/nonexistent-dir/heatmap.png"), qPrintable(error));
}

void TestAlignmentHeatmap::manyLongTokensStayReadable() {
    // 40 word tokens: they cannot sit side by side, so the source labels turn vertical; 60 output
    // rows in 500 pixels are too dense for every label, so only every n-th is shown.
    std::vector<std::string> source, output;
    for (int s = 0; s < 40; ++s) source.push_back(std::string("word").append(std::to_string(s)));
    for (int t = 0; t < 60; ++t) output.push_back(std::string("w").append(std::to_string(t)));
    Matrix<float> w = Matrix<float>::Constant(60, 40, 1.0f / 40);
    AlignmentHeatmap map;
    map.setAlignment(source, output, w);
    showAndLayout(map, QSize(900, 500));
    QCOMPARE(map.sourceLabels().size(), 40);
    const QRect rect = map.mapRect()->rect();
    QVERIFY2(rect.height() > 150, qPrintable(QString::number(rect.height())));
    // Vertical labels need the margin above the map to hold the longest label ("word39"), in the
    // font the labels were fitted with.
    QFont labelFont = map.plot()->font();
    labelFont.setPixelSize(map.sourceAxisLabels().fontPixels());
    const int longest = QFontMetrics(labelFont).horizontalAdvance("word39");
    QVERIFY2(rect.top() >= longest, qPrintable(QString("%1 < %2").arg(rect.top()).arg(longest)));
    // Every visible output label has its own line: count labels drawn on the left side.
    int shown = 0;
    for (int i = 0; i < map.plot()->itemCount(); ++i) {
        auto* text = qobject_cast<QCPItemText*>(map.plot()->item(i));
        if (text && text->visible() && text->position->typeX() == QCPItemPosition::ptAxisRectRatio &&
            text->text().startsWith('w') && !text->text().startsWith("word"))
            ++shown;
    }
    // 60 rows of 7 pixels are too dense even for the smallest label font: every n-th is shown (a
    // round step), in the larger font the step leaves room for, each within its step's rows.
    QFont rowFont = map.plot()->font();
    rowFont.setPixelSize(map.outputAxisLabels().fontPixels());
    const int step = map.outputAxisLabels().step();
    QVERIFY2(step == 2 || step == 5, qPrintable(QString::number(step)));
    QVERIFY(map.outputAxisLabels().fontPixels() > attnlab::ui::AxisTokenLabels::kMinFontPixels);
    const int lineHeight = QFontMetrics(rowFont).height();
    QVERIFY(lineHeight < step * map.shownCells().height() / 60);
    QVERIFY2(
        shown >= 2 && shown * lineHeight <= rect.height() + lineHeight,
        qPrintable(QString("%1 labels of %2 px in %3 px").arg(shown).arg(lineHeight).arg(rect.height())));
    QVERIFY(shown < 60);
    // A selected row's label is always drawn, and its thinned-out neighbours give it room.
    map.highlightRow(20);
    map.plot()->replot(QCustomPlot::rpImmediateRefresh);
    auto labelVisible = [&map](const QString& text) {
        for (int i = 0; i < map.plot()->itemCount(); ++i) {
            auto* item = qobject_cast<QCPItemText*>(map.plot()->item(i));
            if (item && item->text() == text) return item->visible();
        }
        return false;
    };
    QVERIFY(labelVisible("w20"));
    QVERIFY(!labelVisible("w19") && !labelVisible("w21"));
    QVERIFY(labelVisible("w0"));
}

namespace {
// 50 characters in, 14 out: the case issue 17 (item 8) reported.
struct LongSentence {
    std::vector<std::string> source, output;
    Matrix<float> weights;
    LongSentence() : weights(14, 50) {
        const std::string text = "the quick brown fox jumps over the lazy dog again!";
        for (char c : text) source.emplace_back(1, c);
        for (int t = 0; t < 13; ++t) output.emplace_back(1, char('a' + t));
        output.emplace_back("</s>");
        for (int t = 0; t < 14; ++t)
            for (int s = 0; s < 50; ++s) weights(t, s) = s == (t * 3) % 50 ? 0.51f : 0.01f;
    }
};
} // namespace

void TestAlignmentHeatmap::everyLabelOf14By50IsShown_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("800x600") << QSize(800, 600);
    QTest::newRow("640x480") << QSize(640, 480);
}

void TestAlignmentHeatmap::everyLabelOf14By50IsShown() {
    QFETCH(QSize, size);
    const LongSentence sentence;
    QCOMPARE(int(sentence.source.size()), 50);
    AlignmentHeatmap map;
    map.setAlignment(sentence.source, sentence.output, sentence.weights);
    showAndLayout(map, size);
    map.highlightRow(5); // the strip takes its full height: the map must still label every cell
    map.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const auto& top = map.sourceAxisLabels();
    const auto& left = map.outputAxisLabels();
    QCOMPARE(top.count(), 50);
    QCOMPARE(left.count(), 14);
    QCOMPARE(top.step(), 1);
    QCOMPARE(left.step(), 1);
    for (int s = 0; s < 50; ++s) QVERIFY2(top.isShown(s), qPrintable(QString::number(s)));
    for (int t = 0; t < 14; ++t) QVERIFY2(left.isShown(t), qPrintable(QString::number(t)));
    QVERIFY(top.fontPixels() >= attnlab::ui::AxisTokenLabels::kMinFontPixels);
    // Each drawn label's line fits in its cell, so neighbours cannot overlap.
    QFont rowFont = map.plot()->font();
    rowFont.setPixelSize(left.fontPixels());
    QVERIFY(QFontMetrics(rowFont).height() <= map.shownCells().height() / 14.0);
    QFont columnFont = map.plot()->font();
    columnFont.setPixelSize(top.fontPixels());
    QVERIFY(QFontMetrics(columnFont).height() <= map.shownCells().width() / 50.0);
    // Tooltips count from 1, as a person does.
    QCOMPARE(map.toolTipAt(cellCentre(map, 5, 15)),
             QStringLiteral("output 6 of 14 'f' \u2192 source 16 of 50 '\u2423': 0.5100"));
    QCOMPARE(map.toolTipAt(QPointF(cellCentre(map, 0, 49).x(), map.mapRect()->rect().top() - 3)),
             QStringLiteral("source 50 of 50 '!'"));
    QCOMPARE(map.toolTipAt(QPointF(map.mapRect()->rect().left() - 3, cellCentre(map, 13, 0).y())),
             QStringLiteral("output 14 of 14 '</s>'"));
}

void TestAlignmentHeatmap::stripShowsTokensAndHasRoom() {
    const LongSentence sentence;
    AlignmentHeatmap map;
    map.setAlignment(sentence.source, sentence.output, sentence.weights);
    showAndLayout(map);
    const int hintHeight = map.stripRect()->outerRect().height();
    map.highlightRow(2);
    map.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCPAxisRect* strip = map.stripRect();
    // The bars get their own 110 pixels and the tokens their room below; the hint was one line.
    QVERIFY2(strip->rect().height() >= attnlab::ui::DistributionStrip::kBarsHeight - 1,
             qPrintable(QString::number(strip->rect().height())));
    QVERIFY2(hintHeight < 40, qPrintable(QString::number(hintHeight)));
    auto ticker = strip->axis(QCPAxis::atBottom)->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().size(), 50);
    QCOMPARE(ticker->ticks().value(0.0), QStringLiteral("t"));
    QCOMPARE(ticker->ticks().value(3.0), QStringLiteral("\u2423"));
    QCOMPARE(ticker->ticks().value(49.0), QStringLiteral("!"));
    QVERIFY(strip->axis(QCPAxis::atBottom)->tickLabels());
    QCOMPARE(map.highlightedDistribution().size(), size_t(50));
    QCOMPARE(map.highlightedDistribution()[6], double(0.51f));
}

void TestAlignmentHeatmap::exportHoldsTitleAndLabelsButNoHint() {
    const LongSentence sentence;
    AlignmentHeatmap map;
    map.setAlignment(sentence.source, sentence.output, sentence.weights);
    showAndLayout(map);
    QCOMPARE(map.titleText(),
             QStringLiteral("the quick brown fox jumps over the lazy dog again! \u2192 abcdefghijklm"));
    QTemporaryDir dir;
    QString error;
    // SVG keeps text as text: the title and every label can be read back.
    const QString svgPath = dir.filePath("heatmap.svg");
    QVERIFY2(map.exportImage(svgPath, &error), qPrintable(error));
    const QString svg = QString::fromUtf8(readFile(svgPath));
    QVERIFY(svg.contains(QStringLiteral("the quick brown fox jumps over the lazy dog again!")));
    QVERIFY(!svg.contains(QStringLiteral("Click a row"))); // no empty chart on a slide
    for (const char* label : {">q<", ">z<", ">!<", ">m<", "&lt;/s&gt;"})
        QVERIFY2(svg.contains(QLatin1String(label)), label);
    // The PDF's document title is the sentence pair (UTF-16BE in the info dictionary).
    const QString pdfPath = dir.filePath("heatmap.pdf");
    QVERIFY2(map.exportImage(pdfPath, &error), qPrintable(error));
    const QByteArray pdf = readFile(pdfPath);
    QVERIFY(pdf.contains("/Title"));
    const QString title = QStringLiteral("Attention alignment: ") + map.titleText();
    QByteArray utf16;
    for (QChar c : title) utf16.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    QVERIFY(pdf.contains(utf16.left(40)));
    // PNG: twice the widget's size, and the screen layout comes back afterwards.
    const QString pngPath = dir.filePath("heatmap.png");
    QVERIFY2(map.exportImage(pngPath, &error), qPrintable(error));
    const QImage png(pngPath);
    QCOMPARE(png.size(), map.plot()->size() * 2);
    if (!qEnvironmentVariableIsEmpty("ATTNLAB_SCREENSHOT_DIR"))
        QFile::copy(pngPath, qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR") + "/heatmap-export.png");
    QCOMPARE(map.plot()->plotLayout()->rowCount(), 2);
    QVERIFY(map.stripRect()->visible());
}

// A diverged model attends with NaN or infinite weights: cells turn grey, bars are left out and
// the strip says so, and painting survives.
void TestAlignmentHeatmap::nonFiniteWeightsAreDrawnSafely() {
    Matrix<float> w = threeByFour();
    w(1, 0) = std::numeric_limits<float>::quiet_NaN();
    w(1, 1) = std::numeric_limits<float>::infinity();
    AlignmentHeatmap map;
    map.setAlignment(kSource, kOutput, w);
    showAndLayout(map);
    map.highlightRow(1);
    map.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(!map.grab().isNull());
    QVERIFY(std::isnan(map.cellValue(1, 0)));
    QVERIFY(std::isnan(map.cellValue(1, 1)));
    const std::vector<double> bars = map.highlightedDistribution();
    QCOMPARE(bars.size(), size_t(2));
    QCOMPARE(bars[0], double(0.60f));
}

// A 11 x 13 character-level alignment of a date ("march 3, 2015" -> "2015-03-03</s>"), grabbed as
// the user sees it. With ATTNLAB_SCREENSHOT_DIR set the grab is saved there as heatmap-widget.png.
void TestAlignmentHeatmap::rendersARealisticDateAlignment() {
    const std::vector<std::string> source{"m", "a", "r", "c", "h", " ", "3", ",", " ", "2", "0", "1", "5"};
    const std::vector<std::string> output{"2", "0", "1", "5", "-", "0", "3", "-", "0", "3", "</s>"};
    // Where each output character should look (a score bump), on top of a weak uniform prior.
    const std::vector<std::vector<std::pair<int, double>>> focus{{{9, 4.0}},
                                                                 {{10, 4.2}},
                                                                 {{11, 4.0}},
                                                                 {{12, 4.5}},
                                                                 {{12, 1.5}, {7, 1.6}},
                                                                 {{0, 2.2}, {1, 1.9}, {2, 2.4}},
                                                                 {{2, 2.0}, {3, 2.2}, {4, 1.8}},
                                                                 {{5, 1.5}, {6, 1.2}},
                                                                 {{6, 3.0}, {5, 1.0}},
                                                                 {{6, 4.0}},
                                                                 {{12, 1.0}, {8, 0.8}}};
    Matrix<float> w(11, 13);
    for (int t = 0; t < 11; ++t) {
        Eigen::VectorXd scores = Eigen::VectorXd::Zero(13);
        for (auto [s, bump] : focus[size_t(t)]) scores(s) += bump;
        const Eigen::VectorXd e = scores.array().exp();
        w.row(t) = (e / e.sum()).cast<float>().transpose();
    }
    const Alignment gold{{9, 0, true},  {10, 1, true}, {11, 2, true}, {12, 3, true},
                         {0, 5, false}, {2, 6, false}, {6, 8, false}, {6, 9, true}};
    AlignmentHeatmap map;
    map.setAlignment(source, output, w, gold);
    map.highlightRow(6);
    showAndLayout(map, QSize(820, 600));
    QCOMPARE(map.goldMarkerCount(), 8);
    const QImage image = map.grab().toImage();
    // Cells without a marker or the outline on them carry exactly their gradient colour.
    for (int t : {0, 4, 10})
        for (int s : {0, 5, 7, 12}) {
            bool marked = t == 6;
            for (const auto& link : gold) marked = marked || (link.source == s && link.target == t);
            if (marked) continue;
            QCOMPARE(image.pixelColor(cellCentre(map, t, s)), attnlab::ui::viridisColor(w(t, s)));
        }
    const QString dir = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) QVERIFY(image.save(dir + "/heatmap-widget.png"));
}

QTEST_MAIN(TestAlignmentHeatmap)
#include "tst_alignment_heatmap.moc"
