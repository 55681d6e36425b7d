// Literal layouts of the front ends of issue 14: neighbours concatenated between pyramid levels
// (and the adjoint that backward uses), image cells as row sequences, key lengths and gold links
// over keys, the encoder's key count and padding, and that a token encoder is the same whichever
// constructor builds it.
// B batch, S input positions, K keys, D feature size, H hidden size, Gr x Gc the grid.
#include "core/nn/Encoder.h"
#include "core/nn/InputConfig.h"
#include "core/nn/RecurrentStack.h"
#include "support/GradientCheck.h"
#include "support/MatrixLiterals.h"

#include <QtTest>

#include <stdexcept>
#include <string>

using namespace attnlab;

class TestFrontEndLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void concatenateNeighboursOddSteps();
    void splitNeighboursOddSteps();
    void splitIsTheAdjoint_data();
    void splitIsTheAdjoint();
    void cellsAndRows();
    void keyLength();
    void featureSize();
    void validateNamesTheField_data();
    void validateNamesTheField();
    void keyAlignmentMergesFrames();
    void framesEncoderKeys_data();
    void framesEncoderKeys();
    void imageWithWrongCellCountThrows();
    void tokenEncoderConstructorsAgree();
};

namespace {

using test::fromColumns;
using test::maxError;

// Column j of a (rows x cols) matrix holds 10·j + r in row r: every value names its position.
Matrix<double> numbered(Eigen::Index rows, Eigen::Index cols) {
    Matrix<double> m(rows, cols);
    for (Eigen::Index c = 0; c < cols; ++c)
        for (Eigen::Index r = 0; r < rows; ++r) m(r, c) = static_cast<double>(10 * c + r);
    return m;
}

// A frames batch: D values per position, lengths {7, 4} over S = 7, zero past each length.
SequenceBatch framesBatch(int featureSize, Random& random) {
    SequenceBatch batch;
    batch.batchSize = 2;
    batch.sourceLength = 7;
    batch.sourceLengths = {7, 4};
    batch.featureSize = featureSize;
    batch.source.assign(14, UnknownId);
    batch.features.assign(static_cast<size_t>(featureSize) * 14, 0.0f);
    for (int t = 0; t < 7; ++t)
        for (int b = 0; b < 2; ++b) {
            if (t >= batch.sourceLengths[b]) {
                batch.source[t * 2 + b] = PadId;
                continue;
            }
            for (int d = 0; d < featureSize; ++d)
                batch.features[static_cast<size_t>(t * 2 + b) * featureSize + d] =
                    static_cast<float>(random.uniform(-1.0, 1.0));
        }
    return batch;
}

} // namespace

void TestFrontEndLayout::concatenateNeighboursOddSteps() {
    // H = 2, S = 3, B = 2: columns t·B + b are (t0 b0) (t0 b1) (t1 b0) (t1 b1) (t2 b0) (t2 b1).
    const Matrix<double> in = numbered(2, 6);
    Matrix<double> out;
    concatenateNeighbours<double>(in, 3, 2, out);
    // (2H x ceil(3/2)·B): [in_0; in_1] for each sequence, then [in_2; 0] as step 3 is past S.
    const Matrix<double> expected = fromColumns({{0, 1, 20, 21}, // t 0, b 0
                                                 {10, 11, 30, 31},
                                                 {40, 41, 0, 0}, // t 1, b 0
                                                 {50, 51, 0, 0}});
    QCOMPARE(maxError(out, expected), 0.0);
}

