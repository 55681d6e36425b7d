// The compiler flags the project builds with produce correct code for the patterns a known
// GCC 12 + AVX-512 miscompile breaks: initializer lists that end in a run of zeros.
#include <QtTest>

#include <cstdint>
#include <vector>

class TestToolchain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initializerListsEndingInZeros();
};

namespace {
// Out of line, so the compiler cannot fold the values into the comparison.
template <class T> __attribute__((noinline)) std::vector<T> keep(std::vector<T> v) { return v; }
} // namespace

void TestToolchain::initializerListsEndingInZeros() {
    QCOMPARE(keep(std::vector<double>{0.5, 0.5, 0.0, 0.0}), (std::vector<double>{0.5, 0.5, 0.0, 0.0}));
    const std::vector<int> ints = keep(std::vector<int>{7, 7, 7, 7, 0, 0, 0, 0});
    QCOMPARE(ints[4], 0);
    QCOMPARE(ints[7], 0);
    const std::vector<std::int64_t> longs = keep(std::vector<std::int64_t>{7, 7, 0, 0});
    QCOMPARE(longs[2], std::int64_t(0));
    QCOMPARE(longs[3], std::int64_t(0));
}

QTEST_APPLESS_MAIN(TestToolchain)
#include "tst_toolchain.moc"
