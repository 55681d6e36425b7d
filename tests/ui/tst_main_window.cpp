// The whole window as a user drives it: open a shipped dataset, train through the window's own
// Train action, watch progress reach the plot and the controls, type a sentence, see its
// alignment, save the model, and stop a long run from the Stop action.
#include "ui/MainWindow.h"
#include "ui/mechanism/MechanismWorkspace.h"
#include "ui/mechanism/StepView.h"
#include "ui/panels/DatasetPanel.h"
#include "ui/panels/HealthHintsPanel.h"
#include "ui/panels/InspectPanel.h"
#include "ui/panels/SettingsPanel.h"
#include "ui/panels/TrainingControls.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/LossPlot.h"
#include "ui/plots/PlotTheme.h"
#include "ui/theme/AppTheme.h"

#include <QLineEdit>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTabWidget>
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
    void newDatasetAsksAndStartsANewModel();
    void continuedRunContinuesTheAxes();
    void resetGreysTheCurvesAtOnce();
    void hugeLearningRateWarns();
    void editedFileWithOtherTokensWarns();
    void cliModelFitsItsOwnFile();
    void healthHintShowsUnderTheCurves();
    void screenshotOfATrainedSession();
    void screenshotsOfTheMechanism();
    void screenshotOfTheDarkTheme();
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

// Triggers Train and waits for the run's end.
TrainingResult trainToTheEnd(MainWindow& window) {
    QSignalSpy finished(window.session(), &TrainingSession::finished);
    window.trainingControls()->trainAction()->trigger();
    if (!finished.wait(120000)) {
        TrainingResult failed;
        failed.outcome = TrainingOutcome::Failed;
        failed.message = "no finish within 120 s";
        return failed;
    }
    return finished.first().at(0).value<TrainingResult>();
}

