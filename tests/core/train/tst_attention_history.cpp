// Attention through training: the history's bounds and thinning (count under the cap, first and
// last kept, spacing even), the recorder's schedule and its step-0 frame for sentences followed
// late, and the history's round trip through a model file (and the file's refusals).
#include "core/infer/GreedyDecoder.h"
#include "core/train/AttentionRecorder.h"
#include "core/train/Checkpoint.h"
#include "core/train/HistoryFile.h"
#include "core/train/ModelFile.h"
#include "support/ReversalBundle.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace attnlab;

class TestAttentionHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thinningKeepsFirstLastAndCount();
    void thinningKeepsSpacingEven();
    void thinningHoldsTheByteCap();
    void addReplacesFramesFromAnEarlierStep();
    void followableSentencesFitTheirTrack();
    void tracksAreBounded();
    void recorderIntervalSpreadsTheRun();
    void recorderGivesLateSentencesTheirStepZero();
    void historyRoundTripsThroughAModelFile();
    void modelFileWithoutHistoryStillLoads();
    void badHistoryIsRefusedWithItsPlace();
};

namespace {
AttentionFrame frameAt(long long step, int rows = 2, int columns = 3) {
    AttentionFrame frame;
    frame.step = step;
    frame.epoch = static_cast<int>(step / 10);
    frame.loss = 1.0 / (1.0 + static_cast<double>(step));
    frame.output.assign(static_cast<std::size_t>(rows), "x");
    frame.attention = Matrix<float>::Constant(rows, columns, 1.0f / static_cast<float>(columns));
    return frame;
}

TrackSentence sentence(const std::string& key) {
    TrackSentence s;
    s.key = key;
    s.label = key;
    s.source = {"a", "b", "c"};
    return s;
}
} // namespace

void TestAttentionHistory::thinningKeepsFirstLastAndCount() {
    AttentionHistory history;
    for (long long step = 0; step <= 5000; ++step) history.add(sentence("s"), frameAt(step));
    const AttentionTrack* track = history.track("s");
    QVERIFY(track);
    QCOMPARE(static_cast<int>(track->frames.size()), AttentionHistory::kMaxFrames);
    QCOMPARE(track->frames.front().step, 0LL);
    QCOMPARE(track->frames.back().step, 5000LL);
    for (std::size_t i = 1; i < track->frames.size(); ++i)
        QVERIFY(track->frames[i].step > track->frames[i - 1].step);
}

void TestAttentionHistory::thinningKeepsSpacingEven() {
    // 1,000 frames a step apart thinned to 200: gaps of about 5 steps, none much wider.
    AttentionHistory history;
    for (long long step = 0; step < 1000; ++step) history.add(sentence("s"), frameAt(step));
    const auto& frames = history.track("s")->frames;
    long long widest = 0;
    for (std::size_t i = 1; i < frames.size(); ++i)
        widest = std::max(widest, frames[i].step - frames[i - 1].step);
    QVERIFY2(widest <= 8, qPrintable(QString("widest gap %1 steps").arg(widest)));
}

void TestAttentionHistory::thinningHoldsTheByteCap() {
    // A 100-token sentence's frames (210 x 100 floats, 84 KB): the byte cap binds before the count.
    std::vector<AttentionFrame> frames;
    for (long long step = 0; step < 60; ++step) frames.push_back(frameAt(step, 210, 100));
    AttentionHistory::thin(frames, AttentionHistory::kMaxFrames, AttentionHistory::kMaxTrackBytes);
    std::size_t bytes = 0;
    for (const AttentionFrame& f : frames) bytes += f.bytes();
    QVERIFY(bytes <= AttentionHistory::kMaxTrackBytes);
    QCOMPARE(static_cast<int>(frames.size()),
             static_cast<int>(AttentionHistory::kMaxTrackBytes / frames[0].bytes()));
    QCOMPARE(frames.front().step, 0LL);
    QCOMPARE(frames.back().step, 59LL);
}

void TestAttentionHistory::addReplacesFramesFromAnEarlierStep() {
    AttentionHistory history;
    for (long long step : {0, 10, 20, 30}) history.add(sentence("s"), frameAt(step));
    history.add(sentence("s"), frameAt(20));
    const auto& frames = history.track("s")->frames;
    QCOMPARE(frames.size(), std::size_t(3));
    QCOMPARE(frames.back().step, 20LL);
}

