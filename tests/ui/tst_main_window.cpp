// The whole window as a user drives it: open a shipped dataset, train through the window's own
// Train action, watch progress reach the plot and the controls, type a sentence, see its
// alignment, save the model, and stop a long run from the Stop action.
#include "ui/MainWindow.h"
#include "ui/SessionFiles.h"
#include "ui/gates/GateHeatmap.h"
#include "ui/gates/GatesWorkspace.h"
#include "ui/history/HistoryExport.h"
#include "ui/history/HistoryKeys.h"
#include "ui/history/HistoryScrubber.h"
#include "ui/mechanism/MechanismWorkspace.h"
#include "ui/mechanism/StepView.h"
#include "ui/panels/DatasetPanel.h"
#include "ui/panels/HealthHintsPanel.h"
#include "ui/panels/InspectPanel.h"
#include "ui/panels/PinnedPairsPanel.h"
#include "ui/panels/SettingsPanel.h"
#include "ui/panels/TrainingControls.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/LossPlot.h"
#include "ui/plots/PlotTheme.h"
#include "ui/theme/AppTheme.h"

#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStandardPaths>
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
    void attentionThroughTrainingInTheWindow();
    void screenshotsOfTheHistory();
    void sessionSavedAndOpenedRestoresTheWindow();
    void badSessionFileChangesNothing();
    void sessionCarriesASmallDatasetsText();
    void screenshotOfTheGates();
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

    // The Gates tab, after Mechanism, traces the dataset's example with the trained model once shown.
    auto* tabs = window.findChild<QTabWidget*>("centralTabs");
    auto* gatesScroll = window.findChild<QScrollArea*>("gatesScroll");
    QCOMPARE(tabs->indexOf(gatesScroll),
             tabs->indexOf(window.findChild<QScrollArea*>("mechanismScroll")) + 1);
    QCOMPARE(tabs->tabText(tabs->indexOf(gatesScroll)), QString("Gates"));
    tabs->setCurrentWidget(gatesScroll);
    QVERIFY(window.gates()->trace().has_value());
    QVERIFY(!window.gates()->sentence().placeholderText().isEmpty());
    QCOMPARE(window.gates()->trace()->decoder.units(), 32);
    tabs->setCurrentIndex(0);

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

// The typed sentence and the pinned pairs are recorded through a run; scrubbing either shows that
// snapshot and marks its step on the loss curve; Live takes the mark away.
void TestMainWindow::attentionThroughTrainingInTheWindow() {
    MainWindow window;
    window.show();
    QVERIFY(loadShipped(window, "reverse"));
    useSmallModel(window, 150);
    auto* edit = window.inspectPanel()->findChild<QLineEdit*>("sentenceEdit");
    QTest::keyClicks(edit, "abcdef");
    QTest::keyClick(edit, Qt::Key_Return); // before any model: followed from the first snapshot on
    QSignalSpy finished(window.session(), &TrainingSession::finished);
    window.trainingControls()->trainAction()->trigger();
    QVERIFY(finished.wait(120000));
    const AttentionHistory& history = window.session()->history();
    QCOMPARE(int(history.tracks().size()), PinnedPairsPanel::kDefaultPins + 1);
    for (const AttentionTrack& track : history.tracks()) {
        QCOMPARE(track.frames.front().step, 0LL);
        QCOMPARE(track.frames.back().step, 150LL);
    }
    HistoryScrubber& typed = *window.inspectPanel()->scrubber();
    QVERIFY(typed.isVisible());
    QCOMPARE(typed.track().sentence.key, typedTrackKey("abcdef"));
    typed.showFrame(0);
    QCOMPARE(window.lossPlot()->stepMarker(), std::optional<long long>(0));
    QVERIFY(window.inspectPanel()->outputLine().startsWith("Output at step 0: "));
    HistoryScrubber& pinned = *window.pinnedPairsPanel()->scrubber();
    QCOMPARE(pinned.frameCount(), int(history.tracks().front().frames.size()));
    pinned.showFrame(pinned.frameCount() / 2);
    QCOMPARE(window.lossPlot()->stepMarker(), std::optional<long long>(pinned.currentFrame()->step));
    pinned.goLive();
    QCOMPARE(window.lossPlot()->stepMarker(), std::optional<long long>());
    // Looking at another tab (not Compare) keeps the run's progress line.
    const QString progress = window.trainingControls()->progressText();
    QVERIFY(!progress.isEmpty());
    window.centralTabs()->setCurrentWidget(window.findChild<QScrollArea*>("mechanismScroll"));
    window.centralTabs()->setCurrentWidget(window.findChild<QScrollArea*>("gatesScroll"));
    window.centralTabs()->setCurrentIndex(0);
    QCOMPARE(window.trainingControls()->progressText(), progress);
}

