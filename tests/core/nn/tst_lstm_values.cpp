// Literal values of one LSTM step and of an LSTM layer over a padded batch, in double.
// B batch, S sequence length, I input size, H hidden size. Here I = 2, H = 2, B = 2.
// Every expected number was computed apart from the code under test, with python3's math module:
//   z = W_ih x + W_hh h + b_ih + b_hh; i = σ(z_i) f = σ(z_f) g = tanh(z_g) o = σ(z_o);
//   c' = f c + i g; h' = o tanh(c').
#include "core/nn/LstmCell.h"
#include "core/nn/LstmLayer.h"

#include "support/MatrixLiterals.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

using namespace attnlab;

namespace {

using test::Columns;
using test::fromColumns;
using test::fromRowMajor;
using test::maxError;
using test::Values;

// Far tighter than the brief's 1e-6 yet far looser than double rounding: a float path would show.
constexpr double kTolerance = 1e-9;

// Rows in gate order i, f, g, o, two units each.
const Values kWeightIh{0.1,  -0.2, 0.3,  0.4,                    //
                       -0.5, 0.2,  0.1,  0.1,                    //
                       0.6,  -0.3, -0.2, 0.5,                    //
                       0.3,  0.3,  -0.4, 0.2};                   // (4H x I) = (8 x 2)
const Values kWeightHh{0.2,  0.1,  -0.1, 0.3,                    //
                       0.05, -0.2, 0.4,  0.2,                    //
                       -0.3, 0.1,  0.2,  0.2,                    //
                       0.1,  -0.5, 0.3,  0.1};                   // (4H x H) = (8 x 2)
const Values kBiasIh{0.1, -0.1, 1.0, 1.0, 0.0, 0.2, -0.2, 0.1};  // (4H)
const Values kBiasHh{0.05, 0.0, -0.5, 0.0, 0.1, -0.1, 0.0, 0.3}; // (4H)
const Values kZeros(16, 0.0);                                    // (8 x 2) zero weights

// Sets weight_ih, weight_hh, bias_ih, bias_hh, in the order parameters() lists them.
void setLstmParameters(const ParameterList<double>& parameters, const Values& weightIh,
                       const Values& weightHh, const Values& biasIh, const Values& biasHh) {
    const Values* values[] = {&weightIh, &weightHh, &biasIh, &biasHh};
    for (size_t k = 0; k < 4; ++k) {
        Matrix<double>& v = parameters[k]->value;
        v = fromRowMajor(v.rows(), v.cols(), *values[k]);
    }
}

} // namespace

class TestLstmValues : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parameterOrderAndShapes();
    void cellStep_data();
    void cellStep();
    void layerOverPaddedBatch_data();
    void layerOverPaddedBatch();
};

void TestLstmValues::parameterOrderAndShapes() {
    LstmCell<double> cell("decoder.", "", 2, 2);
    const ParameterList<double> list = cell.parameters();
    QCOMPARE(list.size(), size_t(4));
    const char* names[] = {"decoder.weight_ih", "decoder.weight_hh", "decoder.bias_ih", "decoder.bias_hh"};
    const Eigen::Index cols[] = {2, 2, 1, 1};
    for (size_t k = 0; k < 4; ++k) {
        QCOMPARE(list[k]->name, std::string(names[k]));
        QCOMPARE(list[k]->value.rows(), Eigen::Index(8));
        QCOMPARE(list[k]->value.cols(), cols[k]);
    }
}

