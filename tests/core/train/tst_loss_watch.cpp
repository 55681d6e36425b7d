// LossWatch: the warnings a run gets when its loss is far above where it started or rises over
// a whole epoch, with literal thresholds; and the trainer passing them on with a learning rate
// that is far too high but gives no NaN.
#include "core/train/LossWatch.h"
#include "core/train/Trainer.h"
#include "support/ReversalTask.h"

#include <QtTest>

#include <cmath>

using namespace attnlab;

class TestLossWatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startingLossIsTheFirstFiniteLoss();
    void farAboveTheStart();
    void risingOverAnEpoch();
    void healthyRunHasNoWarning();
    void continuedLowLossMayWobble();
    void trainerWarnsWithAHugeLearningRate();
};

namespace {
LossWatch startedAt(double loss) {
    LossWatch watch;
    watch.addStep(loss);
    watch.addStep(1000.0); // after the first step: not part of the start
    return watch;
}

struct Messages : TrainingObserver {
    std::vector<std::string> warnings;
    std::vector<std::string> messages;
    void onWarning(const std::string& text) override { warnings.push_back(text); }
    void onMessage(const std::string& text) override { messages.push_back(text); }
};
} // namespace

void TestLossWatch::startingLossIsTheFirstFiniteLoss() {
    LossWatch watch;
    QVERIFY(std::isnan(watch.startingLoss()));
    for (double loss : {std::nan(""), 3.0, 29.7, 42.9}) watch.addStep(loss);
    QCOMPARE(watch.startingLoss(), 3.0); // NaN skipped; a learning rate of 5 blows up from step 2
}

void TestLossWatch::farAboveTheStart() {
    LossWatch watch = startedAt(3.6);
    QCOMPARE(watch.endEpoch(1, 7.1, 5.0), std::string()); // below 2 x 3.6
    const std::string warning = watch.endEpoch(2, 212.4, 5.0);
    QCOMPARE(warning,
             std::string("Epoch 2: the training loss (212) is far above where the run started (3.6). "
                         "The learning rate (5) is probably too high: try a tenth of it, or clip "
                         "gradients to a smaller norm."));
    QCOMPARE(watch.standingWarning(), warning);
}

void TestLossWatch::risingOverAnEpoch() {
    LossWatch watch = startedAt(3.6);
    QCOMPARE(watch.endEpoch(1, 1.0, 0.01), std::string());
    QCOMPARE(watch.endEpoch(2, 1.09, 0.01), std::string()); // +9%: not clearly rising
    const std::string warning = watch.endEpoch(3, 1.5, 0.01);
    QVERIFY2(warning.starts_with(
                 "Epoch 3: the training loss rose over the whole epoch (mean 1.09 before, 1.5 now)."),
             warning.c_str());
    QCOMPARE(watch.endEpoch(4, 1.2, 0.01), std::string()); // falling again: the warning stands down
    QCOMPARE(watch.standingWarning(), std::string());
    QCOMPARE(watch.endEpoch(5, 1.8, 0.01, false), std::string()); // a few batches of a cut-short epoch
    QVERIFY(!watch.endEpoch(6, 20.0, 0.01, false).empty());       // ... far above the start all the same
}

void TestLossWatch::healthyRunHasNoWarning() {
    LossWatch watch = startedAt(3.6);
    for (int epoch = 1; epoch <= 10; ++epoch)
        QCOMPARE(watch.endEpoch(epoch, 3.0 / epoch, 1e-3), std::string());
}

void TestLossWatch::continuedLowLossMayWobble() {
    LossWatch watch = startedAt(0.02);                      // a trained model trained further
    QCOMPARE(watch.endEpoch(1, 0.05, 1e-3), std::string()); // 2.5x, but not a nat above
    QCOMPARE(watch.endEpoch(2, 0.09, 1e-3), std::string()); // +80%, but only 0.04 more
}

void TestLossWatch::trainerWarnsWithAHugeLearningRate() {
    const TrainingData data = test::reversalTrainingData(640, 64, 1);
    Seq2Seq<float> model(test::reversalConfig());
    model.initialize(1);
    TrainingSettings settings;
    settings.epochs = 3;
    settings.batchSize = 32;
    settings.learningRate = 5.0;
    settings.threads = 1;
    Trainer trainer(model, data, settings);
    Messages observer;
    TrainingControl control;
    const TrainingResult result = trainer.run(observer, control);
    QCOMPARE(result.outcome, TrainingOutcome::Completed);
    QVERIFY(!observer.warnings.empty());
    QVERIFY2(observer.warnings.front().find("far above where the run started") != std::string::npos,
             observer.warnings.front().c_str());
    QCOMPARE(result.warning, observer.warnings.back());
    QVERIFY2(result.message.starts_with("Training finished: 60 steps, 3 epochs. Epoch 3: "),
             result.message.c_str());
    QVERIFY(result.message.ends_with(result.warning));
}

QTEST_APPLESS_MAIN(TestLossWatch)
#include "tst_loss_watch.moc"
