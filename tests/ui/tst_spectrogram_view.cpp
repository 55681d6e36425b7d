// The speech view shows what it is given: spectrogram cells are the filterbank (low bands at the
// bottom, loud dark), each attention row repeats a key's weight over its r frames in the heatmap's
// colours, a click at a pixel picks the frame under it (and the row), gold spans are outlined
// (clipped to the utterance), hovering names output, frame, time and weight, the time axis is
// labelled in seconds, and the player is disabled, saying why, without audio or an audio output.
#include "ui/media/AudioClipPlayer.h"
#include "ui/media/MediaColours.h"
#include "ui/media/SpectrogramAttentionView.h"
#include "ui/plots/AxisTokenLabels.h"
#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"

#include <qcustomplot.h>

#include <QMediaDevices>
#include <QSignalSpy>
#include <QToolButton>
#include <QToolTip>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <numeric>
#include <random>

using namespace attnlab::ui;

namespace {

// A tiny utterance with exact weights: 2 outputs, 8 frames, 3 bands, r = 2 (K = 4). Output 0
// gives all its weight to key 1 (frames 2 and 3), output 1 to key 3 (frames 6 and 7).
SpeechAlignment oneHot() {
    SpeechAlignment a;
    a.bands = 3;
    a.frames = 8;
    a.filterbank.resize(24);
    for (int f = 0; f < 8; ++f)
        for (int b = 0; b < 3; ++b) a.filterbank[size_t(f * 3 + b)] = float(f) - 0.25f * float(b);
    a.framesPerKey = 2;
    a.outputs = {"a", "b"};
    a.attention = {0, 1, 0, 0, //
                   0, 0, 0, 1};
    a.hopSeconds = 0.01;
    return a;
}

// Mel scale position of a frequency as a band index of `bands` bands over 0..8 kHz.
double melBand(double hz, int bands) {
    auto mel = [](double f) { return 2595.0 * std::log10(1.0 + f / 700.0); };
    return mel(hz) / mel(8000.0) * (bands + 1) - 1.0;
}

// A plausible "three four": a log-mel filterbank (40 bands, 10 ms hop) made of silence, fricatives
// (energy rising to the high bands), vowels and approximants (three formants gliding into the
// next sound), with the characters' gold spans, a monotonic diagonal attention (each output looks
// around the middle of its span, </s> at the final silence), r = 2, and audio to go with it.
SpeechAlignment threeFour() {
    enum Kind { Silence, Fricative, Vowel };
    struct Sound {
        Kind kind;
        int frames;
        double f1, f2, f3;                // formants in Hz (vowels and approximants)
        std::vector<std::string> letters; // the characters spoken in it, sharing its frames
    };
    const std::vector<Sound> sounds = {
        {Silence, 14, 0, 0, 0, {}},
        {Fricative, 12, 0, 0, 0, {"t", "h"}},
        {Vowel, 8, 400, 1100, 1600, {"r"}},
        {Vowel, 22, 280, 2250, 2900, {"e", "e"}},
        {Silence, 6, 0, 0, 0, {" "}},
        {Fricative, 12, 0, 0, 0, {"f"}},
        {Vowel, 22, 570, 840, 2400, {"o", "u"}},
        {Vowel, 10, 420, 1150, 1650, {"r"}},
        {Silence, 16, 0, 0, 0, {}},
    };
    SpeechAlignment a;
    a.bands = 40;
    a.framesPerKey = 2;
    a.hopSeconds = 0.01;
    std::mt19937 random(14);
    std::normal_distribution<double> noise(0.0, 1.0);
    int frame = 0;
    for (size_t s = 0; s < sounds.size(); ++s) {
        const Sound& sound = sounds[s];
        const Sound& next = s + 1 < sounds.size() ? sounds[s + 1] : sound;
        for (int i = 0; i < sound.frames; ++i, ++frame) {
            // The last 4 frames of a vowel glide towards the next vowel's formants.
            const double glide = next.kind == Vowel ? std::max(0.0, (i - (sound.frames - 5)) / 4.0) : 0.0;
            const double formants[3] = {sound.f1 + glide * (next.f1 - sound.f1),
                                        sound.f2 + glide * (next.f2 - sound.f2),
                                        sound.f3 + glide * (next.f3 - sound.f3)};
            const double ramp = std::min({1.0, (i + 1) / 3.0, (sound.frames - i) / 3.0});
            for (int b = 0; b < a.bands; ++b) {
                double energy = -9.0 + 0.3 * noise(random);
                if (sound.kind == Fricative)
                    energy = -7.0 + 7.5 * std::pow(double(b) / a.bands, 1.4) * ramp + 0.7 * noise(random);
                if (sound.kind == Vowel) {
                    energy = -6.5 + 2.5 * std::exp(-b / 6.0) + 0.35 * noise(random);
                    for (int k = 0; k < 3; ++k) {
                        const double d = b - melBand(formants[k], a.bands);
                        energy += (7.5 - 1.8 * k) * ramp * std::exp(-d * d / 3.0);
                    }
                    if (b < 3) energy += 3.0 * ramp; // the voicing bar
                }
                a.filterbank.push_back(float(energy));
            }
        }
    }
    a.frames = frame;
    // Letters share their sound's frames evenly; the gold spans are those shares.
    frame = 0;
    for (const Sound& sound : sounds) {
        const int n = int(sound.letters.size());
        for (int l = 0; l < n; ++l) {
            a.outputs.push_back(sound.letters[size_t(l)]);
            a.gold.emplace_back(frame + sound.frames * l / n, frame + sound.frames * (l + 1) / n);
        }
        frame += sound.frames;
    }
    a.outputs.push_back("</s>");
    a.gold.emplace_back(-1, -1);
    const int K = speechKeyCount(a);
    for (size_t t = 0; t < a.outputs.size(); ++t) {
        const double centre = t + 1 < a.outputs.size()
                                  ? (a.gold[t].first + a.gold[t].second) / 2.0 / a.framesPerKey
                                  : (a.frames - 8.0) / a.framesPerKey;
        std::vector<double> row(static_cast<size_t>(K));
        for (int k = 0; k < K; ++k)
            row[size_t(k)] = std::exp(-std::pow((k + 0.5 - centre) / 1.3, 2) / 2) + 0.002;
        const double sum = std::accumulate(row.begin(), row.end(), 0.0);
        for (double w : row) a.attention.push_back(float(w / sum));
    }
    // Audio: voiced sounds as 120 Hz harmonics shaped by the formants, fricatives as noise.
    a.sampleRate = 16000;
    const int perFrame = int(a.sampleRate * a.hopSeconds);
    for (const Sound& sound : sounds)
        for (int n = 0; n < sound.frames * perFrame; ++n) {
            const double t = double(a.audio.size()) / a.sampleRate;
            double x = 0.0;
            if (sound.kind == Fricative) x = 0.08 * noise(random);
            if (sound.kind == Vowel)
                for (int h = 1; h <= 30; ++h) {
                    double gain = 0.0;
                    for (double f : {sound.f1, sound.f2, sound.f3})
                        gain += std::exp(-std::pow((h * 120.0 - f) / 120.0, 2));
                    x += 0.05 * gain * std::sin(2 * M_PI * h * 120.0 * t);
                }
            a.audio.push_back(float(x));
        }
    return a;
}

void showAndLayout(QWidget& widget, QCustomPlot* plot, QSize size = QSize(1000, 700)) {
    widget.resize(size);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    plot->replot(QCustomPlot::rpImmediateRefresh);
}

QPoint cellPixel(const SpectrogramAttentionView& view, int output, int frame) {
    return QPoint(int(std::lround(view.framePixel(frame))), int(std::lround(view.outputPixel(output))));
}

int colourDistance(QColor a, QColor b) {
    return std::max(
        {std::abs(a.red() - b.red()), std::abs(a.green() - b.green()), std::abs(a.blue() - b.blue())});
}

} // namespace

