// View > Heatmap Colours: the three colour maps, every heatmap following a change at once, and
// the choice remembered between sessions.
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/HeatmapColoursMenu.h"

#include <qcustomplot.h>

#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

class TestHeatmapColours : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void colourMapsRunDarkToLight();
    void everyHeatmapFollowsTheChoice();
    void theMenuRemembersTheChoice();
};

namespace {
QColor mapColour(AlignmentHeatmap& heatmap, double value) {
    auto* map = qobject_cast<QCPColorMap*>(heatmap.plot()->plottable(0));
    QCPColorGradient gradient = map->gradient();
    return QColor::fromRgb(gradient.color(value, QCPRange(0, 1)));
}
} // namespace

void TestHeatmapColours::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // QSettings in a test location
    QSettings().clear();
}

void TestHeatmapColours::colourMapsRunDarkToLight() {
    for (HeatmapColours colours :
         {HeatmapColours::Viridis, HeatmapColours::Cividis, HeatmapColours::Greyscale}) {
        double last = -1;
        for (double v = 0; v <= 1.0001; v += 0.125) {
            const QColor c = heatmapColor(colours, v);
            const double lightness = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF(); // luma
            QVERIFY2(lightness > last,
                     qPrintable(heatmapColoursName(colours))); // a weight of 0.6 reads as more than 0.5
            last = lightness;
        }
    }
    QCOMPARE(heatmapColor(HeatmapColours::Cividis, 0.0), QColor(0x00, 0x22, 0x4e));
    QCOMPARE(heatmapColor(HeatmapColours::Greyscale, 1.0), QColor(Qt::white));
    QCOMPARE(heatmapColor(HeatmapColours::Viridis, 1.0), viridisColor(1.0));
}

void TestHeatmapColours::everyHeatmapFollowsTheChoice() {
    AlignmentHeatmap first, second;
    second.setCompact();
    HeatmapColourChoice::instance().set(HeatmapColours::Greyscale);
    for (AlignmentHeatmap* heatmap : {&first, &second}) {
        const QColor middle = mapColour(*heatmap, 0.5);
        QCOMPARE(middle.red(), middle.green());
        QCOMPARE(middle.green(), middle.blue());
    }
    AlignmentHeatmap later; // made after the change: greyscale too
    QCOMPARE(mapColour(later, 1.0), QColor(Qt::white));
    HeatmapColourChoice::instance().set(HeatmapColours::Viridis);
    QCOMPARE(mapColour(first, 1.0), viridisColor(1.0));
}

void TestHeatmapColours::theMenuRemembersTheChoice() {
    {
        QMenu view;
        addHeatmapColoursMenu(view);
        auto* cividis = view.findChild<QAction*>("heatmapColours_cividis");
        QVERIFY(cividis && !cividis->isChecked());
        cividis->trigger();
        QCOMPARE(HeatmapColourChoice::instance().current(), HeatmapColours::Cividis);
    }
    HeatmapColourChoice::instance().set(HeatmapColours::Viridis); // as a new session starts
    QMenu view;
    addHeatmapColoursMenu(view); // the next session's menu
    QCOMPARE(HeatmapColourChoice::instance().current(), HeatmapColours::Cividis);
    QVERIFY(view.findChild<QAction*>("heatmapColours_cividis")->isChecked());
    QVERIFY(!view.findChild<QAction*>("heatmapColours_viridis")->isChecked());
}

QTEST_MAIN(TestHeatmapColours)
#include "tst_heatmap_colours.moc"
