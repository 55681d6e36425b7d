// core's Run and Experiment: the record of a run, runs trained together give what each gives
// alone, shared parameters start equal, stop and failure stay within their run.
#include "core/data/ShippedDatasets.h"
#include "core/experiment/Experiment.h"

#include <QtTest>

#include <atomic>
#include <stdexcept>
#include <thread>

using namespace attnlab;

class TestExperiment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runKeepsARecord();
    void togetherEqualsAlone();
    void everyRunAtOnceEqualsInTurn();
    void sharedParametersStartEqual();
    void stopEndsOneRun();
    void aPausedRunLetsTheOthersTrain();
    void aFailingRunLeavesTheOthers();
    void namesAreUnique();
    void continuesAModel();
    void threadPlan();

private:
    std::shared_ptr<const PreparedData> m_data;
};

namespace {
RunSpec smallSpec(ScorerKind scorer, int threads = 1) {
    RunSpec spec;
    spec.name = scorerName(scorer);
    spec.config.embedding = 8;
    spec.config.hidden = 16;
    spec.config.scorer = scorer;
    spec.settings.batchSize = 16;
    spec.settings.epochs = 2;
    spec.settings.learningRate = 0.01;
    spec.settings.threads = threads;
    spec.settings.seed = 3;
    return spec;
}

struct Quiet : TrainingObserver {};

// Throws at its first step, as a run whose training failed.
struct Throwing : TrainingObserver {
    void onStep(const StepProgress&) override { throw std::runtime_error("the disk went away"); }
};

std::vector<TrainingControl*> pointersTo(std::vector<TrainingControl>& controls) {
    std::vector<TrainingControl*> pointers;
    for (TrainingControl& c : controls) pointers.push_back(&c);
    return pointers;
}
} // namespace

void TestExperiment::initTestCase() {
    auto dataset = std::make_shared<const Dataset>(openDataset("reverse"));
    m_data =
        prepareData(dataset, PrepareOptions{.validationFraction = 0.1, .testFraction = 0.0}, 1, "reverse");
    QVERIFY(m_data->data->train.pairs.size() > 100);
    QVERIFY(m_data->longestSource > 0);
}

void TestExperiment::runKeepsARecord() {
    Run run(m_data, smallSpec(ScorerKind::Dot));
    QCOMPARE(run.bundle().config.sourceVocabulary, m_data->data->sourceVocabulary.size());
    QVERIFY(run.bundle().config.maxSourceLength >= m_data->longestSource);
    QCOMPARE(run.bundle().dataset, std::string("reverse"));
    QCOMPARE(run.plannedEpochs(), 2);
    Quiet quiet;
    TrainingControl control;
    const RunRecord& record = run.train(quiet, control);
    QCOMPARE(record.result.outcome, TrainingOutcome::Completed);
    QCOMPARE(record.result.steps, run.plannedSteps());
    QCOMPARE(static_cast<long long>(record.stepLosses.size()), record.result.steps);
    QCOMPARE(static_cast<int>(record.history.size()), 2);
    QCOMPARE(record.history.back().validation.loss, record.result.validation.loss);
    QVERIFY(record.stepLosses.back() < record.stepLosses.front());
    QVERIFY(record.trainingSeconds > 0 && record.trainingSeconds <= record.result.seconds);
    QVERIFY(!record.result.validation.bySourceLength.empty());
}

// Two runs trained at once on two threads end exactly where each ends alone on one thread.
void TestExperiment::togetherEqualsAlone() {
    Experiment experiment(m_data);
    experiment.add(smallSpec(ScorerKind::Dot));
    experiment.add(smallSpec(ScorerKind::Additive));
    std::vector<TrainingControl> controls(2);
    Quiet quiet;
    experiment.train(
        2, [&](int) -> TrainingObserver& { return quiet; }, pointersTo(controls));
    for (int i = 0; i < 2; ++i) {
        const ScorerKind kind = i == 0 ? ScorerKind::Dot : ScorerKind::Additive;
        Run alone(m_data, smallSpec(kind, 1));
        TrainingControl control;
        alone.train(quiet, control);
        const RunRecord& together = experiment.run(i).record();
        QCOMPARE(together.stepLosses, alone.record().stepLosses);
        QCOMPARE(together.result.validation.loss, alone.record().result.validation.loss);
        QCOMPARE(together.result.validation.exactMatches, alone.record().result.validation.exactMatches);
    }
}

// Schedule::Together (the window's: three runs on their own threads over two cores) gives what
// runs in turn give, and says when each run has ended, once.
void TestExperiment::everyRunAtOnceEqualsInTurn() {
    Experiment inTurn(m_data);
    Experiment together(m_data);
    for (Experiment* experiment : {&inTurn, &together})
        for (ScorerKind kind : {ScorerKind::Dot, ScorerKind::Location, ScorerKind::None})
            experiment->add(smallSpec(kind));
    Quiet quiet;
    std::vector<TrainingControl> controls(3);
    inTurn.train(
        2, [&](int) -> TrainingObserver& { return quiet; }, pointersTo(controls), Schedule::InTurn);
    std::vector<TrainingControl> moreControls(3);
    std::vector<std::atomic<int>> ended(3);
    together.train(
        2, [&](int) -> TrainingObserver& { return quiet; }, pointersTo(moreControls), Schedule::Together,
        [&](int i) {
            // The record is complete by now: counted only when it says so.
            if (together.run(i).record().result.outcome == TrainingOutcome::Completed)
                ++ended[static_cast<size_t>(i)];
        });
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(ended[static_cast<size_t>(i)].load(), 1);
        QCOMPARE(together.run(i).settings().threads, 1); // two threads over three runs
        QCOMPARE(together.run(i).record().stepLosses, inTurn.run(i).record().stepLosses);
        QCOMPARE(together.run(i).record().result.validation.loss,
                 inTurn.run(i).record().result.validation.loss);
    }
}