class TestSpectrogramView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shapesAreChecked();
    void spectrogramCellsAreTheFilterbank();
    void rowsRepeatEachKeyOverItsFrames();
    void clickPicksTheFrameUnderIt();
    void goldSpansAreOutlined();
    void hoverNamesOutputFrameAndWeight();
    void timeAxisIsLabelledInSeconds();
    void keysFollowRowsAndMoveTheCursor();
    void playerSaysWhyItCannotPlay();
    void clipBecomes16BitPcm();
    void clearShowsTheEmptyState();
    void screenshot();
};

void TestSpectrogramView::shapesAreChecked() {
    SpectrogramAttentionView view;
    SpeechAlignment bad = oneHot();
    bad.attention.pop_back();
    try {
        view.setAlignment(bad);
        QFAIL("a 2 x 4 attention with 7 values was taken");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(QString(error.what()).contains("attention (T x K = 2 x 4) has 7 values, expected 8"),
                 error.what());
    }
    bad = oneHot();
    bad.filterbank.resize(23);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.setAlignment(bad));
    bad = oneHot();
    bad.gold = {{0, 2}};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.setAlignment(bad));
    bad = oneHot();
    bad.framesPerKey = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.setAlignment(bad));
    QCOMPARE(view.outputCount(), 0); // nothing was taken
}