bool vocabularyHas(const Vocabulary& vocabulary, const std::string& token) {
    return vocabulary.id(token) != UnknownId;
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

// Issue 17, item 1: a sort model continued on reverse read every letter as <unk> and reported
// exact match 1.0. Now Train asks, and a yes starts a new model with reverse's own vocabularies.
void TestMainWindow::newDatasetAsksAndStartsANewModel() {
    MainWindow window;
    QStringList questions;
    bool answer = false;
    window.setConfirmation([&](const QString& title, const QString&) {
        questions << title;
        return answer;
    });
    QVERIFY(loadShipped(window, "sort"));
    useSmallModel(window, 40);
    QCOMPARE(trainToTheEnd(window).steps, 40LL);
    QCOMPARE(window.session()->modelDataset(), QString("sort"));
    QVERIFY(loadShipped(window, "reverse"));
    QVERIFY(!window.session()->modelFitsDataset());

    // No: nothing trains, the sort model stays.
    window.trainingControls()->trainAction()->trigger();
    QCOMPARE(questions, QStringList{"New Model for reverse"});
    QCOMPARE(window.session()->state(), TrainingSession::State::Finished);
    QCOMPARE(window.session()->modelDataset(), QString("sort"));

    // Yes: a new model on reverse, and the sort curves leave the plot.
    answer = true;
    const TrainingResult result = trainToTheEnd(window);
    QCOMPARE(questions.size(), 2);
    QCOMPARE(result.steps, 40LL);
    QCOMPARE(window.session()->modelDataset(), QString("reverse"));
    QVERIFY(vocabularyHas(window.session()->bundle()->targetVocabulary, "q"));
    QVERIFY(window.lossPlot()->previousRunLabels().isEmpty());
    QCOMPARE(window.lossPlot()->pointCount(LossSeries::TrainingLoss), 40);
    QVERIFY(result.validation.exactMatch < 0.5); // 40 steps learn no reversal: no <unk> success
}

// Issue 17, item 2: Train on a trained model continues it, and its steps and epochs count on.
void TestMainWindow::continuedRunContinuesTheAxes() {
    MainWindow window;
    QVERIFY(loadShipped(window, "reverse"));
    useSmallModel(window, 30);
    QSignalSpy epochs(window.session(), &TrainingSession::epochFinished);
    QCOMPARE(trainToTheEnd(window).steps, 30LL);
    QCOMPARE(window.session()->stepsTrained(), 30LL);
    QSignalSpy finished(window.session(), &TrainingSession::finished);
    window.trainingControls()->trainAction()->trigger();
    QVERIFY2(window.trainingControls()->message().contains("count on from step 30"),
             qPrintable(window.trainingControls()->message()));
    QVERIFY(finished.wait(120000));
    QCOMPARE(window.session()->stepsTrained(), 60LL);

    const auto& points = window.lossPlot()->history().current().trainingLoss;
    QCOMPARE(static_cast<int>(points.size()), 60);
    for (int i = 0; i < 60; ++i) QCOMPARE(points[i].step, i + 1); // no zigzag back to step 1
    QCOMPARE(epochs.size(), 2);
    const auto first = epochs.at(0).at(0).value<EpochReport>();
    const auto second = epochs.at(1).at(0).value<EpochReport>();
    QCOMPARE(first.step, 30LL);
    QCOMPARE(second.step, 60LL);
    QVERIFY(second.epoch > first.epoch);
    QVERIFY(window.trainingControls()->progressText().contains("step 60/60"));
}

// Issue 17, item 9: Reset greys the curves at once, labelled with the run's settings; the next
// run relabels them with what differed.
void TestMainWindow::resetGreysTheCurvesAtOnce() {
    MainWindow window;
    QVERIFY(loadShipped(window, "reverse"));
    useSmallModel(window, 20);
    QCOMPARE(trainToTheEnd(window).steps, 20LL);
    window.trainingControls()->resetAction()->trigger();
    QCOMPARE(window.lossPlot()->previousRunLabels(), QStringList{"run 1: general \u00B7 lr 0.01"});
    QCOMPARE(window.lossPlot()->pointCount(LossSeries::TrainingLoss), 0);
    QVERIFY(window.trainingControls()->progressText().isEmpty());

    // The next run is additive with the same rate: the grey run is named by what it did differently.
    ModelConfig config;
    config.embedding = 16;
    config.hidden = 32;
    config.scorer = ScorerKind::Additive;
    TrainingSettings settings;
    settings.maxSteps = 20;
    settings.batchSize = 32;
    settings.learningRate = 0.01;
    window.settingsPanel()->setFromModel(config, settings);
    QCOMPARE(trainToTheEnd(window).steps, 20LL);
    QCOMPARE(window.lossPlot()->previousRunLabels(), QStringList{"run 1: general"});
    QCOMPARE(window.lossPlot()->previousGraph(0, LossSeries::SmoothedTrainingLoss)->name(),
             QString("run 1: general"));
    // With no run drawing, each grey run is named by its own essentials.
    window.trainingControls()->resetAction()->trigger();
    QCOMPARE(window.lossPlot()->previousRunLabels(),
             (QStringList{"run 1: general \u00B7 lr 0.01", "run 2: additive \u00B7 lr 0.01"}));
}

// Issue 17, item 4: a learning rate of 5 trains on with a huge loss; the window says so.
void TestMainWindow::hugeLearningRateWarns() {
    MainWindow window;
    QVERIFY(loadShipped(window, "reverse"));
    ModelConfig config;
    config.embedding = 16;
    config.hidden = 32;
    TrainingSettings settings;
    settings.maxSteps = 150;
    settings.batchSize = 32;
    settings.learningRate = 5;
    window.settingsPanel()->setFromModel(config, settings);
    QSignalSpy warnings(window.session(), &TrainingSession::warning);
    const TrainingResult result = trainToTheEnd(window);
    QCOMPARE(result.outcome, TrainingOutcome::Completed); // no NaN: it trains on, badly
    QVERIFY(!warnings.isEmpty());
    QVERIFY2(QString::fromStdString(result.warning).contains("far above where the run started"),
             result.warning.c_str());
    QVERIFY(window.trainingControls()->warning().contains("probably too high"));
}

// Issue 13, item 3: a run clipped hard at every step (clip norm 0.001) gets the gradient_clipping
// hint, once, under the loss curves and in the status bar; a new model clears it.
void TestMainWindow::healthHintShowsUnderTheCurves() {
    MainWindow window;
    window.show();
    QVERIFY(loadShipped(window, "reverse"));
    ModelConfig config;
    config.embedding = 16;
    config.hidden = 32;
    TrainingSettings settings;
    settings.epochs = 2;
    settings.batchSize = 32;
    settings.learningRate = 0.01;
    settings.clipNorm = 0.001;
    window.settingsPanel()->setFromModel(config, settings);
    QSignalSpy hints(window.session(), &TrainingSession::hintFound);
    QCOMPARE(trainToTheEnd(window).outcome, TrainingOutcome::Completed);
    HealthHintsPanel& panel = *window.hintsPanel();
    QVERIFY(panel.isVisible());
    QCOMPARE(hints.count(), static_cast<int>(panel.hints().size()));
    QCOMPARE(std::count_if(panel.hints().begin(), panel.hints().end(),
                           [](const HealthHint& h) { return h.id == "gradient_clipping"; }),
             1L);
    QVERIFY2(panel.text().contains(QStringLiteral("Try:")), qPrintable(panel.text()));
    if (const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR"); !directory.isEmpty()) {
        window.resize(1600, 1000); // docs/screenshots/health-hint.png
        QTest::qWait(300);
        QVERIFY(window.grab().save(directory + "/health-hint.png"));
    }
    window.trainingControls()->resetAction()->trigger();
    QVERIFY(panel.hints().empty());
    QVERIFY(!panel.isVisible());
}

namespace {
// 300 pairs of strings over `alphabet` and their reversals.
bool writeReversals(const QString& path, const QString& alphabet) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    for (int i = 0; i < 300; ++i) {
        QString source;
        for (int k = 0; k < 3 + i % 5; ++k) source += alphabet[(i * 7 + k * 3) % alphabet.size()];
        QString target = source;
        std::reverse(target.begin(), target.end());
        file.write((source + '\t' + target + '\n').toUtf8());
    }
    return true;
}
} // namespace

