// The heatmap's gradient: matplotlib's viridis stops, and lightness that only ever rises, which is
// what makes it perceptual (jet, for comparison, goes dark-light-dark).
#include "ui/plots/ColorGradients.h"

#include <QtTest>

#include <cmath>

namespace {

// CIE L* of an sRGB colour (D65).
double lightness(QColor color) {
    auto linear = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const double y =
        0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF());
    return y > 216.0 / 24389.0 ? 116.0 * std::cbrt(y) - 16.0 : y * 24389.0 / 27.0;
}

} // namespace

class TestColorGradients : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stopsAreViridis_data();
    void stopsAreViridis();
    void lightnessRisesMonotonically();
    void valuesOutsideTheRangeClamp();
    void divergingIsWhiteAtZeroAndSymmetric();
};

void TestColorGradients::stopsAreViridis_data() {
    QTest::addColumn<double>("position");
    QTest::addColumn<QColor>("expected");
    QTest::newRow("0") << 0.0 << QColor(0x44, 0x01, 0x54);
    QTest::newRow("1/9") << 1.0 / 9 << QColor(0x48, 0x28, 0x78);
    QTest::newRow("5/9") << 5.0 / 9 << QColor(0x1f, 0x9e, 0x89);
    QTest::newRow("1") << 1.0 << QColor(0xfd, 0xe7, 0x25);
}

void TestColorGradients::stopsAreViridis() {
    QFETCH(double, position);
    QFETCH(QColor, expected);
    const QColor got = attnlab::ui::viridisColor(position);
    // 256 levels: a stop can land up to half a level away, a channel step of at most ~1.
    QVERIFY2(std::abs(got.red() - expected.red()) <= 1 && std::abs(got.green() - expected.green()) <= 1 &&
                 std::abs(got.blue() - expected.blue()) <= 1,
             qPrintable(got.name() + " vs " + expected.name()));
}

void TestColorGradients::lightnessRisesMonotonically() {
    // Step by step L* never falls by more than 8-bit channel rounding can cause (about 0.1)...
    double previous = -1.0;
    for (int i = 0; i <= 255; ++i) {
        const double l = lightness(attnlab::ui::viridisColor(i / 255.0));
        QVERIFY2(l >= previous - 0.2,
                 qPrintable(QString("L* falls at %1: %2 < %3").arg(i / 255.0).arg(l).arg(previous)));
        previous = std::max(previous, l);
    }
    // ...and each ninth of the range adds about the same lightness (8.5 L* in viridis): uniform.
    for (int k = 0; k < 9; ++k) {
        const double rise = lightness(attnlab::ui::viridisColor((k + 1) / 9.0)) -
                            lightness(attnlab::ui::viridisColor(k / 9.0));
        QVERIFY2(rise > 7.0 && rise < 10.5, qPrintable(QString("ninth %1 rises %2").arg(k).arg(rise)));
    }
    QVERIFY(lightness(attnlab::ui::viridisColor(0.0)) < 20.0); // dark violet
    QVERIFY(lightness(attnlab::ui::viridisColor(1.0)) > 85.0); // bright yellow
}

void TestColorGradients::valuesOutsideTheRangeClamp() {
    QCOMPARE(attnlab::ui::viridisColor(-0.5), attnlab::ui::viridisColor(0.0));
    QCOMPARE(attnlab::ui::viridisColor(7.0), attnlab::ui::viridisColor(1.0));
}

// The diverging map for signed values: RdBu's blue and red at ∓limit, near white at 0, and a value
// and its negative equally light, so neither sign looks larger.
void TestColorGradients::divergingIsWhiteAtZeroAndSymmetric() {
    using attnlab::ui::divergingColor;
    QCOMPARE(divergingColor(-2.0, 2.0), QColor(0x21, 0x66, 0xac));
    QCOMPARE(divergingColor(2.0, 2.0), QColor(0xb2, 0x18, 0x2b));
    QCOMPARE(divergingColor(5.0, 2.0), QColor(0xb2, 0x18, 0x2b)); // clamped
    const QColor zero = divergingColor(0.0, 2.0);
    QVERIFY(zero.red() > 240 && zero.green() > 240 && zero.blue() > 240);
    for (double v : {0.25, 0.5, 1.0, 1.5}) {
        QVERIFY(lightness(divergingColor(v, 2.0)) < lightness(zero));
        QVERIFY2(std::abs(lightness(divergingColor(v, 2.0)) - lightness(divergingColor(-v, 2.0))) < 12,
                 qPrintable(QString("±%1").arg(v)));
        QVERIFY(divergingColor(v, 2.0).red() > divergingColor(v, 2.0).blue());
        QVERIFY(divergingColor(-v, 2.0).blue() > divergingColor(-v, 2.0).red());
    }
}

QTEST_APPLESS_MAIN(TestColorGradients)
#include "tst_color_gradients.moc"