void TestSpectrogramView::spectrogramCellsAreTheFilterbank() {
    const SpeechAlignment a = threeFour();
    SpectrogramAttentionView view;
    view.setAlignment(a);
    QCOMPARE(view.frameCount(), 122);
    QCOMPARE(view.bandCount(), 40);
    for (int f = 0; f < a.frames; ++f)
        for (int b = 0; b < a.bands; ++b)
            QCOMPARE(view.spectrogramValue(b, f), double(a.filterbank[size_t(f * a.bands + b)]));
    QVERIFY(std::isnan(view.spectrogramValue(40, 0)));
    showAndLayout(view, view.plot());
    QVERIFY(view.bandPixel(0) > view.bandPixel(39)); // low bands at the bottom
    // Both panels share one time axis: a frame is at the same x above and below.
    for (int f : {0, 60, 121})
        QCOMPARE(view.spectrogramRect()->axis(QCPAxis::atBottom)->coordToPixel(f), view.framePixel(f));
    // Loud is dark, quiet is light: the loudest cell is the grey scale's darkest colour.
    const auto loudest = std::max_element(a.filterbank.begin(), a.filterbank.end()) - a.filterbank.begin();
    const int f = int(loudest) / a.bands, b = int(loudest) % a.bands;
    const QImage image = view.plot()->grab().toImage();
    const QColor loud =
        image.pixelColor(int(std::lround(view.framePixel(f))), int(std::lround(view.bandPixel(b))));
    QVERIFY2(colourDistance(loud, spectrogramGradient().color(1, QCPRange(0, 1))) <= 2,
             qPrintable(loud.name()));
    const QColor silence = image.pixelColor(int(view.framePixel(2)), int(view.bandPixel(30)));
    QVERIFY2(silence.lightness() > 200, qPrintable(silence.name()));
}

void TestSpectrogramView::rowsRepeatEachKeyOverItsFrames() {
    const SpeechAlignment a = threeFour();
    SpectrogramAttentionView view;
    view.setAlignment(a);
    QCOMPARE(view.keyCount(), 61);
    for (int t = 0; t < view.outputCount(); ++t)
        for (int f = 0; f < a.frames; ++f)
            QCOMPARE(view.attentionValue(t, f), double(a.attention[size_t(t * 61 + f / 2)]));

    // Colours: weight 1 and 0 in the heatmaps' colour map, over exactly the key's two frames.
    SpectrogramAttentionView small;
    small.setAlignment(oneHot());
    showAndLayout(small, small.plot(), QSize(800, 500));
    const QImage image = small.plot()->grab().toImage();
    const HeatmapColours colours = HeatmapColourChoice::instance().current();
    auto at = [&](int output, int frame) { return image.pixelColor(cellPixel(small, output, frame)); };
    for (int f = 0; f < 8; ++f) {
        const bool one = f == 2 || f == 3;
        QVERIFY2(colourDistance(at(0, f), heatmapColor(colours, one ? 1.0 : 0.0)) <= 2,
                 qPrintable(QString("frame %1: %2").arg(f).arg(at(0, f).name())));
    }
    QVERIFY(colourDistance(at(1, 6), heatmapColor(colours, 1.0)) <= 2);
    QVERIFY(colourDistance(at(1, 5), heatmapColor(colours, 0.0)) <= 2);
}