void TestLstmValues::cellStep_data() {
    QTest::addColumn<Values>("weightIh");
    QTest::addColumn<Values>("weightHh");
    QTest::addColumn<Columns>("x");
    QTest::addColumn<Columns>("hPrev");
    QTest::addColumn<Columns>("cPrev");
    QTest::addColumn<Columns>("gates"); // activated i0 i1 f0 f1 g0 g1 o0 o1 per column
    QTest::addColumn<Columns>("h");
    QTest::addColumn<Columns>("c");

    // Column 0: x = [1, -1], h = [0.1, -0.2], c = [0.3, -0.1].
    //   z = [0.45, -0.27, -0.155, 1.0, 0.95, -0.62, -0.09, -0.19]
    //   e.g. z_i0 = 0.1·1 − 0.2·(−1) + 0.2·0.1 + 0.1·(−0.2) + 0.1 + 0.05 = 0.45
    //   c0 = σ(−0.155)·0.3 + σ(0.45)·tanh(0.95) = 0.461327·0.3 + 0.610639·0.739783 = 0.590139
    //   h0 = σ(−0.09)·tanh(0.590139) = 0.477515·0.529993 = 0.253081
    // Column 1: x = [0.5, 2], h = [0, 0.5], c = [−0.4, 0.2].
    //   z = [−0.15, 1.0, 0.55, 1.35, −0.15, 1.1, 0.3, 0.65]
    QTest::newRow("mixed weights")
        << kWeightIh << kWeightHh            //
        << Columns{{1.0, -1.0}, {0.5, 2.0}}  //
        << Columns{{0.1, -0.2}, {0.0, 0.5}}  //
        << Columns{{0.3, -0.1}, {-0.4, 0.2}} //
        << Columns{{0.610639233949222, 0.4329070950345457, 0.46132739479349205, 0.7310585786300049,
                    0.7397830512740042, -0.5511280285381469, 0.4775151752081999, 0.45264238185691075},
                   {0.46257015465625045, 0.7310585786300049, 0.6341355910108007, 0.7941296281990528,
                    -0.14888503362331798, 0.8004990217606296, 0.574442516811659, 0.6570104626734988}}
        << Columns{{0.25308085012913567, -0.1366873991955219}, {-0.17910391465206874, 0.4149536110982915}}
        << Columns{{0.5901387741566236, -0.3116930916895659}, {-0.3225240094334596, 0.7440376026828458}};

    // Zero weights: z = b_ih + b_hh = [0.15, −0.1, 0.5, 1.0, 0.1, 0.1, −0.2, 0.4] whatever x and h,
    // so both columns share their gates and differ only through c_prev.
    //   column 0, c = [1, −2]: c0 = σ(0.5)·1 + σ(0.15)·tanh(0.1) = 0.622459 + 0.537430·0.099668 = 0.676024
    //   column 1, c = 0:       c0 = σ(0.15)·tanh(0.1) = 0.053565; h0 = σ(−0.2)·tanh(0.053565) = 0.024090
    const Values gates{0.5374298453437496,  0.47502081252106,    0.6224593312018546,  0.7310585786300049,
                       0.09966799462495582, 0.09966799462495582, 0.45016600268752216, 0.598687660112452};
    QTest::newRow("bias only") << kZeros << kZeros                 //
                               << Columns{{3.0, -7.0}, {0.0, 0.0}} //
                               << Columns{{0.9, -0.9}, {0.0, 0.0}} //
                               << Columns{{1.0, -2.0}, {0.0, 0.0}} //
                               << Columns{gates, gates}
                               << Columns{{0.26511555473975873, -0.5319360042512927},
                                          {0.024089906709431633, 0.02832333217660779}}
                               << Columns{{0.6760238861388662, -1.4147727854709187},
                                          {0.05356455493701167, 0.04734437178909115}};
}

void TestLstmValues::cellStep() {
    QFETCH(Values, weightIh);
    QFETCH(Values, weightHh);
    QFETCH(Columns, x);
    QFETCH(Columns, hPrev);
    QFETCH(Columns, cPrev);
    QFETCH(Columns, gates);
    QFETCH(Columns, h);
    QFETCH(Columns, c);

    LstmCell<double> cell("decoder.", "", 2, 2);
    setLstmParameters(cell.parameters(), weightIh, weightHh, kBiasIh, kBiasHh);

    Matrix<double> z(8, 2);                                     // (4H x B)
    Matrix<double> hOut = Matrix<double>::Constant(2, 2, 99.0); // (H x B) overwritten
    Matrix<double> cOut = Matrix<double>::Constant(2, 2, 99.0); // (H x B) overwritten
    cell.projectInputs(fromColumns(x), z);
    cell.step(z, fromColumns(hPrev), fromColumns(cPrev), hOut, cOut);

    QVERIFY2(maxError(z, fromColumns(gates)) < kTolerance, "activated gates");
    QVERIFY2(maxError(cOut, fromColumns(c)) < kTolerance, "cell state c'");
    QVERIFY2(maxError(hOut, fromColumns(h)) < kTolerance, "hidden state h'");
}

void TestLstmValues::layerOverPaddedBatch_data() {
    QTest::addColumn<bool>("reverse");
    QTest::addColumn<Columns>("longStates"); // h of sequence 0 (length 3) after t = 0, 1, 2
    QTest::addColumn<Columns>("longCells");

    // Sequence 0 reads x_0 = [1, −1], x_1 = [−0.5, 0.25], x_2 = [2, 1] from a zero state.
    QTest::newRow("forward") << false
                             << Columns{{0.19546147952977716, -0.10676084135932257},
                                        {0.067739160710774, -0.019927890852755384},
                                        {0.29508008682015996, 0.05552644942085587}}
                             << Columns{{0.4650592719730326, -0.24176145682057018},
                                        {0.15180309573665096, -0.02985283846641021},
                                        {0.47121475765279897, 0.1227273410695838}};
    // The reverse direction reads x_2, x_1, x_0: its state at t is after reading x_t.
    QTest::newRow("reverse") << true
                             << Columns{{0.20433239800016484, -0.013014525527909979},
                                        {0.0457959902262371, 0.18185103640946754},
                                        {0.25917738792746137, 0.06275766637462908}}
                             << Columns{{0.518332249261227, -0.028418703925303213},
                                        {0.10682244836565255, 0.27593030031986154},
                                        {0.4093034294500102, 0.14032388574434634}};
}