void TestAttentionHistory::followableSentencesFitTheirTrack() {
    QVERIFY(AttentionHistory::followable(1));
    QVERIFY(AttentionHistory::followable(359)); // 728 x 359 floats: just under 1 MiB
    QVERIFY(!AttentionHistory::followable(360));
    QVERIFY(!AttentionHistory::followable(0));
    AttentionHistory history;
    AttentionFrame wrong = frameAt(0, 2, 4); // 4 columns for a 3-token source
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, history.add(sentence("s"), wrong));
    QVERIFY(history.empty());
}

void TestAttentionHistory::tracksAreBounded() {
    AttentionHistory history;
    for (int k = 0; k < AttentionHistory::kMaxTracks + 3; ++k)
        history.add(sentence("s" + std::to_string(k)), frameAt(0));
    QCOMPARE(static_cast<int>(history.tracks().size()), AttentionHistory::kMaxTracks);
    QVERIFY(!history.track("s0")); // the least recently added to went first
    QVERIFY(history.track("s" + std::to_string(AttentionHistory::kMaxTracks + 2)));
    // The worst case the README states: every track full of 2 MiB.
    QCOMPARE(AttentionHistory::kMaxTracks * AttentionHistory::kMaxTrackBytes, std::size_t(16) << 20);
}

void TestAttentionHistory::recorderIntervalSpreadsTheRun() {
    Vocabulary target;
    AttentionRecorder recorder(nullptr, target, 0, 0);
    int due = 0;
    for (long long step = 1; step <= 4000; ++step) due += recorder.due(step, 4000) ? 1 : 0;
    QCOMPARE(recorder.interval(), 21LL); // 4,000 steps over 199 gaps
    QCOMPARE(due, 191);                  // 190 multiples of 21 and the last step; with step 0, 192
    QVERIFY(due + 1 <= AttentionHistory::kMaxFrames);
    // A continued run spreads the frames over all the model's steps: 1,000 + 1,000 -> every 11.
    AttentionRecorder continued(nullptr, target, 1000, 5);
    QVERIFY(continued.due(1000, 1000)); // the run's last step always
    QCOMPARE(continued.interval(), 11LL);
    QVERIFY(continued.due(1, 1000)); // model step 1,001 = 91 x 11
    QVERIFY(!continued.due(2, 1000));
}

void TestAttentionHistory::recorderGivesLateSentencesTheirStepZero() {
    ModelBundle bundle = test::reversalBundle();
    auto followed = std::make_shared<FollowedSentences>();
    AttentionRecorder recorder(followed, bundle.targetVocabulary, 0, 0);
    recorder.keepInitial(*bundle.model);
    QVERIFY(recorder.record(*bundle.model, 0, 0, NAN).empty()); // nothing followed yet
    const Seq2Seq<float> initial = [&] {
        Seq2Seq<float> copy(bundle.config);
        copy.copyValuesFrom(*bundle.model);
        return copy;
    }();
    bundle.model->initialize(7); // "training" changed the weights
    FollowedSentence s;
    s.sentence = sentence("typed: abc");
    s.sourceIds = {4, 5, 6};
    followed->set({s});
    const std::vector<TrackFrame> frames = recorder.record(*bundle.model, 40, 2, 0.5);
    QCOMPARE(frames.size(), std::size_t(2));
    QCOMPARE(frames[0].frame.step, 0LL);
    QCOMPARE(frames[0].frame.epoch, 0);
    QVERIFY(std::isnan(frames[0].frame.loss));
    QCOMPARE(frames[1].frame.step, 40LL);
    QCOMPARE(frames[1].frame.epoch, 2);
    // Step 0's attention is the initial weights' decoding, step 40's the current one.
    const DecodeResult atStart = greedyDecode(initial, s.sourceIds);
    const DecodeResult now = greedyDecode(*bundle.model, s.sourceIds);
    QVERIFY(frames[0].frame.attention.isApprox(atStart.attention));
    QVERIFY(frames[1].frame.attention.isApprox(now.attention));
    QVERIFY(!frames[0].frame.attention.isApprox(frames[1].frame.attention));
    QCOMPARE(recorder.record(*bundle.model, 50, 2, 0.4).size(), std::size_t(1)); // step 0 once only
}

