// imagePatches: the (P·P·C x N) column-major layout the image front end projects, checked sample
// by sample on tiny images.
#include "ImageTestSupport.h"

#include "core/data/image/ImagePatches.h"

#include <QtTest>

using namespace attnlab;
using namespace attnlab::test;

class TestImagePatches : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void greyTwoByTwoCells();
    void rgbColumnOrderIsYXChannel();
    void wholeImageIsOneCell();
    void everySampleOnceInAGrid();
    void refusesPartialPatches();
};

void TestImagePatches::greyTwoByTwoCells() {
    // 4 x 4 grey, P = 2: cells (raster order) are the quarters, each column (y, x) inside it.
    const Image grey = makeImage(4, 4, 1, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
    const std::vector<float> patches = imagePatches(grey, 2);
    QCOMPARE(patches.size(), std::size_t(4 * 4)); // (4 x 4)
    const int cells[4][4] = {{0, 1, 4, 5}, {2, 3, 6, 7}, {8, 9, 12, 13}, {10, 11, 14, 15}};
    for (int n = 0; n < 4; ++n)
        for (int i = 0; i < 4; ++i) QCOMPARE(patches[n * 4 + i], cells[n][i] / 255.0f);
}

void TestImagePatches::rgbColumnOrderIsYXChannel() {
    // 4 x 2 RGB, P = 2: two cells side by side. Pixel (x, y) = (10x + y, 100 + x, 200 + y).
    Image rgb = makeImage(4, 2, 3, {});
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 4; ++x)
            rgb.pixels.insert(rgb.pixels.end(),
                              {std::uint8_t(10 * x + y), std::uint8_t(100 + x), std::uint8_t(200 + y)});
    const std::vector<float> patches = imagePatches(rgb, 2);
    QCOMPARE(patches.size(), std::size_t(12 * 2)); // (P·P·C = 12 x N = 2)
    for (int cell = 0; cell < 2; ++cell) {
        QList<int> column;
        for (int i = 0; i < 12; ++i) column << qRound(patches[cell * 12 + i] * 255.0f);
        const int x0 = 2 * cell;
        QCOMPARE(column, (QList<int>{10 * x0, 100 + x0, 200, 10 * (x0 + 1), 101 + x0, 200,            // y = 0
                                     10 * x0 + 1, 100 + x0, 201, 10 * (x0 + 1) + 1, 101 + x0, 201})); // y = 1
    }
}

void TestImagePatches::wholeImageIsOneCell() {
    const Image image = makeImage(2, 2, 3, {0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 255});
    const std::vector<float> patches = imagePatches(image, 2);
    QCOMPARE(patches.size(), std::size_t(12));
    for (int i = 0; i < 12; ++i) QCOMPARE(patches[i], image.pixels[i] / 255.0f); // same order as the image
    QCOMPARE(patches[5], 1.0f);
    QCOMPARE(patches[9], 0.0f);
}

void TestImagePatches::everySampleOnceInAGrid() {
    // 48 x 48 RGB, P = 8: 36 cells of 192; each sample lands where the formula says.
    Image image = makeImage(1, 1, 3, {});
    image.width = image.height = 48;
    for (int i = 0; i < 48 * 48 * 3; ++i) image.pixels.push_back(std::uint8_t((i * 7) % 256));
    const std::vector<float> patches = imagePatches(image, 8);
    QCOMPARE(patches.size(), std::size_t(192 * 36));
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 48; ++x)
            for (int c = 0; c < 3; ++c) {
                const int cell = (y / 8) * 6 + x / 8;
                const int row = ((y % 8) * 8 + x % 8) * 3 + c;
                QCOMPARE(patches[cell * 192 + row], image.pixels[(y * 48 + x) * 3 + c] / 255.0f);
            }
}

void TestImagePatches::refusesPartialPatches() {
    const Image image = makeImage(3, 2, 1, {0, 0, 0, 0, 0, 0});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, imagePatches(image, 2));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, imagePatches(image, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, imagePatches(makeImage(2, 2, 1, {0}), 1));
}

QTEST_APPLESS_MAIN(TestImagePatches)
#include "tst_image_patches.moc"