void TestExperiment::sharedParametersStartEqual() {
    Experiment experiment(m_data);
    Run& dot = experiment.add(smallSpec(ScorerKind::Dot));
    Run& location = experiment.add(smallSpec(ScorerKind::LocationAware));
    std::map<std::string, Matrix<float>> dotValues;
    for (Parameter<float>* p : dot.bundle().model->parameters()) dotValues[p->name] = p->value;
    int shared = 0;
    for (Parameter<float>* p : location.bundle().model->parameters()) {
        const auto it = dotValues.find(p->name);
        if (it == dotValues.end()) continue;
        ++shared;
        QVERIFY2(it->second == p->value, p->name.c_str());
    }
    QVERIFY(shared >= 8); // embeddings, encoder and decoder LSTMs, combine and output layers
}

void TestExperiment::stopEndsOneRun() {
    Experiment experiment(m_data);
    experiment.add(smallSpec(ScorerKind::Dot));
    experiment.add(smallSpec(ScorerKind::General));
    std::vector<TrainingControl> controls(2);
    controls[0].requestStop();
    Quiet quiet;
    experiment.train(
        2, [&](int) -> TrainingObserver& { return quiet; }, pointersTo(controls));
    QCOMPARE(experiment.run(0).record().result.outcome, TrainingOutcome::Stopped);
    QVERIFY(experiment.run(0).record().result.steps <= 1);
    QCOMPARE(experiment.run(1).record().result.outcome, TrainingOutcome::Completed);
}

// Three runs on one thread take turns at it; a paused run gives its turn back, so the other two
// finish while it waits, and it finishes after being resumed.
void TestExperiment::aPausedRunLetsTheOthersTrain() {
    Experiment experiment(m_data);
    for (ScorerKind scorer : {ScorerKind::Dot, ScorerKind::General, ScorerKind::Additive})
        experiment.add(smallSpec(scorer));
    std::vector<TrainingControl> controls(3);
    struct PauseAtStep : TrainingObserver {
        TrainingControl* control = nullptr;
        void onStep(const StepProgress& p) override {
            if (p.step == 3) control->pause(); // while it holds its turn
        }
    } pauser;
    pauser.control = &controls[0];
    Quiet quiet;
    std::atomic<int> ended{0};
    std::thread training([&] {
        experiment.train(
            1,
            [&](int i) -> TrainingObserver& {
                return i == 0 ? static_cast<TrainingObserver&>(pauser) : quiet;
            },
            pointersTo(controls), Schedule::Together, [&](int) { ++ended; });
    });
    QTRY_COMPARE_WITH_TIMEOUT(ended.load(), 2, 60000); // the other two end while the first waits
    QCOMPARE(experiment.run(1).record().result.outcome, TrainingOutcome::Completed);
    QCOMPARE(experiment.run(2).record().result.outcome, TrainingOutcome::Completed);
    controls[0].resume();
    training.join();
    QCOMPARE(experiment.run(0).record().result.outcome, TrainingOutcome::Completed);
}

void TestExperiment::aFailingRunLeavesTheOthers() {
    Experiment experiment(m_data);
    experiment.add(smallSpec(ScorerKind::Dot));
    experiment.add(smallSpec(ScorerKind::General));
    std::vector<TrainingControl> controls(2);
    Quiet quiet;
    Throwing throwing;
    experiment.train(
        2,
        [&](int i) -> TrainingObserver& { return i == 0 ? static_cast<TrainingObserver&>(throwing) : quiet; },
        pointersTo(controls));
    QCOMPARE(experiment.run(0).record().result.outcome, TrainingOutcome::Failed);
    QCOMPARE(experiment.run(0).record().result.message, std::string("the disk went away"));
    QCOMPARE(experiment.run(1).record().result.outcome, TrainingOutcome::Completed);
}

void TestExperiment::namesAreUnique() {
    Experiment experiment(m_data);
    experiment.add(smallSpec(ScorerKind::Dot));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, experiment.add(smallSpec(ScorerKind::Dot)));
    RunSpec bad = smallSpec(ScorerKind::General);
    bad.config.hidden = 0;
    try {
        experiment.add(bad);
        QFAIL("a hidden size of 0 was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(std::string(e.what()).rfind("general: ", 0) == 0, e.what()); // names the run
    }
    QCOMPARE(experiment.size(), 1);
}

// A second train() goes on from the weights the first left, with a fresh record.
void TestExperiment::continuesAModel() {
    Run first(m_data, smallSpec(ScorerKind::General));
    Quiet quiet;
    TrainingControl control;
    const double lossAfterFirst = first.train(quiet, control).result.validation.loss;
    Run second(m_data, first.sharedBundle(), first.settings(), "general, continued");
    const RunRecord& record = second.train(quiet, control);
    QCOMPARE(static_cast<int>(record.history.size()), 2);
    QVERIFY(record.result.validation.loss < lossAfterFirst);
}

void TestExperiment::threadPlan() {
    QCOMPARE(planThreads(2, 7).concurrent, 2);
    QCOMPARE(planThreads(2, 7).perRun, 1);
    QCOMPARE(planThreads(8, 2).concurrent, 2);
    QCOMPARE(planThreads(8, 2).perRun, 4);
    QCOMPARE(planThreads(1, 3).concurrent, 1);
}

QTEST_APPLESS_MAIN(TestExperiment)
#include "tst_experiment.moc"
