// Help > Lessons: every page reads from the resources, and every "Set it up" leaves the window in
// the state its page describes (dataset, settings, ticked runs, tab in front).
#include "ui/MainWindow.h"
#include "ui/compare/CompareController.h"
#include "ui/compare/CompareWorkspace.h"
#include "ui/compare/RunPicker.h"
#include "ui/lessons/LessonsPanel.h"
#include "ui/panels/DatasetPanel.h"
#include "ui/panels/SettingsPanel.h"

#include <QtTest>

#include <QAction>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>

using namespace attnlab;
using namespace attnlab::ui;

class TestLessons : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyPageReads();
    void everySetUpLeavesTheWindowAsDescribed();
    void refusedWhileTraining();
};

void TestLessons::everyPageReads() {
    LessonsPanel panel;
    QCOMPARE(lessons().size(), size_t(5));
    for (int i = 0; i < 5; ++i) {
        panel.show(i);
        QCOMPARE(panel.current(), i);
        QVERIFY2(panel.pageText().contains(QStringLiteral("Set it up")),
                 qPrintable(panel.pageText().left(80)));
        QVERIFY(!panel.pageText().contains(QStringLiteral("missing")));
        QVERIFY(panel.pageText().size() > 600); // a real page, not a stub
    }
}

void TestLessons::everySetUpLeavesTheWindowAsDescribed() {
    MainWindow window;
    window.show();
    window.findChild<QAction*>("lessonsAction")->trigger(); // Help > Lessons
    LessonsPanel& panel = *window.lessonsPanel();
    QVERIFY(panel.isVisible());
    struct Expected {
        const char* dataset;
        QWidget* tab;
        std::vector<QString> ticked;
        int epochs;
        int hidden;
    };
    QWidget* compare = window.compare()->workspace();
    QWidget* mechanism = window.findChild<QScrollArea*>("mechanismScroll");
    QWidget* train = window.centralTabs()->widget(0);
    const std::vector<Expected> expected = {
        {"dates", train, {}, 15, 128},
        {"copy_long", compare, {"none", "additive", "location_aware"}, 7, 128}, // its recommended settings
        {"dates",
         compare,
         {"none", "dot", "scaled_dot", "general", "additive", "location", "location_aware"},
         15,
         128},
        {"reverse", train, {}, 8, 64},
        {"dates", mechanism, {}, 15, 128},
    };
    for (int i = 0; i < 5; ++i) {
        panel.show(i);
        QSignalSpy loaded(window.datasetPanel(), &DatasetPanel::datasetLoaded);
        panel.setUpButton()->click();
        const Expected& e = expected[static_cast<size_t>(i)];
        QTRY_VERIFY_WITH_TIMEOUT(
            window.datasetPanel()->dataset() && window.datasetPanel()->dataset()->name() == e.dataset, 20000);
        QTRY_COMPARE(window.centralTabs()->currentWidget(), e.tab);
        QCOMPARE(window.settingsPanel()->trainingSettings().epochs, e.epochs);
        QCOMPARE(window.settingsPanel()->modelConfig().hidden, e.hidden);
        if (!e.ticked.empty()) {
            std::vector<QString> names;
            for (const RunChoice& run : window.compare()->workspace()->picker()->checkedRuns())
                names.push_back(run.name);
            QCOMPARE(names, e.ticked);
        }
        const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
        if (i == 1 && !directory.isEmpty()) { // docs/screenshots/lessons.png: lesson 2, set up
            window.resize(1600, 1000);
            QTest::qWait(300);
            QVERIFY(window.grab().save(directory + "/lessons.png"));
        }
    }
    QCOMPARE(window.settingsPanel()->modelConfig().bidirectional, false); // copy_long's were taken back
}

void TestLessons::refusedWhileTraining() {
    MainWindow window;
    LessonsPanel& panel = *window.lessonsPanel();
    panel.show(3);
    panel.setUpButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        window.datasetPanel()->dataset() && window.datasetPanel()->dataset()->name() == "reverse", 20000);
    ModelConfig config;
    config.embedding = 8;
    config.hidden = 16;
    TrainingSettings settings;
    settings.epochs = 50;
    window.settingsPanel()->setFromModel(config, settings);
    window.findChild<QAction*>("trainAction")->trigger();
    QTRY_VERIFY(window.session()->isRunning());
    panel.show(0);
    panel.setUpButton()->click(); // dates would replace the data under the running model
    QTest::qWait(200);
    QCOMPARE(window.datasetPanel()->dataset()->name(), std::string("reverse"));
    window.findChild<QAction*>("stopAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 20000);
}

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
