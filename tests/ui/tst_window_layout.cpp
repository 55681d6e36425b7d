// The window on the screens a teacher meets (issue 17): a 1280 x 720 projector and a 1024 x 768
// laptop. Every dock is there, nothing lies outside the window, the window asks for no more than
// the screen, and neither training nor decoding a very long sentence makes it ask for more. Also
// the status bar's separator and where a failed dataset load is shown.
#include "ui/MainWindow.h"
#include "ui/panels/DatasetPanel.h"
#include "ui/panels/ElidedLabel.h"
#include "ui/panels/InspectPanel.h"
#include "ui/panels/SettingsPanel.h"
#include "ui/panels/TrainingControls.h"

#include <QAbstractScrollArea>
#include <QDockWidget>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

class TestWindowLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fitsTheScreen_data();
    void fitsTheScreen();
    void staysInsideAfterTrainingAndALongSentence();
    void statusBarSeparatesItsParts();
    void badFileIsShownWhereTheUserLooks();
    void badShippedNameRaisesTheDatasetTab();

private:
    static void screenshot(QWidget& window, const QString& name);
};

namespace {
const QStringList kDocks = {"datasetDock", "settingsDock", "pinnedDock"};

bool loadShipped(MainWindow& window, const QString& name) {
    QSignalSpy loaded(window.datasetPanel(), &DatasetPanel::datasetLoaded);
    window.openDataset(name);
    return loaded.wait(20000);
}

QDockWidget* dock(MainWindow& window, const QString& name) {
    return window.findChild<QDockWidget*>(name);
}

// Inside a scroll area's viewport a widget may lie outside: it is scrolled, not clipped.
bool scrolls(const QWidget* widget, const QWidget* window) {
    for (const QWidget* w = widget->parentWidget(); w && w != window; w = w->parentWidget())
        if (auto* area = qobject_cast<const QAbstractScrollArea*>(w->parentWidget()))
            if (area->viewport() == w) return true;
    return false;
}

// A dock behind another one's tab stays "visible" but is parked outside the window: it is in front
// when it lies in the window.
bool inFront(const QDockWidget* dock) {
    return dock->isVisible() && dock->parentWidget()->rect().intersects(dock->geometry());
}

bool behindATab(const QWidget* widget) {
    for (const QWidget* w = widget; w; w = w->parentWidget())
        if (auto* d = qobject_cast<const QDockWidget*>(w)) return !inFront(d);
    return false;
}

// Every visible widget of the window, as "name (class) at x,y wxh", that is not wholly inside it.
QStringList outside(MainWindow& window) {
    QStringList problems;
    const QRect inside = window.rect();
    for (QWidget* widget : window.findChildren<QWidget*>()) {
        if (widget->isWindow() || !widget->isVisible() || widget->size().isEmpty()) continue;
        if (scrolls(widget, &window) || behindATab(widget)) continue;
        // A scroll area that never scrolls sideways clips what is wider than its viewport.
        if (auto* area = qobject_cast<QScrollArea*>(widget))
            if (area->horizontalScrollBarPolicy() == Qt::ScrollBarAlwaysOff && area->widget() &&
                area->widget()->width() > area->viewport()->width())
                problems << QStringLiteral("%1 is %2 wide in a %3-pixel scroll area")
                                .arg(area->widget()->metaObject()->className())
                                .arg(area->widget()->width())
                                .arg(area->viewport()->width());
        const QRect r(widget->mapTo(&window, QPoint(0, 0)), widget->size());
        if (!inside.contains(r))
            problems << QStringLiteral("%1 (%2) at %3,%4 %5x%6")
                            .arg(widget->objectName(), widget->metaObject()->className())
                            .arg(r.x())
                            .arg(r.y())
                            .arg(r.width())
                            .arg(r.height());
    }
    return problems;
}

void checkDocks(MainWindow& window) {
    for (const QString& name : kDocks) {
        QDockWidget* d = dock(window, name);
        QVERIFY2(d, qPrintable(name));
        QVERIFY2(!d->isFloating(), qPrintable(name));
        QVERIFY2(d->toggleViewAction()->isChecked(), qPrintable(name)); // open, maybe behind a tab
    }
    // Dataset and Model share one place as tabs; Dataset is in front, the pinned pairs beside.
    QVERIFY(window.tabifiedDockWidgets(dock(window, "datasetDock")).contains(dock(window, "settingsDock")));
    QVERIFY(inFront(dock(window, "datasetDock")));
    QVERIFY(!inFront(dock(window, "settingsDock")));
    QVERIFY(inFront(dock(window, "pinnedDock")));
}
} // namespace