// Issue 17, item 1: a file loaded again under the same name, but with other characters, is
// continued; the window says how much of it the model cannot spell.
void TestMainWindow::editedFileWithOtherTokensWarns() {
    QTemporaryDir dir;
    const QString path = dir.filePath("pairs.tsv");
    QVERIFY(writeReversals(path, "abcdef"));
    MainWindow window;
    QVERIFY(loadShipped(window, path));
    useSmallModel(window, 10);
    QCOMPARE(trainToTheEnd(window).steps, 10LL);
    QVERIFY(writeReversals(path, "123456"));
    QVERIFY(loadShipped(window, path));
    QVERIFY(window.session()->modelFitsDataset());
    QSignalSpy prepared(window.session(), &TrainingSession::dataPrepared);
    QSignalSpy finished(window.session(), &TrainingSession::finished);
    window.trainingControls()->trainAction()->trigger();
    QVERIFY(prepared.wait(20000));
    QVERIFY2(window.trainingControls()->warning().startsWith("100.0% of the validation references"),
             qPrintable(window.trainingControls()->warning()));
    QVERIFY(finished.wait(60000));
    QVERIFY(window.trainingControls()->warning().contains("unknown to the model")); // still there at the end
    QCOMPARE(finished.first().at(0).value<TrainingResult>().validation.exactMatch, 0.0);
}

// attnlab-cli records the path it was given ("data/pairs.tsv"); the window names the loaded file
// by its stem ("pairs"): the model still fits its own data and Train continues it.
void TestMainWindow::cliModelFitsItsOwnFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath("pairs.tsv");
    QVERIFY(writeReversals(path, "abcdef"));
    MainWindow window;
    QVERIFY(loadShipped(window, path));
    useSmallModel(window, 10);
    QCOMPARE(trainToTheEnd(window).steps, 10LL);
    const QString modelPath = dir.filePath("cli.safetensors");
    QString problem;
    QVERIFY2(window.session()->saveModel(modelPath, &problem), qPrintable(problem));
    ModelBundle bundle = loadModel(modelPath.toStdString());
    bundle.dataset = "data/pairs.tsv";
    saveModel(modelPath.toStdString(), bundle);

    window.trainingControls()->resetAction()->trigger();
    QVERIFY2(window.session()->openModel(modelPath, &problem), qPrintable(problem));
    QCOMPARE(window.session()->modelDataset(), QString("data/pairs.tsv"));
    QVERIFY(window.session()->modelFitsDataset());
    QVERIFY(loadShipped(window, "reverse"));
    QVERIFY(!window.session()->modelFitsDataset());
}

namespace {
// The window at 1600 x 1000 after the reference model's 15 epochs of dates, as the screenshots
// show it.
bool trainDatesForScreenshots(MainWindow& window) {
    window.resize(1600, 1000);
    window.show();
    if (!loadShipped(window, "dates")) return false;
    window.settingsPanel()->setFromModel(ModelConfig{}, TrainingSettings{}); // the defaults: 15 epochs
    QSignalSpy finished(window.session(), &TrainingSession::finished);
    window.trainingControls()->trainAction()->trigger();
    return finished.wait(600000);
}
} // namespace

// Not a check: with ATTNLAB_SCREENSHOT_DIR set, trains the reference model on dates through the
// window, types a date and saves what a user sees (docs/screenshots/main-window.png, and the same
// session at 1280 x 720: main-window-1280x720.png).
void TestMainWindow::screenshotOfATrainedSession() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshot");
    MainWindow window;
    QVERIFY(trainDatesForScreenshots(window));
    auto* edit = window.inspectPanel()->findChild<QLineEdit*>("sentenceEdit");
    edit->clear();
    QTest::keyClicks(edit, "saturday, march 3 2015");
    QTest::keyClick(edit, Qt::Key_Return);
    window.inspectPanel()->heatmap()->highlightRow(6);
    QTest::qWait(300);
    qInfo("output: %s", qPrintable(window.inspectPanel()->outputText()));
    QVERIFY(window.grab().save(directory + "/main-window.png"));
    // The same session on a 1280 x 720 projector.
    window.resize(1280, 720);
    QTest::qWait(300);
    QVERIFY(window.grab().save(directory + "/main-window-1280x720.png"));
}

