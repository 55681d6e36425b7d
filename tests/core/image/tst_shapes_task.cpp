// The shapes captioning task, checked from the pixels: each named shape is found in the image by
// its colour and recognised by its form, and the caption, its relation word and the gold links
// must agree with what is drawn.
#include "ImageTestSupport.h"

#include "core/data/image/ShapesTask.h"

#include <QtTest>

#include <map>
#include <set>

using namespace attnlab;
using namespace attnlab::test;

namespace {

// The task's colours, written out here rather than taken from the generator.
const std::map<std::string, QList<int>> Colours = {{"red", {220, 30, 30}},     {"green", {30, 160, 50}},
                                                   {"blue", {30, 70, 220}},    {"yellow", {235, 200, 20}},
                                                   {"purple", {140, 50, 180}}, {"pink", {240, 110, 170}}};
const std::set<std::string> Forms = {"circle", "square", "triangle"};

std::vector<std::string> split(const std::string& caption) {
    std::vector<std::string> words;
    QString text = QString::fromStdString(caption);
    for (const QString& w : text.split(' ')) words.push_back(w.toStdString());
    return words;
}

// One region of same-coloured pixels (4-connected), as found in the image.
struct Region {
    std::string colour;
    std::vector<std::pair<int, int>> pixels; // (x, y)
    int minX = 1 << 30, maxX = -1, minY = 1 << 30, maxY = -1;

    // Square: fills its box. Triangle: its top row is narrower than its bottom row. Else circle.
    std::string form() const {
        const int box = (maxX - minX + 1) * (maxY - minY + 1);
        if (int(pixels.size()) == box) return "square";
        int top = 0, bottom = 0;
        for (auto [x, y] : pixels) top += y == minY, bottom += y == maxY;
        return top < bottom ? "triangle" : "circle";
    }
};

std::vector<Region> regionsOf(const Image& image) {
    const int size = image.width;
    std::vector<int> seen(std::size_t(size) * size, 0);
    std::vector<Region> regions;
    for (int start = 0; start < size * size; ++start) {
        if (seen[start]) continue;
        const QList<int> colour = pixelAt(image, start % size, start / size);
        std::string name;
        for (const auto& [n, rgb] : Colours)
            if (rgb == colour) name = n;
        if (name.empty()) continue;
        Region region;
        region.colour = name;
        std::vector<int> stack = {start};
        seen[start] = 1;
        while (!stack.empty()) {
            const int p = stack.back();
            stack.pop_back();
            const int x = p % size, y = p / size;
            region.pixels.emplace_back(x, y);
            region.minX = std::min(region.minX, x), region.maxX = std::max(region.maxX, x);
            region.minY = std::min(region.minY, y), region.maxY = std::max(region.maxY, y);
            for (auto [nx, ny] : {std::pair{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}}) {
                if (nx < 0 || ny < 0 || nx >= size || ny >= size || seen[ny * size + nx]) continue;
                if (pixelAt(image, nx, ny) != colour) continue;
                seen[ny * size + nx] = 1;
                stack.push_back(ny * size + nx);
            }
        }
        regions.push_back(std::move(region));
    }
    return regions;
}

// The caption's named shapes: (colour word index, the region drawn for it).
struct Named {
    int colourWord;
    Region region;
};

} // namespace

class TestShapesTask : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deterministicPerSeed();
    void captionsParse();
    void namedShapesAreDrawn_data();
    void namedShapesAreDrawn();
    void variety();
    void words();
    void badOptions();

private:
    // Checks one scene against its pixels (QVERIFY failures mark the test failed).
    static void checkScene(const ShapesScene& scene, const ShapesOptions& options);
};

void TestShapesTask::deterministicPerSeed() {
    const auto a = generateShapes(60, 7), b = generateShapes(60, 7), c = generateShapes(60, 8);
    QCOMPARE(a.size(), std::size_t(60));
    for (std::size_t i = 0; i < a.size(); ++i) {
        QVERIFY(a[i].image == b[i].image);
        QCOMPARE(a[i].caption, b[i].caption);
        QVERIFY(a[i].links == b[i].links);
    }
    int differ = 0;
    for (std::size_t i = 0; i < a.size(); ++i) differ += !(a[i].image == c[i].image);
    QCOMPARE(differ, 60);
    const auto longer = generateShapes(80, 7);
    for (std::size_t i = 0; i < a.size(); ++i)
        QVERIFY(longer[i].image == a[i].image && longer[i].caption == a[i].caption);
    QVERIFY(generateShapes(0, 7).empty());
}

