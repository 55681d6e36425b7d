// The image view shows what it is given: the picture scaled up with square pixels and its aspect
// kept, a cell with weight 1 tinted the colour map's top colour and one with weight 0 its bottom
// colour (each blended at its documented opacity), sharp cells or smooth ones, the selected
// output's gold cells outlined (one outline around the shape), a strip with one item per output
// whose click selects that output, the hover text, and the view that shows speech or images.
#include "ui/media/AttentionOverlay.h"
#include "ui/media/ImageAttentionCanvas.h"
#include "ui/media/ImageAttentionStrip.h"
#include "ui/media/ImageAttentionView.h"
#include "ui/media/MediaAlignmentView.h"
#include "ui/media/MediaColours.h"
#include "ui/media/SpectrogramAttentionView.h"
#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"

#include <QCheckBox>
#include <QLabel>
#include <QPainter>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <numeric>

using namespace attnlab::ui;

namespace {

const QColor kGrey(0x80, 0x80, 0x80);
const QRgb kRed = qRgb(0xd6, 0x27, 0x28);
const QRgb kBlue = qRgb(0x1f, 0x5f, 0xc4);

// A flat grey 48 x 48 picture, a 6 x 6 grid, one output whose weight is 1 on cell 14 (row 2,
// column 2) and 0 elsewhere; its gold cells 14 and 15.
ImageAlignment oneCell() {
    ImageAlignment a;
    a.image = QImage(48, 48, QImage::Format_RGB32);
    a.image.fill(kGrey);
    a.gridRows = a.gridCols = 6;
    a.outputs = {"square"};
    a.attention.assign(36, 0.0f);
    a.attention[14] = 1.0f;
    a.goldCells = {{14, 15}};
    return a;
}

// The cells (of 6 x 6 over 48 x 48) with at least a fifth of their pixels in `colour`.
std::vector<int> cellsOf(const QImage& image, QRgb colour) {
    std::vector<int> cells;
    for (int cell = 0; cell < 36; ++cell) {
        int inside = 0;
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 8; ++x) inside += image.pixel(cell % 6 * 8 + x, cell / 6 * 8 + y) == colour;
        if (inside * 5 >= 64) cells.push_back(cell);
    }
    return cells;
}

// "a red circle above a blue square": a 48 x 48 scene as the shapes task draws them (a red
// circle top left, a blue square bottom right, on an off-white ground), 8 x 8 patches, gold cells
// where each shape is, and attention as a trained captioner's: the shape words on their shape's
// cells, "above" on both, "a" and </s> spread thin.
ImageAlignment shapesScene() {
    ImageAlignment a;
    a.image = QImage(48, 48, QImage::Format_RGB32);
    a.image.fill(QColor(0xf2, 0xef, 0xe6));
    QPainter painter(&a.image);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(kRed));
    painter.drawEllipse(QRect(5, 4, 18, 18));
    painter.setBrush(QColor(kBlue));
    painter.drawRect(QRect(27, 28, 15, 15));
    painter.end();
    a.gridRows = a.gridCols = 6;
    a.outputs = {"a", "red", "circle", "above", "a", "blue", "square", "</s>"};
    const std::vector<int> circle = cellsOf(a.image, kRed), square = cellsOf(a.image, kBlue);
    auto focus = [](const std::vector<int>& cells, double sharpness) {
        std::vector<double> row(36, 1.0);
        for (int cell : cells) row[size_t(cell)] += sharpness;
        return row;
    };
    std::vector<std::vector<double>> rows = {focus(circle, 2.0),  focus(circle, 30.0), focus(circle, 45.0),
                                             focus({}, 0.0),      focus(square, 2.0),  focus(square, 30.0),
                                             focus(square, 45.0), focus({}, 0.0)};
    for (int cell : circle) rows[3][size_t(cell)] += 6.0;
    for (int cell : square) rows[3][size_t(cell)] += 6.0;
    for (const auto& row : rows) {
        const double sum = std::accumulate(row.begin(), row.end(), 0.0);
        for (double w : row) a.attention.push_back(float(w / sum));
    }
    a.goldCells = {{}, circle, circle, {}, {}, square, square, {}};
    return a;
}

void showAndLayout(QWidget& widget, QSize size = QSize(900, 700)) {
    widget.resize(size);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

int colourDistance(QColor a, QColor b) {
    return std::max(
        {std::abs(a.red() - b.red()), std::abs(a.green() - b.green()), std::abs(a.blue() - b.blue())});
}

// `under` seen through `over` at opacity `alpha`, computed here from the documented constants.
QColor blended(QColor under, QColor over, double alpha) {
    auto mix = [&](int u, int o) { return int(std::lround(u * (1 - alpha) + o * alpha)); };
    return QColor(mix(under.red(), over.red()), mix(under.green(), over.green()),
                  mix(under.blue(), over.blue()));
}

} // namespace

