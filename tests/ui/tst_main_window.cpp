// The whole window as a user drives it: open a shipped dataset, train through the window's own
// Train action, watch progress reach the plot and the controls, type a sentence, see its
// alignment, save the model, and stop a long run from the Stop action.
#include "ui/AlignmentHeatmap.h"
#include "ui/DatasetPanel.h"
#include "ui/InspectPanel.h"
#include "ui/LossPlot.h"
#include "ui/MainWindow.h"
#include "ui/SettingsPanel.h"
#include "ui/TrainingControls.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainThroughTheWindow();
    void stopALongRun();
    void badDatasetKeepsThePreviousOne();
    void screenshotOfATrainedSession();
};

namespace {
void useSmallModel(MainWindow& window, long long maxSteps) {
    ModelConfig config;
    config.embedding = 16;
    config.hidden = 32;
    TrainingSettings settings;
    settings.maxSteps = maxSteps;
    settings.batchSize = 32;
    settings.learningRate = 0.01;
    window.settingsPanel()->setFromModel(config, settings);
}

bool loadShipped(MainWindow& window, const QString& name) {
    QSignalSpy loaded(window.datasetPanel(), &DatasetPanel::datasetLoaded);
    window.openDataset(name);
    return loaded.wait(20000);
}
} // namespace

void TestMainWindow::initTestCase() {
    QCoreApplication::setOrganizationName("AttnLabTest"); // keep the user's window layout out of it
}

void TestMainWindow::trainThroughTheWindow() {
    MainWindow window;
    window.show();
    QVERIFY(loadShipped(window, "reverse"));
    QVERIFY(window.session()->dataset() != nullptr);
    QVERIFY(window.trainingControls()->trainAction()->isEnabled());
    useSmallModel(window, 150);

    QSignalSpy finished(window.session(), &TrainingSession::finished);
    window.trainingControls()->trainAction()->trigger();
    QCOMPARE(window.session()->state(), TrainingSession::State::Running);
    QVERIFY(finished.wait(120000));
    const auto result = finished.first().at(0).value<TrainingResult>();
    QCOMPARE(result.outcome, TrainingOutcome::Completed);
    QCOMPARE(result.steps, 150LL);
    QCOMPARE(window.session()->state(), TrainingSession::State::Finished);
    QCOMPARE(window.lossPlot()->pointCount(LossSeries::TrainingLoss), 150);
    QVERIFY(window.lossPlot()->pointCount(LossSeries::ValidationLoss) >= 1);
    QVERIFY(window.session()->inferenceModel().ready());

    // Type a sentence and press Enter: an output and its heatmap appear.
    auto* edit = window.inspectPanel()->findChild<QLineEdit*>("sentenceEdit");
    QVERIFY(edit != nullptr);
    edit->clear();
    QTest::keyClicks(edit, "abcd");
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(!window.inspectPanel()->outputText().isEmpty());
    const AlignmentHeatmap* heatmap = window.inspectPanel()->heatmap();
    QCOMPARE(heatmap->sourceCount(), 4);
    QVERIFY(heatmap->outputCount() >= 1);
    double rowSum = 0;
    for (int s = 0; s < heatmap->sourceCount(); ++s) rowSum += heatmap->cellValue(0, s);
    QVERIFY(std::abs(rowSum - 1.0) < 1e-4);

    // The trained model saves to a file that loads back.
    QTemporaryDir dir;
    QString problem;
    const QString path = dir.filePath("window.safetensors");
    QVERIFY2(window.session()->saveModel(path, &problem), qPrintable(problem));
    QVERIFY(loadModel(path.toStdString()).model != nullptr);
}

void TestMainWindow::stopALongRun() {
    MainWindow window;
    window.show();
    QVERIFY(loadShipped(window, "reverse"));
    useSmallModel(window, 1000000);
    QSignalSpy progressed(window.session(), &TrainingSession::progressed);
    QSignalSpy finished(window.session(), &TrainingSession::finished);
    window.trainingControls()->trainAction()->trigger();
    QVERIFY(progressed.wait(30000));
    window.trainingControls()->stopAction()->trigger();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).value<TrainingResult>().outcome, TrainingOutcome::Stopped);
    // Usable afterwards: train again from where it stopped.
    QVERIFY(window.trainingControls()->trainAction()->isEnabled());
}

void TestMainWindow::badDatasetKeepsThePreviousOne() {
    MainWindow window;
    QVERIFY(loadShipped(window, "sort"));
    const auto before = window.session()->dataset();
    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.tsv");
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("ok\tfine\nno tab on this line\n");
    file.close();
    QSignalSpy failed(window.datasetPanel(), &DatasetPanel::loadFailed);
    window.openDataset(bad);
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.first().at(0).toString().contains("bad.tsv:2"),
             qPrintable(failed.first().at(0).toString()));
    QCOMPARE(window.session()->dataset(), before);
}

// Not a check: with ATTNLAB_SCREENSHOT_DIR set, trains the reference model on dates through the
// window, types a date and saves what a user sees (docs/screenshots/main-window.png).
void TestMainWindow::screenshotOfATrainedSession() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshot");
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(loadShipped(window, "dates"));
    TrainingSettings settings;
    settings.epochs = 4;
    window.settingsPanel()->setFromModel(ModelConfig{}, settings);
    QSignalSpy finished(window.session(), &TrainingSession::finished);
    window.trainingControls()->trainAction()->trigger();
    QVERIFY(finished.wait(600000));
    auto* edit = window.inspectPanel()->findChild<QLineEdit*>("sentenceEdit");
    edit->clear();
    QTest::keyClicks(edit, "saturday, march 3 2015");
    QTest::keyClick(edit, Qt::Key_Return);
    window.inspectPanel()->heatmap()->highlightRow(6);
    QTest::qWait(300);
    qInfo("output: %s", qPrintable(window.inspectPanel()->outputText()));
    QVERIFY(window.grab().save(directory + "/main-window.png"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
