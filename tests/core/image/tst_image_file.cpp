// readImageFile and writePngFile on small committed files (tests/data/images, written by
// make_images.py there): every PNG colour type AttnLab converts, JPEG in colour, grey and CMYK,
// and every bad file in tests/data/bad/images refused with a MediaError naming the file and why.
#include "ImageTestSupport.h"

#include "core/data/image/ImageFile.h"
#include "core/util/AtomicFile.h"
#include "core/util/MediaError.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstdlib>

using namespace attnlab;
using namespace attnlab::test;

namespace {

std::string goodImage(const char* name) {
    return std::string(ATTNLAB_TEST_IMAGES "/") + name;
}
std::string badImage(const char* name) {
    return std::string(ATTNLAB_BAD_IMAGES "/") + name;
}

} // namespace

class TestImageFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rgbPng();
    void sixteenBitPngIsRounded();
    void greyAlphaIsCompositedOnWhite();
    void oneBitGreyPng();
    void paletteWithTransparency();
    void rgbColourKeyIsTransparent();
    void interlacedPng();
    void jpegBlocks();
    void greyJpeg();
    void cmykJpeg();
    void formatFromContentNotExtension();
    void badFileIsRefused_data();
    void badFileIsRefused();
    void missingFile();
    void directory();
    void writeReadRoundTrip_data();
    void writeReadRoundTrip();
    void writeReplacesAtomically();
    void writeRefusesWrongPixelCount();
    void writeIntoMissingFolder();
};

void TestImageFile::rgbPng() {
    const Image image = readImageFile(goodImage("rgb.png"));
    QCOMPARE(image.width, 3);
    QCOMPARE(image.height, 2);
    QCOMPARE(image.channels, 3);
    QCOMPARE(samples(image),
             (QList<int>{255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 128, 128, 128, 255, 255, 255}));
}

void TestImageFile::sixteenBitPngIsRounded() {
    // round(v / 257): 0x1234 -> 18.13, 0x8000 -> 127.50, 0x00ff -> 0.99, 0x0100 -> 1.00.
    const Image image = readImageFile(goodImage("rgb16.png"));
    QCOMPARE(image.width, 2);
    QCOMPARE(samples(image), (QList<int>{18, 128, 255, 0, 1, 1}));
}

void TestImageFile::greyAlphaIsCompositedOnWhite() {
    // g·a/255 + 255·(1 − a/255): (100, 128) -> 177.2, (200, 64) -> 241.2.
    const Image image = readImageFile(goodImage("grey_alpha.png"));
    QCOMPARE(image.width, 2);
    QCOMPARE(image.height, 2);
    QCOMPARE(samples(image), (QList<int>{0, 0, 0, 255, 255, 255, 177, 177, 177, 241, 241, 241}));
}

void TestImageFile::oneBitGreyPng() {
    const Image image = readImageFile(goodImage("grey1.png"));
    QCOMPARE(image.width, 8);
    QList<int> expected;
    for (int bit : {1, 0, 1, 1, 0, 0, 1, 0}) expected << bit * 255 << bit * 255 << bit * 255;
    QCOMPARE(samples(image), expected);
}

void TestImageFile::paletteWithTransparency() {
    // Entry 2 is fully transparent (white), entry 3 (255, 0, 255) half: 0·128/255 + 127 = 127.
    const Image image = readImageFile(goodImage("palette.png"));
    QCOMPARE(image.width, 4);
    QCOMPARE(samples(image), (QList<int>{10, 20, 30, 200, 100, 50, 255, 255, 255, 255, 127, 255}));
}

void TestImageFile::rgbColourKeyIsTransparent() {
    const Image image = readImageFile(goodImage("rgb_key.png"));
    QCOMPARE(samples(image), (QList<int>{255, 255, 255, 4, 5, 6}));
}

void TestImageFile::interlacedPng() {
    const Image image = readImageFile(goodImage("interlaced.png"));
    QCOMPARE(image.width, 9);
    QCOMPARE(image.height, 9);
    for (int y = 0; y < 9; ++y)
        for (int x = 0; x < 9; ++x) QCOMPARE(pixelAt(image, x, y), (QList<int>{28 * x, 28 * y, 100}));
}