void TestWindowLayout::initTestCase() {
    QCoreApplication::setOrganizationName("AttnLabLayoutTest"); // no saved layout of the user's
}

void TestWindowLayout::screenshot(QWidget& window, const QString& name) {
    const QString dir = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) QVERIFY(window.grab().save(dir + QLatin1Char('/') + name));
}

void TestWindowLayout::fitsTheScreen_data() {
    QTest::addColumn<QSize>("screen");
    QTest::newRow("projector 1280x720") << QSize(1280, 720);
    QTest::newRow("laptop 1024x768") << QSize(1024, 768);
}

void TestWindowLayout::fitsTheScreen() {
    QFETCH(QSize, screen);
    MainWindow window;
    window.resize(screen);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(loadShipped(window, "dates"));
    QTest::qWait(50);
    const QSize minimum = window.minimumSizeHint();
    QVERIFY2(minimum.width() <= screen.width() && minimum.height() <= screen.height(),
             qPrintable(QStringLiteral("minimum %1x%2").arg(minimum.width()).arg(minimum.height())));
    QCOMPARE(window.size(), screen);
    checkDocks(window);
    const QStringList problems = outside(window);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));

    // The centre column (loss plot over the inspect panel and its heatmap) gets the most room.
    QWidget* centre = window.centralWidget();
    QVERIFY2(centre->width() >= screen.width() * 2 / 5, qPrintable(QString::number(centre->width())));
    for (const QString& name : kDocks) {
        if (!inFront(dock(window, name))) continue;
        QVERIFY2(dock(window, name)->width() < centre->width(), qPrintable(name));
    }
    QVERIFY(window.inspectPanel()->height() >= screen.height() / 3);
    screenshot(window, QStringLiteral("window-%1x%2.png").arg(screen.width()).arg(screen.height()));

    // The Model tab shows all of its fields by scrolling, inside the window too.
    dock(window, "settingsDock")->raise();
    QTest::qWait(20);
    QVERIFY(inFront(dock(window, "settingsDock")));
    QVERIFY(!inFront(dock(window, "datasetDock")));
    const QStringList settingsProblems = outside(window);
    QVERIFY2(settingsProblems.isEmpty(), qPrintable(settingsProblems.join("\n")));
    screenshot(window, QStringLiteral("window-%1x%2-model-tab.png").arg(screen.width()).arg(screen.height()));
}

void TestWindowLayout::staysInsideAfterTrainingAndALongSentence() {
    const QSize screen(1024, 768);
    MainWindow window;
    window.resize(screen);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(loadShipped(window, "dates"));
    ModelConfig config;
    config.embedding = 16;
    config.hidden = 32;
    TrainingSettings settings;
    settings.maxSteps = 30;
    settings.batchSize = 32;
    window.settingsPanel()->setFromModel(config, settings);
    QSignalSpy finished(window.session(), &TrainingSession::finished);
    window.trainingControls()->trainAction()->trigger();
    QVERIFY(finished.wait(120000));
    QVERIFY(window.session()->inferenceModel().ready());

    // An untrained model babbles up to its length limit on a long sentence: a very long output.
    auto* edit = window.inspectPanel()->findChild<QLineEdit*>("sentenceEdit");
    edit->clear();
    QTest::keyClicks(edit, QString("saturday, march 3 2015 and ").repeated(8));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(window.inspectPanel()->lastDecoding().ok() && !window.inspectPanel()->outputText().isEmpty());
    window.trainingControls()->showMessage(
        QString("a long message that must not widen the toolbar ").repeated(6));
    QTest::qWait(50);

    const QSize minimum = window.minimumSizeHint();
    QVERIFY2(minimum.width() <= screen.width() && minimum.height() <= screen.height(),
             qPrintable(QStringLiteral("minimum %1x%2").arg(minimum.width()).arg(minimum.height())));
    QCOMPARE(window.size(), screen);
    checkDocks(window);
    const QStringList problems = outside(window);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));
    auto* output = window.inspectPanel()->findChild<ElidedLabel*>("outputLabel");
    QCOMPARE(output->fullText(), "Output: " + window.inspectPanel()->outputText());
    if (output->fontMetrics().horizontalAdvance(output->fullText()) > output->width())
        QVERIFY(output->isElided());
    screenshot(window, QStringLiteral("window-1024x768-trained-long-sentence.png"));
}

