#include "core/data/image/ShapesTask.h"

#include "core/util/Random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace attnlab {
namespace {

enum class Form { Circle, Square, Triangle };
constexpr std::array<std::string_view, 3> FormNames = {"circle", "square", "triangle"};

struct Colour {
    std::string_view name;
    std::uint8_t rgb[3];
};
// Saturated, far from each other and from any grey, so neither the background nor a speckle ever
// has a shape's colour.
constexpr std::array<Colour, 6> Colours = {{{"red", {220, 30, 30}},
                                            {"green", {30, 160, 50}},
                                            {"blue", {30, 70, 220}},
                                            {"yellow", {235, 200, 20}},
                                            {"purple", {140, 50, 180}},
                                            {"pink", {240, 110, 170}}}};

constexpr int MaxShapesSize = 1024; // scenes are small; a bigger one is a mistake
constexpr int Gap = 2;              // empty pixels at least between two shapes' boxes
constexpr int CoveragePercent = 20; // a word links to a cell its shape covers this much of

struct Shape {
    Form form = Form::Square;
    int colour = 0;
    int x0 = 0, y0 = 0, side = 0; // the box it is drawn in
    // The bounding box of its drawn pixels, inclusive (a triangle's apex row can be empty).
    int minX = 0, maxX = 0, minY = 0, maxY = 0;
};

int uniformInt(Random& rng, int low, int high) {
    return low + static_cast<int>(rng.below(static_cast<std::uint64_t>(high - low + 1)));
}

// Whether pixel (x, y)'s centre lies inside the shape.
bool covers(const Shape& s, int x, int y) {
    const double px = x + 0.5, py = y + 0.5;
    const double cx = s.x0 + s.side / 2.0, cy = s.y0 + s.side / 2.0;
    switch (s.form) {
    case Form::Square:
        return true;
    case Form::Circle:
        return (px - cx) * (px - cx) + (py - cy) * (py - cy) <= s.side * s.side / 4.0;
    case Form::Triangle: // apex at the top centre, base along the bottom; half-width grows by ½ a row
        return std::abs(px - cx) <= (py - s.y0) / 2.0;
    }
    return false;
}

bool boxesApart(const Shape& a, const Shape& b) {
    return a.x0 + a.side + Gap <= b.x0 || b.x0 + b.side + Gap <= a.x0 || a.y0 + a.side + Gap <= b.y0 ||
           b.y0 + b.side + Gap <= a.y0;
}

class SceneDrawer {
public:
    SceneDrawer(const ShapesOptions& options, Random& rng) : m_options(options), m_rng(rng) {}

    ShapesScene draw() {
        // A layout whose shape fills no cell to 20% is drawn again, so every named word has a
        // link; with the allowed sizes that is rare and a few tries always succeed.
        for (int attempt = 0; attempt < 1000; ++attempt)
            if (place(uniformInt(m_rng, 1, 3))) return render();
        throw std::logic_error("generateShapes: no layout found for a " + std::to_string(m_options.size) +
                               " px scene with " + std::to_string(m_options.patch) + " px cells");
    }

private:
    bool place(int count) {
        const int size = m_options.size;
        const int minSide = size / 4, maxSide = size * 3 / 8;
        m_shapes.clear();
        for (int i = 0; i < count; ++i) {
            Shape shape;
            do {
                shape.form = static_cast<Form>(m_rng.below(FormNames.size()));
                shape.colour = static_cast<int>(m_rng.below(Colours.size()));
            } while (std::any_of(m_shapes.begin(), m_shapes.end(), [&](const Shape& other) {
                return other.form == shape.form && other.colour == shape.colour;
            }));
            bool placed = false;
            for (int tries = 0; tries < 100 && !placed; ++tries) {
                // The third shape, never named, is a small distractor: the caption's pair is the
                // two large shapes, so a caption follows from the picture alone.
                shape.side =
                    i < 2 ? uniformInt(m_rng, minSide, maxSide) : uniformInt(m_rng, size / 8, size / 6);
                shape.x0 = uniformInt(m_rng, 0, size - shape.side);
                shape.y0 = uniformInt(m_rng, 0, size - shape.side);
                placed = std::all_of(m_shapes.begin(), m_shapes.end(),
                                     [&](const Shape& other) { return boxesApart(shape, other); });
            }
            if (!placed) return false;
            m_shapes.push_back(shape);
        }
        rasterise();
        for (int s = 0; s < std::min(count, 2); ++s)
            if (cellsOf(s).empty()) return false;
        return true;
    }

    // m_owner: (size x size) row-major, the shape drawn at each pixel or -1.
    void rasterise() {
        const int size = m_options.size;
        m_owner.assign(std::size_t(size) * size, -1);
        for (int s = 0; s < static_cast<int>(m_shapes.size()); ++s) {
            Shape& shape = m_shapes[s];
            shape.minX = shape.minY = size;
            shape.maxX = shape.maxY = -1;
            for (int y = shape.y0; y < shape.y0 + shape.side; ++y)
                for (int x = shape.x0; x < shape.x0 + shape.side; ++x) {
                    if (!covers(shape, x, y)) continue;
                    m_owner[std::size_t(y) * size + x] = s;
                    shape.minX = std::min(shape.minX, x);
                    shape.maxX = std::max(shape.maxX, x);
                    shape.minY = std::min(shape.minY, y);
                    shape.maxY = std::max(shape.maxY, y);
                }
        }
    }

