// Attention through training in the window: the session records the followed sentences (step 0
// included, for a pair followed only once the data was split), saves the history with the model
// and reads it back; the scrubber moves through it, plays it and goes live; a pinned pair's
// heatmap shows the snapshot chosen; the loss curve marks its step; the GIF decodes back (giflib)
// into one frame per snapshot of the right size, and the PNG strip holds the frames asked for.
#include "support/TaskDataset.h"
#include "ui/history/HistoryExport.h"
#include "ui/history/HistoryKeys.h"
#include "ui/history/HistoryScrubber.h"
#include "ui/panels/PinnedPairsPanel.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/LossPlot.h"
#include "ui/session/TrainingSession.h"

#include <gif_lib.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace attnlab;
using namespace attnlab::ui;

class TestAttentionHistoryViews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sessionRecordsSavesAndReopensTheHistory();
    void scrubberMovesPlaysAndGoesLive();
    void scrubberKeepsItsStepAsSnapshotsArrive();
    void pinnedHeatmapShowsTheSnapshot();
    void lossPlotMarksTheStep();
    void gifDecodesIntoOneFramePerSnapshot();
    void pngStripHoldsEvenlySpreadFrames();
};

namespace {
AttentionTrack constructedTrack(int frames) {
    AttentionTrack track;
    track.sentence.key = "typed: abc";
    track.sentence.label = "abc";
    track.sentence.source = {"a", "b", "c"};
    for (int i = 0; i < frames; ++i) {
        AttentionFrame frame;
        frame.step = 10LL * i;
        frame.epoch = i / 4;
        frame.loss = i == 0 ? NAN : 2.0 / (1 + i);
        frame.output = {"c", "b", "a", "</s>"};
        frame.attention = Matrix<float>::Constant(4, 3, 0.1f);
        for (int t = 0; t < 3; ++t) frame.attention(t, 2 - t) = 0.8f; // reversal, sharpening
        frame.attention(3, 0) = 0.8f;
        const float side = i % 2 ? 0.2f : 0.4f; // row 0 alternates between snapshots
        frame.attention.row(0).setConstant(side);
        frame.attention(0, 0) = 1.0f - 2 * side;
        track.frames.push_back(frame);
    }
    return track;
}
} // namespace

void TestAttentionHistoryViews::sessionRecordsSavesAndReopensTheHistory() {
    registerTrainingMetaTypes();
    TrainingSession session;
    // ATTNLAB_HISTORY_EPOCHS=20 ATTNLAB_HISTORY_PAIRS=6000 measures the README's memory figure.
    const int pairs = qEnvironmentVariableIntValue("ATTNLAB_HISTORY_PAIRS") > 0
                          ? qEnvironmentVariableIntValue("ATTNLAB_HISTORY_PAIRS")
                          : 600;
    session.setDataset(test::taskDataset("dates", pairs, 5));
    // Followed once the data is split, as the window's pins are: after the run's step 0.
    connect(&session, &TrainingSession::dataPrepared, this,
            [&](const std::shared_ptr<const TrainingData>& data) {
                std::vector<FollowedSentence> followed;
                for (int index : {0, 1, 2}) {
                    const EncodedPair& pair = data->validation.pairs.at(size_t(index));
                    FollowedSentence s;
                    s.sentence.key = "pair " + std::to_string(index);
                    s.sentence.source = data->sourceVocabulary.decode(pair.source);
                    s.sentence.reference = data->targetVocabulary.decode(pair.target);
                    s.sourceIds = pair.source;
                    followed.push_back(s);
                }
                FollowedSentence typed; // as the inspect box's sentence is followed
                typed.sentence.key = typedTrackKey("tue 8 oct 2047");
                typed.sentence.source = tokenize("tue 8 oct 2047", Tokenization::Char);
                typed.sourceIds = encodeSourceTokens(typed.sentence.source, data->sourceVocabulary).ids;
                followed.push_back(typed);
                session.follow(followed);
            });
    ModelConfig config;
    config.embedding = 16;
    config.hidden = 32;
    TrainingSettings settings;
    const int epochs = qEnvironmentVariableIntValue("ATTNLAB_HISTORY_EPOCHS") > 0
                           ? qEnvironmentVariableIntValue("ATTNLAB_HISTORY_EPOCHS")
                           : 2;
    settings.epochs = epochs;
    settings.batchSize = 32;
    QSignalSpy finished(&session, &TrainingSession::finished);
    QString message;
    QVERIFY2(session.train(config, settings, PrepareOptions{}, &message), qPrintable(message));
    QVERIFY(finished.wait(600000));

    const AttentionHistory& history = session.history();
    QCOMPARE(history.tracks().size(), std::size_t(4));
    for (const AttentionTrack& track : history.tracks()) {
        QVERIFY(track.frames.size() >= 10);
        QVERIFY(static_cast<int>(track.frames.size()) <= AttentionHistory::kMaxFrames);
        QCOMPARE(track.frames.front().step, 0LL); // from the weights kept before the first step
        QVERIFY(std::isnan(track.frames.front().loss));
        QCOMPARE(track.frames.back().step, session.stepsTrained());
        QCOMPARE(track.frames.back().epoch, epochs);
        for (const AttentionFrame& frame : track.frames) {
            QCOMPARE(frame.attention.cols(), Eigen::Index(track.sentence.source.size()));
            QCOMPARE(frame.attention.rows(), Eigen::Index(frame.output.size()));
        }
    }
    qInfo("history of a %d-epoch dates run (%lld steps), 3 pairs and a typed sentence: %zu snapshots each, "
          "%.2f MB",
          epochs, session.stepsTrained(), history.tracks()[0].frames.size(), double(history.bytes()) / 1e6);
    QVERIFY(history.bytes() < (20u << 20));

    QTemporaryDir dir;
    const QString path = dir.filePath("dates.safetensors");
    QVERIFY2(session.saveModel(path, &message), qPrintable(message));
    const long long steps = session.stepsTrained();
    const AttentionTrack saved = history.tracks()[1];
    session.reset();
    QVERIFY(session.history().empty());
    QVERIFY2(session.openModel(path, &message), qPrintable(message));
    const AttentionTrack* reopened = session.history().track(saved.sentence.key);
    QVERIFY(reopened);
    QCOMPARE(reopened->frames.size(), saved.frames.size());
    QCOMPARE(reopened->frames[5].attention, saved.frames[5].attention);
    QCOMPARE(reopened->frames[5].output, saved.frames[5].output);
    QCOMPARE(session.stepsTrained(), steps); // a continued run counts on from the file's history
}

