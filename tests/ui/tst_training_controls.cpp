// The training controls: which buttons each state enables, the requests a click emits, the
// shortcuts and tooltips, and the progress line's exact formatting.
#include "ui/panels/TrainingControls.h"

#include "ui/panels/ElidedLabel.h"

#include <QAction>
#include <QLabel>
#include <QLayout>
#include <QProgressBar>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

#include <cmath>
#include <limits>

using attnlab::StepProgress;
using attnlab::ui::ElidedLabel;
using attnlab::ui::TrainingControls;
using State = attnlab::ui::TrainingControls::State;

namespace {

QToolButton* button(const TrainingControls& controls, const char* name) {
    auto* b = controls.findChild<QToolButton*>(QString::fromLatin1(name));
    if (!b) qFatal("no button named %s", name);
    return b;
}

const char* const kButtons[] = {"trainButton", "pauseButton", "stepButton", "stopButton", "resetButton"};

StepProgress progress(long long step, long long total, int epoch, int batchesPerEpoch, double stepsPerSecond,
                      double pairsPerSecond, double eta) {
    StepProgress p;
    p.step = step;
    p.totalSteps = total;
    p.epoch = epoch;
    p.batchesPerEpoch = batchesPerEpoch;
    p.stepsPerSecond = stepsPerSecond;
    p.pairsPerSecond = pairsPerSecond;
    p.etaSeconds = eta;
    return p;
}

} // namespace

Q_DECLARE_METATYPE(attnlab::StepProgress)

class TestTrainingControls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void buttonsPerState_data();
    void buttonsPerState();
    void clicksEmitRequests();
    void disabledButtonsEmitNothing();
    void pauseButtonTogglesToResume();
    void shortcutsAreNamedInTooltips();
    void spaceKeyPausesTheRun();
    void formatDuration_data();
    void formatDuration();
    void formatRate_data();
    void formatRate();
    void describeProgress_data();
    void describeProgress();
    void showProgressFillsBarAndLine();
    void showMessage();
    void pausedAndSteppingHoldTheRunningEta();
    void finishedShowsNoSpeed();
    void warningIsAmberUntilReplaced();
    void nothingMovesWhenTextChanges();
    void rendersARunningRun();
};

void TestTrainingControls::buttonsPerState_data() {
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("enabled"); // one letter per button: train pause step stop reset
    QTest::newRow("no data") << State::NoData << "-----";
    QTest::newRow("ready") << State::Ready << "T-S--";
    QTest::newRow("running") << State::Running << "-P-X-";
    QTest::newRow("paused") << State::Paused << "-PSX-";
    QTest::newRow("finished") << State::Finished << "T-S-R";
}

void TestTrainingControls::buttonsPerState() {
    QFETCH(State, state);
    QFETCH(QString, enabled);
    TrainingControls controls;
    controls.setState(state);
    QCOMPARE(controls.state(), state);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(button(controls, kButtons[i])->isEnabled(), enabled[i] != QLatin1Char('-'));
    // The actions the window puts in its menus agree with the buttons.
    QCOMPARE(controls.trainAction()->isEnabled(), enabled[0] != QLatin1Char('-'));
    QCOMPARE(controls.pauseAction()->isEnabled(), enabled[1] != QLatin1Char('-'));
    QCOMPARE(controls.stepAction()->isEnabled(), enabled[2] != QLatin1Char('-'));
    QCOMPARE(controls.stopAction()->isEnabled(), enabled[3] != QLatin1Char('-'));
    QCOMPARE(controls.resetAction()->isEnabled(), enabled[4] != QLatin1Char('-'));
}

void TestTrainingControls::clicksEmitRequests() {
    TrainingControls controls;
    QSignalSpy train(&controls, &TrainingControls::trainRequested);
    QSignalSpy pause(&controls, &TrainingControls::pauseRequested);
    QSignalSpy resume(&controls, &TrainingControls::resumeRequested);
    QSignalSpy step(&controls, &TrainingControls::stepRequested);
    QSignalSpy stop(&controls, &TrainingControls::stopRequested);
    QSignalSpy reset(&controls, &TrainingControls::resetRequested);

    controls.setState(State::Ready);
    QTest::mouseClick(button(controls, "trainButton"), Qt::LeftButton);
    QCOMPARE(train.count(), 1);
    controls.setState(State::Running);
    QTest::mouseClick(button(controls, "pauseButton"), Qt::LeftButton);
    QCOMPARE(pause.count(), 1);
    QCOMPARE(resume.count(), 0);
    controls.setState(State::Paused);
    QTest::mouseClick(button(controls, "stepButton"), Qt::LeftButton);
    QCOMPARE(step.count(), 1);
    QTest::mouseClick(button(controls, "pauseButton"), Qt::LeftButton);
    QCOMPARE(resume.count(), 1);
    QCOMPARE(pause.count(), 1);
    QTest::mouseClick(button(controls, "stopButton"), Qt::LeftButton);
    QCOMPARE(stop.count(), 1);
    controls.setState(State::Finished);
    QTest::mouseClick(button(controls, "resetButton"), Qt::LeftButton);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(train.count(), 1);
}

