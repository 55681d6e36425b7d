// Linear::forwardFewColumns, the decoding steps' product for big layers: its bands of rows, read by
// all cores, give the values of the one-piece product, bias included: exactly for one column
// (greedy), to float rounding and the same at every call for five (beam 5); a layer below the
// split size goes the plain way.
#include "core/nn/Linear.h"

#include <QtTest>

#include <limits>

using namespace attnlab;

class TestLinearBands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bandsEqualTheWholeProduct_data();
    void bandsEqualTheWholeProduct();
};

void TestLinearBands::bandsEqualTheWholeProduct_data() {
    QTest::addColumn<int>("outputs");
    QTest::addColumn<int>("inputs");
    QTest::addColumn<int>("columns");
    QTest::newRow("greedy, split") << 8003 << 530 << 1; // 4.2 M weights, a ragged last band
    QTest::newRow("2 columns, split") << 8003 << 530 << 2;
    QTest::newRow("beam 5, split") << 8003 << 530 << 5;
    QTest::newRow("8 columns, split") << 8003 << 530 << 8;
    QTest::newRow("9 columns, whole") << 8003 << 530 << 9;
    QTest::newRow("small, whole") << 300 << 40 << 5;
}

void TestLinearBands::bandsEqualTheWholeProduct() {
    QFETCH(int, outputs);
    QFETCH(int, inputs);
    QFETCH(int, columns);
    Linear<float> layer("output.weight", "output.bias", inputs, outputs);
    layer.initialize(InitSeed(3));
    const Matrix<float> x = Matrix<float>::Random(inputs, columns);  // (in x N)
    Matrix<float> whole(outputs, columns), banded(outputs, columns); // (out x N)
    layer.forward(x, whole);
    banded.setConstant(std::numeric_limits<float>::quiet_NaN());
    layer.forwardFewColumns(x, banded);
    QVERIFY(!banded.hasNaN());
    // One column (greedy) is a matrix-vector product per band: the same sums in the same order.
    // Several columns go through blocked products whose blocking follows the band, so they agree
    // to float rounding, and always the same way (the bands are fixed).
    const float difference = (banded - whole).cwiseAbs().maxCoeff();
    if (columns == 1 || outputs * inputs < (1 << 22))
        QCOMPARE(difference, 0.0f);
    else
        QVERIFY2(difference < 1e-5f, qPrintable(QString::number(difference)));
    Matrix<float> again(outputs, columns); // (out x N)
    layer.forwardFewColumns(x, again);
    QVERIFY(again == banded);
    // And the values are the layer's, W x + b, computed here in double.
    const ParameterList<float> parameters = layer.parameters();            // weight, bias
    const Eigen::MatrixXd w = parameters[0]->value.cast<double>();         // (out x in)
    const Eigen::VectorXd b = parameters[1]->value.col(0).cast<double>();  // (out)
    const Eigen::MatrixXd expected = (w * x.cast<double>()).colwise() + b; // (out x N)
    QVERIFY((banded.cast<double>() - expected).cwiseAbs().maxCoeff() < 1e-4);
    QVERIFY(b.cwiseAbs().maxCoeff() > 0.0); // the bias took part
}

QTEST_APPLESS_MAIN(TestLinearBands)
#include "tst_linear_bands.moc"