class TestImageAttentionView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shapesAreChecked();
    void weightOneAndZeroCellsHaveTheirColours();
    void smoothBlendsBetweenCellCentres();
    void pictureKeepsSquarePixelsAndItsAspect();
    void goldCellsAreOutlined();
    void stripHasOneItemPerOutputAndAClickSelects();
    void hoverNamesCellAndWeight();
    void scaleToLargestSetsTheTopColour();
    void mediaViewShowsEither();
    void screenshots();
};

void TestImageAttentionView::shapesAreChecked() {
    ImageAttentionView view;
    ImageAlignment bad = oneCell();
    bad.attention.resize(35);
    try {
        view.setAlignment(bad);
        QFAIL("a 1 x 36 attention with 35 values was taken");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(QString(error.what()).contains("attention (T x N = 1 x 36) has 35 values, expected 36"),
                 error.what());
    }
    bad = oneCell();
    bad.goldCells.push_back({});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.setAlignment(bad));
    bad = oneCell();
    bad.image = QImage();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.setAlignment(bad));
    QCOMPARE(view.outputCount(), 0);
}

void TestImageAttentionView::weightOneAndZeroCellsHaveTheirColours() {
    ImageAttentionView view;
    view.setAlignment(oneCell());
    showAndLayout(view);
    QCOMPARE(view.selectedOutput(), 0); // the first output is shown at once
    ImageAttentionCanvas& canvas = view.canvas();
    const QImage image = canvas.grab().toImage();
    const HeatmapColours colours = HeatmapColourChoice::instance().current();
    const QColor one = image.pixelColor(canvas.cellCentre(14).toPoint());
    const QColor zero = image.pixelColor(canvas.cellCentre(21).toPoint());
    QVERIFY2(colourDistance(one, blended(kGrey, heatmapColor(colours, 1.0), kMaxOpacity)) <= 2,
             qPrintable(one.name()));
    QVERIFY2(colourDistance(zero, blended(kGrey, heatmapColor(colours, 0.0), kMinOpacity)) <= 2,
             qPrintable(zero.name()));
    if (colours == HeatmapColours::Viridis) { // yellow over grey, against violet over grey
        QVERIFY(one.red() > 180 && one.green() > 180 && one.blue() < 100);
        QVERIFY(zero.blue() > zero.green() && zero.lightness() < 110);
    }
    // Sharp: the whole cell is one colour, up to its edges; the neighbour starts right after.
    const QRectF cell = cellRect(6, 6, 2, 2, QRectF(canvas.pictureRect()));
    QCOMPARE(image.pixelColor(QPointF(cell.left() + 6, cell.top() + 6).toPoint()),
             one); // inside the gold outline
    QCOMPARE(image.pixelColor(QPointF(cell.right() - 6, cell.bottom() - 6).toPoint()), one);
    QCOMPARE(image.pixelColor(QPointF(cell.right() + 6, cell.center().y()).toPoint()), zero);
}

void TestImageAttentionView::smoothBlendsBetweenCellCentres() {
    const ImageAlignment a = oneCell();
    // At a cell's centre smooth shows that cell's weight; on the edge it shares with a 0-cell, half.
    const QSize size(480, 480);
    // (Pixel centres sit half a pixel off the cell centre and the edge: hence the tolerance.)
    QVERIFY(std::abs(overlayWeightAt(6, 6, a.attention.data(), size, QPointF(200, 200), true) - 1.0) < 0.02);
    QVERIFY(std::abs(overlayWeightAt(6, 6, a.attention.data(), size, QPointF(239.5, 200), true) - 0.5) <
            0.01);
    QCOMPARE(overlayWeightAt(6, 6, a.attention.data(), size, QPointF(239.5, 200), false), 1.0);
    QCOMPARE(overlayWeightAt(6, 6, a.attention.data(), size, QPointF(240.5, 200), false), 0.0);

    ImageAttentionView view;
    view.setAlignment(a);
    showAndLayout(view);
    const QRectF cell = cellRect(6, 6, 2, 2, QRectF(view.canvas().pictureRect()));
    const QPoint nearEdge = QPointF(cell.right() - 3, cell.center().y()).toPoint();
    const QColor sharp = view.canvas().grab().toImage().pixelColor(nearEdge);
    view.smoothBox().setChecked(true);
    QVERIFY(view.canvas().style().smooth);
    const QImage smooth = view.canvas().grab().toImage();
    QVERIFY(colourDistance(smooth.pixelColor(nearEdge), sharp) > 20); // no longer the full colour
    QVERIFY(colourDistance(smooth.pixelColor(view.canvas().cellCentre(14).toPoint()), sharp) <= 12);
}