void TestFrontEndLayout::splitNeighboursOddSteps() {
    // dOut (2H x 2·B) with H = 2, S = 3, B = 2: its padded half (rows 2-3 of step 1) is dropped.
    const Matrix<double> dOut = numbered(4, 4);
    Matrix<double> dIn;
    splitNeighbours<double>(dOut, 3, 2, dIn);
    const Matrix<double> expected = fromColumns({{0, 1},   // t 0, b 0: top of step 0
                                                 {10, 11}, // t 0, b 1
                                                 {2, 3},   // t 1, b 0: bottom of step 0
                                                 {12, 13}, // t 1, b 1
                                                 {20, 21}, // t 2, b 0: top of step 1
                                                 {30, 31}});
    QCOMPARE(maxError(dIn, expected), 0.0);
    // Split undoes concatenate where nothing was padded.
    const Matrix<double> in = numbered(2, 6);
    Matrix<double> out, back;
    concatenateNeighbours<double>(in, 3, 2, out);
    splitNeighbours<double>(out, 3, 2, back);
    QCOMPARE(maxError(back, in), 0.0);
}

void TestFrontEndLayout::splitIsTheAdjoint_data() {
    QTest::addColumn<int>("steps");
    QTest::newRow("odd") << 5;
    QTest::newRow("even") << 4;
    QTest::newRow("one") << 1;
}

void TestFrontEndLayout::splitIsTheAdjoint() {
    // Backward through the concatenation must be its transpose: <concat(x), y> = <x, split(y)>.
    QFETCH(int, steps);
    Random random(7);
    const int h = 3, batch = 2, half = (steps + 1) / 2;
    const Matrix<double> x = test::randomMatrix(h, steps * batch, random);    // (H x S·B)
    const Matrix<double> y = test::randomMatrix(2 * h, half * batch, random); // (2H x ceil(S/2)·B)
    Matrix<double> concatenated, split;
    concatenateNeighbours<double>(x, steps, batch, concatenated);
    splitNeighbours<double>(y, steps, batch, split);
    QCOMPARE(split.rows(), x.rows());
    QCOMPARE(split.cols(), x.cols());
    const double left = (concatenated.array() * y.array()).sum();
    const double right = (x.array() * split.array()).sum();
    QVERIFY2(std::abs(left - right) < 1e-12, qPrintable(QString("%1 vs %2").arg(left).arg(right)));
}

void TestFrontEndLayout::cellsAndRows() {
    // Gr = 2, Gc = 3, B = 2: cell column n·B + b with n = r·Gc + c; row-sequence column
    // c·(Gr·B) + r·B + b.
    const int gridRows = 2, gridColumns = 3, batch = 2;
    const Matrix<double> cells = numbered(2, 12);
    Matrix<double> rows, back;
    cellsToRows<double>(cells, gridRows, gridColumns, batch, rows);
    // Cell (r 1, c 0) of image 0 is column 3·2 = 6; as step 0 of row sequence 1·B + 0 it is column 2.
    QCOMPARE(rows(0, 2), 60.0);
    QCOMPARE(rows(1, 2), 61.0);
    // Cell (r 0, c 2) of image 1 is column 2·2 + 1 = 5; in the rows it is 2·(2·2) + 0 + 1 = 9.
    QCOMPARE(rows(0, 9), 50.0);
    // Step 0 of the four row sequences: cells 0 and 3 of both images.
    const Matrix<double> firstStep = fromColumns({{0, 1}, {10, 11}, {60, 61}, {70, 71}});
    QCOMPARE(maxError(rows.leftCols(4), firstStep), 0.0);
    rowsToCells<double>(rows, gridRows, gridColumns, batch, back);
    QCOMPARE(maxError(back, cells), 0.0);
}

void TestFrontEndLayout::keyLength() {
    InputConfig input;
    input.kind = InputKind::Frames;
    input.frameReduction = 2;
    QCOMPARE(input.positionsPerKey(), 4);
    QCOMPARE(input.keyLength(7), 2);
    QCOMPARE(input.keyLength(8), 2);
    QCOMPARE(input.keyLength(9), 3);
    QCOMPARE(input.keyLength(1), 1);
    input.frameReduction = 0;
    QCOMPARE(input.keyLength(7), 7);
    // Reduction applies to frames only: an image has one key per cell.
    input.kind = InputKind::Image;
    input.frameReduction = 2;
    QCOMPARE(input.keyLength(36), 36);
}

