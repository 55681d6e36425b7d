// The tiled, shared-out copies between a model file's row-major tensors and Eigen's column-major
// parameters: every element lands where the plain formula puts it, for vectors, small matrices,
// sizes that are not multiples of a tile, and tensors big enough to be split between threads.
#include "core/train/LayoutCopy.h"

#include <QtTest>

#include <vector>

using attnlab::copyColumnMajorToRowMajor;
using attnlab::copyRowMajorToColumnMajor;

class TestLayoutCopy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyElementLandsInPlace_data();
    void everyElementLandsInPlace();
};

void TestLayoutCopy::everyElementLandsInPlace_data() {
    QTest::addColumn<qint64>("rows");
    QTest::addColumn<qint64>("cols");
    QTest::newRow("column vector") << qint64(7) << qint64(1);
    QTest::newRow("row vector") << qint64(1) << qint64(9);
    QTest::newRow("small") << qint64(3) << qint64(5);
    QTest::newRow("ragged tiles") << qint64(130) << qint64(67);
    QTest::newRow("shared between threads") << qint64(1031) << qint64(1093); // > 2^20 elements
    QTest::newRow("tall output layer") << qint64(4099) << qint64(257);
}

void TestLayoutCopy::everyElementLandsInPlace() {
    QFETCH(qint64, rows);
    QFETCH(qint64, cols);
    const std::size_t count = static_cast<std::size_t>(rows * cols);
    std::vector<float> rowMajor(count);
    for (std::size_t i = 0; i < count; ++i) rowMajor[i] = static_cast<float>(i);

    std::vector<float> columnMajor(count, -1.0f); // (rows x cols)
    copyRowMajorToColumnMajor(rowMajor.data(), rows, cols, columnMajor.data());
    for (qint64 r = 0; r < rows; ++r)
        for (qint64 c = 0; c < cols; ++c)
            if (columnMajor[static_cast<std::size_t>(r + c * rows)] != static_cast<float>(r * cols + c))
                QFAIL(qPrintable(QString("element (%1, %2) misplaced").arg(r).arg(c)));

    std::vector<float> back(count, -1.0f);
    copyColumnMajorToRowMajor(columnMajor.data(), rows, cols, back.data());
    QVERIFY(back == rowMajor);
}

QTEST_APPLESS_MAIN(TestLayoutCopy)
#include "tst_layout_copy.moc"