void TestAttentionHistory::historyRoundTripsThroughAModelFile() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("model.safetensors").toStdString();
    ModelBundle bundle = test::reversalBundle();
    TrackSentence pair = sentence("pair 3: a b c");
    pair.reference = {"c", "b", "a"};
    pair.gold = {{0, 2, true}, {1, 1, false}};
    AttentionFrame first = frameAt(0, 4, 3);
    first.attention << 0.1f, 0.2f, 0.7f, 0.3f, 0.3f, 0.4f, 1.0f, 0.0f, 0.0f, 0.25f, 0.5f, 0.25f;
    first.loss = NAN;
    bundle.history.add(pair, first);
    bundle.history.add(pair, frameAt(25, 2, 3));
    bundle.history.add(sentence("typed: q"), frameAt(5, 1, 3));
    saveModel(path, bundle);

    const ModelBundle loaded = loadModel(path);
    QCOMPARE(loaded.history.tracks().size(), std::size_t(2));
    const AttentionTrack* track = loaded.history.track("pair 3: a b c");
    QVERIFY(track);
    QCOMPARE(track->sentence.reference, pair.reference);
    QCOMPARE(track->sentence.gold, pair.gold);
    QCOMPARE(track->frames.size(), std::size_t(2));
    QVERIFY(std::isnan(track->frames[0].loss));
    QCOMPARE(track->frames[0].attention, first.attention);
    QCOMPARE(track->frames[1].step, 25LL);
    QCOMPARE(track->frames[1].loss, 1.0 / 26.0);
    QCOMPARE(loaded.history.track("typed: q")->frames[0].attention.rows(), Eigen::Index(1));
    // The weights load as before.
    QVERIFY(loaded.model->parameters()[0]->value.isApprox(bundle.model->parameters()[0]->value));
}

void TestAttentionHistory::modelFileWithoutHistoryStillLoads() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("plain.safetensors").toStdString();
    ModelBundle bundle = test::reversalBundle();
    saveModel(path, bundle);
    const CheckpointFile file = readCheckpoint(path);
    QVERIFY(!file.metadata.count(kHistoryKey));
    for (const auto& [name, tensor] : file.tensors) QVERIFY(!name.starts_with(kHistoryTensorPrefix));
    QVERIFY(loadModel(path).history.empty());
}

void TestAttentionHistory::badHistoryIsRefusedWithItsPlace() {
    ModelBundle bundle = test::reversalBundle();
    bundle.history.add(sentence("s"), frameAt(0, 2, 3));
    bundle.history.add(sentence("s"), frameAt(10, 2, 3));
    CheckpointFile file;
    writeHistory(bundle.history, file);
    const auto refused = [](CheckpointFile f) -> QString {
        try {
            readHistory(f);
        } catch (const std::invalid_argument& e) {
            return QString::fromUtf8(e.what());
        }
        return {};
    };
    CheckpointFile wrongShape = file;
    wrongShape.tensors["history.0.attention"].shape = {3, 3};
    wrongShape.tensors["history.0.attention"].data.resize(9);
    QVERIFY2(
        refused(wrongShape).contains("track 0: the tensor has shape [3,3] but 2 frames of 4 output tokens"),
        qPrintable(refused(wrongShape)));
    CheckpointFile missing = file;
    missing.tensors.clear();
    QVERIFY(refused(missing).contains("track 0: its tensor is missing"));
    CheckpointFile outside = file;
    outside.tensors["history.0.attention"].data[5] = 1.5f;
    QVERIFY(refused(outside).contains("frame at step 0: an attention weight is outside 0..1"));
    CheckpointFile notJson = file;
    notJson.metadata[kHistoryKey] = "{\"version\": 1, \"tracks\": [{\"key\": 3}]}";
    QVERIFY2(refused(notJson).startsWith("metadata 'attention_history': "), qPrintable(refused(notJson)));
    CheckpointFile newer = file;
    newer.metadata[kHistoryKey] = "{\"version\": 2, \"tracks\": []}";
    QVERIFY(refused(newer).contains("version 2 is not one this AttnLab reads"));
    CheckpointFile notFinite = file;
    notFinite.tensors["history.0.attention"].data[2] = NAN;
    QVERIFY(refused(notFinite).contains("frame at step 0: an attention weight is not a finite number"));
}

QTEST_APPLESS_MAIN(TestAttentionHistory)
#include "tst_attention_history.moc"