void TestAttentionHistoryViews::scrubberMovesPlaysAndGoesLive() {
    HistoryScrubber scrubber;
    QVERIFY(scrubber.isLive());
    QCOMPARE(scrubber.frameIndex(), -1);
    const AttentionTrack track = constructedTrack(6);
    scrubber.setTrack(&track);
    QVERIFY(scrubber.isLive());
    QVERIFY(scrubber.infoText().startsWith("Live · 6 snapshots from step 0 to 50"));
    QSignalSpy steps(&scrubber, &HistoryScrubber::stepShown);
    scrubber.showFrame(0);
    QVERIFY(!scrubber.isLive());
    QCOMPARE(scrubber.currentFrame()->step, 0LL);
    QCOMPARE(steps.last().at(0).value<std::optional<long long>>(), std::optional<long long>(0));
    QVERIFY(scrubber.infoText().startsWith("Step 0, before training · snapshot 1 of 6"));
    scrubber.showFrame(3);
    QVERIFY(scrubber.infoText().startsWith("Step 30 · epoch 0 · loss 0.500"));
    scrubber.play(); // on from the snapshot shown, resting on the last
    QVERIFY(scrubber.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!scrubber.isPlaying(), 5000);
    QCOMPARE(scrubber.frameIndex(), 5);
    QVERIFY(!scrubber.isLive());
    scrubber.play(); // from the last: starts again at the first
    QCOMPARE(scrubber.frameIndex(), 0);
    scrubber.goLive();
    QVERIFY(scrubber.isLive());
    QVERIFY(!scrubber.isPlaying());
    QCOMPARE(steps.last().at(0).value<std::optional<long long>>(), std::optional<long long>());
    AttentionTrack other = constructedTrack(3);
    other.sentence.key = "typed: other";
    scrubber.showFrame(1);
    scrubber.setTrack(&other); // another sentence: live again
    QVERIFY(scrubber.isLive());
    QCOMPARE(scrubber.frameCount(), 3);
    scrubber.setTrack(nullptr);
    QCOMPARE(scrubber.frameCount(), 0);
}

void TestAttentionHistoryViews::scrubberKeepsItsStepAsSnapshotsArrive() {
    HistoryScrubber scrubber;
    AttentionTrack track = constructedTrack(5);
    scrubber.setTrack(&track);
    scrubber.showFrame(2);                        // step 20
    track.frames.erase(track.frames.begin() + 1); // thinning took step 10
    track.frames.push_back(track.frames.back());
    track.frames.back().step = 60;
    scrubber.setTrack(&track);
    QVERIFY(!scrubber.isLive());
    QCOMPARE(scrubber.currentFrame()->step, 20LL);
    QCOMPARE(scrubber.frameIndex(), 1);
}