void TestImageAttentionView::pictureKeepsSquarePixelsAndItsAspect() {
    // A 24 x 12 checkerboard of single pixels, no output selected: the picture alone.
    ImageAlignment a;
    a.image = QImage(24, 12, QImage::Format_RGB32);
    for (int y = 0; y < 12; ++y)
        for (int x = 0; x < 24; ++x) a.image.setPixel(x, y, (x + y) % 2 ? kRed : kBlue);
    a.gridRows = 3;
    a.gridCols = 6;
    ImageAttentionView view;
    view.setAlignment(a);
    showAndLayout(view);
    QCOMPARE(view.selectedOutput(), -1);
    const QRect picture = view.canvas().pictureRect();
    QVERIFY(picture.width() > 200);
    QVERIFY(std::abs(picture.width() - 2 * picture.height()) <= 2); // 2:1, as the picture
    const QImage image = view.canvas().grab().toImage();
    const double scale = picture.width() / 24.0;
    for (int y = 0; y < 12; ++y)
        for (int x = 0; x < 24; ++x) {
            const QPoint centre =
                QPointF(picture.left() + (x + 0.5) * scale, picture.top() + (y + 0.5) * scale).toPoint();
            QCOMPARE(image.pixel(centre), a.image.pixel(x, y)); // nearest neighbour: no blur, no new colours
        }
}

void TestImageAttentionView::goldCellsAreOutlined() {
    ImageAlignment a = oneCell();
    a.goldCells = {{15, 14, 20, 21, 14, 99, -1}}; // a 2 x 2 block, a duplicate, two outside the grid
    ImageAttentionView view;
    view.setAlignment(a);
    QCOMPARE(view.canvas().goldCells(), std::vector<int>({14, 15, 20, 21}));
    const QRectF target(0, 0, 60, 60);
    QCOMPARE(outlineEdges(view.canvas().goldCells(), 6, 6, target).size(), size_t(8)); // one outline around
    showAndLayout(view);
    const QImage image = view.canvas().grab().toImage();
    const QRectF cell = cellRect(6, 6, 2, 2, QRectF(view.canvas().pictureRect()));
    QCOMPARE(image.pixelColor(QPointF(cell.center().x(), cell.top()).toPoint()),
             kGoldColour); // the block's top
    QVERIFY(image.pixelColor(QPointF(cell.right(), cell.center().y()).toPoint()) != kGoldColour); // inside it
    QVERIFY(view.canvas().toolTipAt(view.canvas().cellCentre(20)).endsWith(" \u00b7 gold"));
    a.goldCells.clear();
    view.setAlignment(a);
    QVERIFY(view.canvas().goldCells().empty());
}

void TestImageAttentionView::stripHasOneItemPerOutputAndAClickSelects() {
    const ImageAlignment a = shapesScene();
    ImageAttentionView view;
    view.setAlignment(a);
    showAndLayout(view, QSize(1200, 800));
    ImageAttentionStrip& strip = view.strip();
    QCOMPARE(strip.itemCount(), 8);
    for (int i = 0; i < 8; ++i) {
        QCOMPARE(strip.labelText(i), i == 7 ? QString("</s>") : QString::fromStdString(a.outputs[size_t(i)]));
        QVERIFY(!strip.thumbnail(i).isNull());
    }
    QSignalSpy selected(&view, &ImageAttentionView::outputSelected);
    QTest::mouseClick(&strip, Qt::LeftButton, {}, strip.itemRect(5).center());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.last().at(0).toInt(), 5);
    QCOMPARE(view.selectedOutput(), 5);
    QCOMPARE(view.canvas().output(), 5);
    QCOMPARE(strip.selected(), 5);
    QVERIFY2(view.title().text().contains("\u201cblue\u201d"), qPrintable(view.title().text()));
    // The big picture now shows "blue": its gold is the square, and the square's cells are lit.
    QCOMPARE(view.canvas().goldCells(), a.goldCells[5]);
    QTest::mouseClick(&strip, Qt::LeftButton, {}, strip.itemRect(7).bottomRight() + QPoint(50, 0));
    QCOMPARE(selected.count(), 1); // past the items: nothing
    QTest::keyClick(&strip, Qt::Key_Left);
    QCOMPARE(view.selectedOutput(), 4);
    QCOMPARE(selected.count(), 2);
    // A thumbnail is the big picture's overlay at its own size (its own largest weight on top).
    const QImage thumb = strip.thumbnail(2);
    OverlayStyle style = view.canvas().style();
    style.colourMax = largestWeight(a.attention.data() + 2 * 36, 36);
    QCOMPARE(thumb, renderAttentionOverlay(a.image, 6, 6, a.attention.data() + 2 * 36, thumb.size(), style));
}