// Not a check: with ATTNLAB_SCREENSHOT_DIR set, trains dates through the window and saves the
// Mechanism tab as a teacher would show it (docs/screenshots/mechanism-*.png): one step taken apart
// with a hovered position's numbers, the same step at τ = 3, a what-if (the day's digit forced to
// look at the year's last digit), and the beam explorer.
void TestMainWindow::screenshotsOfTheMechanism() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshots");
    MainWindow window;
    QVERIFY(trainDatesForScreenshots(window));
    MechanismWorkspace& mechanism = *window.mechanism();
    window.findChild<QTabWidget*>("centralTabs")
        ->setCurrentWidget(window.findChild<QScrollArea*>("mechanismScroll"));
    auto settle = [&](const std::function<void()>& action) {
        QSignalSpy arrived(&mechanism, &MechanismWorkspace::inspected);
        action();
        QVERIFY(arrived.wait(20000) || arrived.count() > 0);
        QTest::qWait(300);
    };
    const QString sentence = QStringLiteral("saturday, march 3 2015");
    settle([&] { mechanism.inspectSentence(sentence); });
    qInfo("mechanism output: %s", qPrintable(mechanism.outputText()));
    mechanism.setStep(6); // the month's second digit, '3'
    int looked = 0;       // where that step looks most
    mechanism.result()->own.steps[6].weights.maxCoeff(&looked);
    mechanism.stepView().hoverPosition(looked);
    QTest::qWait(300);
    QVERIFY(window.grab().save(directory + "/mechanism-step.png"));
    settle([&] { mechanism.setTemperature(3.0); });
    mechanism.setStep(6);
    mechanism.stepView().hoverPosition(looked);
    QTest::qWait(300);
    QVERIFY(window.grab().save(directory + "/mechanism-temperature.png"));
    settle([&] { mechanism.setTemperature(1.0); });
    settle([&] { mechanism.forceAttention(9, 21); }); // the day's digit, all attention on the '5' of 2015
    mechanism.stepView().hoverPosition(21);
    QTest::qWait(300);
    qInfo("what-if: %s", qPrintable(mechanism.outputText()));
    QVERIFY(window.grab().save(directory + "/mechanism-what-if.png"));
    settle([&] { mechanism.resetWhatIf(); });
    settle([&] { mechanism.setBeamWidth(4); });
    mechanism.setStep(0);
    mechanism.stepView().hoverPosition(-1);
    QTest::qWait(300);
    QVERIFY(window.grab().save(directory + "/mechanism-beam.png"));
}

// Not a check of its own: with ATTNLAB_SCREENSHOT_DIR set, trains dates for a few epochs in the
// Dark theme, types a date and saves the window (docs/screenshots/dark-theme.png). It does assert
// that the theme reached the window and the plots, so the picture shows what it claims.
void TestMainWindow::screenshotOfTheDarkTheme() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshot");
    MainWindow window; // its View menu applies the remembered theme; Dark comes after it
    AppTheme::instance().set(Theme::Dark); // not through the menu: the setting stays as it was
    window.resize(1600, 1000);
    window.show();
    QVERIFY(loadShipped(window, "dates"));
    TrainingSettings settings;
    settings.epochs = 4; // a short run: enough for the diagonal of a date to show
    window.settingsPanel()->setFromModel(ModelConfig{}, settings);
    QSignalSpy finished(window.session(), &TrainingSession::finished);
    window.trainingControls()->trainAction()->trigger();
    QVERIFY(finished.wait(600000));
    auto* edit = window.inspectPanel()->findChild<QLineEdit*>("sentenceEdit");
    edit->clear();
    QTest::keyClicks(edit, "saturday, march 3 2015");
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(!window.inspectPanel()->outputText().isEmpty());
    window.inspectPanel()->heatmap()->highlightRow(6);
    QTest::qWait(300);
    QVERIFY(PlotTheme::isDark(window.palette()));
    QVERIFY(window.lossPlot()->plot()->xAxis->tickLabelColor().lightness() > 200);
    qInfo("dark theme output: %s", qPrintable(window.inspectPanel()->outputText()));
    const bool saved = window.grab().save(directory + "/dark-theme.png");
    AppTheme::instance().set(Theme::System);
    QVERIFY(saved);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