void TestFrontEndLayout::featureSize() {
    InputConfig input;
    QCOMPARE(input.featureSize(), 0); // tokens
    input.kind = InputKind::Frames;
    input.melBands = 40;
    QCOMPARE(input.featureSize(), 40);
    input.kind = InputKind::Image;
    input.patch = 8;
    QCOMPARE(input.featureSize(), 8 * 8 * 3);
    input.imageWidth = 48;
    input.imageHeight = 32;
    QCOMPARE(input.gridRows(), 4);
    QCOMPARE(input.gridColumns(), 6);
    QCOMPARE(input.gridCells(), 24);
}

void TestFrontEndLayout::validateNamesTheField_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("reduction");
    QTest::addColumn<int>("patch");
    QTest::addColumn<QString>("message"); // empty: valid
    const int frames = static_cast<int>(InputKind::Frames), image = static_cast<int>(InputKind::Image);
    QTest::newRow("frames ok") << frames << 2 << 8 << QString();
    QTest::newRow("reduction 5") << frames << 5 << 8 << QString("frame reduction");
    QTest::newRow("reduction -1") << frames << -1 << 8 << QString("frame reduction");
    QTest::newRow("image ok") << image << 0 << 8 << QString();
    QTest::newRow("patch 5 of 48") << image << 0 << 5 << QString("not a multiple of the patch size 5");
    QTest::newRow("patch 0") << image << 0 << 0 << QString("patch size");
    QTest::newRow("patch over the image") << image << 0 << 64 << QString("image width");
}

void TestFrontEndLayout::validateNamesTheField() {
    QFETCH(int, kind);
    QFETCH(int, reduction);
    QFETCH(int, patch);
    QFETCH(QString, message);
    InputConfig input; // 48 x 48 RGB
    input.kind = static_cast<InputKind>(kind);
    input.frameReduction = reduction;
    input.patch = patch;
    if (message.isEmpty()) {
        input.validate();
        return;
    }
    try {
        input.validate();
        QFAIL("validate accepted a bad configuration");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains(message), e.what());
    }
}

void TestFrontEndLayout::keyAlignmentMergesFrames() {
    InputConfig input;
    input.kind = InputKind::Frames;
    input.frameReduction = 1;
    // Frames 0..7 against targets 0..3; frame s belongs to key s / 2.
    const Alignment frames = {{0, 0, true}, {1, 0, false}, {2, 1, false}, {3, 1, false},
                              {4, 1, true}, {5, 2, true},  {6, 2, false}, {7, 3, true}};
    const Alignment expected = {{0, 0, true},  // frames 0 (sure) and 1 (possible): sure wins
                                {1, 1, false}, // frames 2 and 3, both possible
                                {2, 1, true},  {2, 2, true}, {3, 2, false}, {3, 3, true}};
    QCOMPARE(keyAlignment(frames, input), expected);
    // The order of the input does not matter: a possible link read before its sure twin is merged too.
    const Alignment shuffled = {frames[7], frames[1], frames[3], frames[5],
                                frames[0], frames[2], frames[6], frames[4]};
    QCOMPARE(keyAlignment(shuffled, input), expected);
    input.frameReduction = 0;
    QCOMPARE(keyAlignment(frames, input), frames);
}

void TestFrontEndLayout::framesEncoderKeys_data() {
    QTest::addColumn<int>("reduction");
    QTest::addColumn<int>("keySteps");
    QTest::addColumn<std::vector<int>>("keyLengths");
    QTest::newRow("R 0") << 0 << 7 << std::vector<int>{7, 4};
    QTest::newRow("R 1") << 1 << 4 << std::vector<int>{4, 2};
    QTest::newRow("R 2") << 2 << 2 << std::vector<int>{2, 1};
}

