// MediaAlignmentBuilder on literal cases: frames with a time reduction (keys of two frames), gold
// links over frames as spans, no span for an output that is not the reference's token, the audio
// scaled to [-1, 1); cells of a picture with gold cells, the picture as Qt draws it; shapes that
// disagree are refused, as is a tokens input.
#include "ui/media/MediaAlignmentBuilder.h"
#include "ui/media/MediaAlignmentView.h"

#include <QtTest>

#include <memory>
#include <stdexcept>

using namespace attnlab;
using namespace attnlab::ui;

namespace {

InputConfig framesInput() {
    InputConfig input;
    input.kind = InputKind::Frames;
    input.melBands = 2;
    input.hopMs = 10;
    input.frameReduction = 1; // two frames per key
    return input;
}

InputConfig imageInput() {
    InputConfig input;
    input.kind = InputKind::Image;
    input.imageWidth = 4;
    input.imageHeight = 2;
    input.patch = 2; // 1 x 2 cells
    input.imageChannels = 3;
    return input;
}

} // namespace

class TestMediaAlignmentBuilder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void speechFromFrames();
    void imageFromCells();
    void shapesThatDisagreeAreRefused();
    void viewShowsTheInputsKind();
};

void TestMediaAlignmentBuilder::speechFromFrames() {
    MediaExample example;
    auto features = std::make_shared<SourceFeatures>();
    features->rows = 2;
    features->columns = 5; // K = 3 keys
    features->values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    example.features = features;
    auto media = std::make_shared<SourceMedia>();
    media->audio = {0, 16384, -32768};
    media->sampleRate = 8000;
    example.media = media;
    // "one" spoken over frames 0-1, "two" over frames 3-4.
    example.gold = {{0, 0}, {1, 0}, {3, 1}, {4, 1}};
    example.referenceTokens = {"one", "two"};
    Matrix<float> attention(3, 3); // (T x K)
    attention << 0.7f, 0.2f, 0.1f, //
        0.1f, 0.1f, 0.8f,          //
        0.0f, 0.0f, 1.0f;
    const SpeechAlignment speech =
        MediaAlignmentBuilder(framesInput()).speech(example, {"one", "too", "</s>"}, attention);
    QCOMPARE(speech.bands, 2);
    QCOMPARE(speech.frames, 5);
    QCOMPARE(speech.framesPerKey, 2);
    QCOMPARE(speechKeyCount(speech), 3);
    QCOMPARE(speech.filterbank, features->values);
    QCOMPARE(speech.attention, (std::vector<float>{0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f, 0.0f, 0.0f, 1.0f}));
    QCOMPARE(speechWeightAtFrame(speech, 1, 4), 0.8f);
    // "one" matches the reference: frames [0, 2); "too" is not "two": no span; </s> has none.
    using Span = std::pair<int, int>;
    QCOMPARE(speech.gold, (std::vector<Span>{{0, 2}, {-1, -1}, {-1, -1}}));
    QCOMPARE(speech.audio, (std::vector<float>{0.0f, 0.5f, -1.0f}));
    QCOMPARE(speech.sampleRate, 8000);
    QCOMPARE(speech.hopSeconds, 0.01);

    // Without a known reference the links go by output position.
    example.referenceTokens.clear();
    const SpeechAlignment byIndex =
        MediaAlignmentBuilder(framesInput()).speech(example, {"one", "too", "</s>"}, attention);
    QCOMPARE(byIndex.gold, (std::vector<Span>{{0, 2}, {3, 5}, {-1, -1}}));
}

void TestMediaAlignmentBuilder::imageFromCells() {
    MediaExample example;
    auto features = std::make_shared<SourceFeatures>();
    features->rows = 12;
    features->columns = 2;
    features->values.assign(24, 0.0f);
    example.features = features;
    auto media = std::make_shared<SourceMedia>();
    media->image.width = 4;
    media->image.height = 2;
    media->image.channels = 3;
    for (int i = 0; i < 8; ++i)
        media->image.pixels.insert(media->image.pixels.end(), {std::uint8_t(10 * i), 100, 200});
    example.media = media;
    example.gold = {{1, 1}, {0, 2}};
    example.referenceTokens = {"a", "square", "left"};
    Matrix<float> attention(3, 2);
    attention << 0.5f, 0.5f, 0.25f, 0.75f, 0.9f, 0.1f;
    const ImageAlignment image =
        MediaAlignmentBuilder(imageInput()).image(example, {"a", "square", "left"}, attention);
    QCOMPARE(image.gridRows, 1);
    QCOMPARE(image.gridCols, 2);
    QCOMPARE(image.attention, (std::vector<float>{0.5f, 0.5f, 0.25f, 0.75f, 0.9f, 0.1f}));
    QCOMPARE(image.goldCells, (std::vector<std::vector<int>>{{}, {1}, {0}}));
    QCOMPARE(image.image.size(), QSize(4, 2));
    QCOMPARE(image.image.pixelColor(3, 1), QColor(70, 100, 200)); // pixel 7: (y 1, x 3)
    QCOMPARE(image.image.pixelColor(0, 0), QColor(0, 100, 200));

    Image grey{2, 1, 1, {7, 250}};
    const QImage qgrey = MediaAlignmentBuilder::toQImage(grey);
    QCOMPARE(qgrey.format(), QImage::Format_Grayscale8);
    QCOMPARE(qGray(qgrey.pixel(1, 0)), 250);
    QVERIFY(MediaAlignmentBuilder::toQImage(Image{}).isNull());
}

void TestMediaAlignmentBuilder::shapesThatDisagreeAreRefused() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, MediaAlignmentBuilder(InputConfig{}));
    MediaExample example;
    auto features = std::make_shared<SourceFeatures>();
    features->rows = 2;
    features->columns = 5;
    features->values.assign(10, 0.0f);
    example.features = features;
    Matrix<float> wrongKeys = Matrix<float>::Constant(1, 5, 0.2f); // 5 keys, the model has 3
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             MediaAlignmentBuilder(framesInput()).speech(example, {"one"}, wrongKeys));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             MediaAlignmentBuilder(framesInput()).speech(MediaExample{}, {"one"}, wrongKeys));
}

void TestMediaAlignmentBuilder::viewShowsTheInputsKind() {
    MediaExample example;
    auto features = std::make_shared<SourceFeatures>();
    features->rows = 12;
    features->columns = 2;
    features->values.assign(24, 0.0f);
    example.features = features;
    auto media = std::make_shared<SourceMedia>();
    media->image = Image{4, 2, 3, std::vector<std::uint8_t>(24, 128)};
    example.media = media;
    Matrix<float> attention(1, 2);
    attention << 0.3f, 0.7f;
    MediaAlignmentView view;
    MediaAlignmentBuilder(imageInput()).show(view, example, {"</s>"}, attention);
    QCOMPARE(view.shown(), MediaAlignmentView::Shown::Image);

    Matrix<float> frames(1, 1);
    frames << 1.0f;
    InputConfig input = framesInput();
    input.frameReduction = 0;
    features = std::make_shared<SourceFeatures>();
    features->rows = 2;
    features->columns = 1;
    features->values = {0.5f, -0.5f};
    example.features = features;
    MediaAlignmentBuilder(input).show(view, example, {"</s>"}, frames);
    QCOMPARE(view.shown(), MediaAlignmentView::Shown::Speech);
}

QTEST_MAIN(TestMediaAlignmentBuilder)
#include "tst_media_alignment_builder.moc"