void TestLstmValues::layerOverPaddedBatch() {
    QFETCH(bool, reverse);
    QFETCH(Columns, longStates);
    QFETCH(Columns, longCells);
    const int steps = 3;
    const int batch = 2;
    const std::vector<int> lengths{3, 1};

    LstmLayer<double> layer("encoder.", reverse ? "_l0_reverse" : "_l0", 2, 2, reverse);
    QCOMPARE(layer.parameters().front()->name,
             std::string(reverse ? "encoder.weight_ih_l0_reverse" : "encoder.weight_ih_l0"));
    setLstmParameters(layer.parameters(), kWeightIh, kWeightHh, kBiasIh, kBiasHh);

    // Time-major (I x S·B): column t·B + b. Sequence 1 has one token [0.5, 2]; its padding holds
    // large junk that would change every number if it leaked in.
    const Matrix<double> x = fromColumns({{1.0, -1.0},
                                          {0.5, 2.0}, // t = 0
                                          {-0.5, 0.25},
                                          {9.0, 9.0}, // t = 1
                                          {2.0, 1.0},
                                          {-9.0, 9.0}}); // t = 2
    LstmLayerCache<double> cache;
    Matrix<double> outputs = Matrix<double>::Constant(2, steps * batch, 99.0); // (H x S·B)
    layer.forward(x, lengths, steps, cache, outputs);

    // One step from zero on [0.5, 2]: z = W_ih x + b = [−0.2, 0.85, 0.65, 1.25, −0.2, 1.0, 0.55, 0.6].
    const Matrix<double> shortH = fromColumns({{-0.05619619454103199, 0.3151373570898133}});
    const Matrix<double> shortC = fromColumns({{-0.08885165893481467, 0.5335478415628075}});

    for (int t = 0; t < steps; ++t) {
        QVERIFY2(maxError(outputs.col(t * batch), fromColumns({longStates[t]})) < kTolerance,
                 qPrintable(QString("output of sequence 0 at t = %1").arg(t)));
        if (t < lengths[1]) {
            QVERIFY2(maxError(outputs.col(t * batch + 1), shortH) < kTolerance, "output of sequence 1");
        } else {
            QVERIFY2(outputs.col(t * batch + 1).isZero(0.0), // exactly zero past the end
                     qPrintable(QString("output of sequence 1 at padded t = %1").arg(t)));
        }
    }

    // The state of sequence 1 in every block of the cache: after its token it is carried unchanged
    // (forward, blocks 1..3); before its token it is still the zero start (reverse, blocks 1..3).
    for (int block = 1; block <= steps; ++block) {
        const auto hBlock = cache.hidden.col(block * batch + 1);
        const auto cBlock = cache.cells.col(block * batch + 1);
        if (reverse) {
            QVERIFY2(hBlock.isZero(0.0) && cBlock.isZero(0.0), qPrintable(QString("block %1").arg(block)));
        } else {
            QCOMPARE(Matrix<double>(hBlock), Matrix<double>(cache.hidden.col(1 * batch + 1)));
            QCOMPARE(Matrix<double>(cBlock), Matrix<double>(cache.cells.col(1 * batch + 1)));
        }
    }

    const Matrix<double> finalH = layer.finalHidden(cache, steps); // (H x B)
    const Matrix<double> finalC = layer.finalCell(cache, steps);   // (H x B)
    const int last = reverse ? 0 : steps - 1;
    QVERIFY2(maxError(finalH.col(0), fromColumns({longStates[last]})) < kTolerance, "final h of sequence 0");
    QVERIFY2(maxError(finalC.col(0), fromColumns({longCells[last]})) < kTolerance, "final c of sequence 0");
    QVERIFY2(maxError(finalH.col(1), shortH) < kTolerance, "final h of sequence 1");
    QVERIFY2(maxError(finalC.col(1), shortC) < kTolerance, "final c of sequence 1");

    // The same single step through a lone cell: the layer's final state of sequence 1 is exactly it.
    LstmCell<double> cell("probe.", "", 2, 2);
    setLstmParameters(cell.parameters(), kWeightIh, kWeightHh, kBiasIh, kBiasHh);
    Matrix<double> z(8, 1), h(2, 1), c(2, 1);
    const Matrix<double> zero = Matrix<double>::Zero(2, 1);
    cell.projectInputs(x.col(1), z);
    cell.step(z, zero, zero, h, c);
    QCOMPARE(Matrix<double>(finalH.col(1)), h);
    QCOMPARE(Matrix<double>(finalC.col(1)), c);
}

QTEST_APPLESS_MAIN(TestLstmValues)
#include "tst_lstm_values.moc"
