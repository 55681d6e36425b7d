// Reading recordings (readAudioFile) on the small committed WAVs in tests/data/audio, including a
// 44.1 kHz one resampled to 16 kHz, and every bad file in tests/data/bad/audio: each refused with
// a MediaError naming the file and the reason. Writing (writeWavFile) round-trips.
#include "core/data/audio/WavFile.h"
#include "core/util/MediaError.h"
#include "core/util/Random.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numbers>

using namespace attnlab;

namespace {

std::string goodFile(const char* name) {
    return std::string(ATTNLAB_TEST_AUDIO "/") + name;
}
std::string badFile(const char* name) {
    return std::string(ATTNLAB_BAD_AUDIO "/") + name;
}

// The frequency of a steady tone from its upward zero crossings (interpolated between samples),
// away from the ends where a resampler's filter starts and stops.
double toneFrequency(const Waveform& audio) {
    const std::vector<float>& x = audio.samples;
    const std::size_t edge = x.size() / 10;
    double first = -1, last = -1;
    int crossings = 0;
    for (std::size_t i = edge; i + 1 < x.size() - edge; ++i) {
        if (x[i] < 0 && x[i + 1] >= 0) {
            const double at = static_cast<double>(i) + x[i] / (x[i] - x[i + 1]);
            if (first < 0)
                first = at;
            else
                ++crossings;
            last = at;
        }
    }
    return crossings * audio.sampleRate / (last - first);
}

double rms(const Waveform& audio) {
    const std::vector<float>& x = audio.samples;
    const std::size_t edge = x.size() / 10;
    double sum = 0;
    for (std::size_t i = edge; i < x.size() - edge; ++i) sum += static_cast<double>(x[i]) * x[i];
    return std::sqrt(sum / static_cast<double>(x.size() - 2 * edge));
}

} // namespace

class TestAudioFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsAtItsOwnRate();
    void resamples_data();
    void resamples();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void refusesAnImpossibleTargetRate();
    void writeThenReadIsTheSame();
    void writeClipsAndReplacesAtomically();
};

void TestAudioFile::readsAtItsOwnRate() {
    // 0.5 s of 440 Hz at amplitude 0.5, 16-bit: the samples come back as written.
    const Waveform audio = readAudioFile(goodFile("tone-440hz-16k.wav"));
    QCOMPARE(audio.sampleRate, 16000);
    QCOMPARE(audio.samples.size(), std::size_t{8000});
    for (std::size_t i = 0; i < audio.samples.size(); ++i) {
        const double written =
            std::round(32767 * 0.5 * std::sin(2 * std::numbers::pi * 440 * i / 16000.0)) / 32768;
        QVERIFY2(std::abs(audio.samples[i] - written) < 1e-6, qPrintable(QString::number(i)));
    }
}

void TestAudioFile::resamples_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("targetRate");
    QTest::addColumn<int>("length");
    QTest::addColumn<double>("hz");
    // 0.2 s at 44.1 kHz (8820 samples) of 1000 Hz; 0.5 s at 16 kHz (8000) of 440 Hz.
    QTest::newRow("44.1 kHz -> 16 kHz") << "tone-1000hz-44k.wav" << 16000 << 3200 << 1000.0;
    QTest::newRow("44.1 kHz -> 8 kHz") << "tone-1000hz-44k.wav" << 8000 << 1600 << 1000.0;
    QTest::newRow("16 kHz -> 48 kHz") << "tone-440hz-16k.wav" << 48000 << 24000 << 440.0;
    QTest::newRow("16 kHz -> 22.05 kHz") << "tone-440hz-16k.wav" << 22050 << 11025 << 440.0;
}

void TestAudioFile::resamples() {
    QFETCH(QString, file);
    QFETCH(int, targetRate);
    QFETCH(int, length);
    QFETCH(double, hz);
    const Waveform audio = readAudioFile(goodFile(qPrintable(file)), targetRate);
    QCOMPARE(audio.sampleRate, targetRate);
    QCOMPARE(static_cast<int>(audio.samples.size()), length);
    const double measured = toneFrequency(audio);
    QVERIFY2(std::abs(measured - hz) < 0.5, qPrintable(QString::number(measured)));
    // The level stays: a sine of amplitude 0.5 has an RMS of 0.3536.
    QVERIFY2(std::abs(rms(audio) - 0.5 / std::sqrt(2.0)) < 0.005, qPrintable(QString::number(rms(audio))));
}

