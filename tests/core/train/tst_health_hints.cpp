// The health detectors on constructed histories (each fires where it must and stays quiet on a
// near miss), the once-per-episode reporting, a healthy reversal run that gives no hint, and the
// Trainer calling onHint once for a condition that persists.
#include "core/train/HealthDetectors.h"
#include "core/train/HealthHints.h"
#include "core/train/Trainer.h"
#include "support/ReversalTask.h"

#include <QtTest>

#include <cmath>

using namespace attnlab;
using namespace attnlab::health;

class TestHealthHints : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sourceLengthSummary();
    void uniformAttention();
    void attentionOnLast();
    void lateAlignment();
    void lossPlateau();
    void lossSpikes();
    void gradientClipping();
    void overfitting();
    void allDetectorsQuietOnEmptyHistory();
    void reportedOncePerEpisode();
    void healthyRunGivesNoHint();
    void trainerCallsOnHintOncePerEpisode();
};

namespace {
// A history built in a test: it owns what HealthHistory views.
struct Built {
    std::vector<EpochReport> epochs;
    std::vector<float> losses;
    std::vector<float> norms;
    double clipNorm = 5.0;
    SourceLengthSummary sources{.meanLogLength = std::log(8.0), .meanUniformMass = 1.0 / 8.0};

    // An epoch of `steps` steps with loss and norm constant, and its report.
    EpochReport& addEpoch(double trainLoss, int steps = 10, double norm = 1.0) {
        EpochReport r;
        r.epoch = static_cast<int>(epochs.size()) + 1;
        r.step = (epochs.empty() ? 0 : epochs.back().step) + steps;
        r.trainLoss = trainLoss;
        for (int i = 0; i < steps; ++i) {
            losses.push_back(static_cast<float>(trainLoss));
            norms.push_back(static_cast<float>(norm));
        }
        epochs.push_back(r);
        return epochs.back();
    }
    HealthHistory history() const {
        return {.epochs = epochs,
                .stepLosses = losses,
                .gradientNorms = norms,
                .clipNorm = clipNorm,
                .sources = sources};
    }
};

bool fires(const std::optional<HealthHint>& hint, const char* id) {
    return hint && hint->id == id && !hint->title.empty() && !hint->explanation.empty() &&
           !hint->advice.empty();
}

// Two epochs: the loss fell from 2.0 to `lossNow`, the last validation's attention has `entropy`.
Built attentionRun(double lossNow, double entropy) {
    Built b;
    b.addEpoch(2.0);
    b.addEpoch(lossNow).validation.attentionEntropy = entropy;
    return b;
}

struct Recorder : TrainingObserver {
    std::vector<EpochReport> epochs;
    std::vector<HealthHint> hints;
    void onEpoch(const EpochReport& r) override { epochs.push_back(r); }
    void onHint(const HealthHint& h) override { hints.push_back(h); }
};

QString ids(const std::vector<HealthHint>& hints) {
    QStringList list;
    for (const HealthHint& h : hints) list << QString::fromStdString(h.id) + "@" + QString::number(h.epoch);
    return list.join(", ");
}
} // namespace

void TestHealthHints::sourceLengthSummary() {
    // Sources of 2 and 8 tokens with 1 and 3 reference tokens: rows weigh 1 and 3.
    const std::vector<EncodedPair> pairs = {{.source = {4, 5}, .target = {4}},
                                            {.source = std::vector<int>(8, 4), .target = {4, 4, 4}}};
    const SourceLengthSummary s = SourceLengthSummary::of(pairs);
    QCOMPARE(s.meanLogLength, (std::log(2.0) + 3 * std::log(8.0)) / 4);
    QCOMPARE(s.meanUniformMass, (1.0 / 2 + 3.0 / 8) / 4);
    QVERIFY(std::isnan(SourceLengthSummary::of({}).meanLogLength));
}