void TestTrainingControls::disabledButtonsEmitNothing() {
    TrainingControls controls; // NoData
    QSignalSpy train(&controls, &TrainingControls::trainRequested);
    QSignalSpy reset(&controls, &TrainingControls::resetRequested);
    QTest::mouseClick(button(controls, "trainButton"), Qt::LeftButton);
    controls.setState(State::Running);
    QTest::mouseClick(button(controls, "resetButton"), Qt::LeftButton);
    QTest::mouseClick(button(controls, "trainButton"), Qt::LeftButton);
    QCOMPARE(train.count(), 0);
    QCOMPARE(reset.count(), 0);
}

void TestTrainingControls::pauseButtonTogglesToResume() {
    TrainingControls controls;
    controls.setState(State::Running);
    QCOMPARE(button(controls, "pauseButton")->text(), QStringLiteral("Pause"));
    QVERIFY(button(controls, "pauseButton")->toolTip().startsWith(QStringLiteral("Pause training")));
    controls.setState(State::Paused);
    QCOMPARE(button(controls, "pauseButton")->text(), QStringLiteral("Resume"));
    QCOMPARE(controls.pauseAction()->text(), QStringLiteral("Resume"));
    QVERIFY(button(controls, "pauseButton")->toolTip().startsWith(QStringLiteral("Continue training")));
    controls.setState(State::Running);
    QCOMPARE(button(controls, "pauseButton")->text(), QStringLiteral("Pause"));
}