void TestImageAttentionView::hoverNamesCellAndWeight() {
    ImageAttentionView view;
    view.setAlignment(oneCell());
    showAndLayout(view);
    const ImageAttentionCanvas& canvas = view.canvas();
    QCOMPARE(canvas.toolTipAt(canvas.cellCentre(14)),
             QString("output 1 of 1 'square' \u2192 cell 14 (row 3, column 3 of 6 x 6): 1.0000 \u00b7 gold"));
    QCOMPARE(canvas.toolTipAt(canvas.cellCentre(0)),
             QString("output 1 of 1 'square' \u2192 cell 0 (row 1, column 1 of 6 x 6): 0.0000"));
    QCOMPARE(canvas.toolTipAt(QPointF(canvas.pictureRect().left() - 2, canvas.pictureRect().top() + 5)),
             QString());
    const ImageAlignment scene = shapesScene();
    view.setAlignment(scene);
    ImageAttentionStrip& strip = view.strip();
    const int best =
        int(std::max_element(scene.attention.begin() + 2 * 36, scene.attention.begin() + 3 * 36) -
            (scene.attention.begin() + 2 * 36));
    QCOMPARE(strip.toolTipAt(strip.itemRect(2).center()),
             QString("output 3 of 8 'circle': largest weight %1 on cell %2 (row %3, column %4)")
                 .arg(double(scene.attention[size_t(2 * 36 + best)]), 0, 'f', 4)
                 .arg(best)
                 .arg(best / 6 + 1)
                 .arg(best % 6 + 1));
}

void TestImageAttentionView::scaleToLargestSetsTheTopColour() {
    const ImageAlignment a = shapesScene();
    ImageAttentionView view;
    view.setAlignment(a);
    view.setSelectedOutput(2);
    QVERIFY(view.isScaledToLargest());
    const double largest = *std::max_element(a.attention.begin() + 72, a.attention.begin() + 108);
    QCOMPARE(view.colourMax(), largest);
    QCOMPARE(view.canvas().style().colourMax, largest);
    view.scaleBox().setChecked(false);
    QCOMPARE(view.canvas().style().colourMax, 1.0);
    QVERIFY(!view.smoothBox().isChecked()); // cell-sharp by default
}

void TestImageAttentionView::mediaViewShowsEither() {
    MediaAlignmentView media;
    QCOMPARE(media.shown(), MediaAlignmentView::Shown::Nothing);
    QCOMPARE(media.selectedOutput(), -1);
    SpeechAlignment speech;
    speech.bands = 2;
    speech.frames = 3;
    speech.filterbank = {0, 1, 2, 3, 4, 5};
    speech.outputs = {"a"};
    speech.attention = {0.2f, 0.3f, 0.5f};
    media.setSpeech(speech);
    QCOMPARE(media.shown(), MediaAlignmentView::Shown::Speech);
    QCOMPARE(media.speechView().frameCount(), 3);
    QSignalSpy selected(&media, &MediaAlignmentView::outputSelected);
    media.setImage(shapesScene());
    QCOMPARE(media.shown(), MediaAlignmentView::Shown::Image);
    QCOMPARE(media.speechView().frameCount(), 0); // emptied: its audio cannot play on behind the picture
    QCOMPARE(media.selectedOutput(), 0);
    media.setSelectedOutput(6);
    QCOMPARE(media.imageView().selectedOutput(), 6);
    QTest::mouseClick(&media.imageView().strip(), Qt::LeftButton, {},
                      media.imageView().strip().itemRect(1).center());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.last().at(0).toInt(), 1);
    ImageAlignment bad = shapesScene();
    bad.attention.pop_back();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, media.setImage(bad));
    QCOMPARE(media.shown(), MediaAlignmentView::Shown::Image); // what was shown stays
    media.clear();
    QCOMPARE(media.shown(), MediaAlignmentView::Shown::Nothing);
    QCOMPARE(media.imageView().outputCount(), 0);
}

// Not a check: with ATTNLAB_SCREENSHOT_DIR set, saves "a red circle above a blue square" at
// 1600 x 1000 with "circle" selected, sharp and smooth, as image-attention.png and
// image-attention-smooth.png.
void TestImageAttentionView::screenshots() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshots");
    ImageAttentionView view;
    view.setAlignment(shapesScene());
    view.setSelectedOutput(2);
    showAndLayout(view, QSize(1600, 1000));
    QVERIFY(view.grab().save(directory + "/image-attention.png"));
    view.smoothBox().setChecked(true);
    view.setSelectedOutput(3);
    QVERIFY(view.grab().save(directory + "/image-attention-smooth.png"));
}

QTEST_MAIN(TestImageAttentionView)
#include "tst_image_attention_view.moc"