void TestSpectrogramView::clickPicksTheFrameUnderIt() {
    SpectrogramAttentionView view;
    view.setAlignment(threeFour());
    showAndLayout(view, view.plot());
    QSignalSpy frames(&view, &SpectrogramAttentionView::frameClicked);
    QSignalSpy outputs(&view, &SpectrogramAttentionView::outputSelected);
    const double frameWidth = view.framePixel(1) - view.framePixel(0);
    QVERIFY(frameWidth > 5); // 122 frames over some 900 pixels
    // On the spectrogram: the frame whose column holds x, near either of its edges too.
    const int y = int(view.bandPixel(20));
    for (auto [frame, offset] : {std::pair{0, -0.4}, {37, 0.0}, {37, 0.4}, {38, -0.4}, {121, 0.4}}) {
        const int x = int(std::lround(view.framePixel(frame) + offset * frameWidth));
        QCOMPARE(view.frameAt(QPointF(x, y)), frame);
        QTest::mouseClick(view.plot(), Qt::LeftButton, {}, QPoint(x, y));
        QCOMPARE(frames.last().at(0).toInt(), frame);
        QCOMPARE(view.cursorFrame(), frame);
        QCOMPARE(view.player().startSeconds(), std::min(frame * 0.01, view.player().durationSeconds()));
    }
    QCOMPARE(outputs.count(), 0);                                            // the spectrogram is no row
    QCOMPARE(view.frameAt(QPointF(view.framePixel(0) - frameWidth, y)), -1); // left of the map
    // On the rows: the frame and the row.
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, cellPixel(view, 4, 50));
    QCOMPARE(frames.last().at(0).toInt(), 50);
    QCOMPARE(outputs.last().at(0).toInt(), 4);
    QCOMPARE(view.selectedOutput(), 4);
    QVERIFY(view.outputAxisLabels().label(4).text == "e");
    // On a row's label: the row only.
    const int before = frames.count();
    QTest::mouseClick(view.plot(), Qt::LeftButton, {},
                      QPoint(view.attentionRect()->left() - 10, int(view.outputPixel(9))));
    QCOMPARE(view.selectedOutput(), 9);
    QCOMPARE(frames.count(), before);
}

void TestSpectrogramView::goldSpansAreOutlined() {
    SpectrogramAttentionView view;
    SpeechAlignment a = threeFour();
    view.setAlignment(a);
    QCOMPARE(view.outputCount(), 11);
    QCOMPARE(view.goldOutlineCount(), 10);                       // every letter; </s> has no span
    QCOMPARE(view.goldOutlineFrames(0), std::make_pair(14, 20)); // "t": the first half of the fricative
    QCOMPARE(view.goldOutlineFrames(1), std::make_pair(20, 26));
    QCOMPARE(view.goldOutlineFrames(10), std::make_pair(-1, -1));
    // Spans reaching past the utterance are clipped to it; one wholly past it is not drawn.
    a.gold[9] = {100, 500};
    a.gold[8] = {300, 400};
    a.gold[7] = {-5, 3};
    view.setAlignment(a);
    QCOMPARE(view.goldOutlineCount(), 8);
    QCOMPARE(view.goldOutlineFrames(9), std::make_pair(100, 122));
    QCOMPARE(view.goldOutlineFrames(8), std::make_pair(-1, -1));
    QCOMPARE(view.goldOutlineFrames(7), std::make_pair(-1, -1)); // begin < 0: no span
    a.gold.clear();
    view.setAlignment(a);
    QCOMPARE(view.goldOutlineCount(), 0);
    // Drawn: the gold colour on the outline's left edge.
    view.setAlignment(threeFour());
    showAndLayout(view, view.plot());
    const QImage image = view.plot()->grab().toImage();
    const int x = int(std::lround(view.framePixel(14) - 0.5 * (view.framePixel(1) - view.framePixel(0))));
    QColor edge;
    for (int dx = -1; dx <= 1 && edge != kGoldColour; ++dx)
        edge = image.pixelColor(x + dx, int(view.outputPixel(0)));
    QCOMPARE(edge, kGoldColour);
}

