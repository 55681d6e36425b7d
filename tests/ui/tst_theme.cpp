// View > Theme and font scaling: Dark gives a dark window and every plot follows (background,
// tick labels, grid), Light gives them back, the choice is remembered, System restores what the
// platform gave; exports stay light; a 1.5x application font reaches the plots' tick labels and
// the minimum sizes of the views that are measured in lines.
#include "ui/MainWindow.h"
#include "ui/mechanism/BeamTreeView.h"
#include "ui/mechanism/MechanismWorkspace.h"
#include "ui/mechanism/StepView.h"
#include "ui/plots/LengthHistogram.h"
#include "ui/plots/LossPlot.h"
#include "ui/plots/PlotTheme.h"
#include "ui/theme/AppTheme.h"
#include "ui/theme/ThemeMenu.h"
#include "ui/theme/ThemedTextColour.h"

#include <qcustomplot.h>

#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

class TestTheme : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void darkThemeReachesEveryPlot();
    void lightThemeRestoresThePlots();
    void theChoiceIsRemembered();
    void systemGivesThePlatformPaletteBack();
    void seriesColoursKeepTheirContrast();
    void exportsStayLightOnADarkTheme();
    void errorTextStaysReadable();
    void largerFontReachesPlotsAndViews();

private:
    QColor m_platformWindow;
    QFont m_platformFont;
};

namespace {

// The plot as drawn: the pixel just inside its top-left corner is its background.
QColor drawnBackground(QCustomPlot& plot) {
    const QImage image = plot.toPixmap(200, 150, 1.0).toImage();
    return image.pixelColor(2, 2);
}

QAction* themeAction(QMainWindow& window, const char* name) {
    return window.findChild<QAction*>(QStringLiteral("theme_") + QLatin1String(name));
}

// Qt hands a new application palette or font to the widgets from the event loop.
void settle() {
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

void choose(QMainWindow& window, const char* name) {
    themeAction(window, name)->trigger();
    settle();
}

} // namespace

void TestTheme::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // QSettings in a test location
    QSettings().clear();
    (void)AppTheme::instance(); // remembers the platform's style before any change
    m_platformWindow = QApplication::palette().color(QPalette::Window);
    m_platformFont = QApplication::font();
    QVERIFY(!PlotTheme::isDark(QApplication::palette())); // offscreen gives a light palette
}

void TestTheme::cleanup() {
    AppTheme::instance().set(Theme::System);
    QApplication::setFont(m_platformFont);
    settle();
    QSettings().clear();
}

void TestTheme::darkThemeReachesEveryPlot() {
    MainWindow window;
    window.show();
    const QList<QCustomPlot*> plots = window.findChildren<QCustomPlot*>();
    QVERIFY(plots.size() >= 8); // loss, heatmap, histogram, compare's three, mechanism's bars and maps
    QVERIFY(drawnBackground(*window.lossPlot()->plot()).lightness() > 240);

    QAction* dark = themeAction(window, "dark");
    QVERIFY(dark);
    dark->trigger();
    settle();
    QCOMPARE(AppTheme::instance().current(), Theme::Dark);
    QVERIFY(window.palette().color(QPalette::Window).lightness() < 70);
    QVERIFY(PlotTheme::isDark(window.palette()));
    for (QCustomPlot* plot : plots) {
        const QString name = plot->objectName() + QLatin1Char('/') + plot->parentWidget()->objectName();
        QVERIFY2(drawnBackground(*plot).lightness() < 60, qPrintable(name));
        for (QCPAxis* axis : plot->findChildren<QCPAxis*>()) {
            QVERIFY2(axis->tickLabelColor().lightness() > 200, qPrintable(name));
            QVERIFY2(axis->labelColor().lightness() > 200, qPrintable(name));
            if (axis->basePen().style() != Qt::NoPen)
                QVERIFY2(axis->basePen().color().lightness() > 150, qPrintable(name));
        }
        for (QCPLegend* legend : plot->findChildren<QCPLegend*>())
            QVERIFY2(legend->textColor().lightness() > 200, qPrintable(name));
        for (QCPTextElement* title : plot->findChildren<QCPTextElement*>())
            QVERIFY2(title->textColor().lightness() > 200, qPrintable(name));
        for (QCPGrid* grid : plot->findChildren<QCPGrid*>()) {
            const int line = grid->pen().color().lightness();
            QVERIFY2(line > 60 && line < 160, qPrintable(name)); // seen, but quieter than the text
        }
    }
    // A tick label on the loss plot as drawn: somewhere left of the loss panel, light pixels.
    QCustomPlot* loss = window.lossPlot()->plot();
    loss->resize(600, 400);
    loss->replot();
    const QImage image = loss->toPixmap(600, 400, 1.0).toImage();
    const QRect panel = loss->axisRect()->rect();
    int lightest = 0;
    for (int x = 0; x < panel.left() - 2; ++x)
        for (int y = panel.top(); y < panel.bottom(); ++y)
            lightest = std::max(lightest, image.pixelColor(x, y).lightness());
    QVERIFY2(lightest > 180, qPrintable(QString::number(lightest)));

    // Painted views take the palette too: the beam explorer's background.
    auto* beam = window.findChild<BeamTreeView*>();
    QVERIFY(beam);
    QVERIFY(beam->palette().color(beam->backgroundRole()).lightness() < 60);
}