void TestImageFile::jpegBlocks() {
    // Four flat 8 x 8 blocks, no chroma subsampling: each decodes flat, within two steps of the
    // colour drawn (red, green / blue, white).
    const Image image = readImageFile(goodImage("blocks.jpg"));
    QCOMPARE(image.width, 16);
    QCOMPARE(image.height, 16);
    const QList<int> drawn[2][2] = {{{220, 30, 30}, {30, 160, 50}}, {{30, 70, 220}, {250, 250, 250}}};
    const QList<int> decoded[2][2] = {{{220, 30, 30}, {30, 160, 51}}, {{30, 70, 220}, {250, 250, 250}}};
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 16; ++x) {
            const QList<int> pixel = pixelAt(image, x, y);
            QCOMPARE(pixel, decoded[y / 8][x / 8]);
            for (int c = 0; c < 3; ++c) QVERIFY(std::abs(pixel[c] - drawn[y / 8][x / 8][c]) <= 2);
        }
}

void TestImageFile::greyJpeg() {
    const Image image = readImageFile(goodImage("grey.jpg"));
    QCOMPARE(image.width, 8);
    QCOMPARE(image.channels, 3);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) QCOMPARE(pixelAt(image, x, y), (QList<int>{77, 77, 77}));
}

void TestImageFile::cmykJpeg() {
    // Drawn as (245, 130, 20) and stored by ImageMagick as Adobe CMYK (inverted inks); read back
    // within a step (read the inks the other way round and it would come out near black).
    const Image image = readImageFile(goodImage("cmyk.jpg"));
    QCOMPARE(image.width, 8);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) {
            const QList<int> pixel = pixelAt(image, x, y);
            QCOMPARE(pixel, (QList<int>{245, 130, 21}));
        }
}

void TestImageFile::formatFromContentNotExtension() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string pngNamedJpg = dir.filePath("picture.jpg").toStdString();
    const std::string jpgNamedPng = dir.filePath("photo.png").toStdString();
    QVERIFY(QFile::copy(QString::fromStdString(goodImage("rgb.png")), QString::fromStdString(pngNamedJpg)));
    QVERIFY(QFile::copy(QString::fromStdString(goodImage("grey.jpg")), QString::fromStdString(jpgNamedPng)));
    QVERIFY(readImageFile(pngNamedJpg) == readImageFile(goodImage("rgb.png")));
    QVERIFY(readImageFile(jpgNamedPng) == readImageFile(goodImage("grey.jpg")));
}

void TestImageFile::badFileIsRefused_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("text named .png") << "text.png"
                                     << "not a PNG or JPEG image";
    QTest::newRow("GIF named .png") << "gif_named.png"
                                    << "not a PNG or JPEG image (it is a GIF image";
    QTest::newRow("empty") << "empty.png"
                           << "the file is empty";
    QTest::newRow("PNG cut in its pixels") << "truncated.png"
                                           << "the PNG image is truncated (the file ends early)";
    QTest::newRow("PNG signature only") << "signature_only.png"
                                        << "the PNG image is truncated";
    QTest::newRow("PNG header CRC") << "bad_crc.png"
                                    << "the PNG image is corrupt: IHDR: CRC error";
    QTest::newRow("PNG zero width") << "zero_width.png"
                                    << "the image has no pixels (0 x 4)";
    QTest::newRow("PNG too wide")
        << "too_wide.png"
        << "the image is 9000 x 1 pixels, larger than the 8192 x 8192 AttnLab reads";
    QTest::newRow("JPEG cut in its scan") << "truncated.jpg"
                                          << "the JPEG image is truncated (the file ends early)";
    QTest::newRow("JPEG cut in its header") << "truncated_header.jpg"
                                            << "the JPEG image is truncated";
}