void TestSpectrogramView::hoverNamesOutputFrameAndWeight() {
    const SpeechAlignment a = threeFour();
    SpectrogramAttentionView view;
    view.setAlignment(a);
    showAndLayout(view, view.plot());
    const QPoint cell = cellPixel(view, 2, 29); // "r", frame 29 = key 14, inside its span [26, 34)
    const QString expected =
        QString("output 3 of 11 'r' \u2192 frame 29 (0.29 s), key 14: %1 \u00b7 in its gold span")
            .arg(double(a.attention[size_t(2 * 61 + 14)]), 0, 'f', 4);
    QCOMPARE(view.toolTipAt(cell), expected);
    // The mouse shows it.
    QMouseEvent move(QEvent::MouseMove, QPointF(cell), view.plot()->mapToGlobal(QPointF(cell)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view.plot(), &move);
    QCOMPARE(QToolTip::text(), expected);
    QCOMPARE(view.outputAxisLabels().hovered(), 2);
    // Outside the span: no gold note; the special token shown as the heatmap shows it.
    QVERIFY(!view.toolTipAt(cellPixel(view, 2, 60)).contains("gold"));
    QVERIFY(view.toolTipAt(cellPixel(view, 10, 60))
                .startsWith("output 11 of 11 '</s>' \u2192 frame 60 (0.60 s)"));
    // The spectrogram: frame, time, band and log energy.
    const QPointF spec(view.framePixel(40), view.bandPixel(4));
    QCOMPARE(view.toolTipAt(spec), QString("frame 40 (0.40 s), mel band 5 of 40: log energy %1")
                                       .arg(double(a.filterbank[size_t(40 * 40 + 4)]), 0, 'f', 2));
    // A label names its output; the colour scale, nothing.
    QCOMPARE(view.toolTipAt(QPointF(view.attentionRect()->left() - 10, view.outputPixel(5))),
             QString("output 6 of 11 '\u2423'"));
    QCOMPARE(view.toolTipAt(QPointF(view.attentionRect()->right() + 30, view.outputPixel(5))), QString());
}

void TestSpectrogramView::timeAxisIsLabelledInSeconds() {
    SpectrogramAttentionView view;
    view.setAlignment(threeFour());
    showAndLayout(view, view.plot());
    const QCPAxis* time = view.attentionRect()->axis(QCPAxis::atBottom);
    QCOMPARE(time->label(), QString("time (s)"));
    const QVector<double> ticks = time->tickVector();
    const QVector<QString> labels = time->tickVectorLabels();
    QVERIFY(ticks.size() >= 4);
    // Ticks a round number of seconds apart (1, 2, 2.5 or 5 times a power of ten), each labelled
    // with its time: frame 25 is 0.25 s.
    const double step = (ticks[1] - ticks[0]) * 0.01;
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    QVERIFY2(std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 ||
                 std::abs(mantissa - 2.5) < 1e-6 || std::abs(mantissa - 5) < 1e-6,
             qPrintable(QString::number(step)));
    for (int i = 0; i < ticks.size(); ++i) {
        QCOMPARE(labels[i].toDouble(), std::round(ticks[i] * 0.01 * 1e6) / 1e6);
        QVERIFY2(std::abs(ticks[i] * 0.01 / step - std::round(ticks[i] * 0.01 / step)) < 1e-6,
                 qPrintable(labels[i]));
    }
}

void TestSpectrogramView::keysFollowRowsAndMoveTheCursor() {
    SpectrogramAttentionView view;
    view.setAlignment(threeFour());
    showAndLayout(view, view.plot());
    QSignalSpy outputs(&view, &SpectrogramAttentionView::outputSelected);
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.selectedOutput(), 0);
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.selectedOutput(), 1);
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(view.selectedOutput(), 0);
    QCOMPARE(outputs.count(), 3);
    QTest::keyClick(&view, Qt::Key_Escape);
    QCOMPARE(view.selectedOutput(), -1);
    view.setCursorFrame(10);
    QTest::keyClick(&view, Qt::Key_Right); // one key: r = 2 frames
    QCOMPARE(view.cursorFrame(), 12);
    QTest::keyClick(&view, Qt::Key_Left);
    QTest::keyClick(&view, Qt::Key_Left);
    QCOMPARE(view.cursorFrame(), 8);
    QTest::keyClick(&view, Qt::Key_Space); // plays or, without an output, does nothing
    QCOMPARE(view.player().isPlaying(), view.player().canPlay());
    view.player().stop();
    // The same outputs again keep the row; other outputs with fewer rows drop it.
    view.setSelectedOutput(7);
    view.setAlignment(threeFour());
    QCOMPARE(view.selectedOutput(), 7);
    view.setAlignment(oneHot());
    QCOMPARE(view.selectedOutput(), -1);
    QCOMPARE(view.cursorFrame(), -1); // frame 8 is past the shorter utterance's 8 frames
}