    // The cells (raster order) shape s covers at least CoveragePercent of.
    std::vector<int> cellsOf(int s) const {
        const int size = m_options.size, patch = m_options.patch, grid = size / patch;
        std::vector<int> cells;
        for (int r = 0; r < grid; ++r)
            for (int c = 0; c < grid; ++c) {
                int covered = 0;
                for (int y = r * patch; y < (r + 1) * patch; ++y)
                    for (int x = c * patch; x < (c + 1) * patch; ++x)
                        covered += m_owner[std::size_t(y) * size + x] == s;
                if (covered * 100 >= CoveragePercent * patch * patch) cells.push_back(r * grid + c);
            }
        return cells;
    }

    ShapesScene render() {
        const int size = m_options.size;
        ShapesScene scene;
        Image& image = scene.image;
        image.width = image.height = size;
        image.pixels.resize(std::size_t(size) * size * 3); // (size x size x 3)
        const auto background = static_cast<std::uint8_t>(uniformInt(m_rng, 228, 248));
        std::fill(image.pixels.begin(), image.pixels.end(), background);
        // Speckles first, so the shapes drawn after them stay whole.
        const int speckles = uniformInt(m_rng, size / 6, size / 3);
        for (int i = 0; i < speckles; ++i) {
            const int side = uniformInt(m_rng, 1, 2);
            const int x0 = uniformInt(m_rng, 0, size - side), y0 = uniformInt(m_rng, 0, size - side);
            const auto grey = static_cast<std::uint8_t>(uniformInt(m_rng, 70, 170));
            for (int y = y0; y < y0 + side; ++y)
                for (int x = x0; x < x0 + side; ++x)
                    std::fill_n(&image.pixels[(std::size_t(y) * size + x) * 3], 3, grey);
        }
        for (std::size_t p = 0; p < m_owner.size(); ++p)
            if (m_owner[p] >= 0)
                std::copy_n(Colours[m_shapes[m_owner[p]].colour].rgb, 3, &image.pixels[p * 3]);

        // Which shapes the caption names: the one shape, or the two large ones, the upper (or
        // left) one first, so that one picture has one right caption and exact match can be learnt.
        const int count = static_cast<int>(m_shapes.size());
        std::vector<std::string> words;
        if (count == 1) nameShape(scene, words, 0);
        if (count >= 2) {
            // Twice the centres, to stay in integers.
            const Shape &s0 = m_shapes[0], &s1 = m_shapes[1];
            const int dx = (s0.minX + s0.maxX) - (s1.minX + s1.maxX),
                      dy = (s0.minY + s0.maxY) - (s1.minY + s1.maxY);
            const bool vertical = std::abs(dy) >= std::abs(dx);
            const int first = (vertical ? dy : dx) < 0 ? 0 : 1;
            nameShape(scene, words, first);
            if (vertical)
                words.push_back("above");
            else
                words.insert(words.end(), {"left", "of"});
            nameShape(scene, words, 1 - first);
        }
        for (const std::string& word : words) scene.caption += (scene.caption.empty() ? "" : " ") + word;
        std::sort(scene.links.begin(), scene.links.end());
        return scene;
    }

    // Appends "a COLOUR FORM" and the links of its two content words.
    void nameShape(ShapesScene& scene, std::vector<std::string>& words, int s) const {
        const Shape& shape = m_shapes[s];
        const int colourWord = static_cast<int>(words.size()) + 1;
        words.push_back("a");
        words.emplace_back(Colours[shape.colour].name);
        words.emplace_back(FormNames[static_cast<int>(shape.form)]);
        for (int cell : cellsOf(s)) {
            scene.links.emplace_back(cell, colourWord);
            scene.links.emplace_back(cell, colourWord + 1);
        }
    }

    const ShapesOptions& m_options;
    Random& m_rng;
    std::vector<Shape> m_shapes;
    std::vector<int> m_owner; // (size x size) shape index per pixel, -1 for none
};

} // namespace

std::vector<ShapesScene> generateShapes(int count, std::uint64_t seed, const ShapesOptions& options) {
    if (count < 0)
        throw std::invalid_argument("generateShapes: count " + std::to_string(count) + " is negative");
    if (options.size < 16 || options.size > MaxShapesSize || options.patch <= 0 ||
        options.size % options.patch != 0 || options.patch * 4 > options.size)
        throw std::invalid_argument("generateShapes: a scene of " + std::to_string(options.size) +
                                    " px with cells of " + std::to_string(options.patch) +
                                    " px; the size must be 16.." + std::to_string(MaxShapesSize) +
                                    " and a multiple of the cell side, and the cell at most a quarter of it");
    Random rng(seed);
    SceneDrawer drawer(options, rng);
    std::vector<ShapesScene> scenes;
    scenes.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) scenes.push_back(drawer.draw());
    return scenes;
}

const std::vector<std::string>& shapesWords() {
    static const std::vector<std::string> words = [] {
        std::vector<std::string> all = {"a"};
        for (const Colour& colour : Colours) all.emplace_back(colour.name);
        for (std::string_view form : FormNames) all.emplace_back(form);
        all.insert(all.end(), {"above", "left", "of"});
        return all;
    }();
    return words;
}

} // namespace attnlab