void TestHealthHints::uniformAttention() {
    const double logS = std::log(8.0);
    // The loss fell to 1.0 (< 0.6 x 2.0) and the entropy is 95% of ln S.
    Built b = attentionRun(1.0, 0.95 * logS);
    const std::optional<HealthHint> hint = health::uniformAttention(b.history());
    QVERIFY(fires(hint, "uniform_attention"));
    QCOMPARE(hint->epoch, 2);
    QCOMPARE(hint->step, 20LL);
    // Near misses: entropy 85% of ln S; the loss only at 65% of the first epoch's; one epoch only.
    QVERIFY(!health::uniformAttention(attentionRun(1.0, 0.85 * logS).history()));
    QVERIFY(!health::uniformAttention(attentionRun(1.3, 0.95 * logS).history()));
    Built single;
    single.addEpoch(1.0).validation.attentionEntropy = 0.99 * logS;
    QVERIFY(!health::uniformAttention(single.history()));
    // No attention (scorer none): entropy NaN.
    QVERIFY(!health::uniformAttention(attentionRun(1.0, Metrics::NaN).history()));
}

void TestHealthHints::attentionOnLast() {
    Built b;
    b.addEpoch(2.0).validation.lastPositionMass = 0.6;
    QVERIFY(fires(health::attentionOnLast(b.history()), "attention_on_last"));
    b.epochs.back().validation.lastPositionMass = 0.45;
    QVERIFY(!health::attentionOnLast(b.history()));
    // Sources of two tokens: uniform rows already put 0.5 on the last one.
    b.epochs.back().validation.lastPositionMass = 0.6;
    b.sources.meanUniformMass = 0.5;
    QVERIFY(!health::attentionOnLast(b.history()));
    b.sources.meanUniformMass = 0.3; // 0.6 is twice the uniform share: fires
    QVERIFY(fires(health::attentionOnLast(b.history()), "attention_on_last"));
}

void TestHealthHints::lateAlignment() {
    auto run = [](double exact, double aer, long aligned) {
        Built b;
        Metrics& v = b.addEpoch(0.1).validation;
        v.exactMatch = exact;
        v.alignmentErrorRate = aer;
        v.alignedExamples = aligned;
        return b;
    };
    const std::optional<HealthHint> hint = health::lateAlignment(run(0.9, 0.6, 50).history());
    QVERIFY(fires(hint, "late_alignment"));
    QVERIFY(QString::fromStdString(hint->explanation).contains("one step late"));
    QVERIFY(fires(health::lateAlignment(run(0.8, 0.5, 50).history()), "late_alignment")); // both bounds hold
    QVERIFY(!health::lateAlignment(run(0.75, 0.6, 50).history()));
    QVERIFY(!health::lateAlignment(run(0.9, 0.45, 50).history()));
    QVERIFY(!health::lateAlignment(run(0.9, Metrics::NaN, 0).history())); // no gold links
}

void TestHealthHints::lossPlateau() {
    auto run = [](std::vector<double> losses) {
        Built b;
        for (double loss : losses) b.addEpoch(loss);
        b.losses.front() = 2.3f; // the first step, before any update
        return b;
    };
    // 2.000 -> 1.990: 0.5% over three epochs, at 87% of the start.
    const std::optional<HealthHint> hint = health::lossPlateau(run({2.0, 1.995, 1.99}).history());
    QVERIFY(fires(hint, "loss_plateau"));
    QCOMPARE(hint->epoch, 3);
    QVERIFY(!health::lossPlateau(run({2.0, 1.97, 1.95}).history()));   // 2.5%: still falling
    QVERIFY(!health::lossPlateau(run({0.5, 0.499, 0.498}).history())); // flat but low (22% of the start)
    QVERIFY(!health::lossPlateau(run({2.0, 1.995}).history()));        // two epochs are too few
    QVERIFY(fires(health::lossPlateau(run({3.0, 2.0, 1.995, 1.99}).history()), "loss_plateau"));
}