void TestSpectrogramView::playerSaysWhyItCannotPlay() {
    SpectrogramAttentionView view;
    SpeechAlignment a = threeFour();
    a.audio.clear();
    view.setAlignment(a);
    AudioClipPlayer& player = view.player();
    QVERIFY(!player.canPlay());
    QVERIFY(!player.button().isEnabled());
    QVERIFY2(player.button().toolTip().contains("no audio, only its features"),
             qPrintable(player.button().toolTip()));
    player.play(); // refused, not a crash
    QVERIFY(!player.isPlaying());

    view.setAlignment(threeFour()); // with audio, on this machine's default output
    if (QMediaDevices::audioOutputs().isEmpty()) {
        QVERIFY(!player.canPlay());
        QVERIFY2(player.button().toolTip().contains("no audio output"),
                 qPrintable(player.button().toolTip()));
    } else {
        QVERIFY(player.canPlay());
        QVERIFY(player.button().isEnabled());
    }
    player.setOutputDevice(QAudioDevice()); // as on a machine without sound
    QVERIFY(!player.canPlay());
    QVERIFY(!player.button().isEnabled());
    QCOMPARE(player.button().toolTip(),
             QString("This machine has no audio output (no sound device or sound server was found)."));
    QTest::mouseClick(&player.button(), Qt::LeftButton);
    QVERIFY(!player.isPlaying());
    // The start still follows the cursor, ready for a machine that can play.
    view.setCursorFrame(50);
    QCOMPARE(player.startSeconds(), 0.5);
    QVERIFY(player.button().text().contains("0.50 s"));
}

void TestSpectrogramView::clipBecomes16BitPcm() {
    AudioClipPlayer player;
    player.setClip({0.0f, 0.5f, -1.0f, 1.0f, 2.0f, -3.0f, std::nanf("")}, 8000);
    const QByteArray& pcm = player.pcm();
    QCOMPARE(pcm.size(), 14);
    const auto sample = [&](int i) {
        qint16 value = 0;
        std::memcpy(&value, pcm.constData() + 2 * i, 2);
        return value;
    };
    const qint16 expected[] = {0, 16384, -32767, 32767, 32767, -32767, 0}; // clipped to [-1, 1]; NaN silent
    for (int i = 0; i < 7; ++i) QCOMPARE(sample(i), expected[i]);
    QCOMPARE(player.sampleRate(), 8000);
    QCOMPARE(player.durationSeconds(), 7.0 / 8000);
    player.setStartSeconds(1.0); // past the end: clamped to it
    QCOMPARE(player.startSeconds(), 7.0 / 8000);
    player.setStartSeconds(-1.0);
    QCOMPARE(player.startSeconds(), 0.0);
    player.setClip({0.1f}, 0); // no rate: cannot play
    QVERIFY(!player.canPlay());
    QVERIFY(player.unavailableReason().contains("no sample rate"));
}

void TestSpectrogramView::clearShowsTheEmptyState() {
    SpectrogramAttentionView view;
    view.setAlignment(threeFour());
    view.setSelectedOutput(3);
    view.setCursorFrame(40);
    view.clear();
    QCOMPARE(view.outputCount(), 0);
    QCOMPARE(view.selectedOutput(), -1);
    QCOMPARE(view.cursorFrame(), -1);
    QCOMPARE(view.goldOutlineCount(), 0);
    QVERIFY(!view.spectrogramRect()->visible());
    QVERIFY(!view.player().canPlay());
    SpeechAlignment none = threeFour();
    none.outputs.clear();
    none.attention.clear();
    none.gold.clear();
    view.setAlignment(none); // no outputs: nothing to show
    QCOMPARE(view.frameCount(), 0);
    QVERIFY(!view.attentionRect()->visible());
    showAndLayout(view, view.plot());
    QCOMPARE(view.toolTipAt(QPointF(300, 300)), QString());
}

// Not a check: with ATTNLAB_SCREENSHOT_DIR set, saves "three four" at 1600 x 1000 with a letter
// followed and the cursor in its vowel, as spectrogram-attention.png, and in a panel's size
// (900 x 560) as spectrogram-attention-small.png.
void TestSpectrogramView::screenshot() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshot");
    SpectrogramAttentionView view;
    view.setAlignment(threeFour());
    view.setSelectedOutput(7); // "o"
    view.setCursorFrame(78);
    showAndLayout(view, view.plot(), QSize(1600, 1000));
    QVERIFY(view.grab().save(directory + "/spectrogram-attention.png"));
    showAndLayout(view, view.plot(), QSize(900, 560));
    QVERIFY(view.grab().save(directory + "/spectrogram-attention-small.png"));
}

QTEST_MAIN(TestSpectrogramView)
#include "tst_spectrogram_view.moc"