void TestImageFile::badFileIsRefused() {
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const std::string path = badImage(file.toUtf8().constData());
    try {
        readImageFile(path);
        QFAIL("no error");
    } catch (const MediaError& e) {
        QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(path));
        QVERIFY2(QString::fromStdString(e.reason()).startsWith(reason), e.what());
        QCOMPARE(QString(e.what()), QString::fromStdString(path + ": " + e.reason()));
    }
}

void TestImageFile::missingFile() {
    const std::string path = badImage("no_such_image.png");
    try {
        readImageFile(path);
        QFAIL("no error");
    } catch (const MediaError& e) {
        QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(path));
        QCOMPARE(QString::fromStdString(e.reason()),
                 QString("cannot open the file: No such file or directory"));
    }
}

void TestImageFile::directory() {
    try {
        readImageFile(ATTNLAB_BAD_IMAGES);
        QFAIL("no error");
    } catch (const MediaError& e) {
        QCOMPARE(QString::fromStdString(e.reason()), QString("is a directory, not an image file"));
    }
}

void TestImageFile::writeReadRoundTrip_data() {
    QTest::addColumn<int>("channels");
    QTest::addColumn<QList<int>>("written");
    QTest::addColumn<QList<int>>("read"); // RGB, alpha over white
    QTest::newRow("RGB") << 3 << QList<int>{1, 2, 3, 250, 251, 252, 0, 128, 255, 9, 8, 7}
                         << QList<int>{1, 2, 3, 250, 251, 252, 0, 128, 255, 9, 8, 7};
    QTest::newRow("grey") << 1 << QList<int>{0, 64, 128, 255}
                          << QList<int>{0, 0, 0, 64, 64, 64, 128, 128, 128, 255, 255, 255};
    QTest::newRow("grey + alpha") << 2 << QList<int>{0, 255, 0, 0, 100, 128, 200, 64}
                                  << QList<int>{0, 0, 0, 255, 255, 255, 177, 177, 177, 241, 241, 241};
    QTest::newRow("RGBA") << 4 << QList<int>{255, 0, 255, 128, 1, 2, 3, 255, 0, 0, 0, 0, 10, 20, 30, 255}
                          << QList<int>{255, 127, 255, 1, 2, 3, 255, 255, 255, 10, 20, 30};
}

void TestImageFile::writeReadRoundTrip() {
    QFETCH(int, channels);
    QFETCH(QList<int>, written);
    QFETCH(QList<int>, read);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Image image;
    image.width = 2;
    image.height = 2;
    image.channels = channels;
    for (int s : written) image.pixels.push_back(static_cast<std::uint8_t>(s));
    const std::string path = dir.filePath("out.png").toStdString();
    writePngFile(path, image);
    const Image back = readImageFile(path);
    QCOMPARE(back.width, 2);
    QCOMPARE(back.height, 2);
    QCOMPARE(back.channels, 3);
    QCOMPARE(samples(back), read);
}

void TestImageFile::writeReplacesAtomically() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("scene.png").toStdString();
    writePngFile(path, makeImage(1, 1, 3, {1, 2, 3}));
    const Image second = makeImage(2, 1, 3, {4, 5, 6, 7, 8, 9});
    writePngFile(path, second);
    QCOMPARE(readImageFile(path), second);
    // Only the file itself: the temporary it was written to was renamed over it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"scene.png"});
}

void TestImageFile::writeRefusesWrongPixelCount() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("bad.png").toStdString();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, writePngFile(path, makeImage(2, 2, 3, {1, 2, 3})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, writePngFile(path, makeImage(1, 1, 5, {1, 2, 3, 4, 5})));
    QVERIFY(!QFileInfo::exists(QString::fromStdString(path)));
}

void TestImageFile::writeIntoMissingFolder() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("missing/out.png").toStdString();
    try {
        writePngFile(path, makeImage(1, 1, 3, {1, 2, 3}));
        QFAIL("no error");
    } catch (const FileWriteError& e) {
        QCOMPARE(QString::fromStdString(e.path()), QString::fromStdString(path));
        QVERIFY2(QString::fromStdString(e.problem()).contains("No such file or directory"), e.what());
    }
}

QTEST_APPLESS_MAIN(TestImageFile)
#include "tst_image_file.moc"