void TestTheme::lightThemeRestoresThePlots() {
    MainWindow window;
    window.show();
    choose(window, "dark");
    QVERIFY(drawnBackground(*window.lossPlot()->plot()).lightness() < 60);
    choose(window, "light");
    QCOMPARE(AppTheme::instance().current(), Theme::Light);
    QVERIFY(window.palette().color(QPalette::Window).lightness() > 200);
    for (QCustomPlot* plot : window.findChildren<QCustomPlot*>()) {
        QVERIFY(drawnBackground(*plot).lightness() > 240);
        for (QCPAxis* axis : plot->findChildren<QCPAxis*>()) QVERIFY(axis->tickLabelColor().lightness() < 60);
    }
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
}

void TestTheme::theChoiceIsRemembered() {
    {
        MainWindow window;
        choose(window, "dark");
        QCOMPARE(QSettings().value("view/theme").toString(), QStringLiteral("dark"));
    }
    AppTheme::instance().set(Theme::System); // as a new session starts
    settle();
    QVERIFY(!PlotTheme::isDark(QApplication::palette()));
    MainWindow next; // its View menu applies the remembered choice
    settle();
    QCOMPARE(AppTheme::instance().current(), Theme::Dark);
    QVERIFY(themeAction(next, "dark")->isChecked());
    QVERIFY(!themeAction(next, "system")->isChecked());
    QVERIFY(drawnBackground(*next.lossPlot()->plot()).lightness() < 60);
}

void TestTheme::systemGivesThePlatformPaletteBack() {
    MainWindow window;
    choose(window, "dark");
    QVERIFY(QApplication::palette().color(QPalette::Window) != m_platformWindow);
    choose(window, "system");
    QCOMPARE(AppTheme::instance().current(), Theme::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_platformWindow);
    QCOMPARE(window.palette().color(QPalette::Window), m_platformWindow);
    QVERIFY(drawnBackground(*window.lossPlot()->plot()).lightness() > 240);
    QCOMPARE(QSettings().value("view/theme").toString(), QStringLiteral("system"));
}

void TestTheme::seriesColoursKeepTheirContrast() {
    const QPalette dark = AppTheme::darkPalette(), light = AppTheme::lightPalette();
    // Okabe–Ito black would vanish on dark: it is lightened to 3:1; on light it stays black.
    const QColor black(0, 0, 0);
    QVERIFY(PlotTheme::contrast(black, PlotTheme::background(dark)) < 2.0);
    QVERIFY(PlotTheme::contrast(PlotTheme::seriesColour(black, dark), PlotTheme::background(dark)) >= 3.0);
    QCOMPARE(PlotTheme::seriesColour(black, light), black);
    // The orange already stands out on dark: unchanged; on light nothing changes, ever.
    const QColor orange(255, 127, 14);
    QCOMPARE(PlotTheme::seriesColour(orange, dark), orange);
    const QColor yellow(0xF0, 0xE4, 0x42);
    QCOMPARE(PlotTheme::seriesColour(yellow, light), yellow);
    QVERIFY(std::abs(PlotTheme::contrast(Qt::white, Qt::black) - 21.0) < 1e-6);
    // The loss plot's blue on a dark theme: readable.
    MainWindow window;
    choose(window, "dark");
    const QColor smoothed = window.lossPlot()->graph(LossSeries::SmoothedTrainingLoss)->pen().color();
    QVERIFY(PlotTheme::contrast(smoothed, PlotTheme::background(dark)) >= 3.0);
    QCOMPARE(smoothed.hue(), QColor(31, 119, 180).hue()); // still the same blue, only lighter
}