void TestHealthHints::lossSpikes() {
    // Epoch 1: 100 steps at 1.0 +- 0.1; epoch 2 likewise with `count` steps at `height` x.
    auto run = [](int count, double height, double base = 1.0, int spikesInFirst = 0) {
        Built b;
        for (int e = 0; e < 2; ++e) {
            b.addEpoch(base, 100);
            const int spikes = e == 1 ? count : spikesInFirst;
            for (int i = 0; i < 100; ++i) {
                float& loss = b.losses[e * 100 + i];
                loss = static_cast<float>(base * (1.0 + 0.1 * ((i % 3) - 1)));
                if (i % 20 == 15 && i / 20 < spikes) loss = static_cast<float>(base * height);
            }
        }
        return b;
    };
    const std::optional<HealthHint> hint = health::lossSpikes(run(3, 4.0).history());
    QVERIFY(fires(hint, "loss_spikes"));
    QVERIFY(QString::fromStdString(hint->explanation).startsWith("3 steps"));
    QVERIFY(!health::lossSpikes(run(2, 4.0).history()));         // two are not several
    QVERIFY(!health::lossSpikes(run(3, 2.5).history()));         // 2.5 x the median is no spike
    QVERIFY(!health::lossSpikes(run(3, 6.0, 0.05).history()));   // 0.05 -> 0.3: less than 0.5 nats
    QVERIFY(!health::lossSpikes(run(0, 4.0, 1.0, 5).history())); // the spikes were in epoch 1
}

void TestHealthHints::gradientClipping() {
    // 20 steps with clip norm 1: `hard` of them at norm 2.5, the rest at 1.5.
    auto run = [](int hard, double clipNorm = 1.0) {
        Built b;
        b.clipNorm = clipNorm;
        b.addEpoch(1.0, 20, 1.5);
        for (int i = 0; i < hard; ++i) b.norms[i] = 2.5f;
        return b;
    };
    QVERIFY(fires(health::gradientClipping(run(12).history()), "gradient_clipping"));
    QVERIFY(!health::gradientClipping(run(10).history()));      // exactly half is not more than half
    QVERIFY(!health::gradientClipping(run(0).history()));       // clipped every step, but not hard
    QVERIFY(!health::gradientClipping(run(20, 0.0).history())); // no clipping
    // Only the last epoch counts.
    Built b = run(20);
    b.addEpoch(1.0, 20, 0.5);
    QVERIFY(!health::gradientClipping(b.history()));
}

void TestHealthHints::overfitting() {
    auto run = [](std::vector<double> train, std::vector<double> validation) {
        Built b;
        for (size_t i = 0; i < train.size(); ++i) b.addEpoch(train[i]).validation.loss = validation[i];
        return b;
    };
    const std::optional<HealthHint> hint =
        health::overfitting(run({1.0, 0.9, 0.8}, {1.0, 1.1, 1.2}).history());
    QVERIFY(fires(hint, "overfitting"));
    QVERIFY(QString::fromStdString(hint->advice).contains("early stopping"));
    QVERIFY(!health::overfitting(run({1.0, 0.9, 0.8}, {1.0, 0.95, 1.1}).history())); // rose once
    QVERIFY(!health::overfitting(run({1.0, 1.1, 1.2}, {1.0, 1.1, 1.2}).history()));  // both rise
    QVERIFY(!health::overfitting(run({1.0, 0.9}, {1.0, 1.1}).history()));            // too few epochs
    QVERIFY(!health::overfitting(
        run({1.0, 0.9, 0.8}, {Metrics::NaN, Metrics::NaN, Metrics::NaN}).history())); // no validation
}

void TestHealthHints::allDetectorsQuietOnEmptyHistory() {
    QVERIFY(health::detectAll(HealthHistory{}).empty());
    Built quiet;
    quiet.addEpoch(2.0);
    quiet.addEpoch(1.0);
    QVERIFY(health::detectAll(quiet.history()).empty());
}