void TestShapesTask::captionsParse() {
    for (const ShapesScene& scene : generateShapes(200, 3)) {
        const std::vector<std::string> w = split(scene.caption);
        QVERIFY2(w.size() == 3 || w.size() == 7 || w.size() == 8, scene.caption.c_str());
        for (std::size_t first : {std::size_t(0), w.size() - 3}) {
            QCOMPARE(w[first], std::string("a"));
            QVERIFY2(Colours.count(w[first + 1]), scene.caption.c_str());
            QVERIFY2(Forms.count(w[first + 2]), scene.caption.c_str());
        }
        if (w.size() == 7) QVERIFY2(w[3] == "above", scene.caption.c_str());
        if (w.size() == 8) QVERIFY2(w[3] == "left" && w[4] == "of", scene.caption.c_str());
        if (w.size() > 3)
            QVERIFY2(w[1] != w[w.size() - 2] || w[2] != w[w.size() - 1], "a shape related to itself");
    }
}

void TestShapesTask::namedShapesAreDrawn_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("patch");
    QTest::addColumn<int>("seed");
    QTest::newRow("48 px, 8 px cells") << 48 << 8 << 1;
    QTest::newRow("48 px, 12 px cells") << 48 << 12 << 2;
    QTest::newRow("64 px, 16 px cells") << 64 << 16 << 3;
    QTest::newRow("32 px, 4 px cells") << 32 << 4 << 4;
}

void TestShapesTask::namedShapesAreDrawn() {
    QFETCH(int, size);
    QFETCH(int, patch);
    QFETCH(int, seed);
    const ShapesOptions options{size, patch};
    for (const ShapesScene& scene : generateShapes(300, std::uint64_t(seed), options)) {
        checkScene(scene, options);
        if (QTest::currentTestFailed()) {
            qWarning() << "in the scene captioned" << scene.caption.c_str();
            return;
        }
    }
}

void TestShapesTask::checkScene(const ShapesScene& scene, const ShapesOptions& options) {
    const Image& image = scene.image;
    QCOMPARE(image.width, options.size);
    QCOMPARE(image.height, options.size);
    QCOMPARE(image.channels, 3);
    const std::vector<Region> regions = regionsOf(image);
    QVERIFY(regions.size() >= 1 && regions.size() <= 3);

    // Find each named shape among the regions: its colour and its form.
    const std::vector<std::string> w = split(scene.caption);
    std::vector<Named> named;
    for (int colourWord : {1, int(w.size()) - 2}) {
        if (!named.empty() && colourWord == named[0].colourWord) break; // one shape only
        int matches = 0;
        for (const Region& region : regions)
            if (region.colour == w[colourWord] && region.form() == w[colourWord + 1]) {
                named.push_back({colourWord, region});
                ++matches;
            }
        QCOMPARE(matches, 1);
    }

    // Relation: along the axis where the centres differ most (twice the centres, in integers).
    if (named.size() == 2) {
        const Region &a = named[0].region, &b = named[1].region;
        const int dx = (a.minX + a.maxX) - (b.minX + b.maxX), dy = (a.minY + a.maxY) - (b.minY + b.maxY);
        if (w[3] == "above") {
            QVERIFY(std::abs(dy) >= std::abs(dx));
            QCOMPARE(w[3] == "above", dy < 0);
            QVERIFY(dy != 0);
        } else {
            QVERIFY(std::abs(dx) > std::abs(dy));
            QCOMPARE(w[3] == "left", dx < 0);
        }
    }

    // Gold links: exactly the cells where the named shape's pixels fill at least 20%, for its
    // colour word and its form word, and nothing else.
    const int grid = options.size / options.patch;
    std::vector<std::pair<int, int>> expected;
    for (const Named& shape : named) {
        std::vector<int> covered(std::size_t(grid) * grid, 0);
        for (auto [x, y] : shape.region.pixels) ++covered[(y / options.patch) * grid + x / options.patch];
        int cells = 0;
        for (int cell = 0; cell < grid * grid; ++cell)
            if (covered[cell] * 5 >= options.patch * options.patch) {
                expected.emplace_back(cell, shape.colourWord);
                expected.emplace_back(cell, shape.colourWord + 1);
                ++cells;
            }
        QVERIFY(cells >= 1);
    }
    std::sort(expected.begin(), expected.end());
    QVERIFY(scene.links == expected);

    // And the linked cells do show the named colour, read from the image itself.
    for (auto [cell, word] : scene.links) {
        const std::string& colour = w[word == 1 || word == 2 ? 1 : w.size() - 2];
        int matching = 0;
        const int r = cell / grid, c = cell % grid;
        for (int y = r * options.patch; y < (r + 1) * options.patch; ++y)
            for (int x = c * options.patch; x < (c + 1) * options.patch; ++x)
                matching += pixelAt(image, x, y) == Colours.at(colour);
        QVERIFY(matching * 5 >= options.patch * options.patch);
    }
}