void TestAttentionHistoryViews::pinnedHeatmapShowsTheSnapshot() {
    PinnedPairsPanel panel;
    PinCandidate pair;
    pair.index = 4;
    pair.source = "abc";
    pair.reference = "cba";
    pair.sourceTokens = {"a", "b", "c"};
    pair.referenceTokens = {"c", "b", "a"};
    pair.gold = {{0, 2, true}, {1, 1, true}, {2, 0, true}};
    panel.setCandidates({pair});
    AttentionHistory history;
    AttentionTrack track = constructedTrack(4);
    track.sentence.key = pairTrackKey(pair.index, pair.source);
    track.sentence.gold = pair.gold;
    for (const AttentionFrame& frame : track.frames) history.add(track.sentence, frame);
    panel.setHistorySource(&history);
    panel.selectRow(0);
    QCOMPARE(panel.scrubber()->frameCount(), 4);
    panel.scrubber()->showFrame(1);
    QVERIFY(!panel.hintVisible()); // a snapshot shows even before a model exists in the window
    const AlignmentHeatmap& heatmap = *panel.heatmap();
    QCOMPARE(heatmap.outputCount(), 4);
    for (int t = 0; t < 4; ++t)
        for (int s = 0; s < 3; ++s)
            QCOMPARE(heatmap.cellValue(t, s), double(track.frames[1].attention(t, s)));
    QCOMPARE(heatmap.sureMarkerCount(), 3);
}

void TestAttentionHistoryViews::lossPlotMarksTheStep() {
    LossPlot plot;
    QCOMPARE(plot.stepMarker(), std::optional<long long>());
    plot.showStepMarker(120);
    QCOMPARE(plot.stepMarker(), std::optional<long long>(120));
    plot.showStepMarker(std::nullopt);
    QCOMPARE(plot.stepMarker(), std::optional<long long>());
}

void TestAttentionHistoryViews::gifDecodesIntoOneFramePerSnapshot() {
    QTemporaryDir dir;
    const QString path = dir.filePath("history.gif");
    const AttentionTrack track = constructedTrack(7);
    QString error;
    QVERIFY2(writeHistoryGif(track, path, &error), qPrintable(error));
    int code = 0;
    GifFileType* gif = DGifOpenFileName(path.toLocal8Bit().constData(), &code);
    QVERIFY2(gif, GifErrorString(code));
    QCOMPARE(DGifSlurp(gif), GIF_OK);
    QCOMPARE(gif->ImageCount, 7);
    QCOMPARE(gif->SWidth, kGifFrameSize.width());
    QCOMPARE(gif->SHeight, kGifFrameSize.height());
    for (int i = 0; i < gif->ImageCount; ++i) {
        QCOMPARE(gif->SavedImages[i].ImageDesc.Width, kGifFrameSize.width());
        QCOMPARE(gif->SavedImages[i].ImageDesc.Height, kGifFrameSize.height());
        GraphicsControlBlock control{};
        QCOMPARE(DGifSavedExtensionToGCB(gif, i, &control), GIF_OK);
        QCOMPARE(control.DelayTime * 10, i == 6 ? kGifLastFrameDelayMs : kGifFrameDelayMs);
    }
    // Frames differ where the attention did (row 0 alternates between snapshots).
    const auto& a = gif->SavedImages[0];
    const auto& b = gif->SavedImages[1];
    const int pixels = kGifFrameSize.width() * kGifFrameSize.height();
    QVERIFY(!std::equal(a.RasterBits, a.RasterBits + pixels, b.RasterBits));
    DGifCloseFile(gif, &code);

    QVERIFY(!writeHistoryGif(AttentionTrack{}, path, &error));
    QCOMPARE(error, QString("there is no attention history to export"));
}

void TestAttentionHistoryViews::pngStripHoldsEvenlySpreadFrames() {
    QCOMPARE(stripIndices(200, 8), (std::vector<int>{0, 28, 57, 85, 114, 142, 171, 199}));
    QCOMPARE(stripIndices(3, 8), (std::vector<int>{0, 1, 2}));
    QTemporaryDir dir;
    const QString path = dir.filePath("strip.png");
    QString error;
    QVERIFY2(writeHistoryStrip(constructedTrack(20), path, &error), qPrintable(error));
    const QImage strip(path);
    QCOMPARE(strip.size(), QSize(kStripFrameSize.width() * kStripFrames, kStripFrameSize.height()));
    // Each frame is the rendered snapshot: the first tile equals renderHistoryFrame's image.
    const QImage first =
        renderHistoryFrame(constructedTrack(20), 0, kStripFrameSize).convertToFormat(QImage::Format_RGB32);
    QCOMPARE(strip.copy(0, 0, kStripFrameSize.width(), kStripFrameSize.height())
                 .convertToFormat(QImage::Format_RGB32),
             first);
}

QTEST_MAIN(TestAttentionHistoryViews)
#include "tst_attention_history_views.moc"