void TestFrontEndLayout::framesEncoderKeys() {
    QFETCH(int, reduction);
    QFETCH(int, keySteps);
    QFETCH(std::vector<int>, keyLengths);
    ModelConfig config;
    config.sourceVocabulary = 4;
    config.targetVocabulary = 4;
    config.embedding = 3;
    config.hidden = 4;
    config.bidirectional = true;
    config.input.kind = InputKind::Frames;
    config.input.melBands = 5;
    config.input.frameReduction = reduction;
    Encoder<float> encoder(config);
    encoder.initialize(InitSeed(3));
    Random random(4);
    const SequenceBatch batch = framesBatch(5, random);
    EncoderCache<float> cache;
    encoder.forward(batch, cache);
    QCOMPARE(cache.keySteps, keySteps);
    QCOMPARE(cache.keyLengths, keyLengths);
    QCOMPARE(cache.keys.rows(), Eigen::Index(4));
    QCOMPARE(cache.keys.cols(), Eigen::Index(keySteps * 2));
    // Keys past a key length are exactly zero (the scorers' masks rely on nothing else there).
    for (int k = 0; k < keySteps; ++k)
        for (int b = 0; b < 2; ++b) {
            const float norm = cache.keys.col(k * 2 + b).norm();
            if (k < keyLengths[b])
                QVERIFY2(norm > 0.0f, qPrintable(QString("key %1 of %2 is zero").arg(k).arg(b)));
            else
                QCOMPARE(norm, 0.0f);
        }
}

void TestFrontEndLayout::imageWithWrongCellCountThrows() {
    ModelConfig config;
    config.sourceVocabulary = 4;
    config.targetVocabulary = 4;
    config.embedding = 3;
    config.hidden = 4;
    config.input.kind = InputKind::Image;
    config.input.imageWidth = 16;
    config.input.imageHeight = 8;
    config.input.patch = 4; // 2 x 4 = 8 cells
    Encoder<float> encoder(config);
    encoder.initialize(InitSeed(5));
    Random random(6);
    SequenceBatch batch = framesBatch(config.input.featureSize(), random); // 7 and 4 positions
    EncoderCache<float> cache;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, encoder.forward(batch, cache));
    // Seven cells in both images is still one short.
    batch.sourceLengths = {7, 7};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, encoder.forward(batch, cache));
    // Eight cells each: accepted, one key per cell.
    batch.sourceLength = 8;
    batch.sourceLengths = {8, 8};
    batch.source.assign(16, UnknownId);
    batch.features.assign(static_cast<size_t>(config.input.featureSize()) * 16, 0.5f);
    encoder.forward(batch, cache);
    QCOMPARE(cache.keySteps, 8);
    QCOMPARE(cache.keys.cols(), Eigen::Index(16));
}

void TestFrontEndLayout::tokenEncoderConstructorsAgree() {
    ModelConfig config;
    config.sourceVocabulary = 7;
    config.targetVocabulary = 5;
    config.embedding = 3;
    config.hidden = 4;
    config.bidirectional = true;
    Encoder<float> fromConfig(config);
    Encoder<float> direct(7, 3, 4, true);
    fromConfig.initialize(InitSeed(17));
    direct.initialize(InitSeed(17));
    const ParameterList<float> a = fromConfig.parameters();
    const ParameterList<float> b = direct.parameters();
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i]->name, b[i]->name);
        QVERIFY2(a[i]->value == b[i]->value, a[i]->name.c_str());
    }
    SequenceBatch batch;
    batch.batchSize = 2;
    batch.sourceLength = 3;
    batch.sourceLengths = {3, 2};
    batch.source = {4, 5, /**/ 6, 4, /**/ 5, PadId};
    EncoderCache<float> first, second;
    fromConfig.forward(batch, first);
    direct.forward(batch, second);
    QVERIFY(first.keys.norm() > 0.0f);
    QVERIFY(first.keys == second.keys);
    QVERIFY(first.finalHidden == second.finalHidden);
    QVERIFY(first.finalCell == second.finalCell);
}

QTEST_APPLESS_MAIN(TestFrontEndLayout)
#include "tst_front_end_layout.moc"