void TestShapesTask::variety() {
    // Over many scenes every word, relation and shape count appears; each picture is a plain light
    // background, speckles of darker grey, and the shapes' colours, nothing else.
    std::map<std::string, int> words;
    std::map<std::size_t, int> shapeCounts;
    for (const ShapesScene& scene : generateShapes(400, 11)) {
        for (const std::string& word : split(scene.caption)) ++words[word];
        ++shapeCounts[regionsOf(scene.image).size()];
        std::map<int, int> greys; // grey level -> pixels of it
        int coloured = 0;
        for (int y = 0; y < 48; ++y)
            for (int x = 0; x < 48; ++x) {
                const QList<int> pixel = pixelAt(scene.image, x, y);
                if (pixel[0] == pixel[1] && pixel[1] == pixel[2]) {
                    ++greys[pixel[0]];
                    continue;
                }
                ++coloured;
                QVERIFY(std::any_of(Colours.begin(), Colours.end(),
                                    [&](const auto& colour) { return colour.second == pixel; }));
            }
        QVERIFY(coloured >= 60); // a shape of side 12 at least: a triangle has 72 pixels
        const auto background =
            std::max_element(greys.begin(), greys.end(), [](auto a, auto b) { return a.second < b.second; });
        QVERIFY2(background->first >= 228 && background->first <= 248,
                 qPrintable(QString::number(background->first)));
        int speckles = 0;
        for (auto [level, count] : greys) {
            if (level == background->first) continue;
            QVERIFY2(level >= 70 && level <= 170, qPrintable(QString::number(level)));
            speckles += count;
        }
        QVERIFY(speckles >= 1); // 8 to 16 speckles, some perhaps under shapes
    }
    for (const std::string& word : shapesWords()) QVERIFY2(words[word] > 0, word.c_str());
    QCOMPARE(words.size(), shapesWords().size());
    for (std::size_t count : {1, 2, 3}) QVERIFY2(shapeCounts[count] > 50, qPrintable(QString::number(count)));
    QCOMPARE(shapeCounts.size(), std::size_t(3));
}

void TestShapesTask::words() {
    QCOMPARE(shapesWords(),
             (std::vector<std::string>{"a", "red", "green", "blue", "yellow", "purple", "pink", "circle",
                                       "square", "triangle", "above", "left", "of"}));
}

void TestShapesTask::badOptions() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             generateShapes(1, 1, ShapesOptions{50, 8})); // not a multiple
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             generateShapes(1, 1, ShapesOptions{48, 16})); // cell > size/4
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateShapes(1, 1, ShapesOptions{8, 2})); // too small
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateShapes(1, 1, ShapesOptions{48, 0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateShapes(-1, 1));
}

QTEST_APPLESS_MAIN(TestShapesTask)
#include "tst_shapes_task.moc"