void TestTheme::exportsStayLightOnADarkTheme() {
    MainWindow window;
    window.show();
    choose(window, "dark");
    QTemporaryDir dir;
    const QString path = dir.filePath("loss.png");
    QString error;
    QVERIFY2(window.lossPlot()->exportImage(path, &error), qPrintable(error));
    const QImage exported(path);
    QVERIFY(!exported.isNull());
    QVERIFY(exported.pixelColor(2, 2).lightness() > 240);
    // ... and the plot on screen is dark again afterwards.
    QVERIFY(drawnBackground(*window.lossPlot()->plot()).lightness() < 60);
    QVERIFY(window.lossPlot()->plot()->xAxis->tickLabelColor().lightness() > 200);
}

void TestTheme::errorTextStaysReadable() {
    QWidget window;
    auto* label = new QLabel(QStringLiteral("line 3: no tab"), &window);
    const QColor red(0xb0, 0x00, 0x20);
    keepTextColour(*label, red);
    QCOMPARE(label->palette().color(QPalette::WindowText), red); // already readable on light
    AppTheme::instance().set(Theme::Dark);
    settle();
    const QColor onDark = label->palette().color(QPalette::WindowText);
    QVERIFY(PlotTheme::contrast(onDark, label->palette().color(QPalette::Window)) >= 4.5);
    QVERIFY(onDark.red() > onDark.green() + 60);                        // still a red
    QVERIFY(label->palette().color(QPalette::Window).lightness() < 70); // the rest follows the theme
    AppTheme::instance().set(Theme::Light);
    settle();
    QCOMPARE(label->palette().color(QPalette::WindowText), red);
    clearTextColour(*label);
    QCOMPARE(label->palette().color(QPalette::WindowText),
             QApplication::palette().color(QPalette::WindowText));
}

void TestTheme::largerFontReachesPlotsAndViews() {
    MainWindow window;
    window.show();
    QCustomPlot* loss = window.lossPlot()->plot();
    auto* histogram = window.findChild<LengthHistogram*>();
    QVERIFY(histogram);
    auto* beam = window.findChild<BeamTreeView*>();
    StepView& step = window.mechanism()->stepView();
    const int tickPixels = QFontInfo(loss->xAxis->tickLabelFont()).pixelSize();
    const int legendPixels = QFontInfo(loss->legend->font()).pixelSize();
    const int histogramHeight = histogram->findChild<QCustomPlot*>()->minimumHeight();
    const int beamRow = beam->rowHeight();
    QCustomPlot* compareLoss = window.findChild<QWidget*>("compareLossPlot")->findChild<QCustomPlot*>();
    const QSize compareMinimum = compareLoss->minimumSize();
    int stepHeights = 0;
    for (QWidget* child : step.findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
        stepHeights += child->minimumHeight();
    QVERIFY(tickPixels >= 10);

    const QFont larger = PlotTheme::scaledFont(m_platformFont, 1.5);
    QApplication::setFont(larger);
    settle();
    const double ratio = double(QFontInfo(larger).pixelSize()) / QFontInfo(m_platformFont).pixelSize();
    QVERIFY(ratio > 1.35);
    auto near = [ratio](int before, int after) {
        return std::abs(after - before * ratio) <= 1.0 + 0.1 * before;
    };
    const int tickAfter = QFontInfo(loss->xAxis->tickLabelFont()).pixelSize();
    QVERIFY2(near(tickPixels, tickAfter),
             qPrintable(QStringLiteral("%1 -> %2").arg(tickPixels).arg(tickAfter)));
    QVERIFY(near(legendPixels, QFontInfo(loss->legend->font()).pixelSize())); // still 0.9x the font
    QVERIFY(QFontInfo(loss->legend->font()).pixelSize() < tickAfter);
    QVERIFY(histogram->findChild<QCustomPlot*>()->minimumHeight() > histogramHeight * 1.3);
    QVERIFY(beam->rowHeight() > beamRow);
    QVERIFY(compareLoss->minimumHeight() > compareMinimum.height() * 1.3);
    QVERIFY(compareLoss->minimumWidth() > compareMinimum.width() * 1.2);
    int stepHeightsAfter = 0;
    for (QWidget* child : step.findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
        stepHeightsAfter += child->minimumHeight();
    QVERIFY(stepHeightsAfter > stepHeights * 1.3);
    // Every plot's tick labels grew with the font.
    for (QCustomPlot* plot : window.findChildren<QCustomPlot*>())
        QVERIFY2(QFontInfo(plot->yAxis->tickLabelFont()).pixelSize() >= tickAfter * 0.85,
                 qPrintable(plot->objectName()));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