void TestTrainingControls::shortcutsAreNamedInTooltips() {
    TrainingControls controls;
    QCOMPARE(controls.trainAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
    QVERIFY(controls.trainAction()->shortcuts().contains(QKeySequence(Qt::Key_F5)));
    QCOMPARE(controls.pauseAction()->shortcut(), QKeySequence(Qt::Key_Space));
    QCOMPARE(controls.stepAction()->shortcut(), QKeySequence(Qt::Key_F10));
    QCOMPARE(controls.stopAction()->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F5));
    QCOMPARE(controls.resetAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QCOMPARE(controls.trainAction()->toolTip(),
             QStringLiteral("Train the model on the dataset with these settings (Ctrl+T or F5)."));
    for (QAction* action : {controls.trainAction(), controls.pauseAction(), controls.stepAction(),
                            controls.stopAction(), controls.resetAction()}) {
        const QString key = action->shortcut().toString(QKeySequence::NativeText);
        QVERIFY2(action->toolTip().contains(QStringLiteral("(") + key), qPrintable(action->toolTip()));
    }
    for (const char* name : kButtons) QVERIFY2(!button(controls, name)->toolTip().isEmpty(), name);
    QVERIFY(!controls.findChild<QProgressBar*>("progressBar")->toolTip().isEmpty());
}

void TestTrainingControls::spaceKeyPausesTheRun() {
    TrainingControls controls;
    controls.show();
    QVERIFY(QTest::qWaitForWindowActive(&controls));
    QSignalSpy pause(&controls, &TrainingControls::pauseRequested);
    QSignalSpy resume(&controls, &TrainingControls::resumeRequested);
    QSignalSpy train(&controls, &TrainingControls::trainRequested);
    controls.setState(State::Running);
    QTest::keyClick(&controls, Qt::Key_Space);
    QCOMPARE(pause.count(), 1);
    controls.setState(State::Paused);
    QTest::keyClick(&controls, Qt::Key_Space);
    QCOMPARE(resume.count(), 1);
    controls.setState(State::Ready);
    QTest::keyClick(&controls, Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(train.count(), 1);
}

void TestTrainingControls::formatDuration_data() {
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << "0:00";
    QTest::newRow("42") << 42.0 << "0:42";
    QTest::newRow("rounded") << 41.6 << "0:42";
    QTest::newRow("59.4") << 59.4 << "0:59";
    QTest::newRow("minute") << 60.0 << "1:00";
    QTest::newRow("ten minutes") << 605.0 << "10:05";
    QTest::newRow("hour") << 3725.0 << "1:02:05";
    QTest::newRow("day") << 86399.0 << "23:59:59";
    QTest::newRow("long") << 90061.0 << "25:01:01";
    QTest::newRow("negative") << -1.0 << "\u2013";
    QTest::newRow("infinite") << std::numeric_limits<double>::infinity() << "\u2013";
    QTest::newRow("nan") << std::nan("") << "\u2013";
}

void TestTrainingControls::formatDuration() {
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(TrainingControls::formatDuration(seconds), text);
}

void TestTrainingControls::formatRate_data() {
    QTest::addColumn<double>("rate");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << "0.0";
    QTest::newRow("4.46") << 4.46 << "4.5";
    QTest::newRow("9.94") << 9.94 << "9.9";
    QTest::newRow("9.96") << 9.96 << "10";
    QTest::newRow("412.4") << 412.4 << "412";
    QTest::newRow("1234") << 1234.0 << "1,234";
    QTest::newRow("9999.4") << 9999.4 << "9,999";
    QTest::newRow("9999.6") << 9999.6 << "10k";
    QTest::newRow("87400") << 87400.0 << "87k";
    QTest::newRow("999499") << 999499.0 << "999k";
    QTest::newRow("999600") << 999600.0 << "1.0M";
    QTest::newRow("1234567") << 1234567.0 << "1.2M";
    QTest::newRow("12.5M") << 12.5e6 << "13M";
    QTest::newRow("negative") << -3.0 << "\u2013";
    QTest::newRow("nan") << std::nan("") << "\u2013";
}

void TestTrainingControls::formatRate() {
    QFETCH(double, rate);
    QFETCH(QString, text);
    QCOMPARE(TrainingControls::formatRate(rate), text);
}

void TestTrainingControls::describeProgress_data() {
    QTest::addColumn<StepProgress>("progress");
    QTest::addColumn<QString>("text");
    QTest::newRow("the issue's example")
        << progress(412, 3130, 2, 313, 1234.0, 87000.0, 42.0)
        << QStringLiteral("epoch 2/10 · step 412/3130 · 1,234 steps/s · 87k pairs/s · ETA 0:42");
    QTest::newRow("no rate yet") << progress(1, 3130, 1, 313, 0.0, 0.0, 0.0)
                                 << QStringLiteral("epoch 1/10 · step 1/3130");
    // A step budget that ends inside an epoch: 1000 steps of 313 batches touch 4 epochs.
    QTest::newRow("step budget") << progress(1000, 1000, 4, 313, 8.26, 528.0, 0.0)
                                 << QStringLiteral(
                                        "epoch 4/4 · step 1000/1000 · 8.3 steps/s · 528 pairs/s · ETA 0:00");
    QTest::newRow("long run") << progress(1500, 90000, 1, 30000, 12.0, 768.0, 7375.0)
                              << QStringLiteral(
                                     "epoch 1/3 · step 1500/90000 · 12 steps/s · 768 pairs/s · ETA 2:02:55");
    QTest::newRow("unknown plan") << progress(7, 0, 1, 0, 0.0, 0.0, 0.0)
                                  << QStringLiteral("epoch 1 · step 7");
}

void TestTrainingControls::describeProgress() {
    QFETCH(StepProgress, progress);
    QFETCH(QString, text);
    QCOMPARE(TrainingControls::describeProgress(progress), text);
}

void TestTrainingControls::showProgressFillsBarAndLine() {
    TrainingControls controls;
    controls.setState(State::Running);
    auto* bar = controls.findChild<QProgressBar*>("progressBar");
    const StepProgress p = progress(412, 3130, 2, 313, 1234.0, 87000.0, 42.0);
    controls.showProgress(p);
    QCOMPARE(bar->minimum(), 0);
    QCOMPARE(bar->maximum(), 3130);
    QCOMPARE(bar->value(), 412);
    QCOMPARE(controls.progressText(), TrainingControls::describeProgress(p));
    QCOMPARE(controls.findChild<ElidedLabel*>("progressLabel")->fullText(), controls.progressText());

    // More steps than an int holds: the bar counts thousandths.
    controls.showProgress(progress(3'000'000'000LL, 4'000'000'000LL, 1, 0, 0, 0, 0));
    QCOMPARE(bar->maximum(), 1000);
    QCOMPARE(bar->value(), 750);

    controls.clearProgress();
    QCOMPARE(bar->value(), 0);
    QVERIFY(controls.progressText().isEmpty());
}

void TestTrainingControls::showMessage() {
    TrainingControls controls;
    auto* label = controls.findChild<QLabel*>("messageLabel");
    QVERIFY(label->text().isEmpty());
    controls.showMessage(QStringLiteral("Training finished after 10 epochs."));
    QVERIFY(label->isVisibleTo(&controls));
    QCOMPARE(controls.message(), QStringLiteral("Training finished after 10 epochs."));
    controls.resize(700, controls.sizeHint().height());
    controls.show();
    QVERIFY(QTest::qWaitForWindowExposed(&controls));
    QCOMPARE(label->text(), QStringLiteral("Training finished after 10 epochs.")); // room: shown whole
    QVERIFY(controls.warning().isEmpty());
    controls.showMessage(QString());
    QVERIFY(label->text().isEmpty());
    QVERIFY(controls.message().isEmpty());
}

void TestTrainingControls::pausedAndSteppingHoldTheRunningEta() {
    // Issue 17: after five single steps the line read "94 steps/s ... ETA 0:06" when the run really
    // went 13 steps/s with 44 s left, and the ETA kept falling while paused.
    TrainingControls controls;
    controls.setState(State::Running);
    controls.showProgress(progress(400, 1000, 2, 313, 13.0, 832.0, 44.0));
    QCOMPARE(controls.progressText(),
             QStringLiteral("epoch 2/4 · step 400/1000 · 13 steps/s · 832 pairs/s · ETA 0:44"));
    controls.setState(State::Paused);
    QCOMPARE(controls.progressText(), QStringLiteral("epoch 2/4 · step 400/1000 · paused · ETA 0:44"));
    // A late report while paused, with a falling ETA, changes nothing but the step.
    controls.showProgress(progress(401, 1000, 2, 313, 13.0, 832.0, 40.0));
    QCOMPARE(controls.progressText(), QStringLiteral("epoch 2/4 · step 401/1000 · paused · ETA 0:44"));
    // Five single steps: core's rate meter restarted, so each reports a meaningless rate.
    for (int k = 1; k <= 5; ++k) controls.showProgress(progress(401 + k, 1000, 2, 313, 94.0, 6016.0, 6.0));
    QCOMPARE(controls.progressText(), QStringLiteral("epoch 2/4 · step 406/1000 · paused · ETA 0:44"));
    QCOMPARE(controls.findChild<QProgressBar*>("progressBar")->value(), 406);
    // Resumed: the measured rate is back.
    controls.setState(State::Running);
    controls.showProgress(progress(430, 1000, 2, 313, 12.5, 800.0, 45.6));
    QCOMPARE(controls.progressText(),
             QStringLiteral("epoch 2/4 · step 430/1000 · 13 steps/s · 800 pairs/s · ETA 0:46"));
    controls.setState(State::Paused);
    QCOMPARE(controls.progressText(), QStringLiteral("epoch 2/4 · step 430/1000 · paused · ETA 0:46"));

    // Step from Ready starts a run paused after one batch: nothing measured, so no ETA at all.
    TrainingControls stepped;
    stepped.setState(State::Ready);
    stepped.setState(State::Running);
    stepped.setState(State::Paused);
    stepped.showProgress(progress(1, 1000, 1, 313, 250.0, 16000.0, 4.0));
    QCOMPARE(stepped.progressText(), QStringLiteral("epoch 1/4 · step 1/1000 · paused"));
    QCOMPARE(TrainingControls::describePausedProgress(progress(3, 0, 1, 0, 0, 0, 0),
                                                      std::numeric_limits<double>::quiet_NaN()),
             QStringLiteral("epoch 1 · step 3 · paused"));
}

void TestTrainingControls::finishedShowsNoSpeed() {
    TrainingControls controls;
    controls.setState(State::Running);
    controls.showProgress(progress(1000, 1000, 4, 313, 13.0, 832.0, 0.0));
    controls.setState(State::Finished);
    QCOMPARE(controls.progressText(), QStringLiteral("epoch 4/4 · step 1000/1000"));
    // A new run forgets the last one's line until it reports.
    controls.setState(State::Running);
    QVERIFY(controls.progressText().isEmpty());
}

void TestTrainingControls::warningIsAmberUntilReplaced() {
    TrainingControls controls;
    auto* label = controls.findChild<QLabel*>("messageLabel");
    const QColor normal = label->palette().color(QPalette::WindowText);
    controls.setState(State::Ready);
    controls.setState(State::Running);
    const QString text =
        QStringLiteral("The loss is 3.2 times where it started: try a smaller learning rate.");
    controls.showWarning(text);
    QCOMPARE(controls.warning(), text);
    QVERIFY(controls.message().isEmpty());
    QVERIFY(label->textInteractionFlags() & Qt::TextSelectableByMouse);
    // Amber: red and green well above blue, and not the usual text colour.
    label->ensurePolished();
    const QColor amber = label->palette().color(QPalette::WindowText);
    QVERIFY(amber != normal);
    QVERIFY(amber.red() > amber.blue() + 60 && amber.green() > amber.blue() + 30);
    // It stays through pausing, resuming and progress ...
    controls.setState(State::Paused);
    controls.setState(State::Running);
    controls.showProgress(progress(5, 100, 1, 10, 3.0, 96.0, 30.0));
    QCOMPARE(controls.warning(), text);
    // ... and goes with a new run, a message, or clearProgress.
    controls.setState(State::Finished);
    controls.setState(State::Running);
    QVERIFY(controls.warning().isEmpty());
    controls.showWarning(text);
    controls.showMessage(QStringLiteral("Stopped."));
    QVERIFY(controls.warning().isEmpty());
    QCOMPARE(controls.message(), QStringLiteral("Stopped."));
    QVERIFY(label->palette().color(QPalette::WindowText) == normal);
    controls.showWarning(text);
    controls.clearProgress();
    QVERIFY(controls.warning().isEmpty());
    QVERIFY(label->text().isEmpty());
}

void TestTrainingControls::nothingMovesWhenTextChanges() {
    // Issue 17: a second status line made the layout jump; Pause becoming Resume moved the buttons.
    TrainingControls controls;
    controls.resize(700, controls.sizeHint().height());
    controls.show();
    QVERIFY(QTest::qWaitForWindowExposed(&controls));
    controls.setState(State::Running);
    const int height = controls.sizeHint().height();
    const int minimumWidth = controls.minimumSizeHint().width();
    QList<QRect> running;
    for (const char* name : kButtons) running << button(controls, name)->geometry();
    controls.setState(State::Paused);
    QCOMPARE(button(controls, "pauseButton")->text(), QStringLiteral("Resume"));
    controls.layout()->activate(); // lay the row out again with the new text before measuring
    QList<QRect> paused;
    for (const char* name : kButtons) paused << button(controls, name)->geometry();
    QCOMPARE(paused, running);
    QVERIFY(button(controls, "pauseButton")->width() >= button(controls, "pauseButton")->sizeHint().width());

    controls.showProgress(progress(412, 3130, 2, 313, 1234.0, 87000.0, 42.0));
    controls.showMessage(QStringLiteral("Validation after epoch 1: loss 0.912, exact match 41.2%."));
    QCOMPARE(controls.sizeHint().height(), height);
    controls.showWarning(QStringLiteral("a very long warning that goes on ").repeated(20));
    QCOMPARE(controls.sizeHint().height(), height);
    QCOMPARE(controls.minimumSizeHint().width(), minimumWidth); // long text never widens the toolbar
    controls.showMessage(QString());
    QCOMPARE(controls.sizeHint().height(), height);
}

void TestTrainingControls::rendersARunningRun() {
    TrainingControls controls;
    controls.setState(State::Running);
    controls.showProgress(progress(412, 3130, 2, 313, 1234.0, 87000.0, 42.0));
    controls.showMessage(QStringLiteral("Validation after epoch 1: loss 0.912, exact match 41.2%."));
    controls.resize(760, controls.sizeHint().height());
    controls.show();
    QVERIFY(QTest::qWaitForWindowExposed(&controls));
    const QImage image = controls.grab().toImage();
    QCOMPARE(image.size(), controls.size());
    // Every button shows its whole label.
    for (const char* name : kButtons) {
        QToolButton* b = button(controls, name);
        QVERIFY2(b->width() >= b->sizeHint().width(), name);
    }
    const QString dir = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) QVERIFY(image.save(dir + "/training-controls-panel.png"));
}

QTEST_MAIN(TestTrainingControls)
#include "tst_training_controls.moc"