void TestAudioFile::refusesBadFiles_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::newRow("stereo")
        << QString::fromStdString(badFile("stereo.wav"))
        << "has 2 channels; AttnLab reads mono recordings (mix down first, e.g. sox in.wav -c 1 "
           "out.wav)";
    QTest::newRow("4 kHz") << QString::fromStdString(badFile("rate-4000hz.wav"))
                           << "has a sample rate of 4000 Hz; AttnLab reads recordings at 8000 to 192000 Hz";
    QTest::newRow("text named .wav") << QString::fromStdString(badFile("not-audio.wav"))
                                     << "is not an audio file AttnLab can read (libsndfile: ";
    QTest::newRow("truncated header")
        << QString::fromStdString(badFile("truncated-header.wav")) << "is a damaged audio file (libsndfile: ";
    QTest::newRow("no samples") << QString::fromStdString(badFile("empty.wav"))
                                << "has no samples (the recording is empty)";
    QTest::newRow("no bytes") << QString::fromStdString(badFile("zero-bytes.wav"))
                              << "is empty (0 bytes), not an audio file";
    QTest::newRow("missing") << QString::fromStdString(badFile("there-is-no-such-file.wav"))
                             << "the file does not exist";
    QTest::newRow("a folder") << QString(ATTNLAB_BAD_AUDIO) << "is a folder, not an audio file";
}

void TestAudioFile::refusesBadFiles() {
    QFETCH(QString, path);
    QFETCH(QString, reason);
    try {
        readAudioFile(path.toStdString());
        QFAIL("no MediaError");
    } catch (const MediaError& e) {
        QCOMPARE(QString::fromStdString(e.file()), path);
        QVERIFY2(QString::fromStdString(e.reason()).startsWith(reason), e.what());
        QCOMPARE(QString(e.what()), path + ": " + QString::fromStdString(e.reason()));
    }
}

void TestAudioFile::refusesAnImpossibleTargetRate() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, readAudioFile(goodFile("tone-440hz-16k.wav"), 4000));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, readAudioFile(goodFile("tone-440hz-16k.wav"), 384000));
}

void TestAudioFile::writeThenReadIsTheSame() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const int rate : {8000, 16000, 22050, 44100}) {
        Waveform audio;
        audio.sampleRate = rate;
        Random random(static_cast<std::uint64_t>(rate));
        for (int i = 0; i < rate / 10; ++i)
            audio.samples.push_back(static_cast<float>(random.uniform(-0.9, 0.9)));
        const std::string path = dir.filePath(QString("noise-%1.wav").arg(rate)).toStdString();
        writeWavFile(path, audio);
        const Waveform back = readAudioFile(path, rate);
        QCOMPARE(back.sampleRate, rate);
        QCOMPARE(back.samples.size(), audio.samples.size());
        for (std::size_t i = 0; i < audio.samples.size(); ++i)
            QVERIFY(std::abs(back.samples[i] - audio.samples[i]) <= 0.5f / 32768); // 16-bit rounding
    }
}

void TestAudioFile::writeClipsAndReplacesAtomically() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("clipped.wav").toStdString();
    writeWavFile(path, Waveform{16000, std::vector<float>(100, 0.1f)});
    writeWavFile(path, Waveform{16000, {1.5f, -1.5f, 1.0f, -1.0f, 0.0f}}); // replaces the first
    const Waveform back = readAudioFile(path);
    QCOMPARE(back.samples.size(), std::size_t{5});
    QCOMPARE(back.samples[0], 32767.0f / 32768); // clipped, not wrapped round to negative
    QCOMPARE(back.samples[1], -1.0f);
    QCOMPARE(back.samples[2], 32767.0f / 32768);
    QCOMPARE(back.samples[3], -1.0f);
    QCOMPARE(back.samples[4], 0.0f);
    // Nothing but the file: no temp file left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"clipped.wav"});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, writeWavFile(path, Waveform{0, {0.0f}}));
}

QTEST_APPLESS_MAIN(TestAudioFile)
#include "tst_audio_file.moc"