// Not a check: with ATTNLAB_SCREENSHOT_DIR set, types a date, trains dates through the window and
// saves the typed sentence scrubbed back to an early snapshot (docs/screenshots/attention-history.png)
// and its history as a PNG strip (attention-history-strip.png).
void TestMainWindow::screenshotsOfTheHistory() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshots");
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(loadShipped(window, "dates"));
    auto* edit = window.inspectPanel()->findChild<QLineEdit*>("sentenceEdit");
    QTest::keyClicks(edit, "saturday, march 3 2015");
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(trainDatesForScreenshots(window));
    HistoryScrubber& typed = *window.inspectPanel()->scrubber();
    int early = 0; // the first snapshot past step 120, where the alignment is half formed
    while (early + 1 < typed.frameCount() && typed.track().frames[size_t(early)].step < 120) ++early;
    typed.showFrame(early);
    QTest::qWait(300);
    QVERIFY(window.grab().save(directory + "/attention-history.png"));
    QString error;
    QVERIFY2(writeHistoryStrip(typed.track(), directory + "/attention-history-strip.png", &error),
             qPrintable(error));
}

// File > Save Session then Open Session in a fresh window: the same dataset, settings, model
// (same outputs), attention history, pins, typed sentence and tab.
void TestMainWindow::sessionSavedAndOpenedRestoresTheWindow() {
    QTemporaryDir dir;
    const QString path = dir.filePath("lesson.attnlab");
    QString output;
    std::vector<AttentionTrack> tracks;
    {
        MainWindow window;
        window.show();
        QVERIFY(loadShipped(window, "reverse"));
        useSmallModel(window, 150);
        window.inspectPanel()->inspectSentence("abcdef");
        QCOMPARE(trainToTheEnd(window).outcome, TrainingOutcome::Completed);
        window.pinnedPairsPanel()->setPinned({5, 2});
        window.centralTabs()->setCurrentWidget(window.findChild<QScrollArea*>("mechanismScroll"));
        output = window.inspectPanel()->outputText();
        tracks = window.session()->history().tracks();
        QString problem;
        QVERIFY2(window.saveSession(path, &problem), qPrintable(problem));
    }
    MainWindow window;
    window.show();
    QSignalSpy restored(window.sessionFiles(), &SessionFiles::restored);
    QVERIFY(window.openSession(path));
    QVERIFY(restored.wait(20000));
    QCOMPARE(window.datasetPanel()->dataset()->name(), std::string("reverse"));
    QCOMPARE(window.settingsPanel()->modelConfig().hidden, 32);
    QCOMPARE(window.settingsPanel()->trainingSettings().maxSteps, 150LL);
    QCOMPARE(window.session()->stepsTrained(), 150LL);
    QCOMPARE(window.inspectPanel()->sentence(), QString("abcdef"));
    QCOMPARE(window.inspectPanel()->outputText(), output);
    QCOMPARE(window.centralTabs()->currentWidget()->objectName(), QString("mechanismScroll"));
    QTRY_COMPARE(window.pinnedPairsPanel()->pinned(), (std::vector<int>{5, 2}));
    const AttentionHistory& history = window.session()->history();
    QCOMPARE(history.tracks().size(), tracks.size());
    for (const AttentionTrack& before : tracks) {
        const AttentionTrack* after = history.track(before.sentence.key);
        QVERIFY(after);
        QCOMPARE(after->frames.size(), before.frames.size());
        QCOMPARE(after->frames.back().attention, before.frames.back().attention);
    }
    // Pair 2 was pinned (by default) while training: its scrubber has its history back; pair 5,
    // pinned after training, has none yet.
    window.pinnedPairsPanel()->selectRow(1);
    QCOMPARE(window.pinnedPairsPanel()->scrubber()->frameCount(),
             int(history.track(window.pinnedPairsPanel()->scrubber()->track().sentence.key)->frames.size()));
    QVERIFY(window.pinnedPairsPanel()->scrubber()->frameCount() > 1);
    window.pinnedPairsPanel()->selectRow(0);
    QCOMPARE(window.pinnedPairsPanel()->scrubber()->frameCount(), 0);
}

