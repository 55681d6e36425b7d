// resizeImage: area averages when shrinking and bilinear steps when growing, checked on tiny
// images against values worked out by hand.
#include "ImageTestSupport.h"

#include "core/data/image/ImageFile.h"

#include <QtTest>

using namespace attnlab;
using namespace attnlab::test;

class TestImageResize : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shrinkHalvesAverageBlocks();
    void shrinkByAFractionWeighsOverlaps();
    void shrinkKeepsAThinLine();
    void growIsBilinearWithCentresAligned();
    void growIn2D();
    void shrinkOneAxisGrowTheOther();
    void sameSizeIsACopy();
    void flatStaysFlat_data();
    void flatStaysFlat();
    void badArguments();
};

void TestImageResize::shrinkHalvesAverageBlocks() {
    // Each output pixel is the mean of a 2 x 2 block; 2.5 rounds up.
    const Image grey = makeImage(4, 4, 1, {0, 4, 10, 20, 8, 12, 30, 40, 1, 2, 100, 100, 3, 4, 200, 255});
    const Image small = resizeImage(grey, 2, 2);
    QCOMPARE(small.width, 2);
    QCOMPARE(small.height, 2);
    QCOMPARE(small.channels, 1);
    QCOMPARE(samples(small), (QList<int>{6, 25, 3, 164})); // 24/4, 100/4, 10/4 = 2.5, 655/4 = 163.75
}

void TestImageResize::shrinkByAFractionWeighsOverlaps() {
    // 3 -> 2: output 0 covers input [0, 1.5): (0·1 + 90·0.5) / 1.5 = 30; output 1 covers
    // [1.5, 3): (90·0.5 + 180·1) / 1.5 = 150. Per channel, on RGB.
    const Image row = makeImage(3, 1, 3, {0, 255, 3, 90, 255, 6, 180, 0, 9});
    QCOMPARE(samples(resizeImage(row, 2, 1)), (QList<int>{30, 255, 4, 150, 85, 8})); // 4 = 4.0, 8 = 8.0
}

void TestImageResize::shrinkKeepsAThinLine() {
    // A one-pixel black line in a white 8 x 8 picture, shrunk to 2 x 2: it darkens its quarter
    // by a quarter instead of vanishing as it would when sampling.
    Image image = makeImage(1, 1, 1, {});
    image.width = image.height = 8;
    image.pixels.assign(64, 255);
    for (int y = 0; y < 8; ++y) image.pixels[y * 8 + 1] = 0;
    QCOMPARE(samples(resizeImage(image, 2, 2)), (QList<int>{191, 255, 191, 255})); // 255·3/4 = 191.25
}

void TestImageResize::growIsBilinearWithCentresAligned() {
    // 2 -> 4: output centres sit at input -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
    const Image row = makeImage(2, 1, 1, {0, 100});
    QCOMPARE(samples(resizeImage(row, 4, 1)), (QList<int>{0, 25, 75, 100}));
    // 2 -> 3: 0, 0.5 and 1.
    QCOMPARE(samples(resizeImage(row, 3, 1)), (QList<int>{0, 50, 100}));
}

void TestImageResize::growIn2D() {
    // 2 x 2 -> 4 x 4: separable, so each row is the bilinear mix of the two input rows.
    const Image grey = makeImage(2, 2, 1, {0, 100, 100, 200});
    const Image big = resizeImage(grey, 4, 4);
    QCOMPARE(samples(big), (QList<int>{0, 25, 75, 100,    //
                                       25, 50, 100, 125,  // 0.75·row0 + 0.25·row1
                                       75, 100, 150, 175, //
                                       100, 125, 175, 200}));
}

void TestImageResize::shrinkOneAxisGrowTheOther() {
    // 4 x 1 -> 2 x 2: pairs averaged across, the single row repeated down.
    const Image row = makeImage(4, 1, 1, {10, 20, 30, 50});
    QCOMPARE(samples(resizeImage(row, 2, 2)), (QList<int>{15, 40, 15, 40}));
}

void TestImageResize::sameSizeIsACopy() {
    const Image image = makeImage(2, 2, 3, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    QCOMPARE(resizeImage(image, 2, 2), image);
}

void TestImageResize::flatStaysFlat_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    for (auto [w, h] : {std::pair{1, 1}, {3, 7}, {7, 3}, {5, 5}, {13, 11}, {48, 48}})
        QTest::addRow("%dx%d", w, h) << w << h;
}

void TestImageResize::flatStaysFlat() {
    // Weights of every output pixel sum to one, whatever the ratio.
    QFETCH(int, width);
    QFETCH(int, height);
    Image flat = makeImage(1, 1, 3, {});
    flat.width = 7;
    flat.height = 5;
    for (int i = 0; i < 35; ++i) flat.pixels.insert(flat.pixels.end(), {37, 201, 255});
    const Image out = resizeImage(flat, width, height);
    QCOMPARE(out.pixels.size(), std::size_t(width) * height * 3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) QCOMPARE(pixelAt(out, x, y), (QList<int>{37, 201, 255}));
}

void TestImageResize::badArguments() {
    const Image image = makeImage(2, 1, 1, {0, 100});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, resizeImage(image, 0, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, resizeImage(image, 2, -1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, resizeImage(makeImage(2, 2, 1, {0}), 1, 1));
}

QTEST_APPLESS_MAIN(TestImageResize)
#include "tst_image_resize.moc"