void TestWindowLayout::statusBarSeparatesItsParts() {
    MainWindow window;
    window.resize(1024, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(loadShipped(window, "dates"));
    QTest::qWait(20);
    auto* dataset = window.statusBar()->findChild<ElidedLabel*>("datasetStatus");
    auto* model = window.statusBar()->findChild<ElidedLabel*>("modelStatus");
    auto* separator = window.statusBar()->findChild<QFrame*>("statusSeparator");
    QVERIFY(dataset && model && separator);
    QCOMPARE(dataset->fullText(), QString::fromUtf8("dates · 6000 pairs"));
    QCOMPARE(dataset->text(), dataset->fullText()); // room enough at 1024: not elided
    QVERIFY(separator->isVisible());
    // "dates · 6000 pairs | No model": the separator stands between the two, none overlapping.
    QVERIFY(dataset->geometry().right() < separator->geometry().left());
    QVERIFY(separator->geometry().right() < model->geometry().left());
}

void TestWindowLayout::badFileIsShownWhereTheUserLooks() {
    MainWindow window;
    window.resize(1024, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(loadShipped(window, "sort"));
    dock(window, "settingsDock")->raise(); // the user is on the Model tab
    QTest::qWait(20);
    QVERIFY(!inFront(dock(window, "datasetDock")));

    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.tsv");
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("ok\tfine\nno tab on this line\n");
    file.close();
    QSignalSpy failed(window.datasetPanel(), &DatasetPanel::loadFailed);
    window.openDataset(bad);
    QVERIFY(failed.wait(10000));

    // The Dataset tab comes to the front with its error, and a box names the file; nothing blocks.
    QVERIFY(inFront(dock(window, "datasetDock")));
    QVERIFY(!inFront(dock(window, "settingsDock")));
    QVERIFY(window.datasetPanel()->errorShown());
    QCOMPARE(window.datasetPanel()->lastFailedFile(), QFileInfo(bad).absoluteFilePath());
    auto* box = window.findChild<QMessageBox*>("datasetErrorBox");
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains("bad.tsv"));
    QVERIFY2(box->informativeText().contains("bad.tsv:2"), qPrintable(box->informativeText()));
    screenshot(window, QStringLiteral("window-bad-file.png"));

    // A second failure reuses the box; a later good load closes it and clears the error.
    window.openDataset(bad);
    QVERIFY(failed.wait(10000));
    QCOMPARE(window.findChildren<QMessageBox*>("datasetErrorBox").size(), 1);
    QVERIFY(loadShipped(window, "reverse"));
    QVERIFY(!window.datasetPanel()->errorShown());
    QVERIFY(window.datasetPanel()->lastFailedFile().isEmpty());
    QTRY_VERIFY(window.findChild<QMessageBox*>("datasetErrorBox") == nullptr); // closed and deleted
}

void TestWindowLayout::badShippedNameRaisesTheDatasetTab() {
    MainWindow window;
    window.resize(1024, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dock(window, "settingsDock")->raise();
    QTest::qWait(20);
    QVERIFY(inFront(dock(window, "settingsDock")));
    QSignalSpy failed(window.datasetPanel(), &DatasetPanel::loadFailed);
    window.datasetPanel()->loadShipped("no-such-dataset");
    QCOMPARE(failed.count(), 1);
    QVERIFY(!inFront(dock(window, "settingsDock")));
    QVERIFY(inFront(dock(window, "datasetDock")));
    QVERIFY(window.datasetPanel()->errorShown());
    // Not a file the user chose: the tab says it, no box.
    QVERIFY(window.findChild<QMessageBox*>("datasetErrorBox") == nullptr);
}

QTEST_MAIN(TestWindowLayout)
#include "tst_window_layout.moc"