// A file that is not a session, or a session cut short, is refused with a message naming the
// file; the window keeps its dataset and model.
void TestMainWindow::badSessionFileChangesNothing() {
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    QVERIFY(loadShipped(window, "reverse"));
    const QString garbage = dir.filePath("garbage.attnlab");
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a session at all");
    file.close();
    QVERIFY(!window.openSession(garbage));
    auto* box = window.findChild<QMessageBox*>("sessionErrorBox");
    QVERIFY(box);
    QVERIFY2(box->informativeText().startsWith(garbage + ": "), qPrintable(box->informativeText()));
    box->close();
    QCOMPARE(window.datasetPanel()->dataset()->name(), std::string("reverse"));
    QVERIFY(!window.session()->hasModel());

    const QString saved = dir.filePath("good.attnlab");
    QString problem;
    QVERIFY2(window.saveSession(saved, &problem), qPrintable(problem));
    QFile cut(saved);
    QVERIFY(cut.open(QIODevice::ReadWrite));
    QVERIFY(cut.resize(cut.size() - 10));
    cut.close();
    QVERIFY(!window.openSession(saved));
    QVERIFY(!window.sessionFiles()->restoring());
}

// A session of a small dataset file holds its text: the file gone, the session still opens it
// (copied beside the program's data under its own name, so a model trained on it still fits).
void TestMainWindow::sessionCarriesASmallDatasetsText() {
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    const QString data = dir.filePath("mine.tsv");
    {
        QFile file(data);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 60; ++i) {
            QByteArray source = QByteArray::number(100000 + i * 7919);
            QByteArray target = source;
            std::reverse(target.begin(), target.end());
            file.write(source + '\t' + target + '\n');
        }
    }
    const QString path = dir.filePath("mine.attnlab");
    {
        MainWindow window;
        QSignalSpy loaded(window.datasetPanel(), &DatasetPanel::datasetLoaded);
        window.openDataset(data);
        QVERIFY(loaded.wait(20000));
        QString problem;
        QVERIFY2(window.saveSession(path, &problem), qPrintable(problem));
    }
    QVERIFY(QFile::remove(data));
    MainWindow window;
    QSignalSpy restored(window.sessionFiles(), &SessionFiles::restored);
    QVERIFY(window.openSession(path));
    QVERIFY(restored.wait(20000));
    QCOMPARE(window.datasetPanel()->dataset()->name(), std::string("mine"));
    QCOMPARE(window.datasetPanel()->dataset()->size(), std::size_t(60));
    QVERIFY(QString::fromStdString(window.datasetPanel()->dataset()->path()).endsWith("/sessions/mine.tsv"));
}

// Not a check: with ATTNLAB_SCREENSHOT_DIR set, trains dates through the window (the defaults, some
// 15 s), types a date in the Gates tab and saves it (docs/screenshots/gates.png): the encoder's and decoder's
// gates sorted by variance, and the busiest forget-gate unit of the encoder followed below.
void TestMainWindow::screenshotOfTheGates() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshot");
    MainWindow window;
    QVERIFY(trainDatesForScreenshots(window));
    window.findChild<QTabWidget*>("centralTabs")
        ->setCurrentWidget(window.findChild<QScrollArea*>("gatesScroll"));
    GatesWorkspace& gates = *window.gates();
    gates.sentence().clear();
    QTest::keyClicks(&gates.sentence(), "saturday, march 3 2015");
    QTest::keyClick(&gates.sentence(), Qt::Key_Return);
    QVERIFY(gates.trace().has_value());
    gates.setSortedByVariance(true);
    const GateHeatmap& forget = gates.heatmap(GatesWorkspace::Side::Encoder, GateQuantity::Forget);
    gates.selectUnit(GatesWorkspace::Side::Encoder, forget.unitAtRow(0));
    QTest::qWait(300);
    qInfo("gates output: %s", qPrintable(gates.outputLabels().join(QString())));
    QVERIFY(window.grab().save(directory + "/gates.png"));
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