void TestHealthHints::reportedOncePerEpisode() {
    HealthHint a, b;
    a.id = "loss_plateau";
    b.id = "overfitting";
    HealthHints tracker;
    QCOMPARE(tracker.updateWith({a}).size(), size_t(1));
    QCOMPARE(tracker.updateWith({a}).size(), size_t(0)); // persists: not again
    const std::vector<HealthHint> both = tracker.updateWith({a, b});
    QCOMPARE(both.size(), size_t(1));
    QCOMPARE(both[0].id, b.id);
    QCOMPARE(tracker.updateWith({}).size(), size_t(0));     // quiet
    QCOMPARE(tracker.updateWith({a, b}).size(), size_t(2)); // fires again after quiet
    QCOMPARE(tracker.active().size(), size_t(2));
}

void TestHealthHints::healthyRunGivesNoHint() {
    // Seeds 1 to 6 all stay quiet. At learning rate 0.01 this run (seed 3) converges by epoch 5
    // and then really blows up in epoch 7 (step losses from 0.002 to 1.0): loss_spikes says so.
    const int seed = 3;
    const TrainingData data = test::reversalTrainingData(1600, 128, seed);
    Seq2Seq<float> model(test::reversalConfig());
    model.initialize(seed);
    TrainingSettings settings;
    settings.epochs = 8;
    settings.batchSize = 32;
    settings.learningRate = 0.005;
    Trainer trainer(model, data, settings);
    Recorder recorder;
    TrainingControl control;
    const TrainingResult result = trainer.run(recorder, control);
    QCOMPARE(result.outcome, TrainingOutcome::Completed);
    // It really learnt: most reversals exact, attention peaked.
    QVERIFY2(result.validation.exactMatch > 0.9, qPrintable(QString::number(result.validation.exactMatch)));
    QVERIFY(result.validation.attentionEntropy < 0.5);
    QVERIFY2(recorder.hints.empty(), qPrintable(ids(recorder.hints)));
    for (const EpochReport& r : recorder.epochs) QVERIFY2(r.hints.empty(), qPrintable(ids(r.hints)));
}

void TestHealthHints::trainerCallsOnHintOncePerEpisode() {
    // A clip norm of 0.001: every step's gradient is far more than twice that, at every epoch.
    const TrainingData data = test::reversalTrainingData(320, 32, 1);
    Seq2Seq<float> model(test::reversalConfig());
    model.initialize(1);
    TrainingSettings settings;
    settings.epochs = 4;
    settings.batchSize = 32;
    settings.clipNorm = 0.001;
    Trainer trainer(model, data, settings);
    Recorder recorder;
    TrainingControl control;
    QCOMPARE(trainer.run(recorder, control).outcome, TrainingOutcome::Completed);
    QCOMPARE(int(recorder.epochs.size()), 4);
    int clipping = 0;
    for (const HealthHint& h : recorder.hints) clipping += h.id == "gradient_clipping";
    QCOMPARE(clipping, 1);
    const auto it = std::find_if(recorder.hints.begin(), recorder.hints.end(),
                                 [](const HealthHint& h) { return h.id == "gradient_clipping"; });
    QCOMPARE(it->epoch, 1);
    QCOMPARE(it->step, 10LL);
    // The epoch reports carry it where it appeared, and only there.
    QCOMPARE(recorder.epochs[0].hints.size(),
             size_t(std::count_if(recorder.hints.begin(), recorder.hints.end(),
                                  [](const HealthHint& h) { return h.epoch == 1; })));
    for (int e = 1; e < 4; ++e)
        for (const HealthHint& h : recorder.epochs[e].hints) QVERIFY(h.id != "gradient_clipping");
}

QTEST_APPLESS_MAIN(TestHealthHints)
#include "tst_health_hints.moc"
